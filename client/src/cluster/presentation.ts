// What the tree shows for each record: labels, descriptions, icons, grouping by namespace. Pure
// (no vscode import), so it is unit-tested without a workbench. Types only from the cluster model.
import type {
  Cni, IngressInfo, NetworkAttachment, NetworkPolicyInfo, NodeInfo, ObjectRef, PodAttachments, Problem, ServiceInfo,
} from '../../../server/src/cluster/model';

export type IconName = string;

/** One row of the tree, before it becomes a vscode.TreeItem. */
export interface Row {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: IconName;
  /** Icon colour theme id (e.g. `testing.iconFailed`), for health. */
  color?: string;
  /** The object to open as YAML when the row is clicked. */
  ref?: ObjectRef;
  /** Facts shown as children (mode, addresses, interfaces). */
  details?: Row[];
}

export const sectionTitles = {
  cni: 'CNI',
  nodes: 'Nodes',
  attachments: 'Network attachments',
  policies: 'Network policies',
  services: 'Services and Ingresses',
} as const;

export type SectionKey = keyof typeof sectionTitles;

export const sectionIcons: Record<SectionKey, IconName> = {
  cni: 'plug',
  nodes: 'server',
  attachments: 'type-hierarchy-sub',
  policies: 'shield',
  services: 'globe',
};

export interface DescribeFunctions {
  cniDisplayName(cni: Cni): string;
  modeFacts(mode: Cni['mode']): string[];
  modeSummary(mode: Cni['mode']): string;
  nodeSummary(node: NodeInfo): string;
  attachmentSummary(nad: NetworkAttachment): string;
  podInterfacesSummary(pod: PodAttachments): string;
  servicePorts(service: ServiceInfo): string;
  ingressRuleText(rule: IngressInfo['rules'][number]): string;
}

const fact = (label: string, description?: string, icon = 'info'): Row => ({ label, description, icon });

export function cniRow(cni: Cni, d: DescribeFunctions): Row {
  const healthy = cni.desired > 0 && cni.ready === cni.desired;
  const summary = d.modeSummary(cni.mode);
  return {
    label: cni.name,
    description: [cni.version, `${cni.ready}/${cni.desired} ready`, summary].filter(Boolean).join(' · '),
    tooltip: `${d.cniDisplayName(cni)} ${cni.version ?? ''} in namespace ${cni.namespace}: ${cni.ready} of ${cni.desired} pods ready`,
    icon: healthy ? 'pass' : 'warning',
    color: healthy ? 'testing.iconPassed' : 'list.warningForeground',
    details: [
      ...d.modeFacts(cni.mode).map((f) => fact(f, undefined, 'settings')),
      ...(cni.mode?.kind === 'calico' ? cni.mode.pools.map((p) => ({ label: `IPPool ${p.name}`, description: `${p.cidr} ${p.encapsulation}`, icon: 'symbol-namespace', ref: p.ref })) : []),
      ...(cni.mode && 'configMap' in cni.mode && cni.mode.configMap ? [{ label: `ConfigMap ${cni.mode.configMap.name}`, icon: 'file-code', ref: cni.mode.configMap }] : []),
      ...cni.workloads.map((w) => ({
        label: `${w.kind} ${w.name}`,
        description: `${w.ready}/${w.desired} ready${w.image ? ` · ${w.image}` : ''}`,
        icon: w.desired > 0 && w.ready === w.desired ? 'pass' : 'warning',
        ref: w.ref,
      })),
    ],
  };
}

export function nodeRow(node: NodeInfo, d: DescribeFunctions): Row {
  return {
    label: node.name,
    description: d.nodeSummary(node),
    icon: node.ready ? 'vm' : 'vm-outline',
    color: node.ready ? undefined : 'list.warningForeground',
    ref: node.ref,
    details: [
      fact('pod CIDRs', node.podCIDRs.join(', ') || 'none'),
      fact('internal IPs', node.internalIPs.join(', ') || 'none'),
      ...Object.entries(node.annotations).map(([k, v]) => fact(k, v, 'tag')),
    ],
  };
}

export function attachmentRow(nad: NetworkAttachment, d: DescribeFunctions): Row {
  return {
    label: nad.name,
    description: d.attachmentSummary(nad),
    tooltip: nad.resourceName ? `device resource ${nad.resourceName}` : undefined,
    icon: nad.configError ? 'warning' : 'plug',
    ref: nad.ref,
  };
}

export function podRow(pod: PodAttachments, d: DescribeFunctions): Row {
  return {
    label: pod.name,
    description: d.podInterfacesSummary(pod),
    icon: 'symbol-interface',
    ref: pod.ref,
    details: pod.interfaces.map((i) => fact(i.interface ?? '?', `${i.ips.join(', ') || 'no IP'} · ${i.network}${i.default ? ' (default)' : ''}${i.mac ? ` · ${i.mac}` : ''}`, 'circle-small')),
  };
}

export function policyRow(policy: NetworkPolicyInfo): Row {
  return {
    label: policy.name,
    description: `${policy.kind} · ${policy.selector} · ${policy.policyTypes.join('+')}`,
    tooltip: `${policy.apiVersion} ${policy.kind}`,
    icon: 'shield',
    ref: policy.ref,
  };
}

export function serviceRow(service: ServiceInfo, d: DescribeFunctions): Row {
  return {
    label: service.name,
    description: [service.type, service.clusterIP, d.servicePorts(service), service.selector ?? 'no selector'].filter(Boolean).join(' · '),
    icon: 'symbol-event',
    ref: service.ref,
  };
}

export function ingressRow(ingress: IngressInfo, d: DescribeFunctions): Row {
  return {
    label: ingress.name,
    description: [`Ingress${ingress.className ? ` (${ingress.className})` : ''}`, ...ingress.rules.map(d.ingressRuleText)].join(' · '),
    icon: 'globe',
    ref: ingress.ref,
  };
}

export function problemRow(problem: Problem): Row {
  return {
    label: problem.message,
    tooltip: problem.message,
    icon: problem.severity === 'error' ? 'error' : problem.severity === 'warning' ? 'warning' : 'info',
    color: problem.severity === 'error' ? 'list.errorForeground' : problem.severity === 'warning' ? 'list.warningForeground' : undefined,
  };
}

export interface NamespaceGroup<T> {
  /** Null for cluster-scoped objects. */
  namespace: string | null;
  items: T[];
}

/** Items grouped by namespace, namespaces in name order, cluster-scoped ones last. */
export function groupByNamespace<T extends { namespace: string | null }>(items: readonly T[]): NamespaceGroup<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const item of items) groups.set(item.namespace || null, [...(groups.get(item.namespace || null) ?? []), item]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([namespace, list]) => ({ namespace, items: list }));
}

/** The empty state of a section, when it read nothing and reported no problem. */
export const emptyTexts: Record<SectionKey, string> = {
  cni: 'No known CNI found in the usual namespaces',
  nodes: 'No nodes',
  attachments: 'No NetworkAttachmentDefinitions',
  policies: 'No network policies',
  services: 'No Services or Ingresses',
};

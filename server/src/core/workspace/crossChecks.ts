// Checks between objects of the workspace: requested networks that no file defines, Services
// and policies that select nothing, Ingress backends that are not there, overlapping address
// ranges (also between the pools of one object), duplicate objects, CNI configs a runtime would
// never use. All warnings or hints, each with a stable code that a setting can switch off.
import { finding, type Finding } from '../common/findings';
import { overlaps, parseCidr, type Cidr } from '../common/ip';
import type { SubnetFact } from '../k8s/summary';
import { describeSelector, matches, type LabelSelector } from './selectors';
import { subnetRange } from './subnetClashes';
import type { IndexedObject, WorkspaceIndex } from './workspaceIndex';

export interface CrossCheckSettings {
  /** Codes of checks that are off. */
  disabled: string[];
  /** The cluster's Service CIDR, compared with pod networks. */
  serviceCidr: string;
}

export const defaultCrossCheckSettings: CrossCheckSettings = { disabled: [], serviceCidr: '10.96.0.0/12' };

/** The settings, with the Service CIDR parsed once per file rather than once per object. */
interface CheckSettings extends CrossCheckSettings {
  serviceRange: Cidr | undefined;
}

type Check = (object: IndexedObject, index: WorkspaceIndex, report: (f: Finding) => void, settings: CheckSettings) => void;

export function crossFileFindings(index: WorkspaceIndex, uri: string, settings: CrossCheckSettings = defaultCrossCheckSettings): Finding[] {
  const found: Finding[] = [];
  const report = (f: Finding) => {
    if (!settings.disabled.includes(f.code)) found.push(f);
  };
  const checkSettings = { ...settings, serviceRange: parseCidr(settings.serviceCidr) };
  for (const object of index.objectsIn(uri)) {
    for (const check of checks) check(object, index, report, checkSettings);
  }
  shadowedConfig(uri, index, report);
  return found;
}

/** Pods of the object's namespace that a selector picks. */
export function selectedWorkloads(index: WorkspaceIndex, namespace: string, selector: Parameters<typeof matches>[0]): IndexedObject[] {
  return index.workloadsIn(namespace).filter((w) => matches(selector, w.workload!.labels));
}

/** Whether a selector picks any pod of the namespace (without listing them). */
function selectsAny(index: WorkspaceIndex, namespace: string, selector: LabelSelector): boolean {
  return index.workloadsIn(namespace).some((w) => matches(selector, w.workload!.labels));
}

type Peer = NonNullable<IndexedObject['policy']>['peers'][number];

/** The label the API server puts on every namespace: its name. */
export const namespaceNameLabel = 'kubernetes.io/metadata.name';

/**
 * Whether a namespaceSelector picks a namespace. Its name label is always known; other labels are
 * known from the workspace's Namespace objects. undefined: it depends on labels no Namespace object
 * declares, or declarations of the same namespace disagree.
 */
export function namespaceSelects(index: WorkspaceIndex, selector: LabelSelector, namespace: string): boolean | undefined {
  const named = { [namespaceNameLabel]: namespace };
  const onName = selector.requirements.filter((r) => r.key === namespaceNameLabel);
  if (!matches({ requirements: onName }, named)) return false;
  if (onName.length === selector.requirements.length) return true;
  const answers = new Set(index.namespaceLabels(namespace).map((labels) => matches(selector, { ...labels, ...named })));
  return answers.size === 1 ? answers.has(true) : undefined;
}

/**
 * The namespaces a policy peer's podSelector looks in: the policy's own without a
 * namespaceSelector; with one, the namespaces of the workspace's pod templates it selects.
 * undefined when that cannot be told for one of them (see namespaceSelects): a partial answer
 * would pass for a whole one.
 */
export function peerNamespaces(index: WorkspaceIndex, policyNamespace: string, peer: Peer): string[] | undefined {
  if (!peer.crossNamespace) return [policyNamespace];
  const selector = peer.namespaceSelector;
  if (!selector) return undefined;
  const selected: string[] = [];
  for (const namespace of index.workloadNamespaces()) {
    const picks = namespaceSelects(index, selector, namespace);
    if (picks === undefined) return undefined;
    if (picks) selected.push(namespace);
  }
  return selected;
}

/** Pod templates a peer selects, or undefined when its namespaces cannot be told (see peerNamespaces). */
export function peerWorkloads(index: WorkspaceIndex, policyNamespace: string, peer: Peer): IndexedObject[] | undefined {
  return peerNamespaces(index, policyNamespace, peer)?.flatMap((ns) => selectedWorkloads(index, ns, peer.selector));
}

const networkRequests: Check = (object, index, report) => {
  for (const request of object.workload?.networks ?? []) {
    const namespace = request.namespace ?? object.namespace;
    if (index.find('NetworkAttachmentDefinition', namespace, request.name).length) continue;
    const elsewhere = index.named('NetworkAttachmentDefinition', request.name).map((n) => n.namespace);
    const hint = elsewhere.length && !request.namespace
      ? ` A NetworkAttachmentDefinition of that name is in namespace ${elsewhere[0]}: write ${elsewhere[0]}/${request.name}.`
      : '';
    report(finding(request.span.start, request.span.end, 'warning', 'multus/unknown-network',
      `No NetworkAttachmentDefinition "${request.name}" in namespace ${namespace} is defined in this workspace; the pod would stay in ContainerCreating if the cluster lacks it too.${hint}`));
  }
};

const serviceSelects: Check = (object, index, report) => {
  const service = object.service;
  if (!service?.selector || service.type === 'ExternalName' || service.selector.requirements.length === 0) return;
  if (index.workloadsIn(object.namespace).length === 0) return; // nothing to compare with
  const selected = selectedWorkloads(index, object.namespace, service.selector);
  const at = service.selectorSpan ?? object.span;
  if (selected.length === 0) {
    report(finding(at.start, at.end, 'warning', 'k8s/service-no-pods',
      `This selector (${describeSelector(service.selector)}) matches no pod template in namespace ${object.namespace}: the Service would have no endpoints.`));
    return;
  }
  for (const port of service.ports) {
    const target = port.targetPort ?? port.port;
    if (target === undefined) continue;
    const exposes = (w: IndexedObject) => w.workload!.ports.some((p) => (typeof target === 'number' ? p.port === target : p.name === target));
    if (selected.some(exposes)) continue;
    const where = port.targetSpan ?? port.span;
    if (typeof target === 'string') {
      report(finding(where.start, where.end, 'warning', 'k8s/service-target-port',
        `No container of the selected pods (${names(selected)}) has a port named "${target}": traffic to this port would go nowhere.`));
    } else if (selected.every((w) => w.workload!.ports.length > 0)) {
      report(finding(where.start, where.end, 'hint', 'k8s/service-target-port',
        `No container of the selected pods (${names(selected)}) declares port ${target}. That works if the process listens on it, but declaring it documents the contract.`));
    }
  }
};

const ingressBackends: Check = (object, index, report) => {
  for (const backend of object.ingress?.backends ?? []) {
    const services = index.find('Service', object.namespace, backend.service);
    if (services.length === 0) {
      report(finding(backend.span.start, backend.span.end, 'warning', 'k8s/ingress-unknown-service',
        `No Service "${backend.service}" in namespace ${object.namespace} is defined in this workspace.`));
      continue;
    }
    if (backend.port === undefined || !backend.portSpan) continue;
    const ports = services[0].service!.ports;
    const found = ports.some((p) => (typeof backend.port === 'number' ? p.port === backend.port : p.name === backend.port));
    if (!found) {
      const known = ports.map((p) => (p.name ? `${p.name} (${p.port})` : String(p.port))).join(', ') || 'none';
      report(finding(backend.portSpan.start, backend.portSpan.end, 'warning', 'k8s/ingress-unknown-port',
        `Service ${backend.service} has no port ${typeof backend.port === 'number' ? backend.port : `named "${backend.port}"`}; its ports: ${known}.`));
    }
  }
};

const policySelects: Check = (object, index, report) => {
  const policy = object.policy;
  if (!policy || index.workloadsIn(object.namespace).length === 0) return;
  if (policy.podSelector.requirements.length && !selectsAny(index, object.namespace, policy.podSelector)) {
    report(finding(policy.selectorSpan.start, policy.selectorSpan.end, 'warning', 'k8s/policy-no-pods',
      `podSelector (${describeSelector(policy.podSelector)}) matches no pod template in namespace ${object.namespace}: this policy applies to nothing here.`));
  }
  for (const peer of policy.peers) {
    if (peer.crossNamespace || peer.selector.requirements.length === 0) continue;
    if (!selectsAny(index, object.namespace, peer.selector)) {
      report(finding(peer.span.start, peer.span.end, 'warning', 'k8s/policy-no-pods',
        `This peer's podSelector (${describeSelector(peer.selector)}) matches no pod template in namespace ${object.namespace}.`));
    }
  }
  if (policy.egressWithoutDns && policy.podSelector.requirements.length === 0) {
    const dnsAllowed = index.policiesIn(object.namespace).some((p) => p.policy!.types.includes('Egress') && !p.policy!.egressWithoutDns);
    const at = policy.egressSpan ?? policy.selectorSpan;
    if (!dnsAllowed) {
      report(finding(at.start, at.end, 'hint', 'k8s/policy-no-dns',
        `This policy restricts egress for every pod in ${object.namespace}, and no policy there allows DNS (port 53): name resolution will fail. Add an egress rule to kube-dns on UDP and TCP 53.`));
    }
  }
};

const overlappingSubnets: Check = (object, index, report, settings) => {
  const service = settings.serviceRange;
  for (const [i, subnet] of object.subnets.entries()) {
    const mine = subnetRange(subnet);
    if (!mine) continue;
    const sibling = earlierPool(object.subnets, i, mine);
    if (sibling) {
      report(finding(subnet.span.start, subnet.span.end, 'warning', 'net/overlapping-subnets',
        `${subnet.cidr} overlaps ${sibling.pool} (${sibling.cidr}) of this ${object.kind}: Calico does not allow IP pools to overlap, and both would hand out the same addresses. Make the ranges disjoint.`));
    }
    if (service && overlaps(mine, service)) {
      report(finding(subnet.span.start, subnet.span.end, 'warning', 'net/overlapping-subnets',
        `${subnet.cidr} overlaps the Service CIDR ${settings.serviceCidr} (setting cnikit.workspace.serviceCidr): pods and Services would share addresses.`));
    }
    const clash = index.subnetClash(subnet);
    if (clash) {
      report(finding(subnet.span.start, subnet.span.end, 'warning', 'net/overlapping-subnets',
        `${subnet.cidr} overlaps ${clash.text} of ${clash.source}: two networks would hand out the same addresses.`));
    }
  }
};

/**
 * An earlier pool of the same object that overlaps this one. The check between objects leaves an
 * object's own ranges alone (see SubnetFact.pool); reporting the later pool only names one culprit.
 * The same CIDR written twice is already the Installation's calico/duplicate-pool error.
 */
function earlierPool(subnets: SubnetFact[], i: number, mine: Cidr): SubnetFact | undefined {
  const pool = subnets[i];
  if (!pool.pool) return undefined;
  return subnets.slice(0, i).find((other) => {
    const range = other.pool && other.cidr !== pool.cidr ? subnetRange(other) : undefined;
    return range !== undefined && overlaps(range, mine);
  });
}

const duplicates: Check = (object, index, report) => {
  // Namespace objects are indexed only for their labels; CNIKit does not check them.
  if (!object.name || object.namespaceLabels) return;
  const named = index.find(object.kind, object.namespace, object.name);
  if (named.length < 2) return; // the object alone
  const family = apiFamily(object.apiVersion);
  const same = named.filter((o) => o !== object && apiFamily(o.apiVersion) === family);
  if (same.length === 0) return;
  const other = same[0];
  report(finding(object.span.start, object.span.end, 'warning', 'k8s/duplicate-object',
    `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name} is also defined in ${fileName(other.uri)}; applying both, the last one wins.`));
};

/**
 * Which objects of one kind are the same resource: Kubernetes moved kinds between its own groups
 * (an extensions/v1beta1 Ingress is the networking.k8s.io/v1 one), and Calico's CRD group stores
 * what its API group serves; a Calico NetworkPolicy is not a Kubernetes NetworkPolicy.
 */
function apiFamily(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  if (!group.includes('.') || group.endsWith('.k8s.io')) return 'kubernetes';
  return group === 'crd.projectcalico.org' ? 'projectcalico.org' : group;
}

function shadowedConfig(uri: string, index: WorkspaceIndex, report: (f: Finding) => void): void {
  const config = index.configFile(uri);
  if (!config) return;
  const first = index.configsIn(config.folder)[0];
  if (!first || first.uri === uri) return;
  report(finding(0, 0, 'hint', 'cni/shadowed-config',
    `containerd uses only ${first.fileName}, the first config file of this folder in byte order; this file is not the pod network there (CRI-O also takes the first valid one).`));
}

const checks: Check[] = [networkRequests, serviceSelects, ingressBackends, policySelects, overlappingSubnets, duplicates];

function names(objects: IndexedObject[]): string {
  const shown = objects.slice(0, 3).map((o) => `${o.kind} ${o.name}`).join(', ');
  return objects.length > 3 ? `${shown} and ${objects.length - 3} more` : shown;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

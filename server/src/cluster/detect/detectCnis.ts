// Which network plugins run, from the DaemonSets and Deployments found in their usual namespaces.
import type { KubeObject } from '../api';
import { arr, at, num, rec, str } from '../fields';
import type { Cni, CniName, WorkloadSummary } from '../model';
import { objectPath, resources } from '../resources';
import { CNI_RULES, type CniRule } from './catalog';
import { parseImage } from './images';

export interface DetectedCni {
  cni: Cni;
  /** The agent workload as read, for mode detection (Multus thick or thin). */
  agent: KubeObject;
}

export function detectCnis(workloads: readonly KubeObject[]): DetectedCni[] {
  const groups = new Map<CniName, { rule: CniRule; members: KubeObject[] }>();
  for (const workload of workloads) {
    const rule = CNI_RULES.find((r) => matches(r, workload));
    if (!rule) continue;
    const group = groups.get(rule.name) ?? { rule, members: [] };
    group.members.push(workload);
    groups.set(rule.name, group);
  }
  // Canal installs also run calico-kube-controllers: without a calico-node DaemonSet that is Canal's
  const canal = groups.get('canal');
  const calico = groups.get('calico');
  if (canal && calico && !calico.members.some(isDaemonSet)) {
    canal.members.push(...calico.members);
    groups.delete('calico');
  }
  return CNI_RULES.flatMap((rule) => {
    const group = groups.get(rule.name);
    return group ? [summarise(rule, group.members)] : [];
  });
}

function matches(rule: CniRule, workload: KubeObject): boolean {
  if (rule.workloads.test(workload.metadata.name)) return true;
  return !!rule.images && containerImages(workload).some((image) => rule.images!.test(parseImage(image).path));
}

function summarise(rule: CniRule, members: KubeObject[]): DetectedCni {
  const agent = members.find((w) => isDaemonSet(w) && rule.agent.test(w.metadata.name))
    ?? members.find((w) => rule.agent.test(w.metadata.name))
    ?? members.find(isDaemonSet)
    ?? members[0];
  const versionPattern = rule.versionImage ?? rule.images;
  const versionImage = [agent, ...members]
    .flatMap(containerImages)
    .find((image) => !versionPattern || versionPattern.test(parseImage(image).path));
  const tag = versionImage ? parseImage(versionImage).tag : undefined;
  const health = rollout(agent);
  const workloads = members.map((w) => workloadSummary(w, versionPattern));
  return {
    agent,
    cni: {
      name: rule.name,
      // `-thick` marks Multus' thick-plugin image, not a version
      version: tag?.replace(/-thick$/, ''),
      ready: health.ready,
      desired: health.desired,
      namespace: agent.metadata.namespace ?? '',
      workloads,
    },
  };
}

function isDaemonSet(workload: KubeObject): boolean {
  return workload.kind === 'DaemonSet';
}

export function containerImages(workload: KubeObject): string[] {
  return arr(at(workload, 'spec', 'template', 'spec', 'containers')).map((c) => str(rec(c).image)).filter((i): i is string => !!i);
}

/** Ready and desired pods: a DaemonSet's per-node pods, a Deployment's replicas. */
export function rollout(workload: KubeObject): { ready: number; desired: number } {
  const status = rec(workload.status);
  if (isDaemonSet(workload)) return { ready: num(status.numberReady) ?? 0, desired: num(status.desiredNumberScheduled) ?? 0 };
  return { ready: num(status.readyReplicas) ?? 0, desired: num(rec(workload.spec).replicas) ?? 1 };
}

function workloadSummary(workload: KubeObject, versionPattern: RegExp | undefined): WorkloadSummary {
  const kind = isDaemonSet(workload) ? 'DaemonSet' : 'Deployment';
  const images = containerImages(workload);
  const image = images.find((i) => !versionPattern || versionPattern.test(parseImage(i).path)) ?? images[0];
  const namespace = workload.metadata.namespace ?? '';
  const resource = kind === 'DaemonSet' ? resources.daemonSets : resources.deployments;
  return {
    kind,
    namespace,
    name: workload.metadata.name,
    ...rollout(workload),
    image,
    ref: { path: objectPath(resource, workload.metadata.name, namespace), kind, namespace, name: workload.metadata.name },
  };
}

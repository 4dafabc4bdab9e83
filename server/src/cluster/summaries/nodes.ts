// A node's networking in one record: pod CIDRs, internal addresses, and what plugins annotate. Pure.
import type { KubeObject } from '../api';
import { arr, rec, str, strings } from '../fields';
import type { NodeInfo } from '../model';
import { refTo, resources } from '../resources';

/** Annotations written by flannel (backend, VTEP, public IP), Calico, Cilium and OVN-Kubernetes. */
const CNI_ANNOTATION = /^(flannel\.alpha\.coreos\.com|projectcalico\.org|network\.cilium\.io|io\.cilium\.network|k8s\.ovn\.org)\//;

export function summariseNode(node: KubeObject): NodeInfo {
  const spec = rec(node.spec);
  const status = rec(node.status);
  const podCIDRs = strings(spec.podCIDRs);
  const single = str(spec.podCIDR);
  const annotations = Object.fromEntries(
    Object.entries(node.metadata.annotations ?? {}).filter(([key]) => CNI_ANNOTATION.test(key)),
  );
  return {
    name: node.metadata.name,
    podCIDRs: podCIDRs.length ? podCIDRs : single ? [single] : [],
    internalIPs: arr(status.addresses).map(rec).filter((a) => a.type === 'InternalIP').map((a) => str(a.address)).filter((a): a is string => !!a),
    ready: arr(status.conditions).map(rec).some((c) => c.type === 'Ready' && c.status === 'True'),
    annotations,
    ref: refTo(resources.nodes, node),
  };
}

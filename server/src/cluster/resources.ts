// The API resources the cluster model reads, their REST paths, and the RBAC permission each read needs.
import type { KubeObject } from './api';
import type { ObjectRef } from './model';

export interface ResourceType {
  /** API group; '' for the core group. */
  group: string;
  version: string;
  /** The REST (and RBAC) resource name. */
  plural: string;
  kind: string;
  namespaced: boolean;
}

const core = (plural: string, kind: string, namespaced = true): ResourceType => ({ group: '', version: 'v1', plural, kind, namespaced });

export const resources = {
  nodes: core('nodes', 'Node', false),
  namespaces: core('namespaces', 'Namespace', false),
  pods: core('pods', 'Pod'),
  services: core('services', 'Service'),
  configMaps: core('configmaps', 'ConfigMap'),
  daemonSets: { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'DaemonSet', namespaced: true },
  deployments: { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment', namespaced: true },
  ingresses: { group: 'networking.k8s.io', version: 'v1', plural: 'ingresses', kind: 'Ingress', namespaced: true },
  networkPolicies: { group: 'networking.k8s.io', version: 'v1', plural: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
  networkAttachmentDefinitions: {
    group: 'k8s.cni.cncf.io', version: 'v1', plural: 'network-attachment-definitions', kind: 'NetworkAttachmentDefinition', namespaced: true,
  },
  ciliumNetworkPolicies: { group: 'cilium.io', version: 'v2', plural: 'ciliumnetworkpolicies', kind: 'CiliumNetworkPolicy', namespaced: true },
  ciliumClusterwideNetworkPolicies: {
    group: 'cilium.io', version: 'v2', plural: 'ciliumclusterwidenetworkpolicies', kind: 'CiliumClusterwideNetworkPolicy', namespaced: false,
  },
  // Calico serves its resources as CRDs (crd.projectcalico.org/v1) and, with the Calico API
  // server installed, also as projectcalico.org/v3; the v3 view is preferred when present.
  calicoIPPools: { group: 'crd.projectcalico.org', version: 'v1', plural: 'ippools', kind: 'IPPool', namespaced: false },
  calicoIPPoolsV3: { group: 'projectcalico.org', version: 'v3', plural: 'ippools', kind: 'IPPool', namespaced: false },
  calicoNetworkPolicies: { group: 'crd.projectcalico.org', version: 'v1', plural: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
  calicoNetworkPoliciesV3: { group: 'projectcalico.org', version: 'v3', plural: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
  calicoGlobalNetworkPolicies: { group: 'crd.projectcalico.org', version: 'v1', plural: 'globalnetworkpolicies', kind: 'GlobalNetworkPolicy', namespaced: false },
  calicoGlobalNetworkPoliciesV3: { group: 'projectcalico.org', version: 'v3', plural: 'globalnetworkpolicies', kind: 'GlobalNetworkPolicy', namespaced: false },
} satisfies Record<string, ResourceType>;

export function apiVersion(r: ResourceType): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

function groupVersionPath(r: ResourceType): string {
  return r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
}

/** The collection path: cluster-wide when no namespace is given. */
export function collectionPath(r: ResourceType, namespace?: string): string {
  const ns = r.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${groupVersionPath(r)}${ns}/${r.plural}`;
}

export function objectPath(r: ResourceType, name: string, namespace?: string): string {
  return `${collectionPath(r, namespace)}/${encodeURIComponent(name)}`;
}

/** `network-attachment-definitions.k8s.cni.cncf.io`, `nodes`: the name RBAC rules use. */
export function qualifiedName(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** What RBAC must grant for a read, e.g. `list on pods in namespace default`. */
export function permission(r: ResourceType, verb: 'get' | 'list', namespace?: string): string {
  const where = !r.namespaced ? '(cluster-scoped)' : namespace ? `in namespace ${namespace}` : 'in all namespaces';
  return `${verb} on ${qualifiedName(r)} ${where}`;
}

/** Where to GET this object again. */
export function refTo(resource: ResourceType, object: KubeObject): ObjectRef {
  const { name } = object.metadata;
  const namespace = resource.namespaced ? object.metadata.namespace : undefined;
  return { path: objectPath(resource, name, namespace), kind: resource.kind, namespace, name };
}

// The Kubernetes kinds CNIKit serves, what part of each is networking, and how each is named.
// Kinds not listed here are left alone: no noise on YAML that is not ours.

/** Groups users can switch off one by one (setting cnikit.kubernetes.disabledKinds). */
export type KindGroup = 'service' | 'ingress' | 'networkPolicy' | 'endpointSlice' | 'gateway' | 'networkAttachment' | 'workload' | 'cilium' | 'calico' | 'flannel';

export type NameRule = 'dns1123Subdomain' | 'dns1123Label' | 'dns1035Label' | 'calico';

export interface KindDef {
  apiVersion: string;
  kind: string;
  group: KindGroup;
  /** Built-in kinds have complete upstream schemas, so an unknown field is an error (kubectl's strict validation). */
  builtIn: boolean;
  nameRule: NameRule;
  /** For workloads: where the pod template's metadata and spec are. */
  podTemplate?: { metadata: string[]; spec: string[] };
  /** The Kubernetes minor version that stopped serving this apiVersion, and its replacement. */
  removed?: { in: string; use: string };
  namespaced: boolean;
}

const workload = (kind: string, apiVersion: string, prefix: string[]): KindDef => ({
  apiVersion, kind, group: 'workload', builtIn: true, nameRule: 'dns1123Subdomain', namespaced: true,
  podTemplate: { metadata: [...prefix, 'metadata'], spec: [...prefix, 'spec'] },
});

export const kinds: KindDef[] = [
  { apiVersion: 'v1', kind: 'Service', group: 'service', builtIn: true, nameRule: 'dns1035Label', namespaced: true },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', group: 'ingress', builtIn: true, nameRule: 'dns1123Subdomain', namespaced: true },
  { apiVersion: 'networking.k8s.io/v1beta1', kind: 'Ingress', group: 'ingress', builtIn: true, nameRule: 'dns1123Subdomain', namespaced: true, removed: { in: '1.22', use: 'networking.k8s.io/v1' } },
  { apiVersion: 'extensions/v1beta1', kind: 'Ingress', group: 'ingress', builtIn: true, nameRule: 'dns1123Subdomain', namespaced: true, removed: { in: '1.22', use: 'networking.k8s.io/v1' } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', group: 'ingress', builtIn: true, nameRule: 'dns1123Subdomain', namespaced: false },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', group: 'networkPolicy', builtIn: true, nameRule: 'dns1123Subdomain', namespaced: true },
  { apiVersion: 'extensions/v1beta1', kind: 'NetworkPolicy', group: 'networkPolicy', builtIn: true, nameRule: 'dns1123Subdomain', namespaced: true, removed: { in: '1.16', use: 'networking.k8s.io/v1' } },
  { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', group: 'endpointSlice', builtIn: true, nameRule: 'dns1123Subdomain', namespaced: true },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', group: 'gateway', builtIn: false, nameRule: 'dns1123Subdomain', namespaced: true },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', group: 'gateway', builtIn: false, nameRule: 'dns1123Subdomain', namespaced: true },
  { apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition', group: 'networkAttachment', builtIn: false, nameRule: 'dns1123Label', namespaced: true },
  { apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', group: 'cilium', builtIn: false, nameRule: 'dns1123Subdomain', namespaced: true },
  { apiVersion: 'cilium.io/v2', kind: 'CiliumClusterwideNetworkPolicy', group: 'cilium', builtIn: false, nameRule: 'dns1123Subdomain', namespaced: false },
  ...['IPPool', 'NetworkPolicy', 'GlobalNetworkPolicy'].flatMap((kind) => ['projectcalico.org/v3', 'crd.projectcalico.org/v1'].map((apiVersion): KindDef => ({
    apiVersion, kind, group: 'calico', builtIn: false, nameRule: 'calico', namespaced: kind === 'NetworkPolicy',
  }))),
  // The Tigera operator's resources: cluster-scoped, one each per cluster.
  { apiVersion: 'operator.tigera.io/v1', kind: 'Installation', group: 'calico', builtIn: false, nameRule: 'dns1123Subdomain', namespaced: false },
  { apiVersion: 'operator.tigera.io/v1', kind: 'APIServer', group: 'calico', builtIn: false, nameRule: 'dns1123Subdomain', namespaced: false },
  workload('Pod', 'v1', []),
  workload('Deployment', 'apps/v1', ['spec', 'template']),
  workload('StatefulSet', 'apps/v1', ['spec', 'template']),
  workload('DaemonSet', 'apps/v1', ['spec', 'template']),
  workload('ReplicaSet', 'apps/v1', ['spec', 'template']),
  // Legacy, but still served; older examples run their pods with it.
  workload('ReplicationController', 'v1', ['spec', 'template']),
  workload('Job', 'batch/v1', ['spec', 'template']),
  workload('CronJob', 'batch/v1', ['spec', 'jobTemplate', 'spec', 'template']),
];

const byKey = new Map(kinds.map((k) => [`${k.apiVersion}/${k.kind}`, k]));

export function findKind(apiVersion: string | undefined, kind: string | undefined): KindDef | undefined {
  return apiVersion && kind ? byKey.get(`${apiVersion}/${kind}`) : undefined;
}

/** The schema id of a kind; Calico's CRD group shares the v3 schemas. */
export function schemaId(def: KindDef): string {
  const apiVersion = def.apiVersion === 'crd.projectcalico.org/v1' ? 'projectcalico.org/v3' : def.apiVersion;
  return `cnikit:k8s/${apiVersion}/${def.kind}`;
}

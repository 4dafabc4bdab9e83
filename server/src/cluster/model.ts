// The network model of a live cluster, shared by `cnikit inspect` and the VS Code tree.
// Plain data only (JSON-serialisable), so the CLI can print it as it is.

/** Where a resource lives on the API server, enough to GET it again (for the read-only YAML view). */
export interface ObjectRef {
  /** The object's URL path, e.g. `/apis/apps/v1/namespaces/kube-system/daemonsets/cilium`. */
  path: string;
  kind: string;
  namespace?: string;
  name: string;
}

export type CniName =
  | 'flannel' | 'calico' | 'canal' | 'cilium' | 'multus' | 'weave' | 'kube-router'
  | 'antrea' | 'ovn-kubernetes' | 'kindnet' | 'aws-vpc-cni' | 'azure-cni';

export interface WorkloadSummary {
  kind: 'DaemonSet' | 'Deployment';
  namespace: string;
  name: string;
  ready: number;
  desired: number;
  /** Image of the container that identified the plugin. */
  image?: string;
  ref: ObjectRef;
}

export interface FlannelMode {
  kind: 'flannel';
  /** From net-conf.json; undefined when the ConfigMap could not be read. */
  network?: string;
  ipv6Network?: string;
  /** `Backend.Type`; flanneld falls back to udp when it is missing (flannel:pkg/subnet/config.go). */
  backend?: string;
  backendDefaulted?: boolean;
  subnetLen?: number;
  configMap?: ObjectRef;
}

export interface CalicoPool {
  name: string;
  cidr: string;
  /** `IPIP`, `IPIPCrossSubnet`, `VXLAN`, `VXLANCrossSubnet` or `None`. */
  encapsulation: string;
  natOutgoing: boolean;
  disabled: boolean;
  blockSize?: number;
  ref: ObjectRef;
}

export interface CalicoMode {
  kind: 'calico';
  pools: CalicoPool[];
}

export interface CiliumMode {
  kind: 'cilium';
  /** `tunnel` or `native`. */
  routingMode?: string;
  tunnelProtocol?: string;
  ipamMode?: string;
  kubeProxyReplacement?: string;
  clusterPoolIPv4CIDR?: string;
  nativeRoutingCIDR?: string;
  configMap?: ObjectRef;
}

export interface MultusMode {
  kind: 'multus';
  /** Thick plugin (a daemon per node answers the shim) or thin (the binary does everything). */
  flavour: 'thick' | 'thin' | 'unknown';
}

export type CniMode = FlannelMode | CalicoMode | CiliumMode | MultusMode;

export interface Cni {
  name: CniName;
  /** Image tag of the plugin's main container (without a digest); undefined when only a digest pins it. */
  version?: string;
  /** Rollout health of the main workload (usually the per-node agent DaemonSet). */
  ready: number;
  desired: number;
  namespace: string;
  mode?: CniMode;
  workloads: WorkloadSummary[];
}

export interface NodeInfo {
  name: string;
  podCIDRs: string[];
  internalIPs: string[];
  ready: boolean;
  /** CNI-related annotations (flannel, Calico, Cilium), e.g. `flannel.alpha.coreos.com/backend-type`. */
  annotations: Record<string, string>;
  ref: ObjectRef;
}

export interface NetworkAttachment {
  namespace: string;
  name: string;
  /** The CNI plugin type (first plugin of a list); undefined when the NAD has no config (a file on the node is used). */
  type?: string;
  /** All plugin types, in chain order. */
  plugins: string[];
  cniVersion?: string;
  /** One line, e.g. `whereabouts 192.168.10.0/24`. */
  ipam?: string;
  /** Set when spec.config is not valid JSON. */
  configError?: string;
  resourceName?: string;
  ref: ObjectRef;
}

export interface PodInterface {
  /** `namespace/name` of the network, as in the network-status annotation. */
  network: string;
  interface?: string;
  ips: string[];
  mac?: string;
  default: boolean;
}

export interface PodAttachments {
  namespace: string;
  name: string;
  node?: string;
  /** The `k8s.v1.cni.cncf.io/networks` request, when set. */
  requested?: string;
  /** Every interface from the network-status annotation, the cluster default network included. */
  interfaces: PodInterface[];
  ref: ObjectRef;
}

export interface NetworkPolicyInfo {
  /** Null for cluster-wide policies (CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy). */
  namespace: string | null;
  name: string;
  kind: string;
  apiVersion: string;
  /** The pod selector in one line (`app=web`, `all pods`, a Calico selector expression). */
  selector: string;
  policyTypes: string[];
  ref: ObjectRef;
}

export interface ServicePortInfo {
  name?: string;
  port: number;
  targetPort?: string;
  protocol: string;
  nodePort?: number;
}

export interface ServiceInfo {
  namespace: string;
  name: string;
  type: string;
  clusterIP?: string;
  ports: ServicePortInfo[];
  /** The selector in one line; undefined when the Service has none (endpoints managed by hand). */
  selector?: string;
  externalName?: string;
  ref: ObjectRef;
}

export interface IngressRuleInfo {
  host?: string;
  path: string;
  /** `service:port`, or a resource backend's kind/name. */
  backend: string;
}

export interface IngressInfo {
  namespace: string;
  name: string;
  className?: string;
  rules: IngressRuleInfo[];
  tlsHosts: string[];
  ref: ObjectRef;
}

export type SectionId = 'cnis' | 'nodes' | 'networkAttachments' | 'podAttachments' | 'networkPolicies' | 'services' | 'ingresses';

export interface Problem {
  /** One line, no secrets, e.g. `forbidden: needs list on nodes (cluster-wide)`. */
  message: string;
  section: SectionId | 'cluster';
  severity: 'error' | 'warning' | 'info';
}

/** What one section loader returns: what could be read, and what could not. */
export interface SectionResult<T> {
  items: T[];
  problems: Problem[];
}

export interface ClusterIdentity {
  context: string;
  server: string;
  /** `gitVersion` from /version, when the server said. */
  version?: string;
}

export interface ClusterReport {
  context: string;
  cluster: { server: string; version?: string };
  cnis: Cni[];
  nodes: NodeInfo[];
  networkAttachments: NetworkAttachment[];
  podAttachments: PodAttachments[];
  networkPolicies: NetworkPolicyInfo[];
  services: ServiceInfo[];
  ingresses: IngressInfo[];
  problems: Problem[];
}

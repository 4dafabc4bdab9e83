// What each scaffold asks for: one registry that the CLI's --help and flags, the editor's
// quick-pick flow and the validation all read. Values are strings throughout, as typed.
import { contains, parseCidr } from '../common/ip';
import {
  cidrProblem, cniNameProblem, hostProblem, interfaceNameProblem, labelProblem, objectNameProblem,
  prefixProblem, registryProblem, serviceOverlapProblem,
} from './validate';

export type ScaffoldKind = 'flannel' | 'calico' | 'canal' | 'multus' | 'cilium' | 'nad' | 'policy' | 'conflist';

/** The options chosen so far, by name. */
export type OptionValues = Readonly<Record<string, string>>;

export type ValueType = 'enum' | 'cidr' | 'interface' | 'name' | 'cniName' | 'integer' | 'registry' | 'host' | 'label';

export interface Choice {
  value: string;
  description: string;
}

export interface OptionSpec {
  /** camelCase; the CLI flag is its kebab-case form (podCidr → --pod-cidr). */
  name: string;
  description: string;
  type: ValueType;
  /** The allowed values of an enum, each with a line for pickers and --help. */
  choices?: readonly Choice[];
  /** Bounds of an integer. */
  min?: number;
  max?: number;
  default: string | ((chosen: OptionValues) => string);
  /** How --help describes a default that depends on other options. */
  defaultText?: string;
  /** The option applies only when an earlier option has one of these values. */
  when?: { option: string; in: readonly string[] };
  /** The editor setting (section.key) whose value is this option's default there. */
  setting?: string;
  /** Taken from the setting without asking (the Service CIDR, which the editor's checks share). */
  fromSettings?: boolean;
  /** Checks against the other options, after the value's own syntax is fine. */
  check?: (value: string, chosen: OptionValues) => string | undefined;
}

export interface KindSpec {
  kind: ScaffoldKind;
  title: string;
  description: string;
  options: readonly OptionSpec[];
  /** The options whose every value a test should generate (the scaffold's main choices). */
  mainChoices: readonly string[];
}

const defaultServiceCidr = '10.96.0.0/12';

const serviceCidr: OptionSpec = {
  name: 'serviceCidr', type: 'cidr', default: defaultServiceCidr, setting: 'cnikit.workspace.serviceCidr', fromSettings: true,
  description: "The cluster's Service CIDR (kube-apiserver --service-cluster-ip-range); pod networks must not overlap it.",
};

const registry: OptionSpec = {
  name: 'registry', type: 'registry', default: '', setting: 'cnikit.scaffold.registry',
  description: 'An image registry mirror for air-gapped clusters, such as registry.example.com:5000; it replaces the upstream registry host in every image, keeping the path (ghcr.io/flannel-io/flannel → registry.example.com:5000/flannel-io/flannel). Empty keeps the upstream registries.',
};

const namespace = (fallback: string, description: string): OptionSpec => ({ name: 'namespace', type: 'name', default: fallback, description });

const podCidr = (fallback: string, description: string, check?: OptionSpec['check'], when?: OptionSpec['when']): OptionSpec => ({
  name: 'podCidr', type: 'cidr', default: fallback, description, when,
  check: (value, chosen) => serviceOverlapProblem(value, chosen.serviceCidr ?? defaultServiceCidr) ?? check?.(value, chosen),
});

const flannelBackends: Choice[] = [
  { value: 'vxlan', description: 'VXLAN encapsulation between nodes; works on any network (the usual choice).' },
  { value: 'host-gw', description: 'Routes through the nodes themselves; fast, but all nodes must share one layer-2 network.' },
  { value: 'wireguard', description: 'Encrypted WireGuard tunnels between nodes (needs WireGuard in the node kernels).' },
];

const flannelNetwork: OptionSpec[] = [
  podCidr('10.244.0.0/16', "The cluster's pod network (kubeadm --pod-network-cidr / kube-controller-manager --cluster-cidr); flannel's Network.",
    (value) => prefixProblem(value, 8, 22, 'each node takes a /24 of it by default, so use /22 or shorter, such as 10.244.0.0/16.')),
  { name: 'backend', type: 'enum', default: 'vxlan', choices: flannelBackends, description: 'How flannel carries pod traffic between nodes.' },
  { name: 'vni', type: 'integer', min: 1, max: 16777215, default: '1', when: { option: 'backend', in: ['vxlan'] }, description: 'VXLAN network identifier.' },
  { name: 'port', type: 'integer', min: 1, max: 65535, default: '8472', when: { option: 'backend', in: ['vxlan'] }, description: 'UDP port of the VXLAN tunnels (8472 is the Linux default).' },
];

const attachmentPlugins: Choice[] = [
  { value: 'macvlan', description: 'Own MAC address on a host interface; pods appear on that network.' },
  { value: 'ipvlan', description: "Shares the host interface's MAC address (for networks that allow one MAC per port)." },
  { value: 'bridge', description: 'A Linux bridge on each node that the pods join.' },
  { value: 'host-device', description: 'Moves a whole host interface into the pod.' },
  { value: 'vlan', description: 'A VLAN sub-interface of a host interface.' },
];

const ipamTypes: Choice[] = [
  { value: 'whereabouts', description: 'Cluster-wide address allocation (no duplicates across nodes); whereabouts must run in the cluster (the multus scaffold installs it).' },
  { value: 'host-local', description: 'Allocation per node from a range; nodes can hand out the same address.' },
  { value: 'static', description: "A fixed address in the config (the subnet's first address), for a network that one pod uses." },
  { value: 'dhcp', description: "Addresses from the network's DHCP server (needs the CNI dhcp daemon on every node)." },
];

/** The options of a NetworkAttachmentDefinition, shared by `multus` and `nad`. */
const attachment: OptionSpec[] = [
  { name: 'plugin', type: 'enum', default: 'macvlan', choices: attachmentPlugins, description: 'The CNI plugin that creates the pod interface.' },
  { name: 'ipam', type: 'enum', default: 'whereabouts', choices: ipamTypes, description: 'How the interface gets its address.' },
  {
    name: 'name', type: 'name', default: (chosen) => `${chosen.plugin ?? 'macvlan'}-net`, defaultText: '<plugin>-net',
    description: 'The NetworkAttachmentDefinition name (also the CNI network name); pods request it in the k8s.v1.cni.cncf.io/networks annotation.',
  },
  namespace('default', 'The namespace of the NetworkAttachmentDefinition (pods of other namespaces write namespace/name).'),
  {
    name: 'master', type: 'interface', default: 'eth1', when: { option: 'plugin', in: ['macvlan', 'ipvlan', 'vlan', 'host-device'] },
    description: 'The host interface to use (moved into the pod with host-device); it must exist on every node.',
  },
  { name: 'bridge', type: 'interface', default: 'br1', when: { option: 'plugin', in: ['bridge'] }, description: 'The name of the Linux bridge on each node.' },
  { name: 'vlanId', type: 'integer', min: 1, max: 4094, default: '100', when: { option: 'plugin', in: ['vlan'] }, description: 'The VLAN ID.' },
  {
    name: 'subnet', type: 'cidr', default: '10.10.0.0/24', when: { option: 'ipam', in: ['whereabouts', 'host-local', 'static'] },
    description: 'The address range of the attachment network.',
    check: (value, chosen) => prefixProblem(value, 8, 30, 'an address range needs at least two addresses; use /30 or shorter.')
      ?? serviceOverlapProblem(value, chosen.serviceCidr ?? defaultServiceCidr),
  },
];

const policyChoices: Choice[] = [
  { value: 'default-deny-ingress', description: 'No pod of the namespace accepts connections unless another policy allows them.' },
  { value: 'default-deny-egress', description: 'No pod of the namespace opens connections unless another policy allows them.' },
  { value: 'default-deny-all', description: 'Both: nothing in or out unless another policy allows it.' },
  { value: 'allow-dns-egress', description: 'Pods may reach the cluster DNS (kube-dns) on port 53; pair it with a default deny of egress.' },
  { value: 'allow-from-namespace', description: 'Pods accept connections from every pod of another namespace.' },
  { value: 'allow-from-label', description: 'Pods accept connections from pods of this namespace with a label.' },
];

const yesNo = (yes: string, no: string): Choice[] => [{ value: 'true', description: yes }, { value: 'false', description: no }];

export const kindSpecs: readonly KindSpec[] = [
  {
    kind: 'flannel', title: 'Flannel', mainChoices: ['backend'],
    description: 'flannel: its namespace, RBAC, the ConfigMap with cni-conf.json and net-conf.json, and the DaemonSet.',
    options: [serviceCidr, ...flannelNetwork, namespace('kube-flannel', 'The namespace flannel runs in.'), registry],
  },
  {
    kind: 'calico', title: 'Calico (operator)', mainChoices: ['encapsulation'],
    description: 'Calico the operator way: a kustomization that installs the pinned Tigera operator, and the Installation (IP pool) and APIServer resources.',
    options: [
      serviceCidr,
      podCidr('192.168.0.0/16', "The IP pool pods get addresses from; it should match the cluster's --cluster-cidr.",
        (value, chosen) => prefixProblem(value, 8, Number(chosen.blockSize ?? 26), `the pool must be at least as large as one block (/${chosen.blockSize ?? 26}).`)),
      {
        name: 'encapsulation', type: 'enum', default: 'VXLANCrossSubnet', description: 'How pod traffic crosses between nodes.',
        choices: [
          { value: 'VXLANCrossSubnet', description: 'VXLAN only between nodes in different subnets; plain routing within one.' },
          { value: 'VXLAN', description: 'VXLAN between all nodes.' },
          { value: 'IPIPCrossSubnet', description: 'IP-in-IP only between subnets (needs BGP between nodes).' },
          { value: 'IPIP', description: 'IP-in-IP between all nodes (needs BGP).' },
          { value: 'None', description: 'No encapsulation: the network must route pod addresses (BGP).' },
        ],
      },
      { name: 'natOutgoing', type: 'enum', default: 'Enabled', choices: [{ value: 'Enabled', description: 'Masquerade traffic that leaves the pool.' }, { value: 'Disabled', description: 'Pod addresses reach outside unchanged.' }], description: 'Whether traffic from pods to outside the pool is masqueraded.' },
      { name: 'blockSize', type: 'integer', min: 20, max: 32, default: '26', description: 'Prefix length of the address blocks each node takes from the pool.' },
      registry,
    ],
  },
  {
    kind: 'canal', title: 'Canal (flannel + Calico policy)', mainChoices: ['backend'],
    description: "Canal: flannel networking with Calico network policy, from Calico's pinned canal.yaml with your pod network patched in.",
    options: [serviceCidr, ...flannelNetwork, registry],
  },
  {
    kind: 'multus', title: 'Multus (thick plugin)', mainChoices: ['plugin', 'ipam'],
    description: 'Multus thick plugin: the NetworkAttachmentDefinition CRD, RBAC, the DaemonSet, and a NetworkAttachmentDefinition (with whereabouts when chosen).',
    options: [serviceCidr, ...attachment, registry],
  },
  {
    kind: 'cilium', title: 'Cilium (Helm values)', mainChoices: ['routingMode', 'tunnelProtocol', 'ipamMode', 'kubeProxyReplacement', 'hubble'],
    description: 'Cilium: a Helm values file for the pinned chart and a starter CiliumNetworkPolicy.',
    options: [
      serviceCidr,
      {
        name: 'routingMode', type: 'enum', default: 'tunnel', description: 'How pod traffic crosses between nodes.',
        choices: [{ value: 'tunnel', description: 'Encapsulated between nodes; works on any network.' }, { value: 'native', description: 'Routed by the network itself (nodes on one L2 segment, or routes set up for pod addresses).' }],
      },
      {
        name: 'tunnelProtocol', type: 'enum', default: 'vxlan', when: { option: 'routingMode', in: ['tunnel'] }, description: 'The encapsulation.',
        choices: [{ value: 'vxlan', description: 'VXLAN on UDP 8472.' }, { value: 'geneve', description: 'Geneve on UDP 6081.' }],
      },
      {
        name: 'ipamMode', type: 'enum', default: 'cluster-pool', description: 'Where pod addresses come from.',
        choices: [{ value: 'cluster-pool', description: "Cilium's operator hands out per-node ranges from a pool." }, { value: 'kubernetes', description: "Each node's podCIDR from Kubernetes (kube-controller-manager --allocate-node-cidrs)." }],
      },
      podCidr('10.0.0.0/16', "The pool Cilium's operator hands per-node pod ranges out of. (Cilium's own default, 10.0.0.0/8, overlaps the usual Service CIDR.)",
        undefined, { option: 'ipamMode', in: ['cluster-pool'] }),
      {
        name: 'nativeRoutingCidr', type: 'cidr', default: (chosen) => (chosen.ipamMode === 'cluster-pool' && chosen.podCidr) || '10.244.0.0/16',
        defaultText: 'the --pod-cidr pool with cluster-pool IPAM, else 10.244.0.0/16', when: { option: 'routingMode', in: ['native'] },
        description: 'The range pods use that the network routes without masquerading (usually the cluster CIDR); with cluster-pool IPAM it must contain the pod pool.',
        check: (value, chosen) => nativeRoutingProblem(value, chosen),
      },
      { name: 'kubeProxyReplacement', type: 'enum', default: 'false', choices: yesNo('Cilium replaces kube-proxy (install the cluster without kube-proxy).', 'kube-proxy keeps handling Services.'), description: 'Whether Cilium takes over Service handling from kube-proxy.' },
      { name: 'apiServerHost', type: 'host', default: '', when: { option: 'kubeProxyReplacement', in: ['true'] }, description: "The API server's address: without kube-proxy, Cilium cannot reach it through its Service." },
      { name: 'apiServerPort', type: 'integer', min: 1, max: 65535, default: '6443', when: { option: 'kubeProxyReplacement', in: ['true'] }, description: "The API server's port." },
      { name: 'hubble', type: 'enum', default: 'true', choices: yesNo('Hubble with its relay and UI.', 'No Hubble.'), description: 'Whether to turn on Hubble flow visibility.' },
      namespace('default', 'The namespace of the starter CiliumNetworkPolicy.'),
      registry,
    ],
  },
  {
    kind: 'nad', title: 'NetworkAttachmentDefinition', mainChoices: ['plugin', 'ipam'],
    description: 'A Multus NetworkAttachmentDefinition with a checked CNI config.',
    options: [serviceCidr, ...attachment],
  },
  {
    kind: 'policy', title: 'NetworkPolicy', mainChoices: ['policy'],
    description: 'A Kubernetes NetworkPolicy for a namespace.',
    options: [
      { name: 'policy', type: 'enum', default: 'default-deny-ingress', choices: policyChoices, description: 'Which policy.' },
      namespace('default', 'The namespace the policy applies to.'),
      { name: 'fromNamespace', type: 'name', default: 'monitoring', when: { option: 'policy', in: ['allow-from-namespace'] }, description: 'The namespace allowed in.' },
      { name: 'fromLabel', type: 'label', default: 'app=frontend', when: { option: 'policy', in: ['allow-from-label'] }, description: 'The label (key=value) of the pods allowed in.' },
      { name: 'name', type: 'name', default: (chosen) => chosen.policy ?? 'default-deny-ingress', defaultText: 'the --policy value', description: 'The NetworkPolicy name.' },
    ],
  },
  {
    kind: 'conflist', title: 'CNI config list (.conflist)', mainChoices: [],
    description: 'A standalone CNI network config: bridge with host-local addresses, and portmap for hostPorts.',
    options: [
      serviceCidr,
      { name: 'name', type: 'cniName', default: 'mynet', description: 'The CNI network name (the file is 10-<name>.conflist).' },
      { name: 'bridge', type: 'interface', default: 'cni0', description: 'The name of the Linux bridge.' },
      {
        name: 'subnet', type: 'cidr', default: '10.22.0.0/16', description: 'The address range of the network.',
        check: (value, chosen) => prefixProblem(value, 8, 30, 'an address range needs at least two addresses; use /30 or shorter.')
          ?? serviceOverlapProblem(value, chosen.serviceCidr ?? defaultServiceCidr),
      },
    ],
  },
];

function nativeRoutingProblem(value: string, chosen: OptionValues): string | undefined {
  const overlap = serviceOverlapProblem(value, chosen.serviceCidr ?? defaultServiceCidr);
  if (overlap || chosen.ipamMode !== 'cluster-pool') return overlap;
  const pool = parseCidr(chosen.podCidr ?? '');
  const routed = parseCidr(value);
  if (!pool || !routed || (pool.prefix >= routed.prefix && contains(routed, { family: 4, value: pool.network }))) return undefined;
  return `${value} does not contain the pod pool ${chosen.podCidr}: traffic between pods would be masqueraded or dropped.`;
}

/** Type checks for the values of each type; cross-option checks live on the options. */
export const typeChecks: Record<Exclude<ValueType, 'enum' | 'integer'>, (value: string) => string | undefined> = {
  cidr: cidrProblem,
  interface: interfaceNameProblem,
  name: objectNameProblem,
  cniName: cniNameProblem,
  registry: registryProblem,
  host: hostProblem,
  label: labelProblem,
};

export function kindSpec(kind: string): KindSpec | undefined {
  return kindSpecs.find((k) => k.kind === kind);
}

export const scaffoldKinds: readonly ScaffoldKind[] = kindSpecs.map((k) => k.kind);

/** The CLI flag of an option: podCidr → --pod-cidr. */
export function flagOf(name: string): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

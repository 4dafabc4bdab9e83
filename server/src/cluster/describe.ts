// Short human descriptions of model records, shared by the CLI's text output and the tree's labels.
import type { Cni, CniMode, IngressRuleInfo, NetworkAttachment, NodeInfo, PodAttachments, ServiceInfo } from './model';

const displayNames: Record<Cni['name'], string> = {
  flannel: 'Flannel', calico: 'Calico', canal: 'Canal', cilium: 'Cilium', multus: 'Multus', weave: 'Weave Net',
  'kube-router': 'Kube-router', antrea: 'Antrea', 'ovn-kubernetes': 'OVN-Kubernetes', kindnet: 'kindnet',
  'aws-vpc-cni': 'AWS VPC CNI', 'azure-cni': 'Azure CNI',
};

export function cniDisplayName(cni: Cni): string {
  return displayNames[cni.name] ?? cni.name;
}

export function rolloutText(ready: number, desired: number): string {
  return `${ready}/${desired} ready`;
}

/** The mode as `key: value` facts, e.g. ["backend: vxlan", "network: 10.244.0.0/16"]. */
export function modeFacts(mode: CniMode | undefined): string[] {
  if (!mode) return [];
  switch (mode.kind) {
    case 'flannel':
      return [
        `backend: ${mode.backend ?? 'unknown'}${mode.backendDefaulted ? ' (net-conf.json sets no Backend.Type; flanneld then uses udp)' : ''}`,
        ...(mode.network ? [`network: ${mode.network}`] : []),
        ...(mode.ipv6Network ? [`IPv6 network: ${mode.ipv6Network}`] : []),
        ...(mode.subnetLen ? [`subnet length: /${mode.subnetLen}`] : []),
      ];
    case 'calico':
      return mode.pools.length
        ? mode.pools.map((p) => `IP pool ${p.name}: ${p.cidr}, encapsulation ${p.encapsulation}, NAT ${p.natOutgoing ? 'on' : 'off'}${p.disabled ? ', disabled' : ''}`)
        : ['no IP pools'];
    case 'cilium':
      return [
        `routing: ${mode.routingMode ?? 'unknown'}${mode.tunnelProtocol ? ` (${mode.tunnelProtocol})` : ''}`,
        `IPAM: ${mode.ipamMode ?? 'unknown'}${mode.clusterPoolIPv4CIDR ? ` ${mode.clusterPoolIPv4CIDR}` : ''}`,
        `kube-proxy replacement: ${mode.kubeProxyReplacement ?? 'not set'}`,
        ...(mode.nativeRoutingCIDR ? [`native routing CIDR: ${mode.nativeRoutingCIDR}`] : []),
      ];
    case 'multus':
      return [mode.flavour === 'unknown' ? 'thick or thin: unknown' : `${mode.flavour} plugin`];
  }
}

/** One line for a mode: `vxlan, 10.244.0.0/16`; `tunnel (vxlan), IPAM cluster-pool, kube-proxy replacement true`. */
export function modeSummary(mode: CniMode | undefined): string {
  if (!mode) return '';
  switch (mode.kind) {
    case 'flannel':
      return [mode.backend, mode.network].filter(Boolean).join(', ');
    case 'calico':
      return mode.pools.map((p) => `${p.cidr} ${p.encapsulation}${p.natOutgoing ? ' NAT' : ''}`).join('; ') || 'no IP pools';
    case 'cilium':
      return [
        `${mode.routingMode ?? '?'}${mode.tunnelProtocol ? ` (${mode.tunnelProtocol})` : ''}`,
        `IPAM ${mode.ipamMode ?? '?'}`,
        `kube-proxy replacement ${mode.kubeProxyReplacement ?? 'not set'}`,
      ].join(', ');
    case 'multus':
      return mode.flavour;
  }
}

export function nodeSummary(node: NodeInfo): string {
  return [node.podCIDRs.join(', ') || 'no pod CIDR', node.internalIPs.join(', '), node.ready ? '' : 'NotReady'].filter(Boolean).join('  ');
}

export function attachmentSummary(nad: NetworkAttachment): string {
  if (nad.configError) return nad.configError;
  if (!nad.type) return 'no config (a file on the nodes)';
  const chain = nad.plugins.length > 1 ? nad.plugins.join(' → ') : nad.type;
  return nad.ipam ? `${chain} · ${nad.ipam}` : chain;
}

export function podInterfacesSummary(pod: PodAttachments): string {
  const extra = pod.interfaces.filter((i) => !i.default);
  if (!extra.length) return `requested ${pod.requested ?? ''} (no network-status yet)`.trim();
  return extra.map((i) => `${i.interface ?? '?'} ${i.ips.join(',') || 'no IP'} (${i.network})`).join('; ');
}

export function servicePorts(service: ServiceInfo): string {
  return service.ports
    .map((p) => `${p.port}${p.targetPort && p.targetPort !== String(p.port) ? `→${p.targetPort}` : ''}/${p.protocol}${p.nodePort ? ` node ${p.nodePort}` : ''}`)
    .join(', ');
}

export function ingressRuleText(rule: IngressRuleInfo): string {
  return `${rule.host ?? '*'}${rule.path} → ${rule.backend}`;
}

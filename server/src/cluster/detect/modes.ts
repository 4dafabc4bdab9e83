// How each plugin is set up, from its own configuration objects. Pure: objects in, mode out.
import type { KubeObject } from '../api';
import { arr, at, num, rec, str } from '../fields';
import type { CalicoPool, CiliumMode, FlannelMode, MultusMode } from '../model';
import { refTo, resources, type ResourceType } from '../resources';

/**
 * flanneld's net-conf.json (from `kube-flannel-cfg`, or Canal's `canal-config`). Keys match case-
 * insensitively, as Go's JSON decoder does; a missing Backend makes flanneld use udp
 * (flannel:pkg/subnet/config.go), whatever its docs say.
 */
export function flannelMode(configMap: KubeObject): FlannelMode {
  const text = configMap.data?.['net-conf.json'];
  const mode: FlannelMode = { kind: 'flannel', configMap: refTo(resources.configMaps, configMap) };
  if (typeof text !== 'string') throw new Error(`ConfigMap ${configMap.metadata.namespace}/${configMap.metadata.name} has no net-conf.json`);
  let conf: Record<string, unknown>;
  try {
    conf = lowerKeys(JSON.parse(text));
  } catch {
    throw new Error(`net-conf.json in ConfigMap ${configMap.metadata.namespace}/${configMap.metadata.name} is not valid JSON`);
  }
  mode.network = str(conf.network);
  mode.ipv6Network = str(conf.ipv6network);
  mode.subnetLen = num(conf.subnetlen);
  const backendType = str(lowerKeys(conf.backend).type);
  mode.backend = backendType ?? 'udp';
  mode.backendDefaulted = backendType === undefined;
  return mode;
}

function lowerKeys(value: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rec(value)).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Calico IP pools with their encapsulation (one word, as the operator's Installation spells it) and NAT. */
export function calicoPools(pools: readonly KubeObject[], resource: ResourceType): CalicoPool[] {
  return pools.map((pool) => {
    const spec = rec(pool.spec);
    const ipip = str(spec.ipipMode) ?? 'Never';
    const vxlan = str(spec.vxlanMode) ?? 'Never';
    const encapsulation = vxlan !== 'Never' ? (vxlan === 'CrossSubnet' ? 'VXLANCrossSubnet' : 'VXLAN')
      : ipip !== 'Never' ? (ipip === 'CrossSubnet' ? 'IPIPCrossSubnet' : 'IPIP')
        : 'None';
    return {
      name: pool.metadata.name,
      cidr: str(spec.cidr) ?? '',
      encapsulation,
      natOutgoing: spec.natOutgoing === true,
      disabled: spec.disabled === true,
      blockSize: num(spec.blockSize),
      ref: refTo(resource, pool),
    };
  });
}

/**
 * Cilium's agent options from `cilium-config`. Before 1.14 the routing mode was the `tunnel` key
 * (`vxlan`, `geneve` or `disabled`, the last meaning native routing); it was removed in 1.15.
 */
export function ciliumMode(configMap: KubeObject): CiliumMode {
  const data = configMap.data ?? {};
  const legacyTunnel = data.tunnel;
  const routingMode = data['routing-mode'] ?? (legacyTunnel === undefined ? undefined : legacyTunnel === 'disabled' ? 'native' : 'tunnel');
  const tunnelProtocol = data['tunnel-protocol'] ?? (legacyTunnel && legacyTunnel !== 'disabled' ? legacyTunnel : undefined);
  return {
    kind: 'cilium',
    // the agent's defaults when a key is absent: tunnel routing over vxlan, cluster-pool IPAM
    routingMode: routingMode ?? 'tunnel',
    tunnelProtocol: (routingMode ?? 'tunnel') === 'tunnel' ? (tunnelProtocol ?? 'vxlan') : undefined,
    ipamMode: data.ipam ?? 'cluster-pool',
    kubeProxyReplacement: data['kube-proxy-replacement'],
    clusterPoolIPv4CIDR: data['cluster-pool-ipv4-cidr'],
    nativeRoutingCIDR: data['ipv4-native-routing-cidr'] ?? data['native-routing-cidr'],
    configMap: refTo(resources.configMaps, configMap),
  };
}

/**
 * Multus thick (a daemon per node, `multus-daemon`, answers the `multus-shim` binary) or thin (the
 * `multus` binary does it all; the container runs `thin_entrypoint`), from the upstream manifests.
 */
export function multusMode(agent: KubeObject): MultusMode {
  const containers = arr(at(agent, 'spec', 'template', 'spec', 'containers')).map(rec);
  const words = containers.flatMap((c) => [str(c.image) ?? '', ...arr(c.command).map(String), ...arr(c.args).map(String)]).join(' ');
  if (/multus-daemon|-thick\b|:[^ ]*thick/.test(words)) return { kind: 'multus', flavour: 'thick' };
  if (/thin_entrypoint|entrypoint\.sh|\/multus\b/.test(words)) return { kind: 'multus', flavour: 'thin' };
  return { kind: 'multus', flavour: 'unknown' };
}

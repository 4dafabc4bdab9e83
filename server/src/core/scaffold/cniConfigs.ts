// The CNI configs the scaffolds write: a secondary network for a NetworkAttachmentDefinition
// (one main plugin with its IPAM) and a standalone bridge network.
import { formatAddress, parseCidr } from '../common/ip';

export type AttachmentPlugin = 'macvlan' | 'ipvlan' | 'bridge' | 'host-device' | 'vlan';
export type IpamType = 'whereabouts' | 'host-local' | 'static' | 'dhcp';

export interface Attachment {
  name: string;
  plugin: AttachmentPlugin;
  ipam: IpamType;
  /** Host interface (macvlan, ipvlan, vlan; the device for host-device). */
  master?: string;
  /** Bridge name (bridge). */
  bridge?: string;
  vlanId?: number;
  /** Address range (every IPAM but dhcp). */
  subnet?: string;
}

/** cniVersion of generated configs: Multus v4 and the reference plugins since v1.0 read it. */
export const cniVersion = '1.0.0';

export function attachmentConfig(a: Attachment): object {
  return { cniVersion, name: a.name, plugins: [{ type: a.plugin, ...pluginKeys(a), ipam: ipamConfig(a) }] };
}

function pluginKeys(a: Attachment): Record<string, unknown> {
  switch (a.plugin) {
    case 'macvlan': return { master: a.master, mode: 'bridge' };
    case 'ipvlan': return { master: a.master, mode: 'l2' };
    case 'vlan': return { master: a.master, vlanId: a.vlanId };
    case 'host-device': return { device: a.master };
    case 'bridge': return { bridge: a.bridge };
  }
}

function ipamConfig(a: Attachment): Record<string, unknown> {
  switch (a.ipam) {
    case 'whereabouts': return { type: 'whereabouts', range: a.subnet };
    case 'host-local': return { type: 'host-local', ranges: [[{ subnet: a.subnet }]] };
    case 'static': return { type: 'static', addresses: [{ address: firstHost(a.subnet!) }] };
    case 'dhcp': return { type: 'dhcp' };
  }
}

/** The first host address of a network with its prefix, e.g. 10.10.0.1/24. */
export function firstHost(subnet: string): string {
  const cidr = parseCidr(subnet)!;
  return `${formatAddress({ family: cidr.address.family, value: cidr.network + 1n })}/${cidr.prefix}`;
}

export interface BridgeNetwork {
  name: string;
  bridge: string;
  subnet: string;
}

/** A pod network on one node: a bridge with a gateway and masquerading, host-local addresses, and hostPorts. */
export function bridgeNetworkConfig(n: BridgeNetwork): object {
  return {
    cniVersion,
    name: n.name,
    plugins: [
      {
        type: 'bridge',
        bridge: n.bridge,
        isGateway: true,
        ipMasq: true,
        hairpinMode: true,
        ipam: { type: 'host-local', ranges: [[{ subnet: n.subnet }]], routes: [{ dst: '0.0.0.0/0' }] },
      },
      { type: 'portmap', capabilities: { portMappings: true } },
    ],
  };
}

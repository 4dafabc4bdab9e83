// Which link types this kernel can create. Some kernels (e.g. minimal VM kernels without
// modules) lack ipvlan, 8021q or vrf; plugins then fail with "operation not supported",
// which is about the machine, not the config.
import type { Ip } from './ip';

/** Link kinds a plugin creates, keyed by plugin type. */
export const PLUGIN_LINK_KINDS: Readonly<Record<string, string[]>> = {
  bridge: ['bridge', 'veth'],
  ptp: ['veth'],
  macvlan: ['macvlan'],
  ipvlan: ['ipvlan'],
  vlan: ['vlan'],
  vrf: ['vrf'],
  bandwidth: ['ifb'],
};

export const KERNEL_OPTION: Readonly<Record<string, string>> = {
  bridge: 'CONFIG_BRIDGE',
  veth: 'CONFIG_VETH',
  macvlan: 'CONFIG_MACVLAN',
  ipvlan: 'CONFIG_IPVLAN',
  vlan: 'CONFIG_VLAN_8021Q',
  vrf: 'CONFIG_NET_VRF',
  ifb: 'CONFIG_IFB',
  dummy: 'CONFIG_DUMMY',
};

// Arguments that make `ip` hand the request to the kernel. Stacked kinds get a veth as lower
// device: on lo a kernel may refuse even kinds it has, with the same "operation not supported".
const LOWER = 'cnikitprobe1';
const PROBE_ARGS: Readonly<Record<string, string[]>> = {
  veth: ['type', 'veth', 'peer', 'name', 'cnikitprobe2'],
  macvlan: ['link', LOWER, 'type', 'macvlan'],
  ipvlan: ['link', LOWER, 'type', 'ipvlan'],
  vlan: ['link', LOWER, 'type', 'vlan', 'id', '2'],
  vrf: ['type', 'vrf', 'table', '4242'],
};
const STACKED = new Set(['macvlan', 'ipvlan', 'vlan']);

const UNKNOWN_KIND = /unknown device type|operation not supported/i;

/** The kinds among `kinds` that the kernel does not know, probed inside `netns`. */
export async function missingLinkKinds(ip: Ip, netns: string, kinds: Iterable<string>): Promise<Set<string>> {
  const wanted = new Set(kinds);
  const missing = new Set<string>();
  const probe = async (name: string, kind: string) => {
    const r = await ip.run(['-n', netns, 'link', 'add', name, ...(PROBE_ARGS[kind] ?? ['type', kind])]);
    if (!r.ok && UNKNOWN_KIND.test(r.stderr)) missing.add(kind);
    return r.ok;
  };
  const needsLower = [...wanted].some((k) => STACKED.has(k));
  const haveLower = needsLower && (await probe(LOWER, 'veth'));
  for (const kind of wanted) {
    if (STACKED.has(kind) && !haveLower) continue; // cannot tell; let the plugin speak
    if (kind === 'veth' && needsLower) continue; // already probed as the lower device
    if (await probe('cnikitprobe0', kind)) await ip.run(['-n', netns, 'link', 'del', 'cnikitprobe0']);
  }
  if (haveLower) await ip.run(['-n', netns, 'link', 'del', LOWER]);
  return missing;
}

/** The plugin's error is the kernel refusing a link type it does not have. */
export function isMissingKindError(msg: string): boolean {
  return /operation not supported|unknown device type/i.test(msg);
}

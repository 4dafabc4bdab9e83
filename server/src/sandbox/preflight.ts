// Everything checked before the first namespace is created, so that a run never starts on a
// machine that cannot finish it.
import { ipamType, type NetworkList } from './chain';
import { findExecutable, findPluginBinary } from './cniPath';
import { SandboxUnavailable } from './errors';

const INSTALL_PLUGINS = 'apt-get install containernetworking-plugins';

/**
 * Plugins the sandbox runs: the reference plugins, whose effects stay inside the namespaces and
 * the state dir it gives them. Others are refused because they reach outside through files and
 * sockets of the real host (dhcp's daemon, Multus/Cilium/Calico agents, flannel's subnet file).
 */
export const SANDBOXED_PLUGINS = new Set([
  'bridge', 'macvlan', 'ipvlan', 'ptp', 'vlan', 'host-device', 'loopback', 'dummy', 'tap',
  'vrf', 'portmap', 'bandwidth', 'tuning', 'firewall', 'sbr', 'host-local', 'static',
]);

/** Absolute path of `ip`; throws when the machine cannot host a sandbox at all. */
export function checkHost(): string {
  if (process.platform !== 'linux') {
    throw new SandboxUnavailable(
      `CNI plugins run only on Linux (this is ${process.platform}); try the config on a Linux machine`,
      'platform',
    );
  }
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new SandboxUnavailable('creating network namespaces needs root (uid 0); run again as root, e.g. with sudo', 'privileges');
  }
  const ip = findExecutable('ip');
  if (!ip) throw new SandboxUnavailable('the `ip` command is missing; apt-get install iproute2', 'tool');
  return ip;
}

/** Binary path for every plugin type (chain types and ipam types), keyed by type. */
export function resolveBinaries(list: NetworkList, cniPath: string[]): Map<string, string> {
  const types = new Set<string>();
  for (const p of list.plugins) {
    types.add(p.type);
    const ipam = ipamType(p);
    if (ipam) types.add(ipam);
  }
  const refused = [...types].filter((t) => !SANDBOXED_PLUGINS.has(t));
  if (refused.length > 0) {
    const why = refused.includes('dhcp') ? ' (dhcp needs the CNI DHCP daemon, which runs outside the sandbox)' : '';
    throw new SandboxUnavailable(
      `the sandbox runs only the reference plugins, not ${refused.map((t) => `"${t}"`).join(', ')}${why}: ` +
        'other plugins talk to daemons and files of the real host',
      'unsupported-plugin',
    );
  }
  if (cniPath.length === 0) {
    throw new SandboxUnavailable(`no CNI plugin directory to search; ${INSTALL_PLUGINS} (installs into /usr/lib/cni) or pass one`, 'plugin');
  }
  const found = new Map<string, string>();
  const missing: string[] = [];
  for (const t of types) {
    const bin = findPluginBinary(t, cniPath);
    if (bin) found.set(t, bin);
    else missing.push(t);
  }
  if (missing.length > 0) {
    const names = missing.map((t) => `"${t}"`).join(', ');
    throw new SandboxUnavailable(
      `plugin binar${missing.length > 1 ? 'ies' : 'y'} ${names} not found in ${cniPath.join(':')}; ` +
        `${INSTALL_PLUGINS} (Debian/Ubuntu, installs into /usr/lib/cni) or copy the plugin into one of those directories`,
      'plugin',
    );
  }
  return found;
}

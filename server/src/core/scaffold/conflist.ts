// A standalone CNI config list for a node's /etc/cni/net.d: bridge, host-local and portmap.
import { bridgeNetworkConfig } from './cniConfigs';
import type { ScaffoldResult } from './files';
import type { OptionValues } from './options';

export function buildConflist(o: OptionValues): ScaffoldResult {
  const config = bridgeNetworkConfig({ name: o.name, bridge: o.bridge, subnet: o.subnet });
  // Runtimes take the first file of the folder in name order, hence the numeric prefix.
  return { files: [{ path: `10-${o.name}.conflist`, content: `${JSON.stringify(config, null, 2)}\n`, format: 'cni-config' }] };
}

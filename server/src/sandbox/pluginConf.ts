// The stdin of one plugin call, built as libcni's buildOneConfig does, plus sandbox paths.
import { join } from 'node:path';
import { runtimeConfigFor } from './capabilities';
import type { NetworkList, PluginObject } from './chain';

export function buildPluginConf(
  plugin: PluginObject,
  list: NetworkList,
  prevResult: unknown,
  stateDir: string,
): Record<string, unknown> {
  const conf: Record<string, unknown> = structuredClone(plugin);
  // libcni injects the list's values into every plugin, empty strings included.
  conf.name = list.name ?? '';
  conf.cniVersion = list.cniVersion ?? '';
  if (prevResult !== undefined) conf.prevResult = prevResult;
  // Replaces any runtimeConfig in the file, as libcni's injectRuntimeConfig does.
  const rc = runtimeConfigFor(plugin.capabilities);
  if (rc) conf.runtimeConfig = rc;
  sandboxStatePaths(conf, stateDir);
  return conf;
}

/** Points state files into the sandbox's temp dir, whatever the config says, so nothing lands in /var/lib/cni. */
function sandboxStatePaths(conf: Record<string, unknown>, stateDir: string): void {
  const ipam = conf.ipam;
  if (typeof ipam === 'object' && ipam !== null && !Array.isArray(ipam)) {
    const ipamObj = ipam as Record<string, unknown>;
    if (ipamObj.type === 'host-local') ipamObj.dataDir = join(stateDir, 'host-local');
  }
  if (conf.type === 'tuning') conf.dataDir = join(stateDir, 'tuning');
}

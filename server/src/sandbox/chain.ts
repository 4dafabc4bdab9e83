// Turns the user's config into the list libcni would run (ConfListFromBytes / ConfListFromConf).
import { SandboxConfigError } from './errors';
import { parseLeniently } from './lenientJson';

export type PluginObject = Record<string, unknown> & { type: string };

export interface NetworkList {
  name: unknown;
  cniVersion: unknown;
  disableCheck: boolean;
  plugins: PluginObject[];
  /**
   * Set when the document is not strict JSON (comments, trailing commas). A runtime would stop
   * at its own parser; we hand these bytes unchanged to the first plugin so that the plugin's
   * own decoding error is what the user sees.
   */
  rawText?: string;
  /** The config was one plugin object, upconverted to this one-plugin list. */
  single?: true;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Accepts a parsed conflist, a parsed single-plugin object, or the document text of either. */
export function toNetworkList(config: unknown): NetworkList {
  let rawText: string | undefined;
  if (typeof config === 'string') {
    const parsed = parseLeniently(config);
    if (!parsed) throw new SandboxConfigError('the config is not JSON, so no plugin can read it');
    if (!parsed.strict) rawText = config;
    config = parsed.value;
  }
  if (!isObject(config)) {
    throw new SandboxConfigError('the config must be a JSON object: a conflist or a single plugin object');
  }
  if ('plugins' in config) {
    const plugins = config.plugins;
    if (!Array.isArray(plugins)) throw new SandboxConfigError(`invalid 'plugins' type: must be an array`);
    if (plugins.length === 0) throw new SandboxConfigError('no plugins in list');
    plugins.forEach((p, i) => checkPlugin(p, `plugin config ${i}`));
    return {
      name: config.name,
      cniVersion: config.cniVersion,
      // libcni 1.1 accepts only a JSON boolean here; anything else leaves CHECK on.
      disableCheck: config.disableCheck === true,
      plugins: plugins as PluginObject[],
      rawText,
    };
  }
  checkPlugin(config, 'the config', " (nor a 'plugins' list)");
  // Upconvert like libcni's ConfListFromConf: the list takes name and version from the object.
  return { name: config.name, cniVersion: config.cniVersion, disableCheck: false, plugins: [config], rawText, single: true };
}

function checkPlugin(p: unknown, what: string, hint = ''): asserts p is PluginObject {
  if (!isObject(p)) throw new SandboxConfigError(`${what} is not an object`);
  if (typeof p.type !== 'string' || p.type === '') {
    throw new SandboxConfigError(`${what} has no 'type'${hint}, so there is no plugin to run`);
  }
  if (p.type.includes('/')) throw new SandboxConfigError(`invalid plugin name: ${p.type}`);
}

/** `ipam.type` when it names a binary to look up (a '/' in it is the plugin's error to report). */
export function ipamType(plugin: PluginObject): string | undefined {
  const ipam = plugin.ipam;
  if (!isObject(ipam) || typeof ipam.type !== 'string' || ipam.type === '' || ipam.type.includes('/')) {
    return undefined;
  }
  return ipam.type;
}

/** Host links the chain expects to find: `master` of macvlan/ipvlan/vlan, `device` of host-device. */
export function hostLinkNames(list: NetworkList): string[] {
  const names = new Set<string>();
  for (const p of list.plugins) {
    const key = p.type === 'host-device' ? 'device' : ['macvlan', 'ipvlan', 'vlan'].includes(p.type) ? 'master' : '';
    const name = key ? goField(p, key) : undefined;
    // Only names the kernel could create; anything else is left for the plugin to complain about.
    if (typeof name === 'string' && /^[A-Za-z0-9_.-]{1,15}$/.test(name) && name !== '.' && name !== '..' && name !== 'lo') {
      names.add(name);
    }
  }
  return [...names];
}

/** A key as Go's encoding/json finds it: the exact name, else any case-insensitive match. */
export function goField(obj: Record<string, unknown>, key: string): unknown {
  if (key in obj) return obj[key];
  const lower = key.toLowerCase();
  const match = Object.keys(obj).find((k) => k.toLowerCase() === lower);
  return match === undefined ? undefined : obj[match];
}

// Cross-key rules of individual plugins that JSON Schema cannot express, each one
// something the real plugin rejects (error) or silently ignores (warning).
import { finding } from '../../common/findings';
import { propertyLoose, keyOf, keyOrValue, type JsonNode } from '../../common/json';
import type { PluginEntry } from '../model';
import { aboutNullKey, hasValue, isSet, span, type Rule, type RuleContext } from './context';

type PluginRule = (plugin: PluginEntry, ctx: RuleContext) => void;

const get = (plugin: PluginEntry, key: string) => propertyLoose(plugin.node, key);
const keyRange = (node: JsonNode) => span(keyOrValue(node));
const hasCapability = (plugin: PluginEntry, name: string) => propertyLoose(get(plugin, 'capabilities'), name)?.value === true;

function bothSet(plugin: PluginEntry, ctx: RuleContext, a: string, b: string, message: string, onlyWhenTrue = false): void {
  const first = get(plugin, a);
  const second = get(plugin, b);
  if (!isSet(first) || !isSet(second)) return; // a null one is not set, so not both
  if (onlyWhenTrue && (first.value !== true || second.value !== true)) return;
  const at = keyRange(second);
  ctx.report(finding(at.start, at.end, 'error', 'cni/conflicting-keys', message));
}

/** Interface plugins that cannot work without an IPAM plugin. */
function requiresIpam(plugin: PluginEntry, ctx: RuleContext, why: string): void {
  if (plugin.ipamType || !plugin.typeNode) return;
  if (plugin.type === 'ipvlan' && plugin.index > 0) return; // chained ipvlan may take its addresses from prevResult
  const at = span(plugin.typeNode);
  ctx.report(finding(at.start, at.end, 'error', 'cni/missing-ipam', `${plugin.type} needs an IPAM plugin ("ipam": {"type": ...}): ${why}`));
}

/**
 * A plugin that needs one of `keys` (or something else that `covered` stands for). A key that is
 * null or empty counts as not set, as the plugins test it, and the error then points at the first
 * such key; it covers the others too, so none of them also says "null: the default applies".
 */
function needsOneOf(plugin: PluginEntry, ctx: RuleContext, keys: string[], covered: boolean, need: string): void {
  if (covered || keys.some((k) => hasValue(get(plugin, k))) || !plugin.typeNode) return;
  const unset = keys.map((k) => get(plugin, k)).filter((n): n is JsonNode => !!n).sort((a, b) => a.offset - b.offset);
  const first = unset[0];
  const at = first ? keyRange(first) : span(plugin.typeNode);
  const f = finding(at.start, at.end, 'error', 'cni/missing-key',
    first ? `"${keyOf(first)?.value}" is ${first.type === 'null' ? 'null' : 'empty'}, which counts as not set: ${need}` : need);
  ctx.report(aboutNullKey(f, unset.filter((n) => n.type === 'null')));
}

/**
 * A rate without its burst (or the reverse) is rejected by the bandwidth plugin. A null or 0 counts
 * as not set: the plugin reads both as 0, and a rate and burst of 0 is no limit at all.
 */
function pairedRates(plugin: PluginEntry, ctx: RuleContext, object: JsonNode | undefined): void {
  const given = (n: JsonNode | undefined): n is JsonNode => isSet(n) && n.value !== 0;
  for (const direction of ['ingress', 'egress']) {
    const rate = propertyLoose(object, `${direction}Rate`);
    const burst = propertyLoose(object, `${direction}Burst`);
    if (given(rate) === given(burst)) continue;
    const [present, missing] = given(rate) ? [`${direction}Rate`, `${direction}Burst`] : [`${direction}Burst`, `${direction}Rate`];
    const unset = given(rate) ? burst : rate; // absent, or there but null or 0
    const rejects = `the bandwidth plugin rejects a ${given(rate) ? 'rate without a burst' : 'burst without a rate'}`;
    const at = keyRange(unset ?? (rate ?? burst)!);
    const f = finding(at.start, at.end, 'error', 'cni/conflicting-keys', unset
      ? `"${missing}" is ${unset.type === 'null' ? 'null' : '0'}, which counts as not set: ${rejects}. Give it a value, or remove ${present} too.`
      : `${present} needs ${missing} too: ${rejects}.`);
    ctx.report(unset ? aboutNullKey(f) : f);
  }
}

const rules: Record<string, PluginRule> = {
  bridge(plugin, ctx) {
    bothSet(plugin, ctx, 'hairpinMode', 'promiscMode', 'hairpinMode and promiscMode cannot both be true: the bridge plugin rejects the combination.', true);
    const defaultGateway = get(plugin, 'isDefaultGateway');
    const routes = propertyLoose(plugin.ipamNode, 'routes');
    const defaultRoute = defaultGateway?.value === true && routes?.type === 'array'
      ? routes.children?.find((r) => ['0.0.0.0/0', '::/0'].includes(String(propertyLoose(r, 'dst')?.value)))
      : undefined;
    if (defaultRoute) {
      const at = span(propertyLoose(defaultRoute, 'dst')!);
      ctx.report(finding(at.start, at.end, 'error', 'cni/conflicting-keys',
        'isDefaultGateway already adds a default route through the bridge, so adding this one fails with "file exists". Remove this route or isDefaultGateway.'));
    }
    const dci = get(plugin, 'disableContainerInterface');
    if (dci?.value === true && plugin.ipamType) {
      const at = keyRange(dci);
      ctx.report(finding(at.start, at.end, 'warning', 'cni/conflicting-keys',
        'disableContainerInterface cannot be combined with an IPAM plugin: bridge v1.4.1 and later reject this config (older versions ignore the key).'));
    }
  },
  ptp: (plugin, ctx) => requiresIpam(plugin, ctx, 'it fails with "no plugin name provided" otherwise.'),
  ipvlan: (plugin, ctx) => requiresIpam(plugin, ctx, 'as the first plugin it has no other source of addresses.'),
  dummy: (plugin, ctx) => requiresIpam(plugin, ctx, 'a dummy interface without an address is useless, and the plugin rejects it.'),
  portmap: (plugin, ctx) => bothSet(plugin, ctx, 'markMasqBit', 'externalSetMarkChain', 'markMasqBit and externalSetMarkChain cannot be used together: portmap rejects the config. Keep one of them.'),
  bandwidth(plugin, ctx) {
    pairedRates(plugin, ctx, plugin.node);
    pairedRates(plugin, ctx, propertyLoose(get(plugin, 'runtimeConfig'), 'bandwidth'));
    for (const key of ['ingressBurst', 'egressBurst']) {
      const burst = get(plugin, key);
      if (typeof burst?.value === 'number' && burst.value / 8 >= 2 ** 32 - 1) {
        const at = span(burst);
        ctx.report(finding(at.start, at.end, 'error', 'cni/out-of-range', `${key} is more than 4 GB (it is in bits): the bandwidth plugin rejects it.`));
      }
    }
  },
  tuning(plugin, ctx) {
    const sysctl = get(plugin, 'sysctl');
    for (const entry of sysctl?.type === 'object' ? sysctl.children ?? [] : []) {
      const key = entry.children?.[0];
      if (!key) continue;
      const name = String(key.value);
      const path = name.includes('/') ? name.replace(/^\/proc\/sys\//, '') : name.replace(/\./g, '/');
      if (!path.startsWith('net/') || path.split('/').includes('..')) {
        const at = span(key);
        ctx.report(finding(at.start, at.end, 'error', 'cni/invalid-value', `"${name}" is not a network sysctl: tuning only sets keys under net. (/proc/sys/net) and rejects others.`));
      }
    }
  },
  'host-device': (plugin, ctx) => needsOneOf(plugin, ctx, ['device', 'hwaddr', 'kernelpath', 'pciBusID'], hasCapability(plugin, 'deviceID'),
    'host-device needs one of "device", "hwaddr", "kernelpath" or "pciBusID" (or the deviceID capability) to know which host device to move into the container.'),
  firewall(plugin, ctx) {
    const policy = get(plugin, 'ingressPolicy');
    if (policy?.value !== 'isolated') return;
    const at = span(policy);
    ctx.report(finding(at.start, at.end, 'info', 'cni/ingress-policy-isolated',
      'ingressPolicy "isolated" is valid, but the firewall plugin only knows it since plugins v1.7.0: older releases (for example Debian\'s 1.1.1) fail with "unknown ingress policy". On such nodes use "same-bridge", which isolates the bridge from other traffic but lets its containers reach each other.'));
  },
  flannel(plugin, ctx) {
    const delegate = get(plugin, 'delegate');
    for (const key of ['name', 'ipam']) {
      const node = propertyLoose(delegate, key); // null too: flannel only asks whether the key is in the map
      if (!node) continue;
      const at = keyRange(node);
      ctx.report(finding(at.start, at.end, 'error', 'cni/conflicting-keys', `flannel sets the delegate's "${key}" itself and rejects a config that sets it; remove it.`));
    }
  },
  multus: (plugin, ctx) => needsOneOf(plugin, ctx, ['delegates', 'clusterNetwork'], false,
    'multus needs "clusterNetwork" or "delegates" to know the default network of every pod.'),
};

export const checkPluginSpecifics: Rule = (ctx) => {
  for (const plugin of ctx.model.plugins) {
    if (plugin.node.type === 'object' && plugin.type) rules[plugin.type]?.(plugin, ctx);
  }
};

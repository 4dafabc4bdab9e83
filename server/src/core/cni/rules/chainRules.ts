// Rules for the plugin chain: each plugin's own keys, its IPAM section, chain order,
// capabilities and version support.
import { finding } from '../../common/findings';
import { insertProperty, reorderElements } from '../../common/jsonEdits';
import { propertyLoose, keyOf } from '../../common/json';
import { checkObject } from '../objectCheck';
import { pluginLabel, type PluginEntry } from '../model';
import { aboutNullKey, isSet, span, unsetAt, type Rule, type RuleContext } from './context';
import { knownVersions } from './listRules';

export const checkPluginObjects: Rule = (ctx) => {
  const { model, registry, report } = ctx;
  for (const plugin of model.plugins) {
    if (plugin.node.type !== 'object') continue; // the list schema reports non-object entries
    if (plugin.type && !registry.plugins.has(plugin.type) && !registry.ipams.has(plugin.type) && plugin.typeNode) {
      report(finding(span(plugin.typeNode).start, span(plugin.typeNode).end, 'hint', 'cni/unknown-plugin',
        `CNIKit does not know the plugin "${plugin.type}", so only the keys every plugin shares are checked.`));
    }
    if (!isSet(plugin.typeNode)) {
      const at = unsetAt(plugin.node, plugin.typeNode);
      report(finding(at.start, at.end, 'error', 'cni/missing-type', plugin.typeNode
        ? `"type" is null in ${pluginLabel(plugin)}, which counts as not set: the runtime needs it to find the plugin binary. Set it to the plugin's name, such as "bridge".`
        : `Missing "type" in ${pluginLabel(plugin)}: the runtime needs it to find the plugin binary.`));
    }
    const known = plugin.type !== undefined && registry.plugins.has(plugin.type);
    checkObject(registry, plugin.node, {
      kind: model.shape === 'single' ? 'single' : 'plugin',
      type: known ? plugin.type : undefined,
      owner: pluginLabel(plugin),
      reportUnknownKeys: known,
      delegated: ['ipam'],
      anchor: plugin.typeNode,
      // type is reported above (cni/missing-type), a single config's name and version by the list rules.
      reportsMissing: model.shape === 'single' ? ['type', 'name', 'cniVersion'] : ['type'],
    }, report);
    checkIpam(ctx, plugin);
  }
};

function checkIpam({ registry, report }: RuleContext, plugin: PluginEntry): void {
  const ipam = plugin.ipamNode;
  if (ipam?.type !== 'object') return;
  const typeNode = propertyLoose(ipam, 'type');
  // A null type is no type: with other settings beside it, the same mistake, reported at the key.
  if (!isSet(typeNode) && (ipam.children?.length ?? 0) > (typeNode ? 1 : 0)) {
    const key = keyOf(typeNode ?? ipam) ?? ipam;
    const f = finding(span(key).start, span(key).end, 'warning', 'cni/ipam-without-type', typeNode
      ? `"type" is null, which counts as not set: "ipam" has settings but no IPAM plugin runs, so the interface gets no address. Set "type", for example to "host-local".`
      : `"ipam" has settings but no "type", so no IPAM plugin runs and the interface gets no address. Add "type", for example "host-local".`);
    report(typeNode ? aboutNullKey(f) : f);
  }
  const known = plugin.ipamType !== undefined && registry.ipams.has(plugin.ipamType);
  if (plugin.ipamType && !known && typeNode) {
    report(finding(span(typeNode).start, span(typeNode).end, 'hint', 'cni/unknown-plugin',
      `CNIKit does not know the IPAM plugin "${plugin.ipamType}", so its keys are not checked.`));
  }
  const placeholders = calicoSubnetPlaceholders(plugin);
  checkObject(registry, ipam, {
    kind: 'ipam',
    type: known ? plugin.ipamType : undefined,
    owner: known ? `the ${plugin.ipamType} IPAM plugin` : 'the IPAM plugin',
    reportUnknownKeys: known,
  }, (f) => {
    if (!(f.code === 'cni/invalid-address' && placeholders.has(f.start))) report(f);
  });
}

/**
 * Calico replaces a host-local subnet of "usePodCidr" (or "usePodCidrIPv6"), at the top of ipam or
 * in a range, with the node's pod CIDR before it calls host-local: there these are not malformed
 * CIDRs. Returns where they start.
 */
function calicoSubnetPlaceholders(plugin: PluginEntry): Set<number> {
  const found = new Set<number>();
  if (plugin.type !== 'calico' || plugin.ipamType !== 'host-local') return found;
  const ranges = propertyLoose(plugin.ipamNode, 'ranges');
  const rangeObjects = (ranges?.children ?? []).flatMap((set) => set.type === 'array' ? set.children ?? [] : []);
  for (const holder of [plugin.ipamNode, ...rangeObjects]) {
    const subnet = propertyLoose(holder, 'subnet');
    if (subnet && calicoPlaceholders.has(String(subnet.value).toLowerCase())) found.add(subnet.offset);
  }
  return found;
}

/** Calico compares them regardless of case. */
const calicoPlaceholders = new Set(['usepodcidr', 'usepodcidripv6']);

/** Meta plugins adjust the previous plugin's result, so one must not come before an interface plugin. */
export const checkChainOrder: Rule = ({ model, text, report }) => {
  if (model.shape !== 'list' || !model.pluginsNode) return;
  const plugins = model.plugins;
  const firstInterface = plugins.find((p) => p.meta?.kind === 'interface');
  for (const plugin of plugins) {
    if (plugin.meta?.kind !== 'meta' || !plugin.typeNode) continue;
    const before = plugins.slice(0, plugin.index);
    if (before.some((p) => p.meta?.kind !== 'meta')) continue;
    const { start, end } = span(plugin.typeNode);
    const movable = firstInterface && firstInterface.index > plugin.index;
    const order = movable ? [firstInterface.index, ...plugins.map((p) => p.index).filter((i) => i !== firstInterface.index)] : undefined;
    const edit = order && reorderElements(text, model.pluginsNode, order);
    report(finding(start, end, 'error', 'cni/chain-order',
      `${plugin.type} is a chained plugin: it works on the result of the plugin before it and fails when it runs ${plugin.index === 0 ? 'first' : 'before any interface plugin'}. ` +
      (movable ? `Move ${firstInterface.type} to the front of the chain.` : 'Put an interface plugin such as bridge or macvlan before it.'),
      edit ? [{ title: `Move ${firstInterface!.type} to the front of the chain`, edits: [edit], preferred: true }] : undefined));
  }
  const interfaces = plugins.filter((p) => p.meta?.kind === 'interface' && !(chainsOnto.has(p.type!) && p.index > 0));
  for (const extra of interfaces.slice(1)) {
    if (!extra.typeNode) continue;
    report(finding(span(extra.typeNode).start, span(extra.typeNode).end, 'warning', 'cni/multiple-interfaces',
      `${extra.type} creates an interface too, and its result replaces that of ${interfaces[0].type}: a chain normally has one interface plugin followed by meta plugins.`));
  }
};

/**
 * Interface plugins that, after another plugin, work on the interface that one made instead of
 * making their own: Cilium's chaining mode (behind flannel, aws-cni, portmap and the like).
 */
const chainsOnto = new Set(['cilium-cni']);

export const checkVersionSupport: Rule = ({ model, report }) => {
  const version = model.cniVersion;
  if (version === undefined || !model.cniVersionNode) return;
  for (const plugin of model.plugins) {
    const versions = plugin.meta?.versions;
    if (!versions || versions.includes(version) || !plugin.typeNode) continue;
    if (version === '1.1.0' || !knownVersions.includes(version)) continue; // the version rule and the schema speak for these
    report(finding(span(plugin.typeNode).start, span(plugin.typeNode).end, 'error', 'cni/version-unsupported',
      `${plugin.type} does not support cniVersion ${version}; it accepts ${versions.join(', ')}.`));
  }
};

/** A capability reaches a plugin only if it asks for it, and asking for one it never reads does nothing. */
export const checkCapabilities: Rule = ({ model, registry, text, report }) => {
  for (const plugin of model.plugins) {
    const meta = plugin.meta;
    if (!meta || !plugin.typeNode) continue;
    // The plugin hands its whole config, runtimeConfig included, to its IPAM plugin: what that reads counts too.
    const ipamMeta = plugin.ipamType ? registry.ipams.get(plugin.ipamType)?.['x-cni'] : undefined;
    const unknownIpam = !!plugin.ipamType && !ipamMeta;
    const readers = [...meta.capabilities, ...(ipamMeta?.capabilities ?? [])];
    const capabilities = propertyLoose(plugin.node, 'capabilities');
    for (const entry of capabilities?.type === 'object' ? capabilities.children ?? [] : []) {
      const [key, value] = entry.children ?? [];
      if (!key || value?.value !== true) continue;
      const name = String(key.value);
      if (readers.includes(name) || unknownIpam) continue;
      report({ ...finding(span(key).start, span(key).end, 'warning', 'cni/unused-capability',
        `Neither ${plugin.type} nor its IPAM plugin reads the "${name}" capability, so asking for it has no effect.` +
        (readers.length ? ` They read: ${[...new Set(readers)].join(', ')}.` : '')), tags: ['unnecessary'] });
    }
    const needed = essentialCapability[plugin.type!];
    if (needed && !hasTrue(capabilities, needed) && !(plugin.type === 'bandwidth' && hasStaticRates(plugin))) {
      const edit = capabilities?.type === 'object'
        ? insertProperty(text, capabilities, needed, true)
        : insertProperty(text, plugin.node, 'capabilities', { [needed]: true });
      report(finding(span(plugin.typeNode).start, span(plugin.typeNode).end, 'warning', 'cni/missing-capability',
        `${plugin.type} does nothing without the "${needed}" capability: the runtime only passes ${needed} to plugins that ask for it.`,
        [{ title: `Add "capabilities": {"${needed}": true}`, edits: [edit], preferred: true }]));
    }
  }
};

/** Meta plugins whose only input comes from a runtime capability. */
const essentialCapability: Record<string, string> = { portmap: 'portMappings', bandwidth: 'bandwidth' };

function hasTrue(capabilities: ReturnType<typeof propertyLoose>, name: string): boolean {
  return propertyLoose(capabilities, name)?.value === true;
}

function hasStaticRates(plugin: PluginEntry): boolean {
  return ['ingressRate', 'egressRate', 'ingressBurst', 'egressBurst'].some((k) => propertyLoose(plugin.node, k));
}

// The CNI view of a parsed JSON config: list or single plugin, name, version and the plugin
// chain, each with the nodes features need. Keys are looked up case-insensitively, as plugins do.
import { propertyLoose, stringValue, type JsonNode } from '../common/json';
import type { PluginMeta, SchemaRegistry } from './schemaRegistry';

export type ConfigShape = 'list' | 'single';

export interface PluginEntry {
  index: number;
  /** In a "plugins" list, as opposed to a single-plugin config. */
  inList: boolean;
  node: JsonNode;
  type?: string;
  typeNode?: JsonNode;
  meta?: PluginMeta;
  ipamNode?: JsonNode;
  ipamType?: string;
}

export interface CniModel {
  /** What the content is, and so how it is checked. */
  shape: ConfigShape;
  /** The file name asks for the other shape: runtimes reject the file (checkShape says so once). */
  misnamed: boolean;
  root: JsonNode;
  name?: string;
  nameNode?: JsonNode;
  cniVersion?: string;
  cniVersionNode?: JsonNode;
  pluginsNode?: JsonNode;
  plugins: PluginEntry[];
}

/**
 * `hint` comes from the file name (runtimes pick the parser by suffix); `auto` decides by content,
 * as Multus and the admission webhook do for a NetworkAttachmentDefinition's config.
 */
export function buildModel(root: JsonNode, hint: ConfigShape | 'auto', registry: SchemaRegistry): CniModel {
  const shape = shapeOf(root, hint);
  const nameNode = propertyLoose(root, 'name');
  const cniVersionNode = propertyLoose(root, 'cniVersion');
  const pluginsNode = shape === 'list' ? propertyLoose(root, 'plugins') : undefined;
  const pluginNodes = shape === 'single' ? [root] : pluginsNode?.type === 'array' ? pluginsNode.children ?? [] : [];
  return {
    shape,
    misnamed: hint !== 'auto' && shape !== hint,
    root,
    name: stringValue(nameNode),
    nameNode,
    cniVersion: stringValue(cniVersionNode),
    cniVersionNode,
    pluginsNode,
    plugins: pluginNodes.map((node, index) => pluginEntry(node, index, shape === 'list', registry)),
  };
}

/**
 * A config that is plainly the other kind than its file name says (a list without `type`, or a
 * plugin without `plugins`) is checked as what it is: its keys are right for that, and the one
 * mistake is the file name. Otherwise the hint decides, and `auto` reads the rest as one plugin.
 */
function shapeOf(root: JsonNode, hint: ConfigShape | 'auto'): ConfigShape {
  const hasPlugins = !!propertyLoose(root, 'plugins');
  const hasType = !!propertyLoose(root, 'type');
  if (hasPlugins !== hasType) return hasPlugins ? 'list' : 'single';
  return hint === 'auto' ? 'single' : hint;
}

function pluginEntry(node: JsonNode, index: number, inList: boolean, registry: SchemaRegistry): PluginEntry {
  const typeNode = propertyLoose(node, 'type');
  const type = stringValue(typeNode);
  const ipamNode = propertyLoose(node, 'ipam');
  const ipamType = stringValue(propertyLoose(ipamNode, 'type'));
  return { index, inList, node, type, typeNode, meta: registry.plugins.get(type ?? '')?.['x-cni'], ipamNode, ipamType };
}

/** Words for a plugin in messages: "the bridge plugin", or when it has no type "plugin 2" in a list and "the plugin" alone. */
export function pluginLabel(plugin: PluginEntry): string {
  if (plugin.type) return `the ${plugin.type} plugin`;
  return plugin.inList ? `plugin ${plugin.index + 1}` : 'the plugin';
}

// The CNI view of a parsed JSON config: list or single plugin, name, version and the plugin
// chain, each with the nodes features need. Keys are looked up case-insensitively, as plugins do.
import { propertyLoose, stringValue, type JsonNode } from '../common/json';
import type { PluginMeta, SchemaRegistry } from './schemaRegistry';

export type ConfigShape = 'list' | 'single';

export interface PluginEntry {
  index: number;
  node: JsonNode;
  type?: string;
  typeNode?: JsonNode;
  meta?: PluginMeta;
  ipamNode?: JsonNode;
  ipamType?: string;
}

export interface CniModel {
  shape: ConfigShape;
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
  const shape = hint === 'auto' ? (propertyLoose(root, 'plugins') && !propertyLoose(root, 'type') ? 'list' : 'single') : hint;
  const nameNode = propertyLoose(root, 'name');
  const cniVersionNode = propertyLoose(root, 'cniVersion');
  const pluginsNode = shape === 'list' ? propertyLoose(root, 'plugins') : undefined;
  const pluginNodes = shape === 'single' ? [root] : pluginsNode?.type === 'array' ? pluginsNode.children ?? [] : [];
  return {
    shape,
    root,
    name: stringValue(nameNode),
    nameNode,
    cniVersion: stringValue(cniVersionNode),
    cniVersionNode,
    pluginsNode,
    plugins: pluginNodes.map((node, index) => pluginEntry(node, index, registry)),
  };
}

function pluginEntry(node: JsonNode, index: number, registry: SchemaRegistry): PluginEntry {
  const typeNode = propertyLoose(node, 'type');
  const type = stringValue(typeNode);
  const ipamNode = propertyLoose(node, 'ipam');
  const ipamType = stringValue(propertyLoose(ipamNode, 'type'));
  return { index, node, type, typeNode, meta: registry.plugins.get(type ?? '')?.['x-cni'], ipamNode, ipamType };
}

/** Words for a plugin in messages: "the bridge plugin", or "plugin 2" when it has no type. */
export function pluginLabel(plugin: PluginEntry): string {
  return plugin.type ? `the ${plugin.type} plugin` : `plugin ${plugin.index + 1}`;
}

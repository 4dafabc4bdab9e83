// Finds the schema that describes the value at a JSON path of a CNI config, for completion
// and hover. It follows the same choices as validation: list → plugin by `type` → IPAM by `ipam.type`.
import type { CniModel } from './model';
import type { JsonSchema, SchemaRegistry } from './schemaRegistry';
import { schemaAtPath } from '../common/jsonSchema';

export type JsonPath = (string | number)[];

export interface SchemaAt {
  schema: JsonSchema;
  /** The schema document `$ref`s resolve against. */
  root: JsonSchema;
  /** What owns the value, for hover titles: "bridge plugin", "host-local IPAM", "network list". */
  owner: string;
  /** The property name whose schema this is, if any. */
  key?: string;
}

export function schemaAt(model: CniModel, registry: SchemaRegistry, path: JsonPath): SchemaAt | undefined {
  let rest = path;
  let root: JsonSchema;
  let owner: string;
  let pluginIndex: number | undefined;
  if (model.shape === 'list') {
    if (rest[0] !== 'plugins' || typeof rest[1] !== 'number') {
      root = registry.schemaFor('list');
      owner = 'network configuration list';
    } else {
      pluginIndex = rest[1];
      rest = rest.slice(2);
      const type = model.plugins[pluginIndex]?.type;
      root = registry.schemaFor('plugin', type && registry.plugins.has(type) ? type : undefined);
      owner = type && registry.plugins.has(type) ? `${type} plugin` : 'CNI plugin';
    }
  } else {
    pluginIndex = 0;
    const type = model.plugins[0]?.type;
    root = registry.schemaFor('single', type && registry.plugins.has(type) ? type : undefined);
    owner = type && registry.plugins.has(type) ? `${type} plugin` : 'CNI plugin';
  }
  if (pluginIndex !== undefined && typeof rest[0] === 'string' && rest[0].toLowerCase() === 'ipam') {
    const ipamType = model.plugins[pluginIndex]?.ipamType;
    const known = ipamType !== undefined && registry.ipams.has(ipamType);
    const ipamSchema = registry.schemaFor('ipam', known ? ipamType : undefined);
    if (rest.length === 1) {
      // The `ipam` object itself: its keys come from the IPAM plugin, its description from the spec.
      const description = registry.schemaFor('plugin').properties!.ipam.description;
      return { schema: { ...ipamSchema, description }, root: ipamSchema, owner, key: 'ipam' };
    }
    root = ipamSchema;
    owner = known ? `${ipamType} IPAM` : 'IPAM';
    rest = rest.slice(1);
  }
  const found = schemaAtPath(root, rest, true);
  return found ? { schema: found.schema, root, owner, key: found.key } : undefined;
}

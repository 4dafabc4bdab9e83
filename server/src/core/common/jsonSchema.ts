// The subset of JSON Schema (draft-07) plus our `x-` annotations that the services read.

/** The subset of JSON Schema (draft-07) plus our `x-` annotations that the service reads. */
export interface JsonSchema {
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  enumDescriptions?: string[];
  default?: unknown;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  definitions?: Record<string, JsonSchema>;
  deprecationMessage?: string;
  'x-patternMessage'?: string;
  /** The consumer treats "" as not set: no format or pattern check for it. */
  'x-emptyIsUnset'?: boolean;
  'x-docUrl'?: string;
  'x-since'?: string;
  'x-cni'?: PluginMeta;
}

/** What a plugin schema says about the plugin itself, beyond its keys. */
export interface PluginMeta {
  /** interface: creates the container interface; meta: chained after one, needs prevResult; ipam: allocates addresses. */
  kind: 'interface' | 'meta' | 'ipam';
  /** cniVersion values the plugin's current upstream release accepts. */
  versions: string[];
  /** Capability names whose runtimeConfig values the plugin reads. */
  capabilities: string[];
  docUrl: string;
  /** A working minimal config inserted by completion. */
  snippet: Record<string, unknown>;
  /** Where the plugin comes from when it is not a reference plugin, e.g. "Flannel". */
  project?: string;
}

/** Resolved `$ref`s per root schema: schemas do not change, and the same refs are followed for every object checked. */
const resolvedRefs = new WeakMap<JsonSchema, Map<string, JsonSchema | undefined>>();

/** Follows a local `$ref` (`#/definitions/...`) against the schema that holds it. */
export function resolveRef(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  let byRef = resolvedRefs.get(root);
  if (!byRef) resolvedRefs.set(root, byRef = new Map());
  if (byRef.has(schema.$ref)) return byRef.get(schema.$ref);
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 8; hops++) {
    const path = current.$ref.replace(/^#\//, '').split('/');
    current = path.reduce<any>((node, part) => node?.[part], root);
  }
  byRef.set(schema.$ref, current);
  return current;
}

/**
 * The subschema describing the value at `path` below `root` (properties, additionalProperties,
 * items; local `$ref`s followed), with the property name it was reached by.
 */
export function schemaAtPath(root: JsonSchema, path: (string | number)[], caseInsensitive = false): { schema: JsonSchema; key?: string } | undefined {
  let schema: JsonSchema | undefined = withDocs(root, root);
  let key: string | undefined;
  for (const segment of path) {
    if (!schema) return undefined;
    if (typeof segment === 'number') {
      schema = withDocs(schema.items, root);
      continue;
    }
    const keys = Object.keys(schema.properties ?? {});
    key = keys.find((k) => k === segment) ?? (caseInsensitive ? keys.find((k) => k.toLowerCase() === segment.toLowerCase()) : undefined);
    schema = withDocs(key ? schema.properties![key] : typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined, root);
  }
  return schema ? { schema, key } : undefined;
}

/** Follows a `$ref` but keeps the docs written beside it (a property's description sits next to its `$ref`). */
export function withDocs(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  const { $ref: _ref, ...local } = schema;
  const target = resolveRef(schema, root);
  return target ? { ...target, ...local } : undefined;
}

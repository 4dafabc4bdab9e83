// Knows every shipped CNI schema: which schema applies to which object, merged views for
// plugins (common keys + plugin keys) and compiled ajv validators, built lazily and cached.
import Ajv, { type ValidateFunction } from 'ajv';
import { parseCidr, parseIp, isMac } from '../common/ip';
import listSchema from '../../../../schemas/cni/netconf-list.schema.json';
import { commonPluginSchema, ipamSchemas, pluginSchemas, type JsonSchema, type PluginMeta } from './schemaSet';

export type { JsonSchema, PluginMeta } from './schemaSet';

export type UnitKind = 'list' | 'plugin' | 'single' | 'ipam';

export class SchemaRegistry {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, verbose: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly merged = new Map<string, JsonSchema>();
  readonly plugins = new Map<string, JsonSchema>(pluginSchemas.map((s) => [s.title!, s]));
  readonly ipams = new Map<string, JsonSchema>(ipamSchemas.map((s) => [s.title!, s]));
  readonly list = listSchema as JsonSchema;
  readonly common = commonPluginSchema;

  constructor() {
    this.ajv.addFormat('ip', (s: string) => parseIp(s) !== undefined);
    this.ajv.addFormat('cidr', (s: string) => parseCidr(s) !== undefined);
    this.ajv.addFormat('mac', (s: string) => isMac(s));
  }

  pluginMeta(type: string | undefined): PluginMeta | undefined {
    return type === undefined ? undefined : (this.plugins.get(type) ?? this.ipams.get(type))?.['x-cni'];
  }

  /** The schema that describes an object of the given kind; `type` picks the plugin or IPAM schema. */
  schemaFor(kind: UnitKind, type?: string): JsonSchema {
    const key = `${kind}:${type ?? ''}`;
    let schema = this.merged.get(key);
    if (!schema) {
      schema = this.build(kind, type);
      this.merged.set(key, schema);
    }
    return schema;
  }

  validatorFor(kind: UnitKind, type?: string): ValidateFunction {
    const key = `${kind}:${type ?? ''}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(this.schemaFor(kind, type));
      this.validators.set(key, validate);
    }
    return validate;
  }

  private build(kind: UnitKind, type?: string): JsonSchema {
    if (kind === 'list') return this.list;
    if (kind === 'ipam') {
      const own = type ? this.ipams.get(type) : undefined;
      const base = this.common.properties!.ipam;
      return own ? merge(base, own) : base;
    }
    const own = type ? this.plugins.get(type) : undefined;
    const plugin = own ? merge(this.common, own) : { ...this.common, $id: undefined };
    if (kind === 'single') {
      // A single-plugin file carries the network's name and version itself.
      const list = this.list.properties!;
      return {
        ...plugin,
        properties: { ...plugin.properties, name: list.name, cniVersion: list.cniVersion },
      };
    }
    return plugin;
  }
}

/** `base` with `own` laid over it: own keys win (a property keeps base docs it does not restate), required lists join. */
function merge(base: JsonSchema, own: JsonSchema): JsonSchema {
  const properties = { ...base.properties };
  for (const [key, schema] of Object.entries(own.properties ?? {})) properties[key] = { ...base.properties?.[key], ...schema };
  return {
    ...own,
    $id: undefined,
    properties,
    required: [...new Set([...(base.required ?? []), ...(own.required ?? [])])],
  };
}

export { resolveRef } from '../common/jsonSchema';

// Knows every shipped CNI schema: which schema applies to which object, merged views for
// plugins (common keys + plugin keys) and their ajv validators (precompiled in the bundles, see
// common/validators.ts), built lazily and cached.
import type { ValidateFunction } from 'ajv';
import { Validators, type ValidatorTarget } from '../common/validators';
import listSchema from '../../../../schemas/cni/netconf-list.schema.json';
import { commonPluginSchema, ipamSchemas, pluginSchemas, type JsonSchema, type PluginMeta } from './schemaSet';

export type { JsonSchema, PluginMeta } from './schemaSet';

export type UnitKind = 'list' | 'plugin' | 'single' | 'ipam';

export class SchemaRegistry {
  private readonly compiled = new Validators('cni');
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly merged = new Map<string, JsonSchema>();
  readonly plugins = new Map<string, JsonSchema>(pluginSchemas.map((s) => [s.title!, s]));
  readonly ipams = new Map<string, JsonSchema>(ipamSchemas.map((s) => [s.title!, s]));
  readonly list = listSchema as JsonSchema;
  readonly common = commonPluginSchema;

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
      validate = this.compiled.get(this.validatorKey(kind, type), this.schemaFor(kind, type));
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** Types without a schema of their own get the same schema as no type, so the same validator. */
  private validatorKey(kind: UnitKind, type?: string): string {
    const known = kind === 'list' || type === undefined ? false : (kind === 'ipam' ? this.ipams : this.plugins).has(type);
    return `${kind}:${known ? type : ''}`;
  }

  /** Every validator the registry can hand out, for the build to precompile. */
  validatorTargets(): ValidatorTarget[] {
    const units: [UnitKind, string | undefined][] = [['list', undefined]];
    for (const type of [undefined, ...this.plugins.keys()]) units.push(['plugin', type], ['single', type]);
    for (const type of [undefined, ...this.ipams.keys()]) units.push(['ipam', type]);
    return units.map(([kind, type]) => ({ key: this.validatorKey(kind, type), family: 'cni', schema: this.schemaFor(kind, type) }));
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

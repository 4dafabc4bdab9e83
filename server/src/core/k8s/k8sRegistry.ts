// Compiled validators for the Kubernetes kinds, built lazily on first use of each kind.
import Ajv, { type ValidateFunction } from 'ajv';
import type { JsonSchema } from '../common/jsonSchema';
import type { SchemaTarget } from '../common/schemaCheck';
import { isMac, parseCidr, parseIp } from '../common/ip';
import { k8sSchemas } from './schemaIndex';
import { schemaId, type KindDef } from './kinds';
import { scopedSchema } from './networkingScope';

export class K8sRegistry {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, verbose: true, validateFormats: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly targets = new Map<string, SchemaTarget>();
  private readonly schemas = new Map<string, JsonSchema>(k8sSchemas.map((s) => [s.$id!, s]));

  constructor() {
    this.ajv.addFormat('ip', (s: string) => parseIp(s) !== undefined);
    this.ajv.addFormat('cidr', (s: string) => parseCidr(s) !== undefined);
    this.ajv.addFormat('mac', (s: string) => isMac(s));
    for (const format of ['int32', 'int64', 'byte', 'date-time', 'double', 'int-or-string']) this.ajv.addFormat(format, true);
  }

  schema(def: KindDef): JsonSchema | undefined {
    return this.schemas.get(schemaId(def));
  }

  /** Compiles one of our own schemas (cached by its $id). */
  compile(schema: JsonSchema): ValidateFunction {
    let validate = this.validators.get(schema.$id!);
    if (!validate) {
      validate = this.ajv.compile({ ...schema, $id: undefined });
      this.validators.set(schema.$id!, validate);
    }
    return validate;
  }

  /**
   * What a document of the kind is checked against. For workloads that is the schema cut down to
   * the networking scope (see networkingScope.ts): the findings are the same, at a fraction of the cost.
   */
  checkTarget(def: KindDef): SchemaTarget | undefined {
    const id = schemaId(def);
    let target = this.targets.get(id);
    const full = this.schemas.get(id);
    if (!target && full) {
      const schema = def.podTemplate ? scopedSchema(full, def.podTemplate) : full;
      target = { schema, validate: this.ajv.compile({ ...schema, $id: undefined }) };
      this.targets.set(id, target);
    }
    return target;
  }
}

// Validators for the Kubernetes kinds, made lazily on first use of each kind (precompiled in the
// bundles, see common/validators.ts).
import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from '../common/jsonSchema';
import type { SchemaTarget } from '../common/schemaCheck';
import { Validators, type ValidatorTarget } from '../common/validators';
import { k8sSchemas } from './schemaIndex';
import { kinds, schemaId, type KindDef } from './kinds';
import { scopedSchema } from './networkingScope';

export class K8sRegistry {
  private readonly compiled = new Validators('k8s');
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly targets = new Map<string, SchemaTarget>();
  private readonly schemas = new Map<string, JsonSchema>(k8sSchemas.map((s) => [s.$id!, s]));

  schema(def: KindDef): JsonSchema | undefined {
    return this.schemas.get(schemaId(def));
  }

  /** Compiles one of our own schemas (cached by its $id). */
  compile(schema: JsonSchema): ValidateFunction {
    let validate = this.validators.get(schema.$id!);
    if (!validate) {
      validate = this.compiled.get(`schema:${schema.$id}`, { ...schema, $id: undefined });
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
      const schema = this.targetSchema(def, full);
      target = { schema, validate: this.compiled.get(`target:${id}`, { ...schema, $id: undefined }) };
      this.targets.set(id, target);
    }
    return target;
  }

  private targetSchema(def: KindDef, full: JsonSchema): JsonSchema {
    return def.podTemplate ? scopedSchema(full, def.podTemplate) : full;
  }

  /**
   * Every validator the registry hands out, for the build to precompile: one per kind, and one per
   * schema of `others` (the rules' own schemas, e.g. flannel's net-conf.json, given to `compile`).
   */
  validatorTargets(others: JsonSchema[]): ValidatorTarget[] {
    const targets = new Map<string, ValidatorTarget>();
    for (const def of kinds) {
      const id = schemaId(def);
      const full = this.schemas.get(id);
      if (full) targets.set(`target:${id}`, { key: `target:${id}`, family: 'k8s', schema: { ...this.targetSchema(def, full), $id: undefined } });
    }
    for (const schema of others) targets.set(`schema:${schema.$id}`, { key: `schema:${schema.$id}`, family: 'k8s', schema: { ...schema, $id: undefined } });
    return [...targets.values()];
  }
}

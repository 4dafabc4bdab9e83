// The ajv validators behind schema checks. Each validator has a key naming what it validates
// (e.g. "cni/plugin:bridge", "k8s/target:cnikit:k8s/v1/Service"). For the bundles they are
// precompiled: the build generates them (scripts/build/precompileValidators.ts) from the very
// schemas the registries hand out into dist/validators.pack, each read on first use, so ajv compiles
// nothing at run time. Without a bundle (tests and scripts under tsx), when that file is missing or
// from another build, or for a key the build did not know, ajv compiles the schema on first use:
// the same code, made later. Both report the same errors, down to the schema objects in them (a
// precompiled validator refers to the live schema it is given); a test compares them.
import Ajv, { type Options, type ValidateFunction } from 'ajv';
import equal from 'ajv/dist/runtime/equal';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import { isMac, parseCidr, parseIp } from './ip';
import type { JsonSchema } from './jsonSchema';
import { loadPrecompiled } from './precompiledValidators';

export type ValidatorFamily = 'cni' | 'k8s';

/** The string formats our schemas use that ajv must check (others are annotations only). */
export const schemaFormats = {
  ip: (s: string) => parseIp(s) !== undefined,
  cidr: (s: string) => parseCidr(s) !== undefined,
  mac: (s: string) => isMac(s),
};

/** Kubernetes' OpenAPI formats, accepted as they are. */
const k8sOpenApiFormats = ['int32', 'int64', 'byte', 'date-time', 'double', 'int-or-string'];

/** An ajv set up as the registries use it; the build passes `code` options to generate source. */
export function createAjv(family: ValidatorFamily, extra: Options = {}): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, ...(family === 'k8s' ? { validateFormats: true } : {}), ...extra });
  for (const [name, check] of Object.entries(schemaFormats)) ajv.addFormat(name, check);
  if (family === 'k8s') for (const format of k8sOpenApiFormats) ajv.addFormat(format, true);
  return ajv;
}

/** What the build precompiles: a key, the family of ajv options, the schema exactly as compiled. */
export interface ValidatorTarget { key: string; family: ValidatorFamily; schema: JsonSchema }

/** ajv's helpers that generated validators call. */
export const validatorRuntime = { equal, ucs2length };

/** A generated validator from its source (made as ajv makes one, with `new Function`), given the live schema it was generated from. */
export function fromSource(source: string, schema: JsonSchema): ValidateFunction {
  const factory = new Function(`return ${source}`)() as (live: JsonSchema, formats: typeof schemaFormats, runtime: typeof validatorRuntime) => ValidateFunction;
  return factory(schema, schemaFormats, validatorRuntime);
}

let precompiled: ((key: string) => string | undefined) | undefined | null = null;

export class Validators {
  private ajv?: Ajv;

  constructor(private readonly family: ValidatorFamily) {}

  /** The validator for `schema`, which must be the schema the key was generated from (or equal to it). */
  get(key: string, schema: JsonSchema): ValidateFunction {
    if (precompiled === null) precompiled = loadPrecompiled();
    const source = precompiled?.(`${this.family}/${key}`);
    if (source) return fromSource(source, schema);
    this.ajv ??= createAjv(this.family);
    return this.ajv.compile(schema);
  }
}

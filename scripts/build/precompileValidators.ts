// Build step (run by esbuild.mjs before bundling): generates ajv's standalone code for every
// validator the registries hand out. esbuild.mjs writes them to dist/validators.pack, which the
// server and the CLI read on first use (see server/src/core/common/validators.ts). Each validator
// is the minified source of a factory `(live, formats, runtime) => validate`: it takes the live
// schema, so the errors it reports refer to the very schema objects run-time compilation would
// (and the file holds code, not a second copy of every schema), and ajv's run-time helpers, as
// the bundles have no node_modules to require them from.
import { _Code, getProperty } from 'ajv/dist/compile/codegen/code';
import standaloneCode from 'ajv/dist/standalone';
import { transformSync } from 'esbuild';
import type { JsonSchema } from '../../server/src/core/common/jsonSchema';
import { createAjv, validatorRuntime, type ValidatorTarget } from '../../server/src/core/common/validators';
import { SchemaRegistry } from '../../server/src/core/cni/schemaRegistry';
import { K8sRegistry } from '../../server/src/core/k8s/k8sRegistry';
import multusNetworks from '../../schemas/multus/networks-annotation.schema.json';
import flannelNetConf from '../../schemas/flannel/net-conf.schema.json';

/** The schemas rules pass to `K8sRegistry.compile` (one missing here is compiled at run time). */
const ruleSchemas = [multusNetworks, flannelNetConf] as JsonSchema[];

export function validatorTargets(): ValidatorTarget[] {
  return [...new SchemaRegistry().validatorTargets(), ...new K8sRegistry().validatorTargets(ruleSchemas)];
}

/** The source of one factory `(live, formats, runtime) => validate` for a target. */
export function factorySource(target: ValidatorTarget): string {
  const ajv = createAjv(target.family, { code: { source: true, formats: new _Code('formats') } });
  const validate = ajv.compile(target.schema);
  const name = validate.source?.validateName;
  // Every schema object the code refers to becomes a path into `live`.
  const paths = objectPaths(target.schema);
  const values = (ajv.scope as unknown as { _values: Record<string, Map<unknown, { value?: { ref: unknown; code: unknown } }> | undefined> })._values;
  for (const scopeName of values.schema?.values() ?? []) {
    const path = scopeName.value && paths.get(scopeName.value.ref);
    if (path !== undefined) scopeName.value!.code = new _Code(`live${path}`);
  }
  // ajv's helpers (ucs2length for string lengths, equal for object enums) come from `runtime`.
  for (const scopeName of values.func?.values() ?? []) {
    const helper = /^require\("ajv\/dist\/runtime\/(\w+)"\)\.default$/.exec(String(scopeName.value?.code))?.[1];
    if (!helper || !(helper in validatorRuntime)) throw new Error(`precompileValidators: ${target.key} needs ${String(scopeName.value?.code)}; add it to validatorRuntime`);
    scopeName.value!.code = new _Code(`runtime.${helper}`);
  }
  const code = standaloneCode(ajv, validate);
  const head = `"use strict";module.exports = ${name};module.exports.default = ${name};`;
  if (!name || !code.startsWith(head)) throw new Error(`precompileValidators: unexpected standalone code for ${target.key}`);
  if (/\brequire\(/.test(code)) throw new Error(`precompileValidators: ${target.key} still requires a module`);
  const factory = `(live, formats, runtime) => {${code.slice(head.length)}\nreturn ${name};}`;
  const minified = transformSync(`factory=${factory}`, { minify: true }).code.trim();
  if (!minified.startsWith('factory=')) throw new Error(`precompileValidators: unexpected minified code for ${target.key}`);
  return minified.slice('factory='.length).replace(/;$/, '');
}

/** Validator key (family/key) → the source of its factory. */
export function generateValidators(): Record<string, string> {
  return Object.fromEntries(validatorTargets().map((t) => [`${t.family}/${t.key}`, factorySource(t)]));
}

/** Where each object below `root` is, as a JavaScript property path (the first path found). */
function objectPaths(root: unknown): Map<unknown, string> {
  const paths = new Map<unknown, string>();
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object' || paths.has(node)) return;
    paths.set(node, path);
    for (const [key, child] of Object.entries(node)) walk(child, path + getProperty(Array.isArray(node) ? Number(key) : key));
  };
  walk(root, '');
  return paths;
}

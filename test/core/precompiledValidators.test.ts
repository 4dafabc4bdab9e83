// The bundles use validators the build precompiled (scripts/build/precompileValidators.ts) where
// tests under tsx compile schemas at run time. Both must report the very same errors: here every
// validator the build generates runs beside ajv's run-time compilation of the same schema, on
// invalid objects made from the schema (a wrong value of every type at each place, nothing at all,
// unknown and missing keys), and the errors must be equal, down to the schema objects they point at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAjv, fromSource } from '../../server/src/core/common/validators';
import { resolveRef, type JsonSchema } from '../../server/src/core/common/jsonSchema';
import { factorySource, validatorTargets } from '../../scripts/build/precompileValidators';

const wrongs: unknown[] = [null, '', 'not valid!', '10.0.0.300/33', 'zz:zz', -1, 0, 99999999, 1.5, true, {}, { unknownKey: 1 }, [], ['a', 'a'], [{}], [1, 1]];

/** An object the schema describes, from its examples, defaults and snippets where it has them. */
function sample(schema: JsonSchema | undefined, root: JsonSchema, depth = 0): unknown {
  schema = resolveRef(schema, root);
  if (!schema || depth > 6) return undefined;
  const snippet = schema['x-cni']?.snippet;
  if (snippet) return structuredClone(snippet);
  if (schema.examples?.length) return structuredClone(schema.examples[0]);
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || schema.properties) {
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const value = sample(child, root, depth + 1);
      if (value !== undefined) result[key] = value;
    }
    return result;
  }
  if (type === 'array') {
    const item = sample(schema.items, root, depth + 1);
    return item === undefined ? [] : [item];
  }
  return type === 'string' ? 'a' : type === 'integer' || type === 'number' ? 1 : type === 'boolean' ? false : undefined;
}

/** The sample, then the sample with one place changed at a time (at most `limit` variants). */
function* variants(base: unknown, limit: number): Generator<unknown> {
  yield base;
  let count = 0;
  function* at(node: unknown, replace: (v: unknown) => unknown): Generator<unknown> {
    if (count++ > limit) return;
    for (const wrong of wrongs) yield replace(structuredClone(wrong));
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) yield* at(node[i], (v) => replace(node.map((x, j) => (j === i ? v : x))));
    } else if (node && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        yield replace(Object.fromEntries(Object.entries(node).filter(([k]) => k !== key)));
        yield* at((node as Record<string, unknown>)[key], (v) => replace({ ...(node as object), [key]: v }));
      }
    }
  }
  yield* at(base, (v) => v);
}

test('precompiled validators report the same errors as validators compiled at run time', () => {
  const targets = validatorTargets();
  assert.ok(targets.length > 50, `only ${targets.length} validators are precompiled`);
  let compared = 0;
  let invalid = 0;
  for (const target of targets) {
    const precompiled = fromSource(factorySource(target), target.schema);
    const compiled = createAjv(target.family).compile(target.schema);
    for (const value of variants(sample(target.schema, target.schema), 200)) {
      const valid = compiled(value);
      assert.equal(precompiled(value), valid, `${target.key}: ${JSON.stringify(value)}`);
      assert.deepEqual(precompiled.errors, compiled.errors, `${target.key}: ${JSON.stringify(value)}`);
      (compiled.errors ?? []).forEach((error, i) => {
        assert.equal(precompiled.errors![i].parentSchema, error.parentSchema, `${target.key}: error ${i} points at another schema object`);
      });
      compared++;
      if (!valid) invalid++;
    }
  }
  assert.ok(invalid > compared / 2, `only ${invalid} of ${compared} samples were invalid`);
});

test('the bundles load the validators of their own build', { skip: !existsSync('dist/validators.pack') && 'run npm run build first' }, () => {
  const pack = readFileSync('dist/validators.pack');
  const { build, index } = JSON.parse(pack.toString('utf8', 0, pack.indexOf(10))) as { build: string; index: Record<string, [number, number]> };
  for (const bundle of ['dist/server-main.js', 'dist/cli.js']) {
    assert.ok(readFileSync(bundle, 'utf8').includes(JSON.stringify(build)), `${bundle} is not from the build that wrote dist/validators.pack`);
  }
  assert.deepEqual(Object.keys(index).sort(), validatorTargets().map((t) => `${t.family}/${t.key}`).sort());
  // each entry is one whole factory source
  const body = pack.indexOf(10) + 1;
  for (const [offset, length] of Object.values(index)) assert.match(pack.toString('utf8', body + offset, body + offset + length), /^\([\w$]+,[\w$]+,[\w$]+\)=>\{[^]*\}$/);
});

test('a validators file cut short (a broken install) leaves its missing validators to run-time compilation: the same findings', { skip: !existsSync('dist/validators.pack') && 'run npm run build first' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnikit-pack-'));
  const config = join(dir, 'a.conflist');
  writeFileSync(config, '{"cniVersion":"1.0.0","name":"n","plugins":[{"type":"tuning","mtu":"x"}]}');
  const lint = (bundle: string) => spawnSync(process.execPath, [bundle, 'lint', '--format', 'json', config], { encoding: 'utf8' });
  const whole = lint('dist/cli.js');
  copyFileSync('dist/cli.js', join(dir, 'cli.js'));
  const pack = readFileSync('dist/validators.pack');
  const { index } = JSON.parse(pack.toString('utf8', 0, pack.indexOf(10))) as { index: Record<string, [number, number]> };
  // cut inside the tuning plugin's validator, which this config needs
  const [offset, length] = index['cni/plugin:tuning'];
  writeFileSync(join(dir, 'validators.pack'), pack.subarray(0, pack.indexOf(10) + 1 + offset + Math.floor(length / 2)));
  const cut = lint(join(dir, 'cli.js'));
  assert.equal(cut.stderr, '');
  assert.equal(cut.status, whole.status);
  assert.equal(cut.stdout, whole.stdout);
  assert.match(whole.stdout, /cni\/wrong-type/);
});

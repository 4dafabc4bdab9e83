import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { createLanguageService } from '../../server/src/core';
import { ipamSchemas, pluginSchemas } from '../../server/src/core/cni/schemaSet';
import { doc } from '../helpers/cursor';

const service = createLanguageService();
const files = (dir: string) => readdirSync(join('schemas', dir)).filter((f) => f.endsWith('.json')).map((f) => join('schemas', dir, f));

test('every shipped schema is valid draft-07 and compiles', () => {
  const ajv = new Ajv({ strict: false });
  for (const format of ['ip', 'cidr', 'mac']) ajv.addFormat(format, true);
  for (const file of [...files('cni'), ...files('plugins'), ...files('ipam')]) {
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(ajv.validateSchema(schema), true, `${file}: ${ajv.errorsText()}`);
    assert.doesNotThrow(() => ajv.compile({ ...schema, $id: undefined }), file);
  }
});

test('every plugin and IPAM schema file is registered, with its type as title', () => {
  const registered = new Set([...pluginSchemas, ...ipamSchemas].map((s) => s.$id));
  for (const file of [...files('plugins'), ...files('ipam')]) {
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    assert.ok(registered.has(schema.$id), `${file} is not imported in schemaSet.ts`);
    assert.equal(file.split('/').pop(), `${schema.title}.schema.json`);
    assert.ok(schema['x-cni']?.docUrl && schema['x-cni'].snippet && schema.description, `${file} lacks x-cni facts or a description`);
  }
});

test('every key of every schema has a description (hover docs)', () => {
  const missing: string[] = [];
  const walk = (schema: any, path: string) => {
    for (const [key, sub] of Object.entries<any>(schema.properties ?? {})) {
      if (!sub.description && key !== 'type') missing.push(`${path}.${key}`);
      walk(sub, `${path}.${key}`);
      if (sub.items) walk(sub.items.items ?? sub.items, `${path}.${key}[]`);
    }
    for (const [name, def] of Object.entries<any>(schema.definitions ?? {})) walk(def, `${path}#${name}`);
  };
  for (const schema of [...pluginSchemas, ...ipamSchemas]) walk(schema, schema.title!);
  assert.deepEqual(missing, []);
});

test('every plugin snippet, placed in a chain, lints clean', () => {
  for (const schema of pluginSchemas) {
    const meta = schema['x-cni']!;
    const chain = meta.kind === 'meta' ? [{ type: 'bridge' }, meta.snippet] : [meta.snippet];
    const version = meta.versions.includes('1.0.0') ? '1.0.0' : meta.versions[meta.versions.length - 1];
    const text = JSON.stringify({ cniVersion: version, name: 'snippet-net', plugins: chain }, null, 2);
    const problems = service.validate(doc(text, `${schema.title}.conflist`)).filter((d) => d.severity! <= 2);
    assert.deepEqual(problems.map((d) => `${d.code} ${d.message}`), [], schema.title);
  }
  for (const schema of ipamSchemas) {
    const text = JSON.stringify({ cniVersion: '1.0.0', name: 'ipam-net', plugins: [{ type: 'bridge', ipam: schema['x-cni']!.snippet }] }, null, 2);
    const problems = service.validate(doc(text, `${schema.title}.conflist`)).filter((d) => d.severity! <= 2);
    assert.deepEqual(problems.map((d) => `${d.code} ${d.message}`), [], schema.title);
  }
});

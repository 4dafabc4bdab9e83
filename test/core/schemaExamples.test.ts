// Every key's hover shows an example (issue 2), and every example a hover shows is a value the
// key's own schema accepts. Keys are visited the way hover reaches them: the merged plugin and
// IPAM views of the registry, the list schema, and the two embedded non-CNI JSON schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { SchemaRegistry } from '../../server/src/core/cni/schemaRegistry';
import { keyDocs, keyExample } from '../../server/src/core/cni/docs';
import { withDocs, type JsonSchema } from '../../server/src/core/common/jsonSchema';
import { isMac, parseCidr, parseIp } from '../../server/src/core/common/ip';
import { createLanguageService } from '../../server/src/core';
import { docAtCursor } from '../helpers/cursor';
import networksSchema from '../../schemas/multus/networks-annotation.schema.json';
import netConfSchema from '../../schemas/flannel/net-conf.schema.json';

interface KeyAt {
  /** Where the key is, e.g. "whereabouts IPAM: ipRanges[].exclude". */
  where: string;
  key: string;
  /** The key's schema as hover sees it ($ref followed, docs beside it kept). */
  schema: JsonSchema;
  /** The schema document its `$ref`s resolve against. */
  root: JsonSchema;
}

function keysOf(root: JsonSchema, owner: string): KeyAt[] {
  const found: KeyAt[] = [];
  const visit = (node: JsonSchema | undefined, path: string, depth: number) => {
    const schema = withDocs(node, root);
    if (!schema || depth > 12) return;
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      // `type` is the plugin's own name: hover documents the plugin there, not the key.
      if (key === 'type' && path === '') continue;
      const resolved = withDocs(sub, root);
      if (!resolved) continue;
      const where = `${owner}: ${path}${key}`;
      found.push({ where, key, schema: resolved, root });
      visit(resolved, `${path}${key}.`, depth + 1);
    }
    if (schema.items) visit(schema.items, `${path.replace(/\.$/, '')}[].`, depth + 1);
    if (typeof schema.additionalProperties === 'object') {
      const resolved = withDocs(schema.additionalProperties, root);
      if (resolved) found.push({ where: `${owner}: ${path}<any key>`, key: '<any key>', schema: resolved, root });
      visit(schema.additionalProperties, `${path}<any key>.`, depth + 1);
    }
  };
  visit(root, '', 0);
  return found;
}

/** Each key once: a common key the plugin views share is reported where it is first met. */
function everyKey(): KeyAt[] {
  const seen = new Set<JsonSchema>();
  return allKeys().filter((at) => !seen.has(at.schema) && seen.add(at.schema));
}

function allKeys(): KeyAt[] {
  const registry = new SchemaRegistry();
  const keys: KeyAt[] = [...keysOf(registry.schemaFor('list'), 'network list'), ...keysOf(registry.schemaFor('plugin'), 'any plugin')];
  for (const type of registry.plugins.keys()) keys.push(...keysOf(registry.schemaFor('plugin', type), `${type} plugin`));
  for (const type of registry.ipams.keys()) {
    const ipam = registry.schemaFor('ipam', type);
    keys.push(...keysOf(ipam, `${type} IPAM`));
    // Hover on the `ipam` key itself shows the IPAM schema with the spec's description.
    keys.push({ where: `${type} IPAM: ipam`, key: 'ipam', schema: { ...ipam, description: registry.common.properties!.ipam.description }, root: ipam });
  }
  keys.push(...keysOf(networksSchema as JsonSchema, 'Multus networks annotation'));
  keys.push(...keysOf(netConfSchema as JsonSchema, 'flannel net-conf.json'));
  return keys;
}

function validatorFactory() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('ip', (s: string) => parseIp(s) !== undefined);
  ajv.addFormat('cidr', (s: string) => parseCidr(s) !== undefined);
  ajv.addFormat('mac', (s: string) => isMac(s));
  return (at: KeyAt) => ajv.compile({ ...at.schema, $id: undefined, $schema: undefined, definitions: at.root.definitions });
}

test('every key hover shows an example', () => {
  const missing = everyKey()
    .filter((at) => keyExample(at.schema) === undefined || !keyDocs(at.key, at.schema, 'test').includes('\nExample:\n'))
    .map((at) => at.where);
  assert.deepEqual(missing, []);
});

test('every example a hover shows, and every hand-written example, is accepted by its key schema', () => {
  const compile = validatorFactory();
  const rejected: string[] = [];
  let checked = 0;
  for (const at of everyKey()) {
    const examples = [...(at.schema.examples ?? [])];
    const shown = keyExample(at.schema);
    if (shown !== undefined && !examples.includes(shown)) examples.push(shown);
    if (examples.length === 0) continue;
    const validate = compile(at);
    for (const example of examples) {
      checked++;
      if (!validate(example)) rejected.push(`${at.where} = ${JSON.stringify(example)}: ${JSON.stringify(validate.errors?.map((e) => `${e.instancePath} ${e.message}`))}`);
    }
  }
  assert.deepEqual(rejected, []);
  assert.ok(checked > 300, `only ${checked} examples checked: the walk over the schemas missed keys`);
});

test('the example check rejects a value its key schema does not accept', () => {
  const compile = validatorFactory();
  const key = (where: string) => everyKey().find((at) => at.where === where)!;
  assert.equal(compile(key('bridge plugin: vlanTrunk[].id'))(5000), false);
  assert.equal(compile(key('whereabouts IPAM: ipRanges[].exclude'))(['not-a-cidr']), false);
  assert.equal(compile(key('Multus networks annotation: [].mac'))('c2:11:22'), false);
});

test('hovers in a real config show the hand-written examples, and the ipam key shows the IPAM plugin\'s snippet', () => {
  const service = createLanguageService();
  const hoverText = (marked: string) => {
    const { document, position } = docAtCursor(marked);
    return (service.hover(document, position)!.contents as { value: string }).value;
  };
  assert.match(hoverText('{ "plugins": [{ "type": "bridge", "vlan|Trunk": [] }] }'), /Example:\n```json\n"vlanTrunk": \[\{"id":100\},\{"minID":200,"maxID":210\}\]\n```/);
  assert.match(hoverText('{ "plugins": [{ "type": "macvlan", "ipam": { "type": "whereabouts", "leader_lease|_duration": 0 } }] }'), /"leader_lease_duration": 1500/);
  assert.match(hoverText('{ "plugins": [{ "type": "macvlan", "ip|am": { "type": "whereabouts" } }] }'), /Example:\n```json\n"ipam": \{"type":"whereabouts","range":"192\.168\.2\.0\/24"\}\n```/);
  assert.match(hoverText('{ "plugins": [{ "type": "calico", "etcd_key|_file": "" }] }'), /"etcd_key_file": "\/etc\/cni\/net\.d\/calico-tls\/etcd-key"/);
});

// Where `cnikit try` targets stand: NAD documents (numbered as --document counts) and each plugin
// entry's range, through the decoded↔source mapping of spec.config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNads, pluginRanges } from '../../server/src/core/cni/tryTargets';

const slices = (text: string, path: string, document?: number) => pluginRanges(path, text, document).map((r) => text.slice(r.start, r.end));

test('a conflist: each element of plugins; a single config: the whole object', () => {
  const list = '{ "cniVersion": "1.0.0", "name": "n",\n  "plugins": [ { "type": "bridge" }, { "type": "portmap" } ] }';
  assert.deepEqual(slices(list, 'a.conflist'), ['{ "type": "bridge" }', '{ "type": "portmap" }']);
  const single = '{ "cniVersion": "0.4.0", "type": "ptp" }\n';
  assert.deepEqual(slices(single, 'net.d/10-ptp.conf'), [single.trim()]);
  // As the sandbox reads it: comments and trailing commas do not lose the entries.
  assert.deepEqual(slices('{ "plugins": [ {"type": "a"}, // c\n {"type": "b"}, ] }', 'x.conflist'), ['{"type": "a"}', '{"type": "b"}']);
  assert.deepEqual(slices('not json', 'x.conflist'), []);
  assert.deepEqual(slices('{ "plugins": {} }', 'x.conflist'), []);
});

const yaml = [
  '# leading comment\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n',
  'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: block\nspec:\n  config: |\n    { "cniVersion": "1.0.0", "name": "block", "plugins": [\n      { "type": "bridge", "vlan": 5000 },\n      { "type": "portmap" } ] }\n',
  'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: quoted\nspec:\n  config: \'{ "cniVersion": "1.0.0",\n    "type": "bridge", "vlan": 5000 }\'\n',
  'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: on-node\n',
].join('---\n');

test('NADs are numbered as the CLI counts documents, with where their config is', () => {
  const nads = findNads(yaml);
  assert.deepEqual(nads.map((n) => [n.document, n.name, !!n.config]), [[2, 'block', true], [3, 'quoted', true], [4, 'on-node', false]]);
  assert.ok(yaml.slice(nads[0].start).startsWith('apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: block'));
  assert.ok(yaml.slice(nads[1].config!.start, nads[1].config!.end).startsWith('\'{ "cniVersion"'));
  assert.deepEqual(findNads('kind: Service\n'), []);
});

test('plugin ranges inside spec.config land on the YAML source, block and folded quoted alike', () => {
  assert.deepEqual(slices(yaml, 'nads.yaml', 2), ['{ "type": "bridge", "vlan": 5000 }', '{ "type": "portmap" }']);
  assert.deepEqual(slices(yaml, 'nads.yaml', 3), ['{ "cniVersion": "1.0.0",\n    "type": "bridge", "vlan": 5000 }']);
  assert.deepEqual(slices(yaml, 'nads.yaml', 4), []);
  assert.deepEqual(slices(yaml, 'nads.yaml'), [], 'several NADs and no --document: nothing to point at');
  const one = yaml.split('---\n')[3];
  assert.deepEqual(slices(one, 'one.yml'), ['{ "cniVersion": "1.0.0",\n    "type": "bridge", "vlan": 5000 }']);
});

// Named hostile inputs: each gets a clear diagnostic (or none), never a crash, a hang or runaway memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';
import { applyEdits, brief, doc } from '../helpers/cursor';

const service = createLanguageService();
const yaml = (text: string, name = 'hostile.yaml') => doc(text, name, 'yaml');

test('a YAML alias bomb is not expanded; a warning says why', () => {
  const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  }
  const bomb = `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${lines.join('\n')}\nspec:\n  ports: *j\n`;
  const diagnostics = service.validate(yaml(bomb));
  const limit = diagnostics.find((d) => d.code === 'yaml/alias-limit');
  assert.ok(limit, brief(diagnostics).join());
  assert.match(limit.message as string, /alias bombs/);
});

test('YAML merge keys (<<) are honoured; the map\'s own keys win', () => {
  const text = 'base: &base\n  protocol: TCP\n  port: 80\napiVersion: v1\nkind: Service\nmetadata:\n  name: merged\nspec:\n  ports:\n    - <<: *base\n      name: http\n      port: 70000\n';
  assert.deepEqual(brief(service.validate(yaml(text, 'merge.yaml'))), ['1:1 k8s/unknown-key', '12:13 k8s/out-of-range']);
});

test('nesting 10,000 levels deep gets one clear diagnostic, in JSON and in YAML', () => {
  const json = service.validate(doc('['.repeat(10000) + ']'.repeat(10000), 'deep.conflist'));
  assert.deepEqual(json.map((d) => d.code), ['cni/json-syntax']);
  assert.match(json[0].message as string, /nested 10000 levels deep/);
  const deep = service.validate(yaml(`a: ${'['.repeat(10000)}${']'.repeat(10000)}`, 'deep.yaml'));
  assert.ok(deep.length >= 1 && deep.every((d) => d.code === 'yaml/syntax'));
  assert.match(deep[0].message as string, /nested too deeply/);
});

test('a 20 MB file gets one notice instead of validation (setting cnikit.validate.maxFileSize)', () => {
  const big = 'a: b\n'.repeat(4_000_000);
  const diagnostics = service.validate(yaml(big, 'big.yaml'));
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['cnikit/file-too-large', 3]]);
});

test('NUL bytes: one diagnostic saying the file looks binary', () => {
  assert.deepEqual(brief(service.validate(yaml('kind: Service\u0000\u0001\u0002', 'bin.yaml'))), ['1:1 cnikit/binary-file']);
});

test('CRLF line ends: positions are right in YAML, in embedded JSON and in JSON', () => {
  const text = 'apiVersion: k8s.cni.cncf.io/v1\r\nkind: NetworkAttachmentDefinition\r\nmetadata:\r\n  name: nad1\r\nspec:\r\n  config: |\r\n    {"cniVersion": "1.0.0", "type": "macvlan",\r\n     "mode": "bridg"}\r\n';
  assert.deepEqual(brief(service.validate(yaml(text, 'crlf.yaml'))), ['8:14 cni/invalid-value']);
  assert.deepEqual(brief(service.validate(doc('{\r\n  "cniVersion": "1.0.0",\r\n  "name": "n",\r\n  "plugins": [{ "type": "bridge", "vlan": 5000 }]\r\n}', 'crlf.conflist'))), ['4:43 cni/out-of-range']);
});

test('a byte-order mark: harmless in YAML, an error with a fix in a CNI file (plugins reject it)', () => {
  assert.deepEqual(service.validate(yaml('\uFEFFapiVersion: v1\nkind: Service\nmetadata:\n  name: bom-web\nspec:\n  ports: [{port: 80}]\n', 'bom.yaml')), []);
  const json = doc('\uFEFF{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}]}', 'bom.conflist');
  const diagnostics = service.validate(json);
  assert.deepEqual(brief(diagnostics), ['1:1 cni/json-syntax']);
  assert.match(diagnostics[0].message as string, /byte-order mark/);
  const fix = service.codeActions(json, diagnostics[0].range)[0];
  assert.equal(applyEdits(json, fix.edit!.changes![json.uri]).charCodeAt(0), '{'.charCodeAt(0));
});

test('tabs as YAML indentation are a syntax error at the tab', () => {
  const diagnostics = service.validate(yaml('apiVersion: v1\nkind: Service\nmetadata:\n\tname: web\n', 'tabs.yaml'));
  assert.ok(diagnostics.some((d) => d.code === 'yaml/syntax' && d.range.start.line === 3 && /Tabs/.test(d.message as string)), brief(diagnostics).join());
});

test('a JSON string of a million characters in a NAD config is checked like any other', () => {
  const long = 'x'.repeat(1_000_000);
  const text = `apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: long\nspec:\n  config: '{"cniVersion": "1.0.0", "type": "bridge", "bridge": "${long}"}'\n`;
  assert.deepEqual(brief(service.validate(yaml(text, 'long.yaml'))), ['6:64 cni/invalid-value']);
});

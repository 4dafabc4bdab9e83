import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';
import { applyEdits, doc } from '../helpers/cursor';

const yaml = (text: string, name = 'scaffold.yaml') => doc(text, name, 'yaml');
const at = (text: string, offset: number) => ({ start: yaml(text).positionAt(offset), end: yaml(text).positionAt(offset) });

test('an empty YAML document offers whole objects that then lint clean', () => {
  const service = createLanguageService();
  const document = yaml('# nothing yet\n');
  const actions = service.codeActions(document, at('# nothing yet\n', 0));
  const nad = actions.find((a) => a.title === 'Scaffold a NetworkAttachmentDefinition (macvlan)');
  assert.ok(nad, actions.map((a) => a.title).join(' | '));
  assert.equal(nad.kind, 'refactor.rewrite');
  const text = applyEdits(document, nad.edit!.changes![document.uri]);
  assert.deepEqual(service.validate(yaml(text, 'scaffolded.yaml')).filter((d) => d.severity! <= 2).map((d) => d.message), []);
});

test('a NAD without config offers a config; a namespace without policies offers default deny', () => {
  const service = createLanguageService();
  const text = 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: lab-net\n  namespace: lab\n';
  const document = yaml(text, 'nad.yaml');
  const titles = service.codeActions(document, at(text, 40)).map((a) => a.title);
  assert.ok(titles.includes('Insert a macvlan config'), titles.join(' | '));
  const deny = service.codeActions(document, at(text, 40)).find((a) => /default-deny/i.test(a.title));
  assert.ok(deny, titles.join(' | '));
  const withPolicy = applyEdits(document, deny.edit!.changes![document.uri]);
  assert.match(withPolicy, /kind: NetworkPolicy[\s\S]*namespace: lab/);
  // Once the namespace has a policy, the action is no longer offered.
  const again = yaml(withPolicy, 'nad.yaml');
  assert.ok(!service.codeActions(again, at(withPolicy, 40)).some((a) => /default-deny/i.test(a.title)));
});

test('quick-fix-only requests get no scaffolds', () => {
  const service = createLanguageService();
  assert.deepEqual(service.codeActions(yaml(''), at('', 0), ['quickfix']), []);
});

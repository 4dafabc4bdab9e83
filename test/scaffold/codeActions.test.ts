// The scaffold code actions: whole documents for empty YAML, a CNI config for a
// NetworkAttachmentDefinition without one, and a default-deny policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments, parseDocument } from 'yaml';
import {
  defaultDenyPolicyAction, defaultDenyPolicyText, emptyDocumentActions, isEmptyYaml, nadConfigActions,
} from '../../server/src/core/scaffold/codeActions';
import { applyOffsetEdits, problemsOf } from './lintFiles';

const nadHead = 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: storage\n  namespace: shop\n';

function configOf(text: string, index = 0): { type: string; ipam: { type: string } } {
  const nad = parseAllDocuments(text) as { toJS(): { spec: { config: string } } }[];
  const config = JSON.parse(nad[index].toJS().spec.config);
  assert.equal(config.name, 'storage', 'the CNI network is named after the NAD');
  return config.plugins[0];
}

test('empty documents (whitespace, comments, markers) count as empty; anything else does not', () => {
  for (const text of ['', '\n  \n', '# notes\n', '---\n# a\n...\n']) assert.ok(isEmptyYaml(text), JSON.stringify(text));
  for (const text of ['a: 1\n', 'kind: Pod', '- x']) assert.ok(!isEmptyYaml(text), JSON.stringify(text));
  assert.deepEqual(emptyDocumentActions('kind: Pod\n'), []);
});

test('an empty document offers whole NetworkAttachmentDefinitions and NetworkPolicies that lint clean', () => {
  const text = '# my network\n';
  const actions = emptyDocumentActions(text);
  assert.deepEqual(actions.map((a) => a.title), [
    'Scaffold a NetworkAttachmentDefinition (macvlan)',
    'Scaffold a NetworkAttachmentDefinition (ipvlan)',
    'Scaffold a NetworkAttachmentDefinition (bridge)',
    'Scaffold a NetworkPolicy (default-deny-ingress)',
    'Scaffold a NetworkPolicy (default-deny-egress)',
    'Scaffold a NetworkPolicy (default-deny-all)',
    'Scaffold a NetworkPolicy (allow-dns-egress)',
    'Scaffold a NetworkPolicy (allow-from-namespace)',
    'Scaffold a NetworkPolicy (allow-from-label)',
  ]);
  for (const action of actions) {
    const result = applyOffsetEdits(text, action.edits);
    assert.ok(result.startsWith('# my network\n'), 'the comments stay');
    assert.deepEqual(problemsOf([{ path: 'new.yaml', content: result }]), [], action.title);
    const object = parseDocument(result).toJS() as { kind: string; metadata: { name: string } };
    assert.match(object.kind, /^(NetworkAttachmentDefinition|NetworkPolicy)$/);
  }
});

test('in a multi-document file only the empty document gets the actions, inserted at its end', () => {
  const first = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
  const text = `${first}---\n# todo\n`;
  const range = { start: first.length + 4, end: text.length };
  assert.deepEqual(emptyDocumentActions(text, { start: 0, end: first.length }), []);
  const [macvlan] = emptyDocumentActions(text, range);
  const result = applyOffsetEdits(text, macvlan.edits);
  assert.ok(result.startsWith(`${first}---\n# todo\n`));
  assert.deepEqual(parseAllDocuments(result).map((d) => (d.toJS() as { kind: string }).kind), ['Namespace', 'NetworkAttachmentDefinition']);
});

const nadCases: [string, string][] = [
  ['no spec', ''],
  ['an empty spec', 'spec:\n'],
  ['spec: {}', 'spec: {}\n'],
  ['an empty config string', 'spec:\n  config: ""\n'],
  ['a config key without value', 'spec:\n  config:\n'],
  ['a spec with other keys', 'spec:\n  other: 1\n'],
];

for (const [name, tail] of nadCases) {
  test(`a NetworkAttachmentDefinition with ${name} gets "Insert a macvlan / ipvlan / bridge config"`, () => {
    const text = nadHead + tail;
    const actions = nadConfigActions(text);
    assert.deepEqual(actions.map((a) => a.title), ['Insert a macvlan config', 'Insert an ipvlan config', 'Insert a bridge config']);
    for (const [i, type] of ['macvlan', 'ipvlan', 'bridge'].entries()) {
      const result = applyOffsetEdits(text, actions[i].edits);
      assert.equal(configOf(result).type, type);
      // The spec's other keys are not ours to judge; the config is.
      const problems = problemsOf([{ path: 'nad.yaml', content: result }]).filter((p) => !/"other"/.test(p));
      assert.deepEqual(problems, [], `${type}:\n${result}`);
    }
  });
}

test('a NetworkAttachmentDefinition with a config, or another kind, gets no config actions', () => {
  assert.deepEqual(nadConfigActions(`${nadHead}spec:\n  config: '{"cniVersion": "1.0.0", "type": "loopback"}'\n`), []);
  assert.deepEqual(nadConfigActions('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'), []);
  assert.deepEqual(nadConfigActions('kind: [unclosed\n'), []);
});

test('the config goes into the right document of a multi-document file', () => {
  const first = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n';
  const text = `${first}${nadHead}spec:\n  config: ""\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n`;
  const end = text.indexOf('---\n', first.length);
  const [macvlan] = nadConfigActions(text, { start: first.length, end });
  const result = applyOffsetEdits(text, macvlan.edits);
  assert.equal(configOf(result, 1).type, 'macvlan');
  assert.deepEqual(parseAllDocuments(result).map((d) => (d.toJS() as { kind: string }).kind), ['Namespace', 'NetworkAttachmentDefinition', 'Namespace']);
});

test('a default-deny policy for a namespace', () => {
  const text = defaultDenyPolicyText('shop');
  const policy = parseDocument(text).toJS();
  assert.deepEqual(policy, {
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
    metadata: { name: 'default-deny-ingress', namespace: 'shop' },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  });
  assert.deepEqual(problemsOf([{ path: 'policy.yaml', content: text }]), []);
  assert.deepEqual((parseDocument(defaultDenyPolicyText('shop', 'default-deny-all')).toJS() as { spec: { policyTypes: string[] } }).spec.policyTypes, ['Ingress', 'Egress']);

  const workload = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop';
  const action = defaultDenyPolicyAction(workload, 'shop');
  assert.equal(action.title, 'Add a default-deny policy for namespace shop');
  const result = applyOffsetEdits(workload, action.edits);
  assert.deepEqual(parseAllDocuments(result).map((d) => (d.toJS() as { kind: string }).kind), ['Namespace', 'NetworkPolicy']);
});

test('the default-deny policy goes into a trailing empty document instead of adding another marker', () => {
  for (const text of ['kind: Service\n---\n', 'kind: Service\n---\n# the policies\n', 'kind: Service\n--- # next\n\n']) {
    const result = applyOffsetEdits(text, defaultDenyPolicyAction(text, 'shop').edits);
    const kinds = parseAllDocuments(result).map((d) => (d.toJS() as { kind?: string } | null)?.kind);
    assert.deepEqual(kinds, ['Service', 'NetworkPolicy'], JSON.stringify(result));
  }
});

test('in a file with CRLF line ends, every scaffold action inserts CRLF', () => {
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');
  const mixed = (text: string) => /[^\r]\n/.test(text);
  const cases = [
    ['default deny', crlf('kind: Service\nmetadata:\n  name: web\n'), (t: string) => [defaultDenyPolicyAction(t, 'shop')]],
    ['empty document', crlf('# nothing yet\n'), (t: string) => emptyDocumentActions(t)],
    ['NAD config', crlf(`${nadHead}spec:\n  config: ""\n`), (t: string) => nadConfigActions(t)],
    ['NAD without spec', crlf(nadHead), (t: string) => nadConfigActions(t)],
  ] as const;
  for (const [label, text, actions] of cases) {
    const found = actions(text);
    assert.ok(found.length > 0, label);
    for (const action of found) {
      const result = applyOffsetEdits(text, action.edits);
      assert.ok(!mixed(result), `${label} / ${action.title}: ${JSON.stringify(result.slice(0, 200))}`);
      assert.deepEqual(parseAllDocuments(result).flatMap((d) => d.errors.map((e) => e.message)), [], `${label} / ${action.title} parses`);
    }
  }
  // The config inserted into a CRLF NAD is still the same CNI config.
  const inserted = applyOffsetEdits(crlf(`${nadHead}spec:\n  config: ""\n`), nadConfigActions(crlf(`${nadHead}spec:\n  config: ""\n`))[0].edits);
  assert.equal(configOf(inserted).type, 'macvlan');
});

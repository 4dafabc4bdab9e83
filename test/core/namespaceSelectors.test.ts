// A policy peer's namespaceSelector on ordinary labels: resolved through the workspace's Namespace
// objects when every namespace holding pod templates is declared, unknown otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/core';
import { brief } from '../helpers/cursor';

const uri = (name: string) => `file:///ws/${name}`;
const yamlDoc = (name: string, text: string) => TextDocument.create(uri(name), 'yaml', 1, text);

const workload = (name: string, namespace: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers: [{name: c, image: busybox}]\n`;

const namespace = (name: string, labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: {${labels}}\n`;

/** A policy in shop whose egress peers each pick every pod of the namespaces their selector picks. */
const policy = (...namespaceSelectors: string[]) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: out
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - ports: [{port: 53, protocol: UDP}]
    - to:
${namespaceSelectors.map((s) => `        - namespaceSelector: ${s}\n          podSelector: {}\n`).join('')}`;

/** A service with web (shop) and db (infra), both namespaces declared, and the policy open. */
function setup(policyText: string) {
  const service = createLanguageService();
  service.indexFile(uri('web.yaml'), workload('web', 'shop'));
  service.indexFile(uri('db.yaml'), workload('db', 'infra'));
  service.indexFile(uri('namespaces.yaml'), `${namespace('shop', 'team: shop, env: prod')}---\n${namespace('infra', 'team: ops, env: prod')}`);
  const doc = yamlDoc('policy.yaml', policyText);
  const diagnostics = service.validate(doc);
  /** The peer's podSelector, by its order in the policy. */
  const peer = (n: number) => {
    let offset = policyText.indexOf('- to:');
    for (let i = 0; i < n; i++) offset = policyText.indexOf('podSelector: {}', offset + 1);
    return doc.positionAt(offset + 3);
  };
  return {
    service,
    diagnostics,
    selected: (n: number) => service.definition(doc, peer(n)).map((l) => l.uri.slice(uri('').length)),
    hover: (n: number) => (service.hover(doc, peer(n))!.contents as { value: string }).value,
  };
}

test('a namespaceSelector on ordinary labels selects through the labels of declared Namespace objects', () => {
  const { selected, hover, diagnostics } = setup(policy('{matchLabels: {team: ops}}', '{matchLabels: {env: prod}}', '{matchLabels: {team: nobody}}'));
  assert.deepEqual(selected(1), ['db.yaml']);
  assert.match(hover(1), /^\*\*every pod\*\* in namespaces selected by \*\*team=ops\*\*\n\nSelects 1 pod template in namespace infra:\n\n- Deployment db\n\nNamespaces are matched by the labels their Namespace objects declare/);
  assert.deepEqual(selected(2), ['db.yaml', 'web.yaml']);
  assert.match(hover(2), /Selects 2 pod templates in namespaces infra, shop:/);
  assert.deepEqual(selected(3), []);
  assert.match(hover(3), /Selects no pod template: no namespace holding pod templates in this workspace matches the namespaceSelector\./);
  // No new warning for a peer that selects nothing in other namespaces: their pods may live elsewhere.
  assert.deepEqual(brief(diagnostics), []);
});

test('matchExpressions on namespace labels: In, NotIn, Exists, DoesNotExist', () => {
  const { selected } = setup(policy(
    '{matchExpressions: [{key: team, operator: In, values: [ops, sre]}]}',
    '{matchExpressions: [{key: env, operator: In, values: [prod]}, {key: team, operator: NotIn, values: [ops]}]}',
    '{matchExpressions: [{key: team, operator: Exists}]}',
    '{matchExpressions: [{key: env, operator: DoesNotExist}]}',
  ));
  assert.deepEqual(selected(1), ['db.yaml']);
  assert.deepEqual(selected(2), ['web.yaml']);
  assert.deepEqual(selected(3), ['db.yaml', 'web.yaml']);
  assert.deepEqual(selected(4), []);
});

test('a namespace holding pod templates without a Namespace object keeps the peer unknown, until it is declared', () => {
  const { service, selected, hover } = setup(policy('{matchLabels: {team: ops}}', '{matchLabels: {kubernetes.io/metadata.name: infra, team: ops}}'));
  service.indexFile(uri('metrics.yaml'), workload('metrics', 'monitoring'));
  assert.deepEqual(selected(1), []);
  assert.match(hover(1), /This namespaceSelector looks at namespace labels, and no Namespace object in this workspace declares the labels of namespace monitoring: the pod templates this peer selects are unknown\./);
  // The name label rules monitoring out whatever its labels: that peer is still told.
  assert.deepEqual(selected(2), ['db.yaml']);
  // Declared: known; its file removed: unknown again.
  service.indexFile(uri('monitoring.yaml'), namespace('monitoring', 'team: ops'));
  assert.deepEqual(selected(1), ['db.yaml', 'metrics.yaml']);
  service.removeFile(uri('monitoring.yaml'));
  assert.deepEqual(selected(1), []);
  assert.match(hover(1), /declares the labels of namespace monitoring/);
});

test('Namespace objects of one name that disagree on a selector leave it unknown; where they agree it is told', () => {
  const { service, selected, hover } = setup(policy('{matchLabels: {team: ops}}', '{matchLabels: {env: prod}}'));
  service.indexFile(uri('overlay/infra.yaml'), namespace('infra', 'team: platform, env: prod'));
  assert.deepEqual(selected(1), []);
  assert.match(hover(1), /namespace infra is declared more than once, with labels that disagree on it: the pod templates this peer selects are unknown/);
  assert.deepEqual(selected(2), ['db.yaml', 'web.yaml']);
});

test('the API server sets kubernetes.io/metadata.name to the name, whatever a Namespace object writes', () => {
  const { service, selected } = setup(policy('{matchLabels: {kubernetes.io/metadata.name: other}}', '{matchLabels: {kubernetes.io/metadata.name: infra, env: prod}}'));
  service.indexFile(uri('namespaces.yaml'), `${namespace('shop', 'env: prod, kubernetes.io/metadata.name: other')}---\n${namespace('infra', 'env: prod')}`);
  assert.deepEqual(selected(1), []);
  assert.deepEqual(selected(2), ['db.yaml']);
});

test('from a workload, references include peers whose namespaceSelector picks its namespace by label', () => {
  const text = policy('{matchLabels: {team: ops}}', '{matchLabels: {team: shop}}');
  const { service } = setup(text);
  const db = yamlDoc('db.yaml', workload('db', 'infra'));
  const refs = service.references(db, db.positionAt(workload('db', 'infra').indexOf('app: db') + 1));
  assert.deepEqual(refs.map((l) => [l.uri, l.range.start.line]), [[uri('policy.yaml'), 12]]);
});

test('Namespace objects: indexed from open and unopened files alike, and they get no diagnostics', () => {
  const service = createLanguageService();
  service.indexFile(uri('db.yaml'), workload('db', 'infra'));
  // In the same open file as the policy, after it; and declared twice (no duplicate warning).
  const text = `${policy('{matchLabels: {team: ops}}')}---\n${namespace('infra', 'team: ops')}`;
  service.indexFile(uri('infra.yaml'), namespace('infra', 'team: ops'));
  const doc = yamlDoc('policy.yaml', text);
  assert.deepEqual(brief(service.validate(doc)), []);
  assert.deepEqual(service.definition(doc, doc.positionAt(text.indexOf('podSelector: {}', text.indexOf('namespaceSelector')) + 3)).map((l) => l.uri), [uri('db.yaml')]);
  const nsDoc = yamlDoc('infra.yaml', namespace('infra', 'team: ops'));
  assert.deepEqual(brief(service.validate(nsDoc)), []);
  const symbols = service.workspaceSymbols('infra').filter((s) => s.containerName === 'Namespace');
  assert.deepEqual(symbols.map((s) => [s.location.uri, s.location.range.start.line]), [[uri('infra.yaml'), 3], [uri('policy.yaml'), 17]]);
});

test('what is not a v1 Namespace, or does not parse, declares nothing', () => {
  const { service, selected } = setup(policy('{matchLabels: {team: ops}}'));
  service.indexFile(uri('metrics.yaml'), workload('metrics', 'monitoring'));
  for (const text of [
    namespace('monitoring', 'team: ops').replace('v1', 'example.com/v1'),
    `${namespace('monitoring', 'team: ops')}  labels: {team: ops}\n`, // a duplicate key: the labels are in doubt
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  labels: {team: ops}\n',
  ]) {
    service.indexFile(uri('monitoring.yaml'), text);
    assert.deepEqual(selected(1), [], text);
  }
  // JSON is YAML too.
  service.indexFile(uri('monitoring.yaml'), '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "monitoring", "labels": {"team": "ops"}}}\n');
  assert.deepEqual(selected(1), ['db.yaml', 'metrics.yaml']);
});

/** A policy in shop whose ingress peers have only a namespaceSelector: every pod of those namespaces. */
const namespaceOnlyPolicy = (...namespaceSelectors: string[]) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: in
  namespace: shop
spec:
  podSelector: {}
  ingress:
    - from:
${namespaceSelectors.map((s) => `        - namespaceSelector: ${s}\n`).join('')}`;

test('a peer with only a namespaceSelector selects every pod of its namespaces: definition, hover, references', () => {
  const text = namespaceOnlyPolicy('{matchLabels: {team: ops}}', '{}', '{matchLabels: {team: nobody}}');
  const { service, diagnostics } = setup(text);
  const doc = yamlDoc('policy.yaml', text);
  const peer = (n: number) => {
    let offset = -1;
    for (let i = 0; i < n; i++) offset = text.indexOf('namespaceSelector', offset + 1);
    return doc.positionAt(offset + 3);
  };
  const selected = (n: number) => service.definition(doc, peer(n)).map((l) => l.uri.slice(uri('').length));
  const hover = (n: number) => (service.hover(doc, peer(n))!.contents as { value: string }).value;
  assert.deepEqual(selected(1), ['db.yaml']);
  assert.match(hover(1), /^\*\*every pod\*\* in namespaces selected by \*\*team=ops\*\*\n\nSelects 1 pod template in namespace infra:\n\n- Deployment db\n/);
  assert.deepEqual(selected(2), ['db.yaml', 'web.yaml']);
  assert.match(hover(2), /^\*\*every pod\*\* in \*\*every namespace\*\*\n\nSelects 2 pod templates in namespaces infra, shop:/);
  assert.deepEqual(selected(3), []);
  // A peer that allows nothing of this workspace is no mistake: its pods may live elsewhere.
  assert.deepEqual(brief(diagnostics), []);
  // From the workload, the peers that let its pods in, at their namespaceSelector.
  const db = yamlDoc('db.yaml', workload('db', 'infra'));
  const refs = service.references(db, db.positionAt(workload('db', 'infra').indexOf('app: db') + 1));
  assert.deepEqual(refs.map((l) => [l.uri, l.range.start.line, l.range.start.character]), [[uri('policy.yaml'), 9, 10], [uri('policy.yaml'), 10, 10]]);
});

test('from a Namespace object, references are the policy peers whose namespaceSelector selects it', () => {
  const text = policy('{matchLabels: {team: ops}}', '{matchLabels: {team: shop}}', '{matchLabels: {kubernetes.io/metadata.name: infra}}', '{}');
  const { service } = setup(text);
  const namespaces = `${namespace('shop', 'team: shop, env: prod')}---\n${namespace('infra', 'team: ops, env: prod')}`;
  const doc = yamlDoc('namespaces.yaml', namespaces);
  const refs = (name: string) => service.references(doc, doc.positionAt(namespaces.indexOf(`name: ${name}`) + 6)).map((l) => [l.uri, l.range.start.line]);
  // The peers by label, by name, and the one that selects every namespace (at their namespaceSelector); not the one for team shop.
  assert.deepEqual(refs('infra'), [[uri('policy.yaml'), 11], [uri('policy.yaml'), 15], [uri('policy.yaml'), 17]]);
  assert.deepEqual(refs('shop'), [[uri('policy.yaml'), 13], [uri('policy.yaml'), 17]]);
  // On a peer's namespaceSelector, as on its podSelector: what the peer selects.
  const policyDoc = yamlDoc('policy.yaml', text);
  const onNamespaceSelector = policyDoc.positionAt(text.indexOf('namespaceSelector') + 3);
  assert.deepEqual(service.definition(policyDoc, onNamespaceSelector).map((l) => l.uri), [uri('db.yaml')]);
  assert.deepEqual(service.hover(policyDoc, onNamespaceSelector)?.range?.start, { line: 11, character: 10 });
});

// The workspace index summarises files that are not open without checking them against their
// schemas: the summaries must be exactly those of the full analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeYaml, summarizeYaml } from '../../server/src/core/k8s/analyzeYaml';
import { K8sRegistry } from '../../server/src/core/k8s/k8sRegistry';
import { SchemaRegistry } from '../../server/src/core/cni/schemaRegistry';
import { generateDocuments, joinDocuments } from '../../scripts/bench/generate';

test('summaries for the index are those of the full analysis', () => {
  const services = { cni: new SchemaRegistry(), k8s: new K8sRegistry() };
  const settings = { kubernetesVersion: '1.36', disabledGroups: [] };
  for (const text of [readFileSync('examples/k8s/shop-networking.yaml', 'utf8'), joinDocuments(generateDocuments(300, { seed: 11 })).text]) {
    const full = analyzeYaml(text, services, settings).docs.map((d) => ({ start: d.start, summary: d.summary }));
    assert.deepEqual(summarizeYaml(text, services, settings), full);
    assert.ok(full.filter((d) => d.summary).length > 5);
  }
});

test('a peer with `namespaceSelector: null` picks pods of the policy\'s own namespace, as the API server reads it', () => {
  const services = { cni: new SchemaRegistry(), k8s: new K8sRegistry() };
  const settings = { kubernetesVersion: '1.36', disabledGroups: [] };
  const policy = (selector: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector: {}\n          namespaceSelector: ${selector}\n`;
  const peer = (selector: string) => summarizeYaml(policy(selector), services, settings)[0].summary!.policy!.peers[0];
  assert.equal(peer('null').crossNamespace, false);
  assert.equal(peer('~').crossNamespace, false);
  assert.equal(peer('{}').crossNamespace, true);
});

// A large file's analysis keeps compact results per document, not the trees: holding them all
// while the rest is analysed costs tens of megabytes. An edit keeps the tree of the document it
// changed, for the completion and hover that follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeYaml } from '../../server/src/core/k8s/analyzeYaml';
import { K8sRegistry } from '../../server/src/core/k8s/k8sRegistry';
import { SchemaRegistry } from '../../server/src/core/cni/schemaRegistry';
import { generateDocuments, joinDocuments } from '../../scripts/bench/generate';

const services = { cni: new SchemaRegistry(), k8s: new K8sRegistry() };
const settings = { kubernetesVersion: '1.36', disabledGroups: [] };

test('opening a large file holds no document trees; an edit holds the tree of the document it changed', () => {
  const text = joinDocuments(generateDocuments(40, { seed: 5 })).text;
  const opened = analyzeYaml(text, services, settings);
  assert.equal(opened.docs.filter((d) => d.holdsTree).length, 0);

  const target = opened.docs[20];
  const at = target.start + target.text.indexOf('name: ') + 'name: '.length;
  const edited = analyzeYaml(text.slice(0, at) + 'x' + text.slice(at), services, settings, opened);
  const held = edited.docs.filter((d) => d.holdsTree);
  assert.deepEqual(held.map((d) => d.start), [target.start]);
  assert.ok(held[0].text.includes('name: x'));
});

test('a document asked for is composed again and then held', () => {
  const text = joinDocuments(generateDocuments(10, { seed: 6 })).text;
  const doc = analyzeYaml(text, services, settings).docs[3];
  assert.equal(doc.holdsTree, false);
  const analysis = doc.analysis;
  assert.ok(analysis.resource);
  assert.equal(doc.holdsTree, true);
  assert.equal(doc.analysis, analysis);
});

// A large file's analysis keeps compact results per document, not the trees: holding them all
// while the rest is analysed costs tens of megabytes. An edit keeps the tree of the document it
// changed, for the completion and hover that follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeYaml } from '../../server/src/core/k8s/analyzeYaml';
import { K8sRegistry } from '../../server/src/core/k8s/k8sRegistry';
import { SchemaRegistry } from '../../server/src/core/cni/schemaRegistry';
import { generateDocuments, joinDocuments } from '../../scripts/bench/generate';
import { createRandom } from '../../scripts/bench/prng';

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

test('after documents are inserted, deleted, swapped or repeated, the analysis equals a fresh one and analyses at most the one new document', () => {
  // each document with its own `---`, so that its text does not depend on its place
  const pool = generateDocuments(30, { seed: 7 }).map((d) => '---\n' + joinDocuments([d]).text.replace(/^---\n/, ''));
  const rng = createRandom(3);
  const random = (n: number) => rng.int(0, n - 1);
  const kinds = [0, 0, 0, 0];
  let docs = pool.slice(0, 12);
  let previous = analyzeYaml(docs.join(''), services, settings);
  for (let step = 0; step < 60; step++) {
    const at = random(docs.length + 1);
    const kind = random(4);
    kinds[kind]++;
    if (kind === 0) docs.splice(at, 0, pool[random(pool.length)]);
    else if (kind === 1 && docs.length > 1) docs.splice(Math.min(at, docs.length - 1), 1);
    else if (kind === 2 && docs.length > 1) {
      const other = random(docs.length);
      const i = Math.min(at, docs.length - 1);
      [docs[i], docs[other]] = [docs[other], docs[i]];
    } else docs.splice(at, 0, docs[random(docs.length)]);
    const text = docs.join('');
    const next = analyzeYaml(text, services, settings, previous);
    const fresh = analyzeYaml(text, services, settings);
    assert.deepEqual(next.findings, fresh.findings);
    assert.deepEqual(next.docs.map((d) => [d.start, d.text, d.summary]), fresh.docs.map((d) => [d.start, d.text, d.summary]));
    const had = new Set(previous.docs.map((d) => d.result));
    assert.ok(next.docs.filter((d) => !had.has(d.result)).length <= 1, `step ${step}: documents the last analysis had were analysed again`);
    previous = next;
  }
  assert.ok(kinds.every((n) => n > 5), `every kind of edit was tried: ${kinds}`);
});

// The benchmark's workload generator (scripts/bench): deterministic, valid YAML, consistent
// objects, ~2% seeded mistakes where it says they are, probes and edits inside the file.
// No timings here: the benchmark itself is `npm run bench`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { generateDocuments, generateFolder, joinDocuments } from '../../scripts/bench/generate';
import { findProbes, planEdits } from '../../scripts/bench/probes';
import { createRandom } from '../../scripts/bench/prng';

test('the seeded generator is deterministic and seed-dependent', () => {
  const a = joinDocuments(generateDocuments(120, { seed: 7 })).text;
  const b = joinDocuments(generateDocuments(120, { seed: 7 })).text;
  const c = joinDocuments(generateDocuments(120, { seed: 8 })).text;
  assert.equal(a, b);
  assert.notEqual(a, c);
  const r = createRandom(1);
  const xs = Array.from({ length: 1000 }, () => r.next());
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.ok(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5) < 0.05);
});

test('a generated file is valid multi-document YAML with every kind and the seeded mistakes at their lines', () => {
  const file = joinDocuments(generateDocuments(300, { seed: 0xc41c17 }));
  const docs = parseAllDocuments(file.text);
  assert.equal(docs.length, 300);
  for (const doc of docs) assert.deepEqual(doc.errors, []);
  const kinds = new Set(docs.map((d) => d.get('kind')));
  for (const kind of ['Service', 'Ingress', 'NetworkPolicy', 'NetworkAttachmentDefinition', 'Deployment']) assert.ok(kinds.has(kind), kind);
  assert.equal(file.mistakes.length, 6); // 2% of 300
  const lines = file.text.split('\n');
  assert.match(lines[file.mistakes[0].line], /^\s+port: (0|65536|70000|123456)$/, 'the first mistake is a Service port out of range');
  assert.equal(file.mistakes[0].kind, 'Service');
  for (const m of file.mistakes) {
    const line = lines[m.line];
    if (m.type === 'macvlan-mode') assert.match(line, /bridged/);
    else if (m.type === 'typo-key') assert.match(line, /(targetPrt|containerPrt|policyType|pathTyp):/);
    else assert.match(line, /(port|Port|number): (0|65536|70000|123456)$/);
  }
  // Embedded CNI configs are JSON.
  for (const doc of docs.filter((d) => d.get('kind') === 'NetworkAttachmentDefinition')) {
    const config = JSON.parse(String(doc.getIn(['spec', 'config'])));
    assert.ok(['macvlan', 'bridge', 'ipvlan'].includes(config.type));
    assert.ok(['host-local', 'static', 'whereabouts'].includes(config.ipam.type));
  }
  // Services target container ports by name, and those names exist on the Deployment.
  const deployments = new Map(docs.filter((d) => d.get('kind') === 'Deployment').map((d) => [d.getIn(['metadata', 'name']), d.toJS()]));
  for (const svc of docs.filter((d) => d.get('kind') === 'Service').map((d) => d.toJS())) {
    const deployment = deployments.get(svc.metadata.name);
    if (!deployment) continue; // the last group may be cut short
    const names = deployment.spec.template.spec.containers.flatMap((c: { ports: { name: string }[] }) => c.ports.map((p) => p.name));
    for (const port of svc.spec.ports) if (port.targetPort !== undefined) assert.ok(names.includes(port.targetPort), `${svc.metadata.name} → ${port.targetPort}`);
  }
});

test('probes and edits fall inside the documents they name', () => {
  const file = joinDocuments(generateDocuments(200, { seed: 3 }));
  const lines = file.text.split('\n');
  const probes = findProbes(file.text, file.docs, 30);
  assert.equal(probes.length, 30);
  assert.equal(probes.filter((p) => p.on === 'key').length, 15);
  for (const p of probes) {
    assert.ok(p.character < lines[p.line].length, `${p.line}:${p.character}`);
    assert.ok(lines[p.line].includes(p.key));
  }
  const edits = planEdits(file.text, file.docs, 10);
  assert.equal(edits.length, 10);
  for (let i = 0; i < edits.length; i += 2) {
    assert.equal(edits[i].text, 'x');
    assert.equal(edits[i + 1].text, '');
    assert.equal(edits[i].range.start.character, lines[edits[i].line].length);
  }
});

test('a manifest folder has exactly the files asked for, one or a few documents each', () => {
  const files = generateFolder(300, { seed: 11, extras: true });
  assert.equal(files.length, 300);
  assert.equal(new Set(files.map((f) => f.path)).size, 300);
  assert.ok(files.every((f) => f.docs.length >= 1 && f.docs.length <= 6));
  assert.ok(files.some((f) => f.docs.length > 1));
});

// The workspace index patches its lookups in place when one file changes; whatever the history,
// they must answer exactly as lookups built from scratch over the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ObjectSummary, Span } from '../../server/src/core/k8s/summary';
import { Workspace, type DocumentSummaries } from '../../server/src/core/workspace/workspace';
import { moveSpans, toFileOffsets, WorkspaceIndex, type IndexedObject } from '../../server/src/core/workspace/workspaceIndex';

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
  };
}

function objectsFor(uri: string, pick: (n: number) => number): IndexedObject[] {
  const kinds = ['Service', 'Deployment', 'NetworkPolicy', 'NetworkAttachmentDefinition'];
  return Array.from({ length: pick(4) }, (_, i): IndexedObject => {
    const kind = kinds[pick(kinds.length)];
    return {
      uri,
      apiVersion: 'v1',
      kind,
      name: `o${pick(3)}`,
      namespace: `ns${pick(2)}`,
      span: { start: i * 100, end: i * 100 + 50 },
      subnets: [],
      ...(kind === 'Deployment' ? { workload: { labels: {}, ports: [], networks: [], span: { start: i * 100, end: i * 100 + 10 } } } : {}),
      ...(kind === 'NetworkPolicy' ? { policy: { podSelector: { requirements: [] }, selectorSpan: { start: i * 100, end: i * 100 + 1 }, peers: [], types: [], egressWithoutDns: false } } : {}),
    };
  });
}

/** Every lookup's answer, as names of places. */
function answers(index: WorkspaceIndex): string[] {
  const place = (o: IndexedObject) => `${o.uri}@${o.span.start}`;
  const out: string[] = [];
  for (const kind of ['Service', 'Deployment', 'NetworkPolicy', 'NetworkAttachmentDefinition']) {
    for (const name of ['o0', 'o1', 'o2']) {
      out.push(`named ${kind} ${name}: ${index.named(kind, name).map(place)}`);
      for (const ns of ['ns0', 'ns1']) out.push(`find ${kind} ${ns} ${name}: ${index.find(kind, ns, name).map(place)}`);
    }
  }
  for (const ns of ['ns0', 'ns1']) {
    out.push(`workloads ${ns}: ${index.workloadsIn(ns).map(place)}`);
    out.push(`policies ${ns}: ${index.policiesIn(ns).map(place)}`);
  }
  out.push(`namespaces: ${index.workloadNamespaces()}`);
  return out;
}

test('lookups patched file by file answer as lookups built from scratch', () => {
  for (let seed = 1; seed <= 30; seed++) {
    const pick = random(seed);
    const live = new WorkspaceIndex();
    const files = new Map<string, IndexedObject[]>();
    answers(live); // build the lookups first, so later changes patch them
    for (let step = 0; step < 60; step++) {
      const uri = `file:///ws/f${pick(8)}.yaml`;
      if (pick(5) === 0) {
        live.remove(uri);
        files.delete(uri);
      } else {
        const objects = objectsFor(uri, pick);
        live.setObjects(uri, objects);
        if (objects.length) files.set(uri, objects);
        else files.delete(uri);
      }
      if (pick(3) === 0) answers(live); // sometimes read between changes
    }
    const fresh = new WorkspaceIndex();
    for (const [uri, objects] of files) fresh.setObjects(uri, objects);
    assert.deepEqual(answers(live), answers(fresh), `seed ${seed}`);
  }
});

/** A summary with every kind of span, each with its own offsets. */
function everySpan(): ObjectSummary {
  let next = 0;
  const span = () => ({ start: (next += 10), end: next + 5 });
  const selector = { requirements: [] };
  return {
    apiVersion: 'v1', kind: 'Deployment', name: 'all', namespace: 'ns0', span: span(),
    subnets: [{ cidr: '10.0.0.0/24', source: 'here', span: span() }],
    workload: { labels: {}, span: span(), ports: [{ protocol: 'TCP', port: 80, span: span() }], networks: [{ name: 'net', span: span() }] },
    service: { type: 'ClusterIP', selector, selectorSpan: span(), ports: [{ port: 80, span: span(), targetPort: 8080, targetSpan: span() }] },
    ingress: { backends: [{ service: 'web', span: span(), port: 80, portSpan: span() }] },
    policy: { podSelector: selector, selectorSpan: span(), egressSpan: span(), peers: [{ selector, crossNamespace: true, namespaceSelector: selector, span: span(), namespaceSpan: span() }], types: ['Egress'], egressWithoutDns: true },
  };
}

/** Every {start, end} object reachable from a value. */
function spansIn(value: unknown, found = new Set<Span>()): Set<Span> {
  if (typeof value !== 'object' || value === null) return found;
  if (typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number') found.add(value as Span);
  for (const child of Object.values(value)) spansIn(child, found);
  return found;
}

test('moveSpans moves every span of an indexed object', () => {
  const object = toFileOffsets(everySpan(), 'file:///ws/a.yaml', 1000);
  const spans = [...spansIn(object)];
  const starts = spans.map((s) => s.start);
  moveSpans(object, 7);
  assert.deepEqual(spans.map((s) => s.start), starts.map((s) => s + 7));
  assert.deepEqual(object, toFileOffsets(everySpan(), 'file:///ws/a.yaml', 1007));
});

test('an open file keeps the objects of the documents an edit did not change; spans and lookups stay as if built from scratch', () => {
  const uri = 'file:///ws/open.yaml';
  for (let seed = 1; seed <= 30; seed++) {
    const pick = random(seed);
    const workspace = new Workspace(() => []);
    // another file, so that an edit patches the lookups rather than dropping them
    workspace.setEntry('file:///ws/other.yaml', { objects: objectsFor('file:///ws/other.yaml', () => 3).concat(objectsFor('file:///ws/other.yaml', pick)), configFile: false });
    let docs: DocumentSummaries[] = [];
    let kept = 0;
    for (let step = 0; step < 40; step++) {
      const summaries: (ObjectSummary | undefined)[] = [];
      for (const { summary } of docs) {
        const fate = pick(8);
        if (fate === 0) continue; // deleted
        summaries.push(fate === 1 ? objectsFor(uri, () => 1)[0] : summary); // changed, or not
        if (fate === 2) summaries.push(summary); // the same text twice: the analysis gives one summary
      }
      for (let i = pick(3); i > 0; i--) summaries.splice(pick(summaries.length + 1), 0, pick(4) ? objectsFor(uri, pick)[0] : undefined);
      if (pick(4) === 0 && summaries.length > 1) {
        const [a, b] = [pick(summaries.length), pick(summaries.length)];
        [summaries[a], summaries[b]] = [summaries[b], summaries[a]];
      }
      let start = 0;
      docs = summaries.map((summary) => ({ start: (start += 1 + pick(300)), summary }));
      const before = new Set(workspace.index.objectsIn(uri));
      workspace.update(uri, `version ${step}`, { open: true, summaries: docs });
      const objects = workspace.index.objectsIn(uri);
      kept += objects.filter((o) => before.has(o)).length;
      assert.deepEqual(objects, docs.flatMap((d) => (d.summary ? [toFileOffsets(d.summary, uri, d.start)] : [])), `seed ${seed} step ${step}`);
      const fresh = new WorkspaceIndex();
      for (const file of ['file:///ws/other.yaml', uri]) fresh.setObjects(file, workspace.index.objectsIn(file).map((o) => structuredClone(o)));
      assert.deepEqual(answers(workspace.index), answers(fresh), `seed ${seed} step ${step}`);
    }
    assert.ok(kept > 0, 'some objects were kept');
  }
});

// The workspace index patches its lookups in place when one file changes; whatever the history,
// they must answer exactly as lookups built from scratch over the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex, type IndexedObject } from '../../server/src/core/workspace/workspaceIndex';

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

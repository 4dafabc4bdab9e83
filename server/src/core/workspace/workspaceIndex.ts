// Every networking object of the workspace (files on disk and open editors), and its Namespace
// objects for their labels, by file, with lookups by namespace and name that are rebuilt lazily
// after a change. Spans are file offsets.
import type { ObjectSummary, Span, SubnetFact } from '../k8s/summary';
import { findClashes, type Clash } from './subnetClashes';

export interface IndexedObject extends ObjectSummary {
  uri: string;
}

/** A CNI config file on disk, for "which file would a runtime pick" in its folder. */
export interface ConfigFile {
  uri: string;
  folder: string;
  fileName: string;
}

interface Lookups {
  /** kind → namespace → name: found without building a key (the checks look up hundreds per edit). */
  byKindNsName: Map<string, Map<string, Map<string, IndexedObject[]>>>;
  byNameAnyNs: Map<string, IndexedObject[]>;
  workloadsByNs: Map<string, IndexedObject[]>;
  policiesByNs: Map<string, IndexedObject[]>;
  configsByFolder: Map<string, ConfigFile[]>;
  clashes?: Map<SubnetFact, Clash>;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedObject[]>();
  /** How many objects the files hold. */
  private objectCount = 0;
  private readonly configs = new Map<string, ConfigFile>();
  private lookups: Lookups | undefined;
  /** Bumped on every change, so callers can tell whether results they hold are stale. */
  version = 0;

  setObjects(uri: string, objects: IndexedObject[]): void {
    const old = this.files.get(uri) ?? [];
    // The same objects (an edit moved spans in place, or changed nothing they hold): nothing to patch.
    if (sameList(objects, old)) return;
    if (objects.length === 0) this.files.delete(uri);
    else this.files.set(uri, objects);
    this.objectCount += objects.length - old.length;
    // objects the file keeps (the same objects: see Workspace.update) are neither removed nor added
    const added = new Set(objects);
    const removed = old.filter((o) => !added.delete(o));
    this.changed({ removed, added: [...added] });
  }

  setConfigFile(uri: string): void {
    const slash = uri.lastIndexOf('/');
    this.configs.set(uri, { uri, folder: uri.slice(0, slash), fileName: uri.slice(slash + 1) });
    this.changed();
  }

  remove(uri: string): void {
    const old = this.files.get(uri);
    if (this.files.delete(uri)) {
      this.objectCount -= old?.length ?? 0;
      this.changed({ removed: old ?? [], added: [] });
    }
    if (this.configs.delete(uri)) this.changed();
  }

  objectsIn(uri: string): IndexedObject[] {
    return this.files.get(uri) ?? [];
  }

  all(): IndexedObject[] {
    // a loop: flat() took ten times as long, and the subnet check asks for all objects at every edit
    const all: IndexedObject[] = [];
    for (const objects of this.files.values()) for (const object of objects) all.push(object);
    return all;
  }

  get size(): number {
    return this.files.size + this.configs.size;
  }

  find(kind: string, namespace: string, name: string): IndexedObject[] {
    return this.get().byKindNsName.get(kind)?.get(namespace)?.get(name) ?? [];
  }

  /** Objects of a kind with this name in any namespace. */
  named(kind: string, name: string): IndexedObject[] {
    return this.get().byNameAnyNs.get(`${kind}/${name}`) ?? [];
  }

  workloadsIn(namespace: string): IndexedObject[] {
    return this.get().workloadsByNs.get(namespace) ?? [];
  }

  /** Namespaces that hold pod templates in the workspace, sorted. */
  workloadNamespaces(): string[] {
    return [...this.get().workloadsByNs.keys()].sort();
  }

  /** The labels of each Namespace object of this name in the workspace (more than one if declared twice). */
  namespaceLabels(name: string): Record<string, string>[] {
    return this.find('Namespace', '', name).flatMap((o) => (o.namespaceLabels ? [o.namespaceLabels] : []));
  }

  policiesIn(namespace: string): IndexedObject[] {
    return this.get().policiesByNs.get(namespace) ?? [];
  }

  /** For each address range, an overlapping range of another object, if any (computed once per change). */
  subnetClash(fact: SubnetFact): Clash | undefined {
    const lookups = this.get();
    lookups.clashes ??= findClashes(this.all().filter((o) => o.subnets.length));
    return lookups.clashes.get(fact);
  }

  configsIn(folder: string): ConfigFile[] {
    return this.get().configsByFolder.get(folder) ?? [];
  }

  configFile(uri: string): ConfigFile | undefined {
    return this.configs.get(uri);
  }

  /**
   * One file's objects changed: the lookups are patched in place (rebuilding them for a 10,000-file
   * workspace costs more than the rest of an update). Other changes, and a file that holds much of
   * the index (patching would cost more than rebuilding), drop them.
   */
  private changed(objects?: { removed: IndexedObject[]; added: IndexedObject[] }): void {
    this.version++;
    const lookups = this.lookups;
    if (!lookups || !objects || objects.removed.length + objects.added.length > this.objectCount) {
      this.lookups = undefined;
      return;
    }
    lookups.clashes = undefined;
    // each affected list is filtered once, however many of the file's objects it holds
    const removed = new Set(objects.removed);
    const affected = new Map<Map<string, IndexedObject[]>, Set<string>>();
    for (const object of removed) {
      for (const [map, key] of keysOf(lookups, object)) affected.set(map, (affected.get(map) ?? new Set()).add(key));
    }
    for (const [map, keys] of affected) {
      for (const key of keys) {
        const list = map.get(key)?.filter((o) => !removed.has(o));
        if (list?.length) map.set(key, list);
        else map.delete(key);
      }
    }
    const touched = new Set<IndexedObject[]>();
    for (const object of objects.added) {
      for (const [map, key] of keysOf(lookups, object)) {
        const list = map.get(key);
        if (list) {
          list.push(object);
          touched.add(list);
        } else map.set(key, [object]);
      }
    }
    for (const list of touched) list.sort(byPlace);
  }

  private get(): Lookups {
    if (this.lookups) return this.lookups;
    const lookups: Lookups = { byKindNsName: new Map(), byNameAnyNs: new Map(), workloadsByNs: new Map(), policiesByNs: new Map(), configsByFolder: new Map() };
    for (const object of this.all()) for (const [map, key] of keysOf(lookups, object)) push(map, key, object);
    // the same order however the index got here: by file, then by place in the file
    const names = [...lookups.byKindNsName.values()].flatMap((namespaces) => [...namespaces.values()]);
    for (const map of [...names, lookups.byNameAnyNs, lookups.workloadsByNs, lookups.policiesByNs]) {
      for (const list of map.values()) if (list.length > 1) list.sort(byPlace);
    }
    for (const config of this.configs.values()) push(lookups.configsByFolder, config.folder, config);
    for (const list of lookups.configsByFolder.values()) list.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
    this.lookups = lookups;
    return lookups;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The lookup lists an object belongs in. */
function keysOf(lookups: Lookups, object: IndexedObject): [Map<string, IndexedObject[]>, string][] {
  const keys: [Map<string, IndexedObject[]>, string][] = [
    [namesOf(lookups, object.kind, object.namespace), object.name],
    [lookups.byNameAnyNs, `${object.kind}/${object.name}`],
  ];
  if (object.workload) keys.push([lookups.workloadsByNs, object.namespace]);
  if (object.policy) keys.push([lookups.policiesByNs, object.namespace]);
  return keys;
}

/** The objects of a kind in a namespace, by name (made when missing). */
function namesOf(lookups: Lookups, kind: string, namespace: string): Map<string, IndexedObject[]> {
  let namespaces = lookups.byKindNsName.get(kind);
  if (!namespaces) lookups.byKindNsName.set(kind, (namespaces = new Map()));
  let names = namespaces.get(namespace);
  if (!names) namespaces.set(namespace, (names = new Map()));
  return names;
}

function byPlace(a: IndexedObject, b: IndexedObject): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start;
}

/**
 * Moves the spans of an indexed object in place, for a document that moved in its file: the object
 * keeps its identity, so the index need not replace it. Its spans are its own (see toFileOffsets).
 * Written out, without a visitor: an edit near the top of a file moves most of its objects.
 */
export function moveSpans(object: IndexedObject, by: number): void {
  move(object.span, by);
  for (const subnet of object.subnets) move(subnet.span, by);
  const { workload, service, ingress, policy } = object;
  if (workload) {
    move(workload.span, by);
    for (const port of workload.ports) move(port.span, by);
    for (const network of workload.networks) move(network.span, by);
  }
  if (service) {
    move(service.selectorSpan, by);
    for (const port of service.ports) {
      move(port.span, by);
      move(port.targetSpan, by);
    }
  }
  for (const backend of ingress?.backends ?? []) {
    move(backend.span, by);
    move(backend.portSpan, by);
  }
  if (policy) {
    move(policy.selectorSpan, by);
    move(policy.egressSpan, by);
    for (const peer of policy.peers) {
      move(peer.span, by);
      move(peer.namespaceSpan, by);
    }
  }
}

function sameList(a: IndexedObject[], b: IndexedObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function move(span: Span | undefined, by: number): void {
  if (!span) return;
  span.start += by;
  span.end += by;
}

/** Moves an object's spans from its document to the file. */
export function toFileOffsets(summary: ObjectSummary, uri: string, docStart: number): IndexedObject {
  const s = (span: Span): Span => ({ start: span.start + docStart, end: span.end + docStart });
  const maybe = (span: Span | undefined) => (span ? s(span) : undefined);
  return {
    ...summary,
    uri,
    span: s(summary.span),
    subnets: summary.subnets.map((n) => ({ ...n, span: s(n.span) })),
    workload: summary.workload && {
      ...summary.workload,
      span: s(summary.workload.span),
      ports: summary.workload.ports.map((p) => ({ ...p, span: s(p.span) })),
      networks: summary.workload.networks.map((n) => ({ ...n, span: s(n.span) })),
    },
    service: summary.service && {
      ...summary.service,
      selectorSpan: maybe(summary.service.selectorSpan),
      ports: summary.service.ports.map((p) => ({ ...p, span: s(p.span), targetSpan: maybe(p.targetSpan) })),
    },
    ingress: summary.ingress && { backends: summary.ingress.backends.map((b) => ({ ...b, span: s(b.span), portSpan: maybe(b.portSpan) })) },
    policy: summary.policy && {
      ...summary.policy,
      selectorSpan: s(summary.policy.selectorSpan),
      egressSpan: maybe(summary.policy.egressSpan),
      peers: summary.policy.peers.map((p) => ({ ...p, span: s(p.span), ...(p.namespaceSpan ? { namespaceSpan: s(p.namespaceSpan) } : {}) })),
    },
  };
}

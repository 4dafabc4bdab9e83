// The workspace as one network: indexes files (from disk, or the text of open editors), runs
// the checks across files and answers navigation, turning file offsets into positions.
import type { Location, Position, Range, SymbolInformation } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { Finding } from '../common/findings';
import { documentKind, looksLikeCni } from '../documents';
import type { ObjectSummary, Span } from '../k8s/summary';
import { crossFileFindings, type CrossCheckSettings } from './crossChecks';
import { lineStarts, positionAt } from './lineTable';
import { namespaceSummaries, namespaceSummary } from './namespaces';
import { definitions, references, selectorHover, type Target } from './navigation';
import { moveSpans, toFileOffsets, WorkspaceIndex, type IndexedObject } from './workspaceIndex';

export interface DocumentSummaries {
  start: number;
  summary?: ObjectSummary;
  /** The document's text, when the caller has it (then only documents without a summary are read for Namespaces). */
  text?: string;
}

/** What indexing one file found, as plain data (it may come from a worker thread). */
export interface IndexEntry {
  objects: IndexedObject[];
  lines?: number[];
  configFile: boolean;
}

export interface UpdateOptions {
  languageId?: string;
  /** Each document's objects, from the caller's analysis of the text; else the workspace summarizes it. */
  summaries?: DocumentSummaries[];
  /** The text of an open editor: it changes at every keystroke, and the editor holds it anyway. */
  open?: boolean;
}

/**
 * How the workspace tells that a file's text did not change: an open editor's text itself (which
 * compares faster than it hashes), or a fingerprint of a file on disk, whose text is not kept; and
 * under which settings its objects were read (see `settingsChanged`).
 */
type Seen = ({ text: string; print?: undefined } | { print: string; text?: undefined }) & { settings: number };

/** An open file's object, by the summary it was made from, and where that document started. */
interface Placed {
  start: number;
  object: IndexedObject;
}

/** What the last update of an open file made, for the next to keep what its edit did not change. */
interface OpenFile {
  objects: Map<ObjectSummary, Placed>;
  /** The Namespace object of each document the analysis left without a summary (or none), by text. */
  namespaces: Map<string, ObjectSummary | undefined>;
}

export class Workspace {
  readonly index = new WorkspaceIndex();
  /** Line starts of files on disk, and of open files once a position in them is asked for. */
  private readonly lines = new Map<string, number[]>();
  /** What each indexed file was indexed from, to skip re-indexing what did not change. */
  private readonly seen = new Map<string, Seen>();
  /** What the last update of each open file made. */
  private readonly openFiles = new Map<string, OpenFile>();
  /** Counts the changes of the settings a file's objects depend on. */
  private settings = 0;

  /**
   * @param summarize the objects of a YAML text, per document (the caller's cached analysis)
   */
  constructor(private readonly summarize: (text: string) => DocumentSummaries[]) {}

  /**
   * The settings that decide which objects a text holds (the Kubernetes version, the kinds turned
   * off) changed: the next update of each file reads it again, even if its text is the same.
   */
  settingsChanged(): void {
    this.settings++;
  }

  /** Indexes a file's current text; unchanged text is not re-read. */
  update(uri: string, text: string, options: UpdateOptions = {}): void {
    const now: Seen = options.open ? { text, settings: this.settings } : { print: fingerprint(text), settings: this.settings };
    const before = this.seen.get(uri);
    if (before && before.settings === this.settings && sameText(before, now, text)) {
      this.remember(uri, now);
      return;
    }
    const kind = documentKind(uri, options.languageId);
    if (kind.language === 'yaml') {
      this.indexYaml(uri, text, options);
    } else if (kind.language === 'cni' && inConfigFolder(uri) && (!uri.toLowerCase().endsWith('.json') || looksLikeCni(text))) {
      this.index.setConfigFile(uri);
    } else {
      return;
    }
    this.seen.set(uri, now);
  }

  private indexYaml(uri: string, text: string, options: UpdateOptions): void {
    const summaries = options.summaries ?? this.summarize(text);
    if (options.open) return this.indexOpenYaml(uri, text, summaries);
    this.openFiles.delete(uri);
    const docs = withNamespaces(summaries, text, namespaceSummary);
    const objects = docs.flatMap((d) => (d.summary ? [toFileOffsets(d.summary, uri, d.start)] : []));
    this.index.setObjects(uri, objects);
    if (objects.length) this.lines.set(uri, lineStarts(text));
    else this.lines.delete(uri);
  }

  /** An open file: what an edit did not change keeps its object (see placeObjects) and its Namespace summary. */
  private indexOpenYaml(uri: string, text: string, summaries: DocumentSummaries[]): void {
    const last = this.openFiles.get(uri);
    const made: OpenFile = { objects: new Map(), namespaces: new Map() };
    const readNamespace = (docText: string) => {
      const summary = last?.namespaces.has(docText) ? last.namespaces.get(docText) : namespaceSummary(docText);
      made.namespaces.set(docText, summary);
      return summary;
    };
    const docs = withNamespaces(summaries, text, readNamespace);
    this.index.setObjects(uri, placeObjects(uri, docs, last?.objects, made.objects));
    this.openFiles.set(uri, made);
    this.lines.delete(uri); // made again when asked for
  }

  /** The text a file was indexed from is unchanged: records how it is known now. */
  private remember(uri: string, now: Seen): void {
    if (now.print !== undefined) {
      this.linesOf(uri); // an open file's lines, before its text is let go
      this.openFiles.delete(uri);
    }
    this.seen.set(uri, now);
  }

  /** The index's view of a file, to hand to another Workspace (the CLI indexes in workers). */
  entryFor(uri: string): IndexEntry {
    this.openFiles.delete(uri); // the objects are shared from now on: not to be moved in place
    return { objects: this.index.objectsIn(uri), lines: this.linesOf(uri), configFile: !!this.index.configFile(uri) };
  }

  setEntry(uri: string, entry: IndexEntry): void {
    this.openFiles.delete(uri);
    this.index.setObjects(uri, entry.objects);
    if (entry.lines) this.lines.set(uri, entry.lines);
    if (entry.configFile) this.index.setConfigFile(uri);
  }

  uris(): string[] {
    return [...this.seen.keys()];
  }

  remove(uri: string): void {
    this.index.remove(uri);
    this.lines.delete(uri);
    this.seen.delete(uri);
    this.openFiles.delete(uri);
  }

  findings(uri: string, settings: CrossCheckSettings): Finding[] {
    return crossFileFindings(this.index, uri, settings);
  }

  definition(uri: string, offset: number): Location[] {
    return definitions(this.index, uri, offset).map((t) => this.location(t));
  }

  references(uri: string, offset: number): Location[] {
    return references(this.index, uri, offset).map((t) => this.location(t));
  }

  selectorHover(uri: string, offset: number) {
    return selectorHover(this.index, uri, offset);
  }

  symbols(query: string): SymbolInformation[] {
    const wanted = query.toLowerCase();
    return this.index.all()
      .filter((o) => !wanted || `${o.kind} ${o.name}`.toLowerCase().includes(wanted))
      .slice(0, 1000)
      .map((o) => ({ name: o.name, kind: SymbolKind.Class, containerName: `${o.kind}${o.namespace ? ` · ${o.namespace}` : ''}`, location: this.location({ uri: o.uri, span: o.span }) }));
  }

  private location(target: Target): Location {
    return { uri: target.uri, range: this.range(target.uri, target.span) };
  }

  private range(uri: string, span: Span): Range {
    const starts = this.linesOf(uri) ?? [0];
    const at = (offset: number): Position => positionAt(starts, offset);
    return { start: at(span.start), end: at(span.end) };
  }

  /** A file's line starts: those of an open file are made when first asked for, from its text. */
  private linesOf(uri: string): number[] | undefined {
    const text = this.seen.get(uri)?.text;
    if (!this.lines.has(uri) && text !== undefined && this.index.objectsIn(uri).length) this.lines.set(uri, lineStarts(text));
    return this.lines.get(uri);
  }
}

/**
 * An open file's objects. A document the analysis kept (the same summary) keeps its object, its
 * spans moved in place if the document moved: an edit then replaces one object of the index, not
 * all of the file's. An edited document whose object reads the same but for its spans (a comment,
 * an image, a value no check across files reads) keeps its object too, with the new spans, so the
 * index does not change and other files need no new diagnostics. Kept documents that changed
 * order get new objects instead, since the index's lists are sorted by place (so does the second
 * of two identical documents, which share a summary).
 * @param before the objects the file's last update made; `now` gets this update's
 */
function placeObjects(uri: string, docs: DocumentSummaries[], before: Map<ObjectSummary, Placed> | undefined, now: Map<ObjectSummary, Placed>): IndexedObject[] {
  const objects: IndexedObject[] = [];
  let keptUpTo = -1;
  // The last update's objects in order, for the one an edited document stood in for.
  const olds = before?.entries();
  let old = olds?.next();
  for (const { start, summary } of docs) {
    if (!summary) continue;
    const kept = before?.get(summary);
    let object: IndexedObject;
    if (kept && kept.start > keptUpTo) {
      keptUpTo = kept.start;
      if (start !== kept.start) moveSpans(kept.object, start - kept.start);
      object = kept.object;
    } else {
      object = toFileOffsets(summary, uri, start);
      while (old && !old.done && old.value[1].start <= keptUpTo) old = olds!.next();
      const replaced = old && !old.done ? old.value : undefined;
      if (replaced && !docs.some((d) => d.summary === replaced[0]) && equalButSpans(replaced[1].object, object)) {
        keptUpTo = replaced[1].start;
        adoptSpans(replaced[1].object, object);
        object = replaced[1].object;
      }
    }
    if (!now.has(summary)) now.set(summary, { start, object });
    objects.push(object);
  }
  return objects;
}

const isSpan = (value: object): value is Span => typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number';

/** Deep equality of two indexed objects that does not look at their spans. */
function equalButSpans(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (isSpan(a) && isSpan(b)) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!equalButSpans((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Gives `target` the spans of `source`, an object equal to it but for them (see equalButSpans). */
function adoptSpans(target: object, source: object): void {
  if (isSpan(target) && isSpan(source)) {
    target.start = source.start;
    target.end = source.end;
    return;
  }
  for (const key of Object.keys(target)) {
    const child = (target as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null) adoptSpans(child, (source as Record<string, object>)[key]);
  }
}

/**
 * Adds the file's Namespace objects, which the per-document analysis does not summarize: read from
 * the documents without a summary when their texts came along, else from the whole text.
 */
function withNamespaces(docs: DocumentSummaries[], text: string, read: (docText: string) => ObjectSummary | undefined): DocumentSummaries[] {
  if (docs.every((d) => d.summary || d.text !== undefined)) {
    return docs.map((d) => (d.summary || !d.text ? d : { start: d.start, summary: read(d.text) }));
  }
  const namespaces = namespaceSummaries(text);
  if (namespaces.length === 0) return docs;
  const summarized = new Set(docs.filter((d) => d.summary).map((d) => d.start));
  return [...docs, ...namespaces.filter((n) => !summarized.has(n.start))].sort((a, b) => a.start - b.start);
}

/** Runtimes read CNI configs from a `net.d` folder (/etc/cni/net.d); elsewhere the order means nothing. */
function inConfigFolder(uri: string): boolean {
  return /\/net\.d\/[^/]+$/.test(uri);
}

function sameText(before: Seen, now: Seen, text: string): boolean {
  if (before.text !== undefined) return before.text === text;
  return before.print === (now.print ?? fingerprint(text));
}

/** Length and FNV-1a hash of a text: enough to tell an unchanged file from a changed one. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

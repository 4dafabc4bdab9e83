// The workspace as one network: indexes files (from disk, or the text of open editors), runs
// the checks across files and answers navigation, turning file offsets into positions.
import type { Location, Position, Range, SymbolInformation } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { Finding } from '../common/findings';
import { documentKind, looksLikeCni } from '../documents';
import type { ObjectSummary, Span } from '../k8s/summary';
import { crossFileFindings, type CrossCheckSettings } from './crossChecks';
import { lineStarts, positionAt } from './lineTable';
import { namespaceSummaries } from './namespaces';
import { definitions, references, selectorHover, type Target } from './navigation';
import { toFileOffsets, WorkspaceIndex, type IndexedObject } from './workspaceIndex';

export interface DocumentSummaries {
  start: number;
  summary?: ObjectSummary;
}

/** What indexing one file found, as plain data (it may come from a worker thread). */
export interface IndexEntry {
  objects: IndexedObject[];
  lines?: number[];
  configFile: boolean;
}

export class Workspace {
  readonly index = new WorkspaceIndex();
  private readonly lines = new Map<string, number[]>();
  /** A fingerprint of each indexed file's text, to skip re-indexing what did not change. */
  private readonly fingerprints = new Map<string, string>();

  /**
   * @param summarize the objects of a YAML text, per document (the caller's cached analysis)
   */
  constructor(private readonly summarize: (text: string) => DocumentSummaries[]) {}

  /** Indexes a file's current text; unchanged text is not re-read. */
  update(uri: string, text: string, languageId?: string, summaries?: DocumentSummaries[]): void {
    const print = fingerprint(text);
    if (this.fingerprints.get(uri) === print) return;
    const kind = documentKind(uri, languageId);
    if (kind.language === 'yaml') {
      const docs = withNamespaces(summaries ?? this.summarize(text), text);
      const objects = docs.flatMap((d) => (d.summary ? [toFileOffsets(d.summary, uri, d.start)] : []));
      this.index.setObjects(uri, objects);
      if (objects.length) this.lines.set(uri, lineStarts(text));
      else this.lines.delete(uri);
    } else if (kind.language === 'cni' && inConfigFolder(uri) && (!uri.toLowerCase().endsWith('.json') || looksLikeCni(text))) {
      this.index.setConfigFile(uri);
    } else {
      return;
    }
    this.fingerprints.set(uri, print);
  }

  /** The index's view of a file, to hand to another Workspace (the CLI indexes in workers). */
  entryFor(uri: string): IndexEntry {
    return { objects: this.index.objectsIn(uri), lines: this.lines.get(uri), configFile: !!this.index.configFile(uri) };
  }

  setEntry(uri: string, entry: IndexEntry): void {
    this.index.setObjects(uri, entry.objects);
    if (entry.lines) this.lines.set(uri, entry.lines);
    if (entry.configFile) this.index.setConfigFile(uri);
  }

  uris(): string[] {
    return [...this.fingerprints.keys()];
  }

  remove(uri: string): void {
    this.index.remove(uri);
    this.lines.delete(uri);
    this.fingerprints.delete(uri);
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
    const starts = this.lines.get(uri) ?? [0];
    const at = (offset: number): Position => positionAt(starts, offset);
    return { start: at(span.start), end: at(span.end) };
  }
}

/** Adds the file's Namespace objects, which the per-document analysis does not summarize. */
function withNamespaces(docs: DocumentSummaries[], text: string): DocumentSummaries[] {
  const namespaces = namespaceSummaries(text);
  if (namespaces.length === 0) return docs;
  const summarized = new Set(docs.filter((d) => d.summary).map((d) => d.start));
  return [...docs, ...namespaces.filter((n) => !summarized.has(n.start))].sort((a, b) => a.start - b.start);
}

/** Runtimes read CNI configs from a `net.d` folder (/etc/cni/net.d); elsewhere the order means nothing. */
function inConfigFolder(uri: string): boolean {
  return /\/net\.d\/[^/]+$/.test(uri);
}

/** Length and FNV-1a hash of a text: enough to tell an unchanged file from a changed one. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

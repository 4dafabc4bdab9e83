// A whole YAML file: its documents, each analysed on its own and cached by its text, so an
// edit re-analyses only the document it changed. Findings come back in file offsets.
//
// Of each document only compact results are kept: its findings, what checks across files and the
// outline need. Its tree (most of the memory a large file takes) is composed again when a feature
// asks for it, and held only for the few documents asked for last.
import type { Finding } from '../common/findings';
import { splitDocuments } from '../yaml/yamlDocuments';
import { analyzeDocument, type DocumentAnalysis, type Services } from './analyzeDocument';
import type { K8sSettings } from './rules/context';
import type { ObjectSummary } from './summary';
import { kinds } from './kinds';

/** "Kind name" and where the object is, relative to its document. */
export interface DocumentSymbolFacts {
  name: string;
  detail: string;
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
}

/** How a file's documents were analysed, to analyse one again (one per file, not a closure per document). */
interface Analyser {
  services: Services;
  settings: K8sSettings;
}

/** What is kept of one document's analysis; shared by every file position the same text takes. */
class DocumentResult {
  readonly findings: Finding[];
  readonly summary?: ObjectSummary;
  readonly symbol?: DocumentSymbolFacts;

  /**
   * @param by how to analyse `text` again; none for a document that is not ours
   * @param hold keep the full analysis among those asked for last (a document just edited)
   */
  constructor(private readonly text: string, private readonly by: Analyser | undefined, full: DocumentAnalysis, hold: boolean) {
    this.findings = full.findings;
    this.summary = full.summary;
    this.symbol = symbolOf(full);
    if (hold && full !== nothing) held.remember(this, full);
  }

  get analysis(): DocumentAnalysis {
    if (!this.by) return nothing;
    return held.get(this) ?? held.remember(this, analyzeDocument(this.text, this.by.services, this.by.settings));
  }

  get holdsTree(): boolean {
    return held.has(this);
  }
}

/** The full analyses asked for last (a hover, a completion, the document just edited). */
class Held {
  private readonly entries = new Map<DocumentResult, DocumentAnalysis>();
  constructor(private readonly size: number) {}

  has(key: DocumentResult): boolean {
    return this.entries.has(key);
  }

  get(key: DocumentResult): DocumentAnalysis | undefined {
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  remember(key: DocumentResult, analysis: DocumentAnalysis): DocumentAnalysis {
    this.entries.delete(key);
    this.entries.set(key, analysis);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return analysis;
  }
}

const held = new Held(16);
/** At most this many new documents in a file keep their trees after the analysis. */
const heldForEdits = 4;

export class YamlDocument {
  constructor(readonly start: number, readonly text: string, readonly result: DocumentResult) {}
  get findings(): Finding[] { return this.result.findings; }
  get summary(): ObjectSummary | undefined { return this.result.summary; }
  get symbol(): DocumentSymbolFacts | undefined { return this.result.symbol; }
  /** The full analysis: tree, resource, embedded regions (composed again if not held). */
  get analysis(): DocumentAnalysis { return this.result.analysis; }
  /** Whether the full analysis is at hand, without composing the document again. */
  get holdsTree(): boolean { return this.result.holdsTree; }
}

export interface YamlAnalysis {
  docs: YamlDocument[];
  findings: Finding[];
}

/**
 * @param previous the file's last analysis: documents whose text did not change are taken from it,
 * so an edit re-analyses one document, and nothing but the file's current documents is kept.
 */
export function analyzeYaml(text: string, services: Services, settings: K8sSettings, previous?: YamlAnalysis): YamlAnalysis {
  const parts = splitDocuments(text);
  const kept = keptResults(parts, previous?.docs ?? []);
  // Trees are held only for the few documents an edit changed. Holding each tree of a large file
  // while the next ones are analysed would let the collector promote them all to the old
  // generation, where they outlive the open as garbage (tens of megabytes for 2,000 documents).
  const hold = kept.filter((r) => !r).length <= heldForEdits;
  const by: Analyser = { services, settings };
  const docs = parts.map(({ start, text: docText }, i) => {
    const result = kept[i]
      ?? (notOurs(docText) ? new DocumentResult(docText, undefined, nothing, false) : new DocumentResult(docText, by, analyzeDocument(docText, services, settings), hold));
    return new YamlDocument(start, docText, result);
  });
  const findings: Finding[] = [];
  for (const doc of docs) for (const finding of doc.findings) findings.push(shift(finding, doc.start));
  return { docs, findings };
}

/**
 * The result of each document whose text the last analysis had. An edit leaves the documents
 * before and after it as they were, so those are matched in order (without hashing every
 * document's text), and only the ones between are looked up by text.
 */
function keptResults(parts: { text: string }[], before: YamlDocument[]): (DocumentResult | undefined)[] {
  const kept: (DocumentResult | undefined)[] = new Array(parts.length).fill(undefined);
  let head = 0;
  while (head < parts.length && head < before.length && parts[head].text === before[head].text) kept[head] = before[head++].result;
  let tail = 0;
  while (tail < parts.length - head && tail < before.length - head && parts[parts.length - 1 - tail].text === before[before.length - 1 - tail].text) {
    kept[parts.length - 1 - tail] = before[before.length - 1 - tail].result;
    tail++;
  }
  if (head + tail < parts.length && head + tail < before.length) {
    const moved = new Map(before.slice(head, before.length - tail).map((d) => [d.text, d.result]));
    for (let i = head; i < parts.length - tail; i++) kept[i] = moved.get(parts[i].text);
  }
  return kept;
}

/** Only what the workspace index needs of a file that is not open: each document's summary. */
export function summarizeYaml(text: string, services: Services, settings: K8sSettings): { start: number; summary?: ObjectSummary }[] {
  return splitDocuments(text).map(({ start, text: docText }) => ({
    start,
    summary: notOurs(docText) ? undefined : analyzeDocument(docText, services, settings, { factsOnly: true }).summary,
  }));
}

const nothing: DocumentAnalysis = { findings: [], embedded: [] };
const servedKinds = new Set([...kinds.map((k) => k.kind), 'ConfigMap']);

/**
 * A document whose top-level `kind:` names a kind CNIKit does not serve is left alone without
 * composing it: most documents of a large repository are not networking objects.
 */
function notOurs(text: string): boolean {
  const match = /^kind:[ \t]*["']?([A-Za-z0-9]+)["']?[ \t]*(?:#.*)?$/m.exec(text);
  return !!match && !servedKinds.has(match[1]);
}

function symbolOf({ resource: r }: DocumentAnalysis): DocumentSymbolFacts | undefined {
  if (!r?.kind) return undefined;
  const selection = r.nameNode ?? r.kindNode ?? r.root;
  return {
    name: `${r.kind} ${r.name ?? '(unnamed)'}`,
    detail: [r.apiVersion, r.namespace && `namespace ${r.namespace}`].filter(Boolean).join(' · '),
    start: r.root.offset,
    end: r.root.offset + r.root.length,
    selectionStart: selection.offset,
    selectionEnd: selection.offset + selection.length,
  };
}

export function documentAt(analysis: YamlAnalysis, offset: number): YamlDocument | undefined {
  let found: YamlDocument | undefined;
  for (const doc of analysis.docs) if (doc.start <= offset) found = doc;
  return found;
}

export function shift(f: Finding, by: number): Finding {
  if (by === 0) return f;
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    fixes: f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) })),
  };
}

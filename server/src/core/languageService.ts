// The editor-independent language service: documents in, LSP-shaped results out. The server,
// the CLI and the tests all call this; it never touches the file system or the network.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind, CompletionItemKind, DiagnosticSeverity, DiagnosticTag, InsertTextFormat, MarkupKind, SymbolKind,
  type CodeAction, type CompletionItem, type Diagnostic, type DocumentSymbol, type Hover, type Position, type Range,
} from 'vscode-languageserver-types';
import { analyzeCni, type CniAnalysis } from './cni/analyze';
import { completeCni, type Completion } from './cni/complete';
import { hoverCni } from './cni/hover';
import { outlineCni, type OutlineSymbol } from './cni/symbols';
import { SchemaRegistry } from './cni/schemaRegistry';
import { documentKind } from './documents';
import { K8sRegistry } from './k8s/k8sRegistry';
import { analyzeYaml, summarizeYaml, type YamlAnalysis } from './k8s/analyzeYaml';
import { completeYamlEmbedded, completeYamlK8s, hoverYaml, outlineYaml } from './k8s/features';
import { completeNetworkNames } from './k8s/networkCompletion';
import { scaffoldActions } from './k8s/scaffoldActions';
import type { KindGroup } from './k8s/kinds';
import type { Finding, Severity } from './common/findings';
import { Workspace, type IndexEntry } from './workspace/workspace';
import { defaultCrossCheckSettings } from './workspace/crossChecks';
import type { Location, SymbolInformation } from 'vscode-languageserver-types';

export interface ServiceSettings {
  /** Above this many characters a file gets one notice instead of full validation. */
  maxFileSize: number;
  validate: boolean;
  /** The Kubernetes minor version manifests target ("1.36"): decides which APIs count as removed. */
  kubernetesVersion: string;
  /** Kubernetes kind groups whose checks are off (e.g. "workload", "service"). */
  disabledKinds: KindGroup[];
  /** Codes of the checks across files that are off (e.g. "multus/unknown-network"). */
  disabledChecks: string[];
  /** The cluster's Service CIDR, which pod networks must not overlap. */
  serviceCidr: string;
}

/** The newest Kubernetes minor version whose API rules the service knows. */
export const newestKubernetesVersion = '1.36';

export const defaultSettings: ServiceSettings = {
  maxFileSize: 5_000_000, validate: true, kubernetesVersion: newestKubernetesVersion, disabledKinds: [],
  disabledChecks: defaultCrossCheckSettings.disabled, serviceCidr: defaultCrossCheckSettings.serviceCidr,
};

/** Syntax errors beyond this count add nothing but noise (a binary file would give thousands). */
const maxSyntaxFindings = 100;

export interface LanguageService {
  configure(settings: Partial<ServiceSettings>): void;
  validate(doc: TextDocument): Diagnostic[];
  complete(doc: TextDocument, position: Position): CompletionItem[];
  hover(doc: TextDocument, position: Position): Hover | null;
  codeActions(doc: TextDocument, range: Range, only?: string[]): CodeAction[];
  symbols(doc: TextDocument): DocumentSymbol[];
  /** Forget cached results for a closed document. */
  forget(uri: string): void;
  /** Adds or refreshes a file of the workspace that is not open (read from disk). */
  indexFile(uri: string, text: string): void;
  /** Drops a deleted file from the workspace. */
  removeFile(uri: string): void;
  /** The files the workspace index holds (open ones included). */
  indexedFiles(): string[];
  /** Diagnostics of many files at once, checks across them included (the CLI). */
  validateAll(docs: TextDocument[]): Map<string, Diagnostic[]>;
  /** The file's own diagnostics and what the index needs of it, without the checks across files. */
  prepare(doc: TextDocument): { diagnostics: Diagnostic[]; entry: IndexEntry };
  /** Adds what another service's `prepare` found (the CLI prepares files in worker threads). */
  addIndexEntry(uri: string, entry: IndexEntry): void;
  /** Only the diagnostics of the checks across files. */
  crossDiagnostics(doc: TextDocument): Diagnostic[];
  definition(doc: TextDocument, position: Position): Location[];
  references(doc: TextDocument, position: Position): Location[];
  workspaceSymbols(query: string): SymbolInformation[];
  /** Changes whenever the workspace index does, so callers know when to refresh diagnostics. */
  readonly workspaceVersion: number;
  /** Changes with the settings that decide what the index holds of a file: files on disk must be read again. */
  readonly indexSettings: string;
}

export function createLanguageService(initial: Partial<ServiceSettings> = {}): LanguageService {
  let settings: ServiceSettings = { ...defaultSettings, ...initial };
  const registry = new SchemaRegistry();
  const services = { cni: registry, k8s: new K8sRegistry() };
  const cache = new Map<string, { version: number; text: string; result: Analysis }>();
  const k8sSettings = () => ({ kubernetesVersion: settings.kubernetesVersion, disabledGroups: settings.disabledKinds });
  /** What the index holds of a file depends on these settings only. */
  const indexSettings = () => JSON.stringify(k8sSettings());
  // Files that are not open are summarised without keeping their analyses (a large workspace would not fit).
  const workspace = new Workspace((text) => summarizeYaml(text, services, k8sSettings()));

  type Analysis =
    | { kind: 'cni'; analysis: CniAnalysis }
    | { kind: 'yaml'; analysis: YamlAnalysis }
    | { kind: 'skipped'; findings: Finding[] }
    | { kind: 'none' };

  function analyze(doc: TextDocument): Analysis {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.text === doc.getText()) return hit.result;
    const result = compute(doc, hit?.result);
    cache.delete(doc.uri);
    cache.set(doc.uri, { version: doc.version, text: doc.getText(), result });
    if (cache.size > 500) cache.delete(cache.keys().next().value!);
    return result;
  }

  function compute(doc: TextDocument, previous?: Analysis): Analysis {
    const kind = documentKind(doc.uri, doc.languageId);
    if (kind.language === 'none') return { kind: 'none' };
    const text = doc.getText();
    const skipped = skipReason(text, settings);
    if (skipped) return { kind: 'skipped', findings: [skipped] };
    if (kind.language === 'yaml') return { kind: 'yaml', analysis: analyzeYaml(text, services, k8sSettings(), previous?.kind === 'yaml' ? previous.analysis : undefined) };
    return { kind: 'cni', analysis: analyzeCni(text, registry, { shape: kind.shape }) };
  }

  function findingsOf(result: Analysis): Finding[] {
    if (result.kind === 'skipped') return result.findings;
    if (result.kind === 'yaml') return result.analysis.findings;
    if (result.kind !== 'cni') return [];
    const syntax = result.analysis.findings.filter((f) => f.code === 'cni/json-syntax');
    if (syntax.length <= maxSyntaxFindings) return result.analysis.findings;
    return [...syntax.slice(0, maxSyntaxFindings), ...result.analysis.findings.filter((f) => f.code !== 'cni/json-syntax')];
  }

  /** The analysis each open file was last indexed from: requests on an unchanged file skip re-indexing it. */
  const indexedFrom = new Map<string, Analysis>();

  /** Keeps the index in step with an open document, from the analysis already made for it. */
  function indexOpen(doc: TextDocument, result: Analysis): void {
    if (indexedFrom.get(doc.uri) === result) return;
    indexedFrom.set(doc.uri, result);
    indexAnalysed(doc, result, true);
  }

  /** Indexes a file from its analysis: `open` for an editor's text, else a file read once (the CLI). */
  function indexAnalysed(doc: TextDocument, result: Analysis, open: boolean): void {
    if (result.kind === 'skipped') return workspace.remove(doc.uri);
    const summaries = result.kind === 'yaml' ? result.analysis.docs : undefined;
    workspace.update(doc.uri, doc.getText(), { languageId: doc.languageId, summaries, open });
  }

  function allFindings(doc: TextDocument): Finding[] {
    const result = analyze(doc);
    indexOpen(doc, result);
    const crossSettings = { disabled: settings.disabledChecks, serviceCidr: settings.serviceCidr };
    const cross = workspace.findings(doc.uri, crossSettings);
    return cross.length ? [...findingsOf(result), ...cross].sort((a, b) => a.start - b.start || a.end - b.end) : findingsOf(result);
  }

  return {
    configure(next) {
      const before = indexSettings();
      settings = { ...settings, ...next };
      cache.clear();
      indexedFrom.clear();
      if (indexSettings() !== before) workspace.settingsChanged();
    },
    validate(doc) {
      if (!settings.validate) return [];
      return allFindings(doc).map((f) => toDiagnostic(doc, f));
    },
    validateAll(docs) {
      const own = new Map(docs.map((doc) => [doc.uri, this.prepare(doc).diagnostics]));
      return new Map(docs.map((doc) => [doc.uri, settings.validate ? sortByRange([...own.get(doc.uri)!, ...this.crossDiagnostics(doc)]) : []]));
    },
    prepare(doc) {
      // One analysis per file: keep its diagnostics (not its model, nor its text) and index it.
      const result = analyze(doc);
      indexAnalysed(doc, result, false);
      cache.delete(doc.uri);
      indexedFrom.delete(doc.uri);
      return { diagnostics: settings.validate ? findingsOf(result).map((f) => toDiagnostic(doc, f)) : [], entry: workspace.entryFor(doc.uri) };
    },
    addIndexEntry(uri, entry) {
      workspace.setEntry(uri, entry);
    },
    crossDiagnostics(doc) {
      const crossSettings = { disabled: settings.disabledChecks, serviceCidr: settings.serviceCidr };
      return settings.validate ? workspace.findings(doc.uri, crossSettings).map((f) => toDiagnostic(doc, f)) : [];
    },
    indexFile(uri, text) {
      indexedFrom.delete(uri);
      if (skipReason(text, settings)) workspace.remove(uri);
      else workspace.update(uri, text);
    },
    removeFile(uri) {
      indexedFrom.delete(uri);
      workspace.remove(uri);
    },
    indexedFiles() {
      return workspace.uris();
    },
    get workspaceVersion() {
      return workspace.index.version;
    },
    get indexSettings() {
      return indexSettings();
    },
    definition(doc, position) {
      indexOpen(doc, analyze(doc));
      return workspace.definition(doc.uri, doc.offsetAt(position));
    },
    references(doc, position) {
      indexOpen(doc, analyze(doc));
      return workspace.references(doc.uri, doc.offsetAt(position));
    },
    workspaceSymbols(query) {
      return workspace.symbols(query);
    },
    complete(doc, position) {
      const result = analyze(doc);
      const offset = doc.offsetAt(position);
      if (result.kind === 'yaml') indexOpen(doc, result);
      const items = result.kind === 'cni' ? completeCni(result.analysis, offset, registry)
        : result.kind === 'yaml' ? completeYamlEmbedded(result.analysis, offset, services, workspace.index)
          ?? completeNetworkNames(result.analysis, offset, workspace.index) ?? completeYamlK8s(result.analysis, offset, services)
        : [];
      return items.map((c) => toCompletionItem(doc, c));
    },
    hover(doc, position) {
      const result = analyze(doc);
      const offset = doc.offsetAt(position);
      const selectorHover = (at: number) => {
        const found = workspace.selectorHover(doc.uri, at);
        return found && { start: found.span.start, end: found.span.end, markdown: found.markdown };
      };
      if (result.kind === 'yaml') indexOpen(doc, result);
      let hover = result.kind === 'cni' ? hoverCni(result.analysis, offset, registry)
        : result.kind === 'yaml' ? hoverYaml(result.analysis, offset, services)
        : undefined;
      const selected = result.kind === 'yaml' ? selectorHover(offset) : undefined;
      if (selected) hover = hover ? { ...hover, markdown: `${selected.markdown}\n\n---\n\n${hover.markdown}` } : selected;
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(doc, hover.start, hover.end) } : null;
    },
    codeActions(doc, range, only) {
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const start = doc.offsetAt(range.start);
      const end = doc.offsetAt(range.end);
      const edit = (edits: { start: number; end: number; newText: string }[]) =>
        ({ changes: { [doc.uri]: edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText })) } });
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        const touching = allFindings(doc).filter((f) => f.fixes && f.start <= end && f.end >= start);
        actions.push(...touching.flatMap((f) => f.fixes!.map((fix): CodeAction => ({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(doc, f)],
          isPreferred: fix.preferred,
          edit: edit(fix.edits),
        }))));
      }
      const result = analyze(doc);
      if (wants(CodeActionKind.RefactorRewrite) && result.kind === 'yaml') {
        indexOpen(doc, result);
        for (const action of scaffoldActions(doc.getText(), result.analysis, start, workspace.index)) {
          actions.push({ title: action.title, kind: CodeActionKind.RefactorRewrite, edit: edit(action.edits) });
        }
      }
      return actions;
    },
    symbols(doc) {
      const result = analyze(doc);
      if (result.kind === 'yaml') {
        return outlineYaml(result.analysis).map((s) => toSymbol(doc, { ...s, kind: 'resource', children: [] }));
      }
      return result.kind === 'cni' ? outlineCni(result.analysis).map((s) => toSymbol(doc, s)) : [];
    },
    forget(uri) {
      cache.delete(uri);
      indexedFrom.delete(uri);
    },
  };
}

function sortByRange(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
  return diagnostics.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3];
  });
}

function skipReason(text: string, settings: ServiceSettings): Finding | undefined {
  if (text.length > settings.maxFileSize) {
    return { start: 0, end: 0, severity: 'info', code: 'cnikit/file-too-large',
      message: `This file has ${text.length} characters, more than the limit of ${settings.maxFileSize} (setting cnikit.validate.maxFileSize), so CNIKit does not validate it.` };
  }
  if (text.slice(0, 8192).includes('\u0000')) {
    return { start: 0, end: 0, severity: 'error', code: 'cnikit/binary-file', message: 'This file contains NUL bytes: it looks binary, not like a JSON or YAML config.' };
  }
  return undefined;
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

function toRange(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const diagnostic: Diagnostic = { range: toRange(doc, f.start, f.end), severity: severities[f.severity], code: f.code, source: 'cnikit', message: f.message };
  if (f.tags) diagnostic.tags = f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  return diagnostic;
}

const completionKinds: Record<Completion['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property, value: CompletionItemKind.Value, plugin: CompletionItemKind.Module, snippet: CompletionItemKind.Snippet,
};

function toCompletionItem(doc: TextDocument, c: Completion): CompletionItem {
  return {
    label: c.label,
    kind: completionKinds[c.kind],
    detail: c.detail,
    documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
    textEdit: { range: toRange(doc, c.start, c.end), newText: c.insertText },
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    filterText: c.filterText,
    sortText: c.sortText,
  };
}

const symbolKinds: Record<OutlineSymbol['kind'] | 'resource', SymbolKind> = {
  network: SymbolKind.Namespace, plugin: SymbolKind.Module, ipam: SymbolKind.Object, resource: SymbolKind.Class,
};

function toSymbol(doc: TextDocument, s: Omit<OutlineSymbol, 'kind' | 'children' | 'detail'> & { kind: OutlineSymbol['kind'] | 'resource'; detail?: string; children: OutlineSymbol[] }): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: symbolKinds[s.kind],
    range: toRange(doc, s.start, s.end),
    selectionRange: toRange(doc, s.selectionStart, s.selectionEnd),
    children: s.children.map((c) => toSymbol(doc, c)),
  };
}

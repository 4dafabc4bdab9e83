// Test helpers for scaffolds: lint generated files with the core language service the way
// `cnikit lint` does (all files of one scaffold together, so the checks across files run too),
// and apply offset-based edits.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/core';

export interface LintedFile {
  path: string;
  content: string;
}

/** "path:line code message" for every error and warning; infos and hints are allowed. */
export function problemsOf(files: readonly LintedFile[], folder = 'ws'): string[] {
  const service = createLanguageService();
  const docs = files.map((f) => TextDocument.create(`file:///${folder}/${f.path}`, languageOf(f.path), 1, f.content));
  const results = service.validateAll(docs);
  return docs.flatMap((doc, i) => (results.get(doc.uri) ?? [])
    .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
    .map((d) => `${files[i].path}:${d.range.start.line + 1} ${d.code} ${d.message}`));
}

function languageOf(path: string): string {
  if (path.endsWith('.conflist') || path.endsWith('.conf')) return 'cni';
  if (path.endsWith('.json')) return 'json';
  return 'yaml';
}

export function applyOffsetEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

// `cnikit lint`: the same core the editor uses, over files and folders.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { createLanguageService, documentKind, type Severity } from '../core';
import { collectFiles } from './files';
import type { LintDiagnostic } from './formatters';

const severityNames: Record<number, Severity> = {
  [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint',
};

export function lintPaths(paths: string[]): LintDiagnostic[] {
  const service = createLanguageService();
  const files = collectFiles(paths);
  const docs = files.map((file) => {
    const uri = pathToFileURL(resolve(file.path)).toString();
    const languageId = documentKind(uri).language === 'cni' ? 'cni' : 'yaml';
    return { file, doc: TextDocument.create(uri, languageId, 1, file.text) };
  });
  // All files at once, so that the checks across files see the whole set.
  const byUri = service.validateAll(docs.map((d) => d.doc));
  return docs.flatMap(({ file, doc }) => (byUri.get(doc.uri) ?? []).map((d) => ({
    file: file.path,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: severityNames[d.severity ?? DiagnosticSeverity.Error],
    code: String(d.code),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  })));
}

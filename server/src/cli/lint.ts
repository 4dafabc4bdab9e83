// `cnikit lint`: the same core the editor uses, over files and folders. Large sets are prepared
// in worker threads (one per core), then checked across files on the main thread.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, documentKind, type IndexEntry, type Severity } from '../core';
import { collectFiles, type SourceFile } from './files';
import type { LintDiagnostic } from './formatters';

/** Below this many files a worker's start-up costs more than it saves. */
const filesPerWorkerAtLeast = 250;

const severityNames: Record<number, Severity> = {
  [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint',
};

export interface Prepared {
  uri: string;
  diagnostics: Diagnostic[];
  entry: IndexEntry;
}

export function toDocument(file: SourceFile): TextDocument {
  const uri = pathToFileURL(resolve(file.path)).toString();
  return TextDocument.create(uri, documentKind(uri).language === 'cni' ? 'cni' : 'yaml', 1, file.text);
}

/** The per-file half of linting (runs in a worker for large sets). */
export function prepareFiles(files: SourceFile[]): Prepared[] {
  const service = createLanguageService();
  return files.map((file) => {
    const doc = toDocument(file);
    return { uri: doc.uri, ...service.prepare(doc) };
  });
}

export async function lintPaths(paths: string[]): Promise<LintDiagnostic[]> {
  const files = collectFiles(paths);
  const workers = Math.min(availableParallelism(), Math.floor(files.length / filesPerWorkerAtLeast), 4);
  const prepared = workers > 1 ? await prepareInWorkers(files, workers) : prepareFiles(files);
  // The checks across files need every file's index entry in one place.
  const service = createLanguageService();
  for (const p of prepared) service.addIndexEntry(p.uri, p.entry);
  return files.flatMap((file, i) => {
    const doc = toDocument(file);
    const all = [...prepared[i].diagnostics, ...service.crossDiagnostics(doc)];
    all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return all.map((d) => toLint(file.path, d));
  });
}

function prepareInWorkers(files: SourceFile[], count: number): Promise<Prepared[]> {
  const size = Math.ceil(files.length / count);
  const chunks = Array.from({ length: count }, (_, i) => files.slice(i * size, (i + 1) * size));
  return Promise.all(chunks.map((chunk) => new Promise<Prepared[]>((done, fail) => {
    // The CLI bundle is its own worker script (see main.ts).
    const worker = new Worker(__filename, { workerData: { cnikitLintChunk: chunk } });
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => code !== 0 && fail(new Error(`a lint worker stopped with exit code ${code}`)));
  }))).then((parts) => parts.flat());
}

function toLint(file: string, d: Diagnostic): LintDiagnostic {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: severityNames[d.severity ?? DiagnosticSeverity.Error],
    code: String(d.code),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  };
}

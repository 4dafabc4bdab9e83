// `cnikit lint`: the same core the editor uses, over files and folders. Large sets are prepared
// by the main thread and worker threads together (one thread per core), then checked across files
// on the main thread.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, documentKind, type IndexEntry, type LanguageService, type Severity } from '../core';
import { collectFiles, type SourceFile } from './files';
import type { LintDiagnostic } from './formatters';

/** Below this many files per thread a worker's start-up costs more than it saves. */
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

/** The per-file half of linting (the main thread and worker threads run it). */
export function prepareFiles(files: SourceFile[]): Prepared[] {
  const service = createLanguageService();
  return files.map((file) => prepareFile(service, file));
}

function prepareFile(service: LanguageService, file: SourceFile): Prepared {
  const doc = toDocument(file);
  return { uri: doc.uri, ...service.prepare(doc) };
}

/** Files a thread takes at a time: small, so that no thread is left working alone at the end. */
const filesPerChunk = 50;

/**
 * Takes chunks of `files` until none are left, counting them on `next`, a counter the main thread
 * and the workers share. A worker still starting up leaves its share to the others instead of
 * holding it up. Returns each chunk taken with its index.
 */
export function takeChunks(files: SourceFile[], next: Int32Array): [number, Prepared[]][] {
  const service = createLanguageService();
  const taken: [number, Prepared[]][] = [];
  for (let chunk = Atomics.add(next, 0, 1); chunk * filesPerChunk < files.length; chunk = Atomics.add(next, 0, 1)) {
    taken.push([chunk, files.slice(chunk * filesPerChunk, (chunk + 1) * filesPerChunk).map((file) => prepareFile(service, file))]);
  }
  return taken;
}

export async function lintPaths(paths: string[]): Promise<LintDiagnostic[]> {
  const files = collectFiles(paths);
  const prepared = await prepareAll(files);
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

/** The main thread works too, with one worker per further core (up to 3) when the files are many. */
async function prepareAll(files: SourceFile[]): Promise<Prepared[]> {
  const workers = Math.min(availableParallelism() - 1, Math.floor(files.length / filesPerWorkerAtLeast) - 1, 3);
  if (workers < 1) return prepareFiles(files);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const started = Array.from({ length: workers }, () => runWorker(files, next));
  const chunks = takeChunks(files, next);
  for (const more of await Promise.all(started)) chunks.push(...more);
  chunks.sort((a, b) => a[0] - b[0]);
  return chunks.flatMap(([, prepared]) => prepared);
}

function runWorker(files: SourceFile[], next: Int32Array): Promise<[number, Prepared[]][]> {
  return new Promise((done, fail) => {
    // The CLI bundle is its own worker script (see main.ts).
    const worker = new Worker(__filename, { workerData: { cnikitLint: { files, next } } });
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => code !== 0 && fail(new Error(`a lint worker stopped with exit code ${code}`)));
  });
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

// The measured LSP sessions. One session = one fresh server process.
//  - fileSession: start → initialize; open the 500-document file → first diagnostics; resident
//    memory; one-character edits → their diagnostics; completion and hover at probe positions.
//  - largeSession: open the 2,000-document file → first diagnostics; resident memory.
//  - workspaceSession (CNIKit): index the manifest folder; re-index after one file changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { FileWorkload, FolderWorkload } from './workloads';
import { LspSession, sleep, type ServerSpec } from './lspClient';
import type { Edit, Probe } from './probes';

export interface FileSessionOptions { edits: Edit[]; probes: Probe[]; openTimeoutMs: number; editTimeoutMs: number; requestTimeoutMs: number }

export interface FileSessionResult {
  server: string;
  startMs?: number;
  openMs?: number;
  diagnostics?: number;
  seededFound?: number;
  seededTotal: number;
  /** Whether the first seeded mistake (a Service port out of range) was reported. */
  firstSeededFound?: boolean;
  rssOpenMB?: number;
  editMs: number[];
  completionMs: number[];
  /** Latencies of the answers that held at least one item. */
  completionAnsweredMs: number[];
  completionEmpty: number;
  hoverMs: number[];
  hoverAnsweredMs: number[];
  hoverEmpty: number;
  errors: string[];
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Mistakes reported: a diagnostic starting within two lines of the seeded line. */
function seeded(workload: FileWorkload, diagnostics: { range: { start: { line: number } } }[]) {
  const lines = diagnostics.map((d) => d.range.start.line);
  const hit = (line: number) => lines.some((l) => Math.abs(l - line) <= 2);
  return { found: workload.mistakes.filter((m) => hit(m.line)).length, first: workload.mistakes.length ? hit(workload.mistakes[0].line) : undefined };
}

/** Configures the server, opens the file, and times didOpen → its first diagnostics. */
async function openFirst(session: LspSession, uri: string, text: string, timeoutMs: number) {
  await session.configure();
  const mark = session.mark();
  const sent = performance.now();
  await session.open(uri, text, 1);
  const first = await session.diagnostics(uri, mark, 1, timeoutMs);
  return { openMs: first.at - sent, diagnostics: first.diagnostics };
}

export async function fileSession(spec: ServerSpec, workload: FileWorkload, options: FileSessionOptions): Promise<FileSessionResult> {
  const result: FileSessionResult = {
    server: spec.name, seededTotal: workload.mistakes.length, editMs: [], completionMs: [], completionAnsweredMs: [], completionEmpty: 0, hoverMs: [], hoverAnsweredMs: [], hoverEmpty: 0, errors: [],
  };
  const uri = pathToFileURL(workload.path).toString();
  let session: LspSession | undefined;
  try {
    session = await LspSession.start(spec);
    result.startMs = session.startMs;
    const first = await openFirst(session, uri, workload.text, options.openTimeoutMs);
    result.openMs = first.openMs;
    result.diagnostics = first.diagnostics.length;
    const found = seeded(workload, first.diagnostics);
    result.seededFound = found.found;
    result.firstSeededFound = found.first;
    await session.settle(300);
    result.rssOpenMB = session.rssMB();

    let version = 1;
    for (const edit of options.edits) {
      try {
        version++;
        const before = session.mark();
        const t = performance.now();
        await session.change(uri, version, edit.range, edit.text);
        const publish = await session.diagnostics(uri, before, version, options.editTimeoutMs);
        result.editMs.push(publish.at - t);
      } catch (error) {
        result.errors.push(`edit at line ${edit.line + 1}: ${message(error)}`);
      }
      await session.settle(300);
    }

    for (const probe of options.probes) {
      const position = { line: probe.line, character: probe.character };
      try {
        const { ms, result: items } = await session.request<unknown>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } }, options.requestTimeoutMs);
        result.completionMs.push(ms);
        const list = Array.isArray(items) ? items : (items as { items?: unknown[] } | null)?.items;
        if (!list || list.length === 0) result.completionEmpty++;
        else result.completionAnsweredMs.push(ms);
      } catch (error) {
        result.errors.push(`completion at ${probe.line + 1}:${probe.character + 1}: ${message(error)}`);
      }
      try {
        const { ms, result: hover } = await session.request<unknown>('textDocument/hover', { textDocument: { uri }, position }, options.requestTimeoutMs);
        result.hoverMs.push(ms);
        if (!hover) result.hoverEmpty++;
        else result.hoverAnsweredMs.push(ms);
      } catch (error) {
        result.errors.push(`hover at ${probe.line + 1}:${probe.character + 1}: ${message(error)}`);
      }
    }
  } catch (error) {
    result.errors.push(message(error));
  } finally {
    await session?.stop().catch(() => undefined);
  }
  return result;
}

export interface LargeSessionResult { server: string; startMs?: number; openMs?: number; diagnostics?: number; rssMB?: number; errors: string[] }

export async function largeSession(spec: ServerSpec, workload: FileWorkload, openTimeoutMs: number): Promise<LargeSessionResult> {
  const result: LargeSessionResult = { server: spec.name, errors: [] };
  const uri = pathToFileURL(workload.path).toString();
  let session: LspSession | undefined;
  try {
    session = await LspSession.start(spec);
    result.startMs = session.startMs;
    const first = await openFirst(session, uri, workload.text, openTimeoutMs);
    result.openMs = first.openMs;
    result.diagnostics = first.diagnostics.length;
    await session.settle(500);
    await sleep(500);
    result.rssMB = session.rssMB();
  } catch (error) {
    result.errors.push(message(error));
  } finally {
    await session?.stop().catch(() => undefined);
  }
  return result;
}

export interface WorkspaceSessionResult {
  server: string;
  /** From `initialized` to the server's "indexed N files" log message. */
  initialMs?: number;
  /** The duration the server itself reports. */
  reportedMs?: number;
  files?: number;
  updateMs: number[];
  rssMB?: number;
  errors: string[];
}

/**
 * CNIKit with the manifest folder as its workspace. Initial: `initialized` → the server's log line
 * "indexed N files of the workspace in M ms". Update: with an Ingress of the folder open, the
 * Service it routes to is changed on disk (its port renamed, then back) and the client sends
 * workspace/didChangeWatchedFiles; timed until the open Ingress's diagnostics are re-published.
 */
export async function workspaceSession(spec: ServerSpec, folder: FolderWorkload, updates: number, indexTimeoutMs: number): Promise<WorkspaceSessionResult> {
  const result: WorkspaceSessionResult = { server: spec.name, updateMs: [], errors: [] };
  const folderUri = pathToFileURL(folder.path).toString();
  const serviceText = readFileSync(folder.probe.service, 'utf8');
  let session: LspSession | undefined;
  try {
    session = await LspSession.start(spec, { rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'bench' }] });
    const initializedAt = performance.now();
    const { match, at } = await session.waitForLog(/indexed (\d+) files of the workspace in (\d+) ms/, indexTimeoutMs);
    result.initialMs = at - initializedAt;
    result.files = Number(match[1]);
    result.reportedMs = Number(match[2]);
    await session.settle(300);
    result.rssMB = session.rssMB();

    const ingressUri = pathToFileURL(folder.probe.ingress).toString();
    const mark = session.mark();
    await session.open(ingressUri, readFileSync(folder.probe.ingress, 'utf8'), 1);
    await session.diagnostics(ingressUri, mark, 1, 30_000);
    await session.settle(300);

    const serviceAt = serviceText.indexOf('kind: Service');
    const renamed = serviceText.slice(0, serviceAt) + serviceText.slice(serviceAt).replace(new RegExp(`^(\\s+- name: )${folder.probe.portName}$`, 'm'), `$1${folder.probe.portName}z`);
    if (renamed === serviceText) throw new Error(`the probe Service has no port named ${folder.probe.portName}`);
    const serviceUri = pathToFileURL(folder.probe.service).toString();
    for (let i = 0; i < updates; i++) {
      try {
        writeFileSync(folder.probe.service, i % 2 === 0 ? renamed : serviceText);
        const before = session.mark();
        const t = performance.now();
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: serviceUri, type: 2 }] });
        const publish = await session.diagnostics(ingressUri, before, undefined, 10_000);
        result.updateMs.push(publish.at - t);
      } catch (error) {
        result.errors.push(`index update ${i + 1}: ${message(error)}`);
      }
      await session.settle(300);
    }
  } catch (error) {
    result.errors.push(message(error));
  } finally {
    writeFileSync(folder.probe.service, serviceText);
    await session?.stop().catch(() => undefined);
  }
  return result;
}

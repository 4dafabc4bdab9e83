// Starts the bundled server (`node dist/server.js --stdio`, with the node options the extension gives it) and speaks real LSP to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { serverNodeOptions } from '../../server/src/node/nodeOptions';

export interface TestServer {
  connection: MessageConnection;
  process: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  change(uri: string, version: number, text: string): void;
  stop(): Promise<void>;
  stderr(): string;
  /** The server's answer to `initialize`. */
  capabilities: Record<string, unknown>;
}

/**
 * `configuration` answers the server's workspace/configuration requests by section (empty objects
 * otherwise); `env` adds to the server's environment.
 */
export async function startServer(initializationOptions?: object, workspaceFolders?: { uri: string; name: string }[], configuration: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [...serverNodeOptions, 'dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; version?: number; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const i = waiting.findIndex((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version));
    if (i >= 0) waiting.splice(i, 1)[0].resolve(params.diagnostics);
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => configuration[item.section ?? ''] ?? {}));
  connection.onNotification('window/logMessage', () => {});
  connection.listen();
  const init: any = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, initializationOptions, workspaceFolders: workspaceFolders ?? null });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    diagnostics: (uri, version) => new Promise((resolve) => waiting.push({ uri, version, resolve })),
    open: (uri, text, languageId = 'cni', version = 1) =>
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } }),
    change: (uri, version, text) =>
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    },
    stderr: () => stderr,
    capabilities: init.capabilities,
  };
}

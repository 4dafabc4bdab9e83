// A minimal LSP client for any language server over stdio, built for timing: every wait is
// bounded by a timeout (a slow server fails the measure instead of hanging the benchmark), and
// messages are time-stamped as they arrive.
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { residentMB, track } from './processes';

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  languageId: string;
  /** Settings pushed with workspace/didChangeConfiguration. */
  settings: Record<string, unknown>;
  /** Answers one item of a workspace/configuration request (section such as "yaml" or "[yaml]"). */
  configuration(section: string | undefined): unknown;
  /** The configuration section whose first pull means the server has read its settings. */
  configuredSection: string;
}

export class TimeoutError extends Error {}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface Publish {
  seq: number;
  at: number;
  version?: number;
  diagnostics: { range: { start: { line: number } }; message: string; severity?: number; source?: string; code?: unknown }[];
}

interface Waiter {
  uri: string;
  afterSeq: number;
  version?: number;
  resolve: (p: Publish) => void;
}

export interface StartOptions {
  rootUri?: string | null;
  workspaceFolders?: { uri: string; name: string }[] | null;
  extraArgs?: string[];
  timeoutMs?: number;
}

export class LspSession {
  readonly connection: MessageConnection;
  readonly logs: { at: number; message: string }[] = [];
  /** Milliseconds from spawn to the answer of `initialize`. */
  startMs = NaN;
  private seq = 0;
  private readonly publishes = new Map<string, Publish[]>();
  private waiters: Waiter[] = [];
  private readonly configPulls: { at: number; sections: (string | undefined)[] }[] = [];
  private logWaiters: { pattern: RegExp; resolve: (m: LogMatch) => void }[] = [];
  private stderrText = '';

  private constructor(readonly spec: ServerSpec, readonly child: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (chunk) => {
      this.stderrText += chunk;
      if (this.stderrText.length > 200_000) this.stderrText = this.stderrText.slice(-100_000);
    });
    this.connection.onNotification((method: string, params: any) => {
      const at = performance.now();
      if (method === 'textDocument/publishDiagnostics') this.onPublish(params, at);
      else if (method === 'window/logMessage' || method === 'window/showMessage') this.onLog(String(params?.message ?? ''), at);
    });
    this.connection.onRequest((method: string, params: any) => {
      switch (method) {
        case 'workspace/configuration': {
          const items: { section?: string }[] = params?.items ?? [];
          this.configPulls.push({ at: performance.now(), sections: items.map((i) => i.section) });
          return items.map((item) => spec.configuration(item.section) ?? null);
        }
        case 'workspace/workspaceFolders':
          return null;
        default:
          // client/registerCapability, window/workDoneProgress/create, refresh requests, ...
          return null;
      }
    });
    this.connection.onError(() => undefined);
    this.connection.onClose(() => undefined);
    this.connection.listen();
  }

  static async start(spec: ServerSpec, options: StartOptions = {}): Promise<LspSession> {
    const spawned = performance.now();
    const child = track(spawn(spec.command, [...(options.extraArgs ?? []), ...spec.args], {
      cwd: spec.cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' },
    }));
    const session = new LspSession(spec, child);
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${spec.name} exited (${code}) during start: ${session.stderr().slice(-2000)}`))));
    exited.catch(() => undefined);
    await withTimeout(Promise.race([session.connection.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'cnikit-bench', version: '1' },
      locale: 'en',
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: clientCapabilities,
      trace: 'off',
    }), exited]), options.timeoutMs ?? 30_000, `${spec.name} initialize`);
    session.startMs = performance.now() - spawned;
    await session.connection.sendNotification('initialized', {});
    return session;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  stderr(): string {
    return this.stderrText;
  }

  rssMB(): number | undefined {
    return residentMB(this.child.pid);
  }

  /** Pushes the settings and waits until the server has pulled its section (then a short quiet). */
  async configure(timeoutMs = 10_000): Promise<void> {
    const before = this.configPulls.length;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.spec.settings });
    const deadline = performance.now() + timeoutMs;
    const pulled = () => this.configPulls.slice(before).some((p) => p.sections.includes(this.spec.configuredSection));
    while (!pulled()) {
      if (performance.now() > deadline) throw new TimeoutError(`${this.spec.name} never asked for its "${this.spec.configuredSection}" settings`);
      await sleep(10);
    }
    await sleep(150); // let the server apply what it pulled
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.spec.languageId, version, text } });
  }

  change(uri: string, version: number, range: Range, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** How many diagnostics publishes were seen so far (mark before a change, wait for one after). */
  mark(): number {
    return this.seq;
  }

  /**
   * The first publish for `uri` after `afterSeq`. When the server sends versions, it must match
   * `version`; a server that sends none is answered by its next publish.
   */
  diagnostics(uri: string, afterSeq: number, version: number | undefined, timeoutMs: number): Promise<Publish> {
    const found = (this.publishes.get(uri) ?? []).find((p) => p.seq > afterSeq && matches(p, version));
    if (found) return Promise.resolve(found);
    const promise = new Promise<Publish>((resolve) => this.waiters.push({ uri, afterSeq, version, resolve }));
    return withTimeout(promise, timeoutMs, `${this.spec.name} diagnostics for ${short(uri)}${version === undefined ? '' : ` v${version}`}`);
  }

  /** Waits until no diagnostics arrived for `quietMs` (at most `maxMs`). */
  async settle(quietMs = 250, maxMs = 15_000): Promise<void> {
    const start = performance.now();
    for (;;) {
      const last = this.lastPublishAt();
      const now = performance.now();
      if (now - Math.max(last, start) >= quietMs || now - start >= maxMs) return;
      await sleep(Math.min(50, quietMs));
    }
  }

  lastPublishAt(): number {
    let last = 0;
    for (const list of this.publishes.values()) if (list.length) last = Math.max(last, list[list.length - 1].at);
    return last;
  }

  async request<T>(method: string, params: unknown, timeoutMs: number): Promise<{ ms: number; result: T }> {
    const started = performance.now();
    const result = await withTimeout(this.connection.sendRequest<T>(method, params), timeoutMs, `${this.spec.name} ${method}`);
    return { ms: performance.now() - started, result };
  }

  /** Resolves with the first log message (window/logMessage) matching `pattern`, also one already seen. */
  waitForLog(pattern: RegExp, timeoutMs: number): Promise<LogMatch> {
    for (const log of this.logs) {
      const match = pattern.exec(log.message);
      if (match) return Promise.resolve({ match, at: log.at });
    }
    const promise = new Promise<LogMatch>((resolve) => this.logWaiters.push({ pattern, resolve }));
    return withTimeout(promise, timeoutMs, `${this.spec.name} log ${pattern}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      try {
        await withTimeout(this.connection.sendRequest('shutdown'), 5_000, 'shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // fall through to the kill below
      }
      await withTimeout(exited, 5_000, 'exit').catch(() => this.child.kill('SIGKILL'));
    }
    this.connection.dispose();
  }

  private onPublish(params: { uri: string; version?: number; diagnostics: Publish['diagnostics'] }, at: number): void {
    const publish: Publish = { seq: ++this.seq, at, version: params.version ?? undefined, diagnostics: params.diagnostics };
    const list = this.publishes.get(params.uri) ?? [];
    list.push(publish);
    if (list.length > 50) list.splice(0, list.length - 50);
    this.publishes.set(params.uri, list);
    const ready = this.waiters.filter((w) => w.uri === params.uri && publish.seq > w.afterSeq && matches(publish, w.version));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(publish);
  }

  private onLog(message: string, at: number): void {
    this.logs.push({ at, message });
    if (this.logs.length > 500) this.logs.shift();
    const still: typeof this.logWaiters = [];
    for (const w of this.logWaiters) {
      const match = w.pattern.exec(message);
      if (match) w.resolve({ match, at });
      else still.push(w);
    }
    this.logWaiters = still;
  }
}

export interface LogMatch { match: RegExpExecArray; at: number }
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

const matches = (p: Publish, version: number | undefined) => version === undefined || p.version === undefined || p.version === version;
const short = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const clientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: false },
    didChangeWatchedFiles: { dynamicRegistration: false },
    symbol: { dynamicRegistration: false },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true, willSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    completion: {
      dynamicRegistration: false,
      contextSupport: true,
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertReplaceSupport: true, labelDetailsSupport: true },
    },
    hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
    codeAction: { dynamicRegistration: false },
    documentSymbol: { dynamicRegistration: false, hierarchicalDocumentSymbolSupport: true },
    definition: { dynamicRegistration: false },
    references: { dynamicRegistration: false },
  },
  window: { workDoneProgress: false },
};

// Runs the bundled CLI (`dist/cli.js try --format json`) on a document's current text, so that the
// editor and `cnikit try` share one core and the sandbox's own cleanup (on errors, SIGINT and
// SIGTERM) covers editor runs too. The text goes to a private temp folder that is removed after.
// No `vscode` import: cancellation is an AbortSignal, so this is tested against the real CLI.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTryOutput, type TryJson } from './report';

export interface TryRequest {
  /** Absolute path of dist/cli.js. */
  cliPath: string;
  /** The document's current text. */
  text: string;
  /** Its file name; YAML names make the CLI read NetworkAttachmentDefinitions. */
  fileName: string;
  /** Which document of a YAML file (1-based). */
  document?: number;
  cniPath: string[];
  signal?: AbortSignal;
  /** Node to run the CLI with (default: this process's, which in the extension host is Node). */
  execPath?: string;
}

export type TryOutcome =
  | { kind: 'report'; report: TryJson }
  /** Exit 2: the CLI's one-line reason (not root, not Linux, plugin missing, not a NAD, ...). */
  | { kind: 'unavailable'; reason: string }
  | { kind: 'cancelled' }
  /** Anything else (a crash): detail is for the log, not for a message box. */
  | { kind: 'failed'; summary: string; detail: string };

/** A name the CLI reads the right way: YAML stays YAML, anything else must not look like YAML. */
export function tempFileName(fileName: string, yaml: boolean): string {
  const base = (fileName.split(/[\\/]/).pop() || 'config').replace(/[^\w.-]+/g, '_');
  const isYaml = /\.ya?ml$/i.test(base);
  if (yaml) return isYaml ? base : `${base}.yaml`;
  return isYaml ? `${base}.json` : base;
}

export function tryArgs(req: TryRequest, file: string): string[] {
  return [
    req.cliPath,
    'try',
    '--format',
    'json',
    ...(req.document !== undefined ? ['--document', String(req.document)] : []),
    ...(req.cniPath.length ? ['--cni-path', req.cniPath.join(':')] : []),
    file,
  ];
}

export async function runTry(req: TryRequest): Promise<TryOutcome> {
  if (req.signal?.aborted) return { kind: 'cancelled' };
  const dir = await mkdtemp(join(tmpdir(), 'cnikit-try-'));
  try {
    const file = join(dir, tempFileName(req.fileName, /\.ya?ml$/i.test(req.fileName) || req.document !== undefined));
    await writeFile(file, req.text, { mode: 0o600 });
    const run = await spawnCli(req.execPath ?? process.execPath, tryArgs(req, file), req.signal);
    if (run.cancelled) return { kind: 'cancelled' };
    if (run.code === 0 || run.code === 1) {
      const report = parseTryOutput(run.stdout);
      if (report) return { kind: 'report', report };
    }
    if (run.code === 2) {
      const reason = run.stderr.trim().split('\n')[0]?.replace(/^cnikit: /, '') ?? '';
      if (reason) return { kind: 'unavailable', reason: reason.split(dir + '/').join('') };
    }
    const how = run.signal ? `was killed by ${run.signal}` : `exited with status ${run.code}`;
    return { kind: 'failed', summary: `the sandbox ${how} without a report`, detail: run.stderr || run.stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  cancelled: boolean;
}

function spawnCli(execPath: string, args: string[], signal?: AbortSignal): Promise<CliRun> {
  return new Promise((resolve) => {
    // ELECTRON_RUN_AS_NODE: in desktop VS Code execPath is the Electron binary, run as Node.
    const child = spawn(execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    let stdout = '';
    let stderr = '';
    let cancelled = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // SIGTERM: the CLI removes its namespaces and temp dir, then ends by the signal.
    const cancel = () => {
      cancelled = true;
      child.kill('SIGTERM');
    };
    signal?.addEventListener('abort', cancel, { once: true });
    let settled = false;
    const settle = (run: Omit<CliRun, 'stdout' | 'stderr' | 'cancelled'>) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      resolve({ ...run, stdout, stderr, cancelled });
    };
    child.on('error', (error) => {
      stderr += error.message;
      settle({ code: null, signal: null });
    });
    child.on('close', (code, sig) => settle({ code, signal: sig }));
  });
}

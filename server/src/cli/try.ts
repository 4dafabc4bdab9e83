// `cnikit try`: runs a config through the real CNI plugins in a throwaway sandbox.
import { readFileSync } from 'node:fs';
import { findCniPath, formatReport, runInSandbox, SandboxConfigError, SandboxUnavailable, type SandboxReport } from '../sandbox';
import { UsageError } from './files';
import { configToTry } from './tryInput';

export interface TryOptions {
  format: 'text' | 'json';
  cniPath?: string;
  document?: number;
}

/** Runs the chain and prints the outcome; returns the exit status (0 accepted, 1 rejected). */
export async function tryFile(path: string, options: TryOptions): Promise<number> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String((error as Error).message)}`);
  }
  const config = configToTry(path, text, options.document);
  const cniPath = findCniPath(options.cniPath ? options.cniPath.split(':').filter(Boolean) : undefined);
  let report: SandboxReport;
  try {
    report = await runInSandbox(config, { cniPath });
  } catch (error) {
    if (error instanceof SandboxUnavailable || error instanceof SandboxConfigError) throw new UsageError(error.message);
    throw error;
  }
  process.stdout.write(options.format === 'json' ? JSON.stringify(toJson(report), null, 2) + '\n' : formatReport(report) + '\n');
  return report.verdict === 'accept' ? 0 : 1;
}

function toJson(report: SandboxReport) {
  return {
    verdict: report.verdict,
    steps: report.steps.map((s) => ({ index: s.index, type: s.type, command: s.command, ok: s.ok, ...(s.error ? { error: s.error } : {}) })),
    result: report.result ?? null,
  };
}

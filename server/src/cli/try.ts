// `cnikit try`: runs a config through the real CNI plugins in a throwaway sandbox.
import { readFileSync } from 'node:fs';
import { pluginRanges, type OffsetRange } from '../core/cni/tryTargets';
import { lineStarts, positionAt } from '../core/workspace/lineTable';
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
  const json = () => toJson(report, pluginRanges(path, text, options.document), text);
  process.stdout.write(options.format === 'json' ? JSON.stringify(json(), null, 2) + '\n' : formatReport(report) + '\n');
  return report.verdict === 'accept' ? 0 : 1;
}

/** `range`: where the step's plugin entry stands in FILE (1-based, end exclusive, as `lint --format json`). */
function toJson(report: SandboxReport, ranges: OffsetRange[], text: string) {
  const starts = lineStarts(text);
  const toRange = (r: OffsetRange | undefined) => {
    if (!r) return {};
    const from = positionAt(starts, r.start);
    const to = positionAt(starts, r.end);
    return { range: { line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 } };
  };
  return {
    verdict: report.verdict,
    steps: report.steps.map((s) => ({ index: s.index, type: s.type, command: s.command, ok: s.ok, ...(s.error ? { error: s.error } : {}), ...toRange(ranges[s.index]) })),
    result: report.result ?? null,
    ...(report.single ? { single: true } : {}),
  };
}

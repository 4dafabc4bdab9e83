// What `cnikit try --format json` prints, and what the editor makes of it: diagnostics on the
// plugin entries whose plugin failed, and the text of the result panel. Pure (no `vscode` import).
import { formatReport } from '../../../server/src/sandbox/format';
import type { SandboxReport, SandboxStep } from '../../../server/src/sandbox/types';

/** 1-based, end exclusive, as the CLI prints it. */
export interface TryRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type TryStep = SandboxStep & { range?: TryRange };

export interface TryJson {
  verdict: 'accept' | 'reject';
  steps: TryStep[];
  result: unknown;
  /** The config was one plugin object, not a list. */
  single?: true;
}

export const PLUGIN_ERROR = 'try/plugin-error';
export const CLEANUP_ERROR = 'try/cleanup-error';
export const SOURCE = 'cnikit try';

/** Parses the CLI's stdout; undefined when it is not a report. */
export function parseTryOutput(stdout: string): TryJson | undefined {
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<TryJson>;
  if ((v.verdict !== 'accept' && v.verdict !== 'reject') || !Array.isArray(v.steps)) return undefined;
  return { verdict: v.verdict, steps: v.steps, result: v.result ?? null, ...(v.single === true ? { single: true } : {}) };
}

export interface TryProblem {
  /** 0-based, end exclusive (a vscode.Range's numbers). */
  start: { line: number; character: number };
  end: { line: number; character: number };
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** " (plugin 2)": where a step's plugin stands in a list; nothing for a single-plugin config, which has no list. */
const position = (report: TryJson, s: TryStep) => (report.single ? '' : ` (plugin ${s.index + 1})`);

/**
 * One problem per failed step, on its plugin entry. ADD and CHECK failures are the config's
 * rejection (errors); a failed DEL does not change the verdict but would leak on a real node
 * (warning). A step without a range lands on the first line.
 */
export function tryProblems(report: TryJson): TryProblem[] {
  return report.steps
    .filter((s) => !s.ok)
    .map((s) => {
      const r = s.range;
      const e = s.error;
      const what = e ? `[${e.code}] ${e.msg}${e.details ? ` (${e.details})` : ''}` : 'failed without an error message';
      return {
        start: r ? { line: r.line - 1, character: r.column - 1 } : { line: 0, character: 0 },
        end: r ? { line: r.endLine - 1, character: r.endColumn - 1 } : { line: 0, character: 0 },
        severity: s.command === 'DEL' ? 'warning' : 'error',
        code: s.command === 'DEL' ? CLEANUP_ERROR : PLUGIN_ERROR,
        message: `The ${s.type} plugin${position(report, s)} failed ${s.command} in the sandbox: ${what}`,
      } satisfies TryProblem;
    });
}

/** The panel: what was run, then the CLI's own rendering (verdict, each step, the result), then where failures stand. */
export function panelText(report: TryJson, what: string): string {
  const sandboxReport: SandboxReport = {
    verdict: report.verdict,
    steps: report.steps,
    ...(report.result !== null ? { result: report.result } : {}),
    ...(report.single ? { single: true } : {}),
  };
  const lines = [`CNIKit: Try in Sandbox — ${what}`, '', formatReport(sandboxReport)];
  const located = report.steps.filter((s) => !s.ok && s.range);
  if (located.length > 0) {
    lines.push('', 'failed plugins in the file:');
    for (const s of located) lines.push(`  line ${s.range!.line}: ${s.type}${position(report, s)}, ${s.command}`);
  }
  if (report.verdict === 'reject' && report.result === null) lines.push('', 'No result: the chain did not get through ADD.');
  return lines.join('\n') + '\n';
}

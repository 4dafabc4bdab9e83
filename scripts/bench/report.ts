// The one table: measure | CNIKit | peer | ratio | target | pass/fail, with the targets of issue 9.
import { round } from './stats';

export type Verdict = 'pass' | 'FAIL' | 'n/a' | '';

export interface Row {
  measure: string;
  unit: string;
  cnikit?: number;
  peer?: number;
  /** peer ÷ CNIKit: how many times faster (or smaller) CNIKit is. */
  ratio?: number;
  target: string;
  verdict: Verdict;
  note?: string;
}

export interface Row0 { measure: string; unit: string; cnikit?: number; peer?: number; target?: string; check?: (cnikit: number, ratio: number | undefined) => boolean; note?: string }

export function row(r: Row0): Row {
  const ratio = r.unit !== 'count' && r.cnikit !== undefined && r.peer !== undefined && r.cnikit > 0 ? r.peer / r.cnikit : undefined;
  let verdict: Verdict = '';
  if (r.check) verdict = r.cnikit === undefined || Number.isNaN(r.cnikit) ? 'n/a' : r.check(r.cnikit, ratio) ? 'pass' : 'FAIL';
  return { measure: r.measure, unit: r.unit, cnikit: r.cnikit, peer: r.peer, ratio, target: r.target ?? '', verdict, note: r.note };
}

function format(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'ms') return `${value < 10 ? round(value, 2) : value < 100 ? round(value, 1) : Math.round(value)} ms`;
  if (unit === 'MB') return `${round(value, 1)} MB`;
  if (unit === 'docs/s') return `${Math.round(value).toLocaleString('en-US')} docs/s`;
  if (unit === 'count') return String(value);
  return `${round(value, 2)} ${unit}`;
}

export function renderTable(rows: Row[]): string {
  const header = ['measure', 'CNIKit', 'peer', 'ratio (peer/CNIKit)', 'target', 'pass/fail'];
  const body = rows.map((r) => [
    r.measure + (r.note ? ` (${r.note})` : ''),
    format(r.cnikit, r.unit),
    format(r.peer, r.unit),
    r.ratio === undefined ? '—' : `${round(r.ratio, r.ratio < 10 ? 2 : 1)}×`,
    r.target || '—',
    r.verdict || '—',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

// What must hold after every fuzz step.
import type { Diagnostic, Range } from 'vscode-languageserver-types';

export class Violation extends Error {}

export function rangeInside(range: Range, lineCount: number, lineLength: (line: number) => number, what: string): void {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lineCount && p.character >= 0 && p.character <= lineLength(p.line);
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  if (!ok(range.start) || !ok(range.end) || !ordered) throw new Violation(`${what} range ${JSON.stringify(range)} is outside the document (${lineCount} lines) or reversed`);
}

export function checkDiagnostics(diagnostics: Diagnostic[], lineCount: number, lineLength: (line: number) => number): void {
  for (const d of diagnostics) {
    rangeInside(d.range, lineCount, lineLength, `diagnostic ${d.code} "${String(d.message).slice(0, 80)}"`);
    if (!d.code || typeof d.message !== 'string' || !d.message) throw new Violation(`diagnostic without code or message: ${JSON.stringify(d)}`);
  }
}

export async function withinDeadline<T>(what: string, ms: number, work: () => Promise<T> | T): Promise<T> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Violation(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    const result = await Promise.race([Promise.resolve().then(work), deadline]);
    if (Date.now() - started > ms) throw new Violation(`${what} took ${Date.now() - started} ms (limit ${ms} ms)`);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/** Line lengths as LSP counts them (\r, \n and \r\n all end a line), from the document itself. */
export function lineLengthOf(doc: { lineCount: number; offsetAt(p: { line: number; character: number }): number; getText(): string }): (line: number) => number {
  return (line) => {
    const start = doc.offsetAt({ line, character: 0 });
    const end = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : doc.getText().length;
    return end - start;
  };
}

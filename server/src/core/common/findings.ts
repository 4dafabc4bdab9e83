// The core's editor-independent result types. Offsets are into the text that was analysed;
// callers turn them into positions (and, for embedded JSON, map them back to the host file).

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix VS Code applies with "Fix" shortcuts when it is the only preferred one. */
  preferred?: boolean;
}

export interface Finding {
  start: number;
  end: number;
  severity: Severity;
  /** Stable identifier, e.g. "cni/wrong-type". */
  code: string;
  message: string;
  fixes?: Fix[];
  /** Marks findings about deprecated or unused things so editors can render them faded or struck through. */
  tags?: ('unnecessary' | 'deprecated')[];
}

export function finding(start: number, end: number, severity: Severity, code: string, message: string, fixes?: Fix[]): Finding {
  return fixes && fixes.length ? { start, end, severity, code, message, fixes } : { start, end, severity, code, message };
}

/** True when two edits touch the same text: editors refuse such a change, so no fix may offer it. */
export function editsOverlap(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.some((e, i) => i > 0 && e.start < sorted[i - 1].end);
}

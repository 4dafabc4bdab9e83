// Maps the text inside a YAML string (a NetworkAttachmentDefinition's CNI JSON, an annotation)
// back to where each character stands in the YAML source, so that diagnostics, hovers and edits
// on the embedded text land exactly, also in quoted scalars whose lines YAML folds.
// The decoding is checked against the `yaml` library's own value: on any disagreement the
// mapping is refused and callers fall back to the whole scalar.
import { lineStartAt } from '../common/lines';

export interface EmbeddedText {
  /** The decoded string, as the consumer reads it. */
  text: string;
  /** Source offset (in the host text) of decoded offset `i`; `i === text.length` maps past the last character. */
  toSource(i: number): number;
  /** Decoded offset for a source offset inside the scalar, or undefined outside it. */
  fromSource(offset: number): number | undefined;
  /** Encodes replacement text for this scalar style; undefined where edits are not safe (plain, folded). */
  encode(newText: string): string | undefined;
  /**
   * Encodes replacement JSON text (where a line break is only whitespace): as `encode`, and for
   * folded scalars too, with line breaks written as spaces (text on one line reads back as itself).
   */
  encodeJson(newText: string): string | undefined;
}

/**
 * @param source the host text
 * @param start offset of the scalar in the host text (its opening quote or block indicator)
 * @param end offset just past the scalar's value
 * @param style the yaml library's scalar type
 * @param value the yaml library's decoded value
 */
export function embeddedText(source: string, start: number, end: number, style: string, value: string): EmbeddedText | undefined {
  const raw = source.slice(start, end);
  const decoded = decode(raw, style, keyColumn(source, start));
  if (!decoded || decoded.chars.join('') !== value) return undefined;
  const positions = decoded.positions.map((p) => p + start);
  const after = positions.length ? positions[positions.length - 1] + 1 : start + decoded.contentStart;
  const indent = style === 'BLOCK_LITERAL' ? blockIndent(raw) : '';
  const encode = (newText: string): string | undefined => {
    if (style === 'QUOTE_DOUBLE') return JSON.stringify(newText.replace(/\n\s*/g, ' ')).slice(1, -1);
    if (style === 'QUOTE_SINGLE') return newText.replace(/\n\s*/g, ' ').replace(/'/g, "''");
    if (style === 'BLOCK_LITERAL') return newText.replace(/\n/g, `\n${indent}`);
    return undefined;
  };
  return {
    text: value,
    toSource: (i) => (i < positions.length ? positions[i] : after),
    fromSource(offset) {
      if (offset < start || offset > end) return undefined;
      const i = positions.findIndex((p) => p >= offset);
      return i < 0 ? positions.length : i;
    },
    encode,
    encodeJson: (newText) => (style === 'BLOCK_FOLDED' ? newText.replace(/\r?\n[ \t]*/g, ' ') : encode(newText)),
  };
}

interface Decoded {
  chars: string[];
  positions: number[];
  contentStart: number;
}

function decode(raw: string, style: string, parentIndent: number): Decoded | undefined {
  switch (style) {
    case 'BLOCK_FOLDED': return decodeFolded(raw, parentIndent);
    case 'QUOTE_DOUBLE': return decodeQuoted(raw, true);
    case 'QUOTE_SINGLE': return decodeQuoted(raw, false);
    case 'BLOCK_LITERAL': return decodeLiteral(raw);
    case 'PLAIN': return decodePlain(raw);
    default: return undefined;
  }
}

const simpleEscapes: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** Quoted scalars: escapes (double quotes only) and line folding (a line break becomes a space, blank lines become line breaks). */
function decodeQuoted(raw: string, double: boolean): Decoded | undefined {
  const quote = double ? '"' : "'";
  if (raw[0] !== quote || raw[raw.length - 1] !== quote) return undefined;
  const chars: string[] = [];
  const positions: number[] = [];
  const push = (c: string, at: number) => { chars.push(c); positions.push(at); };
  let i = 1;
  const last = raw.length - 1;
  while (i < last) {
    const c = raw[i];
    if (double && c === '\\') {
      const next = raw[i + 1];
      if (next === '\n' || next === '\r') {
        // An escaped line break joins the lines without a space.
        i = skipLineBreak(raw, i + 1);
        while (i < last && (raw[i] === ' ' || raw[i] === '\t')) i++;
        continue;
      }
      const hex = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
      if (hex) {
        const code = parseInt(raw.slice(i + 2, i + 2 + hex), 16);
        if (Number.isNaN(code)) return undefined;
        for (const ch of String.fromCodePoint(code)) push(ch, i);
        i += 2 + hex;
        continue;
      }
      if (!(next in simpleEscapes)) return undefined;
      push(simpleEscapes[next], i);
      i += 2;
      continue;
    }
    if (!double && c === "'" && raw[i + 1] === "'") {
      push("'", i);
      i += 2;
      continue;
    }
    if (c === '\n' || c === '\r') {
      i = fold(raw, i, last, chars, positions);
      continue;
    }
    push(c, i);
    i++;
  }
  return { chars, positions, contentStart: 1 };
}

/** Folds a line break at `i` (trailing spaces of the line already pushed are removed). */
function fold(raw: string, i: number, last: number, chars: string[], positions: number[]): number {
  while (chars.length && (chars[chars.length - 1] === ' ' || chars[chars.length - 1] === '\t')) {
    chars.pop();
    positions.pop();
  }
  let breaks = 0;
  let at = i;
  let j = i;
  for (;;) {
    j = skipLineBreak(raw, j);
    breaks++;
    while (j < last && (raw[j] === ' ' || raw[j] === '\t')) j++;
    if (raw[j] !== '\n' && raw[j] !== '\r') break;
    at = j;
  }
  if (breaks === 1) {
    chars.push(' ');
    positions.push(i);
  } else {
    for (let b = 1; b < breaks; b++) {
      chars.push('\n');
      positions.push(at);
    }
  }
  return j;
}

function skipLineBreak(raw: string, i: number): number {
  if (raw[i] === '\r' && raw[i + 1] === '\n') return i + 2;
  return i + 1;
}

/** `|` block scalars: every content line without its indentation; chomping per the header. */
function decodeLiteral(raw: string): Decoded | undefined {
  const headerEnd = raw.indexOf('\n');
  if (headerEnd < 0) return { chars: [], positions: [], contentStart: raw.length };
  const header = raw.slice(0, headerEnd).replace(/\s+#[^\n]*$/, '').trim();
  const match = /^\|([1-9])?([-+])?$|^\|([-+])([1-9])?$/.exec(header);
  if (!match) return undefined;
  const chomp = match[2] ?? match[3] ?? '';
  const indent = blockIndent(raw).length;
  const chars: string[] = [];
  const positions: number[] = [];
  let lineStart = headerEnd + 1;
  while (lineStart < raw.length) {
    let lineEnd = raw.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = raw.length;
    const contentEnd = raw[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    for (let k = lineStart + indent; k < contentEnd; k++) {
      chars.push(raw[k]);
      positions.push(k);
    }
    if (lineEnd < raw.length) {
      chars.push('\n');
      positions.push(contentEnd);
    }
    lineStart = lineEnd + 1;
  }
  // Chomping: strip keeps no final line break, clip keeps one, keep keeps all.
  if (chomp !== '+') {
    while (chars.length && chars[chars.length - 1] === '\n') {
      chars.pop();
      positions.pop();
    }
    if (chomp === '' && chars.length) {
      chars.push('\n');
      positions.push(positions[positions.length - 1] + 1);
    }
  }
  return { chars, positions, contentStart: headerEnd + 1 + indent };
}

function decodePlain(raw: string): Decoded | undefined {
  const chars: string[] = [];
  const positions: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '\n' || c === '\r') {
      i = fold(raw, i, raw.length, chars, positions);
      continue;
    }
    chars.push(c);
    positions.push(i);
    i++;
  }
  return { chars, positions, contentStart: 0 };
}

/** The indentation of a block scalar's first non-empty content line. */
function blockIndent(raw: string): string {
  const lines = raw.split('\n').slice(1);
  const first = lines.find((l) => l.trim() !== '');
  return first ? /^ */.exec(first)![0] : '';
}

/**
 * The column of the key on the line where a block scalar's header stands (after any `- ` of a
 * sequence entry): the indentation an explicit indentation indicator counts from.
 */
export function keyColumn(source: string, start: number): number {
  const lineStart = lineStartAt(source, start);
  return /^[ ]*(?:-[ ]+)*/.exec(source.slice(lineStart, start))![0].length;
}

interface SourceLine {
  /** Offset of the line in the raw scalar. */
  at: number;
  /** Number of leading spaces. */
  indent: number;
  /** The rest of the line, without its line break (a CR of CRLF removed). */
  content: string;
  /** Offset of the line break (CR or LF) ending the line, or the end of the scalar. */
  breakAt: number;
}

/**
 * `>` block scalars (YAML 1.2 line folding, as the yaml library decodes them): a line break
 * between two lines at the content indentation becomes a space unless empty lines stand between
 * them (each of which is then one line break); around more-indented lines (or lines starting with
 * a tab) line breaks are kept. Chomping per the header. Every decoded character maps to the source
 * character it came from: text to itself, a folding space or a kept line break to the line break
 * it replaces.
 */
function decodeFolded(raw: string, parentIndent: number): Decoded | undefined {
  const headerEnd = raw.indexOf('\n');
  if (headerEnd < 0) return { chars: [], positions: [], contentStart: raw.length };
  const header = raw.slice(0, headerEnd).replace(/\s+#[^\n]*$/, '').trim();
  const match = /^>([1-9])?([-+])?$|^>([-+])([1-9])?$/.exec(header);
  if (!match) return undefined;
  const chomp = match[2] ?? match[3] ?? '';
  const explicit = Number(match[1] ?? match[4] ?? 0);

  const lines: SourceLine[] = [];
  for (let at = headerEnd + 1; ;) {
    let lineEnd = raw.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = raw.length;
    let indent = 0;
    while (raw[at + indent] === ' ') indent++;
    const crlf = raw[lineEnd - 1] === '\r' && lineEnd - 1 >= at + indent;
    const breakAt = crlf ? lineEnd - 1 : lineEnd;
    lines.push({ at, indent, content: raw.slice(at + indent, breakAt), breakAt });
    if (lineEnd >= raw.length) break;
    at = lineEnd + 1;
  }

  // Trailing empty lines belong to chomping, except up to the last one indented past the content.
  let chompStart = lines.length;
  while (chompStart > 0 && lines[chompStart - 1].content === '') chompStart--;
  // No content: an empty value (keep chomping would make it line breaks, left unmapped).
  if (chompStart === 0) return chomp === '+' ? undefined : { chars: [], positions: [], contentStart: headerEnd + 1 };
  let contentStart = 0;
  while (lines[contentStart].content === '') contentStart++;
  const trimIndent = explicit ? parentIndent + explicit : lines[contentStart].indent;
  for (let i = lines.length - 1; i >= chompStart; i--) {
    if (lines[i].indent > trimIndent) {
      chompStart = i + 1;
      break;
    }
  }

  const chars: string[] = [];
  const positions: number[] = [];
  const push = (c: string, at: number) => { chars.push(c); positions.push(at); };
  const pushSpan = (line: SourceLine, from: number) => {
    for (let k = from; k < line.breakAt; k++) push(raw[k], k);
  };
  // Leading empty lines are kept as they are (with any spaces past the indentation).
  for (let i = 0; i < contentStart; i++) {
    pushSpan(lines[i], lines[i].at + Math.min(trimIndent, lines[i].indent));
    push('\n', lines[i].breakAt);
  }
  let previous: { line: SourceLine; moreIndented: boolean } | undefined;
  let empties: SourceLine[] = [];
  for (let i = contentStart; i < chompStart; i++) {
    const line = lines[i];
    const moreIndented = line.indent > trimIndent || line.content[0] === '\t';
    if (!moreIndented && line.content === '') {
      empties.push(line);
      continue;
    }
    if (previous) {
      if (!previous.moreIndented && !moreIndented) {
        if (empties.length === 0) push(' ', previous.line.breakAt);
      } else {
        push('\n', previous.line.breakAt);
      }
      for (const empty of empties) push('\n', empty.breakAt);
    }
    empties = [];
    pushSpan(line, line.at + (moreIndented ? Math.min(trimIndent, line.indent) : line.indent));
    previous = { line, moreIndented };
  }
  const last = previous!.line;
  if (chomp === '') {
    push('\n', last.breakAt);
  } else if (chomp === '+') {
    // Keep: one line break per line break after the last content line.
    for (let i = chompStart; i < lines.length; i++) push('\n', lines[i - 1].breakAt);
    if (chars[chars.length - 1] !== '\n') push('\n', last.breakAt);
  }
  return { chars, positions, contentStart: headerEnd + 1 + lines[contentStart].indent };
}

// Maps the text inside a YAML string (a NetworkAttachmentDefinition's CNI JSON, an annotation)
// back to where each character stands in the YAML source, so that diagnostics, hovers and edits
// on the embedded text land exactly, also in quoted scalars whose lines YAML folds.
// The decoding is checked against the `yaml` library's own value: on any disagreement the
// mapping is refused and callers fall back to the whole scalar.

export interface EmbeddedText {
  /** The decoded string, as the consumer reads it. */
  text: string;
  /** Source offset (in the host text) of decoded offset `i`; `i === text.length` maps past the last character. */
  toSource(i: number): number;
  /** Decoded offset for a source offset inside the scalar, or undefined outside it. */
  fromSource(offset: number): number | undefined;
  /** Encodes replacement text for this scalar style; undefined where edits are not safe (plain, folded). */
  encode(newText: string): string | undefined;
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
  const decoded = decode(raw, style);
  if (!decoded || decoded.chars.join('') !== value) return undefined;
  const positions = decoded.positions.map((p) => p + start);
  const after = positions.length ? positions[positions.length - 1] + 1 : start + decoded.contentStart;
  const indent = style === 'BLOCK_LITERAL' ? blockIndent(raw) : '';
  return {
    text: value,
    toSource: (i) => (i < positions.length ? positions[i] : after),
    fromSource(offset) {
      if (offset < start || offset > end) return undefined;
      const i = positions.findIndex((p) => p >= offset);
      return i < 0 ? positions.length : i;
    },
    encode(newText) {
      if (style === 'QUOTE_DOUBLE') return JSON.stringify(newText.replace(/\n\s*/g, ' ')).slice(1, -1);
      if (style === 'QUOTE_SINGLE') return newText.replace(/\n\s*/g, ' ').replace(/'/g, "''");
      if (style === 'BLOCK_LITERAL') return newText.replace(/\n/g, `\n${indent}`);
      return undefined;
    },
  };
}

interface Decoded {
  chars: string[];
  positions: number[];
  contentStart: number;
}

function decode(raw: string, style: string): Decoded | undefined {
  switch (style) {
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
  const header = raw.slice(0, headerEnd).replace(/\s+#.*$/, '').trim();
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

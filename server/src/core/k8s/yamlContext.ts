// Where the cursor is in a YAML document that may be half-typed: the path of keys leading to the
// mapping it is typing in, worked out from indentation, so completion works before the YAML is valid.
import { lineStartAt } from '../common/lines';

export interface KeyContext {
  kind: 'key';
  /** Keys (and 0 for sequence items) from the document root to the mapping being typed in. */
  path: (string | number)[];
  /** Column where the key starts. */
  column: number;
  /** The part of the key typed so far, and where it starts (document offset). */
  prefix: string;
  start: number;
  /** Keys already present in that mapping. */
  siblings: Set<string>;
}

export interface ValueContext {
  kind: 'value';
  path: (string | number)[];
  key: string;
  prefix: string;
  start: number;
}

interface Line {
  text: string;
  indent: number;
  /** Column of the mapping key on this line (after a "- " sequence dash, if any). */
  keyColumn: number;
  dash: boolean;
  key?: string;
  /** True when nothing follows the colon: the key opens a nested block. */
  opensBlock: boolean;
}

export function contextAt(text: string, offset: number): KeyContext | ValueContext | undefined {
  const lineStart = lineStartAt(text, offset);
  const before = text.slice(lineStart, offset);
  const valueMatch = /^(\s*)(- +)?([^\s:#][^:#]*?):[ \t]+([^\s#]*)$/.exec(before);
  if (valueMatch) {
    const column = valueMatch[1].length + (valueMatch[2]?.length ?? 0);
    const prefix = valueMatch[4];
    return { kind: 'value', path: parentPath(text, lineStart, column, !!valueMatch[2]), key: valueMatch[3].trim(), prefix, start: offset - prefix.length };
  }
  const keyMatch = /^(\s*)(- +)?([\w./-]*)$/.exec(before);
  if (!keyMatch) return undefined;
  const column = keyMatch[1].length + (keyMatch[2]?.length ?? 0);
  const prefix = keyMatch[3];
  return {
    kind: 'key',
    path: parentPath(text, lineStart, column, !!keyMatch[2]),
    column,
    prefix,
    start: offset - prefix.length,
    siblings: siblingKeys(text, lineStart, column),
  };
}

/** Walks up from the line at `lineStart` to find the keys that enclose a key at `column`. */
function parentPath(text: string, lineStart: number, column: number, startsItem: boolean): (string | number)[] {
  const path: (string | number)[] = [];
  let col = column;
  let inItem = startsItem;
  let dashColumn = startsItem ? column - 2 : -1;
  for (const line of linesAbove(text, lineStart)) {
    if (line.dash && line.keyColumn === col && !inItem) {
      // A sibling key that starts the sequence item we are in.
      inItem = true;
      dashColumn = line.indent;
      continue;
    }
    const limit = inItem ? dashColumn : col - 1;
    if (line.keyColumn > limit && !(inItem && line.dash && line.indent === dashColumn)) continue;
    if (inItem && line.dash && line.indent === dashColumn) continue; // an earlier item of the same sequence
    if (!line.key || !line.opensBlock) return path; // not nested under a key: stop where we are
    if (inItem) path.unshift(0);
    path.unshift(line.key);
    col = line.keyColumn;
    inItem = line.dash;
    dashColumn = line.dash ? line.indent : -1;
    if (col === 0 && !line.dash) break;
  }
  return path;
}

function siblingKeys(text: string, lineStart: number, column: number): Set<string> {
  const keys = new Set<string>();
  for (const line of linesAbove(text, lineStart)) {
    if (line.keyColumn < column) break;
    if (line.keyColumn === column && line.key) keys.add(line.key);
    if (line.dash && line.keyColumn === column) break; // the first key of our sequence item
  }
  const next = text.indexOf('\n', lineStart);
  for (const line of next >= 0 ? linesBelow(text, next + 1, column) : []) {
    if (line.keyColumn < column || (line.dash && line.keyColumn === column)) break; // the block or our item ends
    if (line.keyColumn === column && line.key) keys.add(line.key);
  }
  return keys;
}

function* linesAbove(text: string, lineStart: number): Generator<Line> {
  let end = lineStart - 1;
  while (end >= 0) {
    const start = lineStartAt(text, end);
    const line = describe(text.slice(start, end));
    if (line) yield line;
    end = start - 1;
    if (/^---/.test(text.slice(start, start + 3))) return;
  }
}

function* linesBelow(text: string, from: number, column: number): Generator<Line> {
  let start = from;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = describe(text.slice(start, end));
    if (line) {
      if (line.dash && line.indent < column) return;
      yield line;
    }
    start = end + 1;
  }
}

function describe(raw: string): Line | undefined {
  const text = raw.replace(/\r$/, '');
  if (/^\s*(#.*)?$/.test(text)) return undefined;
  const indent = /^ */.exec(text)![0].length;
  const dashMatch = /^( *)(- +)/.exec(text);
  const keyColumn = dashMatch ? dashMatch[0].length : indent;
  const rest = text.slice(keyColumn);
  const keyMatch = /^([^\s:#'"{[][^:#]*?|"[^"]*"|'[^']*'):(\s+|$)(.*)$/.exec(rest);
  const value = keyMatch?.[3]?.replace(/\s+#.*$/, '').trim() ?? '';
  return {
    text,
    indent,
    keyColumn,
    dash: !!dashMatch,
    key: keyMatch ? keyMatch[1].replace(/^["']|["']$/g, '').trim() : undefined,
    opensBlock: !!keyMatch && (value === '' || /^[|>]/.test(value) || /^&\S+$/.test(value)),
  };
}

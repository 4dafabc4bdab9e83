// kubectl's YAML reader (go-yaml, after libyaml) reads a quoted string up to its closing quote,
// however its lines are indented; YAML 1.2, and so the `yaml` library, ends the string at the
// first line indented no deeper than its key. Multus's and the SR-IOV operator's own examples
// write NADs that way (`config: '{` with the JSON at the key's indentation), so CNIKit reads such
// a document as kubectl does: the lines are indented in a copy of the text, the copy is composed,
// and every offset is mapped back. The user gets one warning per string instead of a cascade of
// syntax errors, and the CNI config inside is checked.
import { CST, Parser } from 'yaml';
import { keyColumn } from './embeddedText';
import type { ComposedDocument, TreeNode } from './yamlDocuments';

/** Spaces put at the start of a line of the original text. */
interface Insertion {
  at: number;
  count: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** At most this many strings of one document are read this way (each costs a parse). */
const repairsAtMost = 8;

/**
 * `composed` (the document as the `yaml` library reads it, from the CST `tokens`) again, read the
 * way kubectl reads its under-indented quoted strings; undefined when it has none, or when that
 * does not make them whole. `compose` is the full composer, given a text and its CST.
 */
export function readQuotesAsKubectl(
  text: string, tokens: CST.Token[], composed: ComposedDocument, compose: (tokens: CST.Token[], text: string) => ComposedDocument,
): ComposedDocument | undefined {
  const insertions: Insertion[] = [];
  const repaired: number[] = [];
  let current = text;
  let currentTokens = tokens;
  let result = composed;
  for (let round = 0; round < repairsAtMost && result.problems.some(isUnclosedQuote); round++) {
    const start = firstUnclosedQuote(currentTokens);
    const close = start === undefined ? -1 : closingQuote(current, start);
    const lines = close < 0 ? [] : underIndentedLines(current, start!, close, keyColumn(current, start!) + 1);
    if (!lines.length) return undefined;
    const added = lines.map((line) => ({ at: toOriginal(insertions, line.at), count: line.count }));
    repaired.push(toOriginal(insertions, start!));
    for (const a of added) addInsertion(insertions, a);
    current = withInsertions(text, insertions);
    currentTokens = [...new Parser().parse(current)];
    result = compose(currentTokens, current);
  }
  if (!repaired.length || result.problems.some(isUnclosedQuote)) return undefined;
  const map = (offset: number) => toOriginal(insertions, offset);
  if (result.root) moveNode(result.root, map);
  const problems = result.problems.map((p) => ({ ...p, start: map(p.start), end: Math.max(map(p.end), map(p.start) + 1) }));
  for (const start of repaired) {
    problems.push({
      start, end: start + 1, severity: 'warning', code: 'yaml/quoted-indent',
      message: 'The lines of this quoted string are not indented deeper than its key. kubectl reads the string up to its closing quote, but YAML 1.2 parsers (and the tools built on them) end it at the first such line: indent its lines under the key, or write it as a block scalar (|).',
    });
  }
  return { root: result.root, problems: problems.sort((a, b) => a.start - b.start) };
}

function isUnclosedQuote(problem: ComposedDocument['problems'][number]): boolean {
  return problem.severity === 'error' && /^Missing closing ['"]quote/.test(problem.message);
}

/** Where the first quoted string the parser found no closing quote for starts. */
function firstUnclosedQuote(tokens: CST.Token[]): number | undefined {
  let found: number | undefined;
  for (const token of tokens) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const t of [item.key, item.value]) {
        if ((t?.type === 'single-quoted-scalar' || t?.type === 'double-quoted-scalar') && unclosed(t.source) && (found === undefined || t.offset < found)) found = t.offset;
      }
    });
  }
  return found;
}

function unclosed(source: string): boolean {
  return source.length < 2 || source[source.length - 1] !== source[0];
}

/** Where a quoted string starting at `start` ends, as libyaml finds it: its closing quote, or -1 (none before a document marker or the end). */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let from = start + 1;
  for (;;) {
    const at = text.indexOf(quote, from);
    if (at < 0) return -1;
    if (quote === "'" && text[at + 1] === "'") {
      from = at + 2; // '' is an escaped quote
      continue;
    }
    if (quote === '"' && backslashesBefore(text, at) % 2 === 1) {
      from = at + 1;
      continue;
    }
    return /^(?:---|\.\.\.)(?:[ \t]|$)/m.test(text.slice(start, at)) ? -1 : at;
  }
}

function backslashesBefore(text: string, at: number): number {
  let n = 0;
  while (text[at - 1 - n] === '\\') n++;
  return n;
}

/** The lines after the first of the string whose indentation is under `need` spaces (blank lines need none). */
function underIndentedLines(text: string, start: number, close: number, need: number): Insertion[] {
  const lines: Insertion[] = [];
  for (let nl = text.indexOf('\n', start); nl >= 0 && nl < close; nl = text.indexOf('\n', nl + 1)) {
    const at = nl + 1;
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    const spaces = /^ */.exec(line)![0].length;
    if (line.trim() !== '' && spaces < need) lines.push({ at, count: need - spaces });
  }
  return lines;
}

function addInsertion(insertions: Insertion[], add: Insertion): void {
  const same = insertions.find((i) => i.at === add.at);
  if (same) same.count += add.count;
  else insertions.push(add);
  insertions.sort((a, b) => a.at - b.at);
}

function withInsertions(text: string, insertions: Insertion[]): string {
  let out = '';
  let from = 0;
  for (const { at, count } of insertions) {
    out += text.slice(from, at) + ' '.repeat(count);
    from = at;
  }
  return out + text.slice(from);
}

/** An offset in the text with `insertions` made, as an offset in the original (inserted spaces map to where they were put). */
function toOriginal(insertions: Insertion[], offset: number): number {
  let shift = 0;
  for (const { at, count } of insertions) {
    if (offset < at + shift) break;
    if (offset < at + shift + count) return at;
    shift += count;
  }
  return offset - shift;
}

function moveNode(node: TreeNode, map: (offset: number) => number): void {
  const n = node as Mutable<TreeNode>;
  const start = map(n.offset);
  n.length = map(n.offset + n.length) - start;
  n.offset = start;
  if (n.colonOffset !== undefined) n.colonOffset = map(n.colonOffset);
  for (const child of n.children ?? []) moveNode(child, map);
}

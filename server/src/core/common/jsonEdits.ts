// Small text edits on a JSON tree that keep the user's formatting: add a property, reorder
// array elements. Used by quick fixes.
import type { JsonNode } from './json';
import type { TextEdit } from './findings';
import { lineStartAt } from './lines';

/** Adds `"key": value` as the first property of `object`, in the indentation of its siblings. */
export function insertProperty(text: string, object: JsonNode, key: string, value: unknown): TextEdit {
  const entry = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  const first = object.children?.[0];
  if (first) {
    const indent = indentationAt(text, first.offset);
    const separator = indent === undefined ? ' ' : `\n${indent}`;
    return { start: first.offset, end: first.offset, newText: `${entry},${separator}` };
  }
  const closed = object.length > 1 && text[object.offset + object.length - 1] === '}';
  return { start: object.offset + 1, end: closed ? object.offset + object.length - 1 : object.offset + 1, newText: ` ${entry} ` };
}

/** Rewrites the elements of `array` in a new order, keeping each element's text and the separators between them. */
export function reorderElements(text: string, array: JsonNode, order: number[]): TextEdit | undefined {
  const items = array.children ?? [];
  if (items.length < 2 || order.length !== items.length) return undefined;
  const pieces = items.map((n) => text.slice(n.offset, n.offset + n.length));
  const separators = items.slice(1).map((n, i) => text.slice(items[i].offset + items[i].length, n.offset));
  const start = items[0].offset;
  const last = items[items.length - 1];
  const newText = order.map((from, i) => pieces[from] + (separators[i] ?? '')).join('');
  return { start, end: last.offset + last.length, newText };
}

/** The whitespace before `offset` when only whitespace precedes it on its line. */
function indentationAt(text: string, offset: number): string | undefined {
  const lineStart = lineStartAt(text, offset);
  const before = text.slice(lineStart, offset);
  return /^\s*$/.test(before) ? before : undefined;
}

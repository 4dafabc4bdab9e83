// Splits a YAML file into its documents with the `yaml` library's CST parser, and composes each
// document into a tree of the same node shape the JSON features use (offsets relative to the
// document's start), so that one set of checks serves JSON and YAML alike. Documents are
// cached by their text: an edit recomposes only the document it touched.
import { Composer, Parser, isAlias, type CST, isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { JsonNode } from '../common/json';
import { readQuotesAsKubectl } from './kubectlQuotes';
import { quickCompose } from './quickCompose';
import { scalarFields } from './treeScalar';

export interface YamlNodeExtras {
  /** For scalars: PLAIN, QUOTE_SINGLE, QUOTE_DOUBLE, BLOCK_LITERAL or BLOCK_FOLDED. */
  style?: string;
  /** True for an alias that was not expanded because the document's expansion budget ran out. */
  alias?: boolean;
}

/** Nodes an alias may add to a document in all: far above any real manifest, far below an alias bomb. */
export const aliasBudget = 10_000;

export type TreeNode = JsonNode & YamlNodeExtras;

export interface DocumentSource {
  /** Offset of the document in the file. */
  start: number;
  text: string;
}

export interface ComposedDocument {
  root?: TreeNode;
  /** Syntax errors and warnings, offsets relative to the document. */
  problems: { start: number; end: number; message: string; severity: 'error' | 'warning'; code?: string }[];
}

/**
 * The documents of a file, found from their markers alone: a line that starts with "---" begins a
 * document and one that starts with "..." ends one. YAML forbids such lines inside scalars, so this
 * is exact, and it costs a scan instead of a parse on every keystroke.
 */
export function splitDocuments(text: string): DocumentSource[] {
  const starts = [0];
  const marker = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    const at = m[1] === '---' ? m.index : nextLine(text, m.index);
    if (at > starts[starts.length - 1]) starts.push(at);
  }
  return starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}

function nextLine(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}

/** Composes one document's text (offsets in the result are relative to it). */
export function composeDocument(text: string): ComposedDocument {
  const tokens = [...new Parser().parse(text)];
  const root = quickCompose(tokens);
  if (root) return { root, problems: [] };
  const full = composeFully(tokens, text);
  return full.problems.length ? (readQuotesAsKubectl(text, tokens, full, composeFully) ?? full) : full;
}

/** The full way, through the `yaml` library's Document (see quickCompose.ts for the common case). */
export function composeFully(tokens: CST.Token[], text: string): ComposedDocument {
  const composer = new Composer({ version: '1.1', uniqueKeys: true, prettyErrors: false, merge: true });
  const docs = [...composer.compose(tokens, true, text.length)] as Document.Parsed[];
  const problems: ComposedDocument['problems'] = [];
  let root: TreeNode | undefined;
  for (const doc of docs) {
    for (const e of doc.errors) problems.push({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1), message: e.message, severity: 'error' });
    for (const w of doc.warnings) problems.push({ start: w.pos[0], end: Math.max(w.pos[1], w.pos[0] + 1), message: w.message, severity: 'warning' });
    if (root || !doc.contents) continue;
    const budget = { doc, left: aliasBudget, exceeded: false };
    root = convert(doc.contents as YamlNode, undefined, budget);
    if (budget.exceeded) {
      problems.push({ start: 0, end: 1, severity: 'warning', code: 'yaml/alias-limit', message: `Aliases in this document expand to more than ${aliasBudget} nodes, so CNIKit stops expanding them (a protection against alias bombs); the values behind the remaining aliases are not checked` });
    }
  }
  return { root, problems };
}

interface Budget {
  doc: Document.Parsed;
  left: number;
  exceeded: boolean;
}

function convert(node: YamlNode, parent: TreeNode | undefined, budget: Budget, at?: { offset: number; length: number }): TreeNode {
  const [start, valueEnd] = node.range ?? [0, 0];
  // Nodes reached through an alias stand, for positions, where the alias is written.
  const base = (at ? { offset: at.offset, length: at.length, parent } : { offset: start, length: valueEnd - start, parent }) as TreeNode;
  if (isAlias(node)) {
    const target = node.resolve(budget.doc) as YamlNode | undefined;
    const size = target ? countNodes(target, budget.left + 1) : 0;
    if (!target || size > budget.left) {
      budget.exceeded ||= !!target;
      return Object.assign(base, { type: 'object' as const, children: [], alias: true });
    }
    budget.left -= size;
    return convert(target, parent, budget, { offset: base.offset, length: base.length });
  }
  if (isMap(node)) {
    const object = Object.assign(base, { type: 'object' as const, children: [] as TreeNode[] });
    const merges: (YamlNode | null)[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as YamlNode | null;
      if (key && isScalar(key) && typeof key.value === 'symbol') {
        merges.push(pair.value as YamlNode | null);
        continue;
      }
      if (!key || !isScalar(key)) continue; // complex keys are not part of Kubernetes objects
      const keyRange = at ? [at.offset, at.offset + at.length] : key.range ?? [0, 0];
      const value = pair.value as YamlNode | null;
      const end = at ? keyRange[1] : value?.range ? value.range[1] : keyRange[1];
      const property = { type: 'property', offset: keyRange[0], length: end - keyRange[0], parent: object, children: [] as TreeNode[], colonOffset: keyRange[1] } as TreeNode;
      const keyNode = { type: 'string', value: String(key.value), offset: keyRange[0], length: keyRange[1] - keyRange[0], parent: property, style: key.type } as TreeNode;
      property.children!.push(keyNode);
      // A key with no value (`key:`) reads as null, as the API server reads it.
      property.children!.push(value ? convert(value, property, budget, at) : ({ type: 'null', value: null, offset: keyRange[1], length: 0, parent: property } as TreeNode));
      object.children!.push(property);
    }
    // Merged keys come last, so the map's own keys win (as YAML merge keys define).
    for (const merge of merges) mergeInto(object, merge, budget, at);
    return object;
  }
  if (isSeq(node)) {
    const array = Object.assign(base, { type: 'array' as const, children: [] as TreeNode[] });
    for (const item of node.items) {
      if (item && typeof item === 'object' && 'range' in item) array.children!.push(convert(item as YamlNode, array, budget, at));
    }
    return array;
  }
  const scalar = node as Scalar;
  return Object.assign(base, scalarFields(scalar.value, scalar.source, scalar.type)) as TreeNode;
}

/** `<<: *base` (YAML 1.1 merge keys, which kubectl honours): the merged map's keys, unless the map sets them itself. */
function mergeInto(object: TreeNode, value: YamlNode | null, budget: Budget, at?: { offset: number; length: number }): void {
  const sources = isSeq(value) ? value.items as YamlNode[] : value ? [value] : [];
  for (const source of sources) {
    const merged = convert(source, object.parent, budget, at ?? { offset: source.range?.[0] ?? 0, length: (source.range?.[1] ?? 0) - (source.range?.[0] ?? 0) });
    for (const property of merged.children ?? []) {
      const key = property.children?.[0]?.value;
      if (object.children!.some((p) => p.children?.[0]?.value === key)) continue;
      (property as { parent?: TreeNode }).parent = object;
      object.children!.push(property);
    }
  }
}

/** Nodes in a subtree, counting through aliases, stopping once past `limit`. */
function countNodes(node: YamlNode | YAMLMap, limit: number, seen = { n: 0 }): number {
  if (seen.n > limit) return seen.n;
  seen.n++;
  if (isMap(node)) for (const pair of node.items) if (isPair(pair) && pair.value) countNodes(pair.value as YamlNode, limit, seen);
  if (isSeq(node)) for (const item of node.items) if (item && typeof item === 'object') countNodes(item as YamlNode, limit, seen);
  return seen.n;
}

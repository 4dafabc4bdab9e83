// Splits a YAML file into its documents with the `yaml` library's CST parser, and composes each
// document into a tree of the same node shape the JSON features use (offsets relative to the
// document's start), so that one set of checks serves JSON and YAML alike. Documents are
// cached by their text: an edit recomposes only the document it touched.
import { Composer, Parser, isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node as YamlNode } from 'yaml';
import type { JsonNode } from '../common/json';

export interface YamlNodeExtras {
  /** For scalars: PLAIN, QUOTE_SINGLE, QUOTE_DOUBLE, BLOCK_LITERAL or BLOCK_FOLDED. */
  style?: string;
  /** True for an alias to a collection: left unexpanded (a YAML alias bomb stays harmless). */
  alias?: boolean;
}

export type TreeNode = JsonNode & YamlNodeExtras;

export interface DocumentSource {
  /** Offset of the document in the file. */
  start: number;
  text: string;
}

export interface ComposedDocument {
  root?: TreeNode;
  /** Syntax errors and warnings, offsets relative to the document. */
  problems: { start: number; end: number; message: string; severity: 'error' | 'warning' }[];
}

/** The documents of a file: fast, no composition (the CST parser only). */
export function splitDocuments(text: string): DocumentSource[] {
  const starts: number[] = [];
  for (const token of new Parser().parse(text)) {
    if (token.type === 'document') starts.push(token.offset);
  }
  if (starts.length === 0) return [{ start: 0, text }];
  starts[0] = 0; // leading comments and directives belong to the first document
  return starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}

/** Composes one document's text (offsets in the result are relative to it). */
export function composeDocument(text: string): ComposedDocument {
  const composer = new Composer({ version: '1.1', uniqueKeys: true, prettyErrors: false });
  const tokens = [...new Parser().parse(text)];
  const docs = [...composer.compose(tokens, true, text.length)] as Document.Parsed[];
  const problems: ComposedDocument['problems'] = [];
  let root: TreeNode | undefined;
  for (const doc of docs) {
    for (const e of doc.errors) problems.push({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1), message: e.message, severity: 'error' });
    for (const w of doc.warnings) problems.push({ start: w.pos[0], end: Math.max(w.pos[1], w.pos[0] + 1), message: w.message, severity: 'warning' });
    root ??= doc.contents ? convert(doc.contents as YamlNode, undefined) : undefined;
  }
  return { root, problems };
}

function convert(node: YamlNode, parent: TreeNode | undefined): TreeNode {
  const [start, valueEnd] = node.range ?? [0, 0];
  const base = { offset: start, length: valueEnd - start, parent } as TreeNode;
  if (isMap(node)) {
    const object = Object.assign(base, { type: 'object' as const, children: [] as TreeNode[] });
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as YamlNode | null;
      if (!key || !isScalar(key)) continue; // complex keys are not part of Kubernetes objects
      const keyRange = key.range ?? [0, 0];
      const value = pair.value as YamlNode | null;
      const end = value?.range ? value.range[1] : keyRange[1];
      const property = { type: 'property', offset: keyRange[0], length: end - keyRange[0], parent: object, children: [] as TreeNode[], colonOffset: keyRange[1] } as TreeNode;
      const keyNode = { type: 'string', value: String(key.value), offset: keyRange[0], length: keyRange[1] - keyRange[0], parent: property, style: key.type } as TreeNode;
      property.children!.push(keyNode);
      // A key with no value (`key:`) reads as null, as the API server reads it.
      property.children!.push(value ? convert(value, property) : ({ type: 'null', value: null, offset: keyRange[1], length: 0, parent: property } as TreeNode));
      object.children!.push(property);
    }
    return object;
  }
  if (isSeq(node)) {
    const array = Object.assign(base, { type: 'array' as const, children: [] as TreeNode[] });
    for (const item of node.items) {
      if (item && typeof item === 'object' && 'range' in item) array.children!.push(convert(item as YamlNode, array));
    }
    return array;
  }
  if (isAlias(node)) return Object.assign(base, { type: 'object' as const, children: [], alias: true });
  const scalar = node as Scalar;
  const value = scalar.value;
  const type = value === null ? 'null' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
  return Object.assign(base, { type, value: typeof value === 'bigint' ? Number(value) : value instanceof Date ? scalar.source : value, style: scalar.type }) as TreeNode;
}

// The common case made cheap. Most Kubernetes documents are plain block maps and sequences of
// scalars, with a few small flow collections ({} and [a, b]). For those, the tree is built straight
// from the `yaml` library's CST (the library still lexes everything and resolves every scalar)
// instead of first composing the library's own Document and then converting it: about half the work
// and a fraction of the garbage. Anything outside that subset (anchors, aliases, tags, merge keys,
// explicit keys, tabs, duplicate keys, a problem of any kind, even a warning) gives up, and the
// caller composes the document in full, so what users see never depends on which way a document
// was built. A test compares both ways on every fixture and on thousands of mutated documents.
import { CST, Document, isScalar } from 'yaml';
import { scalarFields } from './treeScalar';
import type { TreeNode } from './yamlDocuments';

type Token = CST.Token;
type SourceToken = CST.SourceToken;

/** Thrown (and caught below) to leave the quick way; never escapes this module. */
class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

// The schema the full composer uses (YAML 1.1, merge keys on), to resolve plain scalars the same way.
const { schema, options } = new Document(undefined, { version: '1.1', merge: true });
interface ScalarTag { default?: boolean | 'key'; test?: RegExp; resolve: (source: string, onError: (message: string) => void, options: unknown) => unknown }
const plainTags = (schema.tags as unknown as ScalarTag[]).filter((t) => t.test && (t.default === true || t.default === 'key'));

/** A built node, where its value ends (the library's range[1]) and where it ends with its trailing comments (range[2]). */
interface Built {
  node: Mutable<TreeNode>;
  valueEnd: number;
  nodeEnd: number;
}
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The tree of a document given as its CST tokens, or undefined when it needs the full composer. */
export function quickCompose(tokens: Token[]): TreeNode | undefined {
  const doc = tokens[0];
  if (tokens.length !== 1 || doc.type !== 'document') return undefined;
  try {
    let marker = false;
    let newline = false;
    for (const t of doc.start) {
      if (t.type === 'doc-start' && !marker) marker = true;
      else if (t.type === 'newline') newline = true;
      else if (t.type !== 'space' && t.type !== 'comment') giveUp();
    }
    checkSpacing(doc.start, true);
    checkEnd(doc.end, true);
    const value = doc.value;
    if (marker && !newline && (value?.type === 'block-map' || value?.type === 'block-seq')) giveUp();
    return value ? build(value, undefined).node : emptyScalar(doc.start, doc.start.length ? end(doc.start) : doc.offset, undefined).node;
  } catch (error) {
    // a RangeError is the stack running out on absurd nesting, which the full way reports
    if (error instanceof GiveUp || error instanceof RangeError) return undefined;
    throw error;
  }
}

function build(token: Token, parent: TreeNode | undefined): Built {
  switch (token.type) {
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'block-scalar':
      return scalar(token, parent, false).built;
    case 'block-map':
      return blockMap(token, parent);
    case 'block-seq':
      return blockSeq(token, parent);
    case 'flow-collection':
      return flowCollection(token, parent);
    default:
      return giveUp();
  }
}

/** A scalar's node, and its resolved value (what a key's name is made from). */
function scalar(token: CST.FlowScalar | CST.BlockScalar, parent: TreeNode | undefined, atKey: boolean): { built: Built; value: unknown } {
  if (token.type === 'alias') giveUp();
  if (token.type === 'block-scalar') {
    const props = token.props.filter((p) => p.type !== 'block-scalar-header') as SourceToken[];
    if (props.some((p) => p.type !== 'space' && p.type !== 'newline' && p.type !== 'comment')) giveUp();
    checkSpacing(props, false);
  } else {
    checkEnd(token.end, false);
  }
  const resolved = CST.resolveAsScalar(token, true, giveUp)!;
  const source = resolved.value;
  let value: unknown = source;
  if (token.type === 'scalar') {
    const tag = plainTags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test!.test(source));
    if (tag) value = tag.resolve(source, giveUp, options);
    if (isScalar(value)) value = value.value; // YAML 1.1 booleans come wrapped, to keep their spelling
    if (typeof value === 'symbol' || (value !== null && typeof value === 'object' && !(value instanceof Date))) giveUp();
  }
  const [start, valueEnd, nodeEnd] = resolved.range;
  const node = { offset: start, length: valueEnd - start, parent, ...scalarFields(value, source, resolved.type ?? undefined) } as Mutable<TreeNode>;
  return { built: { node, valueEnd, nodeEnd }, value };
}

/** The null a missing value reads as, placed where the `yaml` library places it. */
function emptyScalar(before: SourceToken[], offset: number, parent: TreeNode | undefined): Built {
  let at = offset;
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i];
    if (t.type === 'space' || t.type === 'comment' || t.type === 'newline') {
      at -= t.source.length;
      continue;
    }
    for (let j = i + 1; before[j]?.type === 'space'; j++) at += before[j].source.length;
    break;
  }
  const node = { offset: at, length: 0, parent, type: 'null', value: null, style: 'PLAIN' } as Mutable<TreeNode>;
  return { node, valueEnd: at, nodeEnd: before.some((t) => t.type === 'comment') ? offset : at };
}

function isFlowScalar(token: Token | null | undefined): token is CST.FlowScalar {
  return token?.type === 'scalar' || token?.type === 'single-quoted-scalar' || token?.type === 'double-quoted-scalar';
}

/** A property node for `key` (a scalar on one line), its value built by `value`. */
function property(object: TreeNode, key: CST.FlowScalar, names: Set<string>, value: (property: TreeNode) => Built): Built {
  const { built: keyBuilt, value: keyValue } = scalar(key, undefined, true);
  const name = String(keyValue);
  if (names.has(name)) giveUp(); // duplicate keys: the full way reports them
  names.add(name);
  const keyStart = keyBuilt.node.offset;
  const node = { type: 'property', offset: keyStart, length: 0, parent: object, children: [] as TreeNode[], colonOffset: keyBuilt.valueEnd } as Mutable<TreeNode>;
  const keyNode = { type: 'string', value: name, offset: keyStart, length: keyBuilt.valueEnd - keyStart, parent: node, style: keyBuilt.node.style } as TreeNode;
  const valueBuilt = value(node);
  node.length = valueBuilt.valueEnd - keyStart;
  node.children!.push(keyNode, valueBuilt.node);
  object.children!.push(node);
  return valueBuilt;
}

function blockMap(map: CST.BlockMap, parent: TreeNode | undefined): Built {
  const object = { offset: map.offset, length: 0, parent, type: 'object', children: [] as TreeNode[] } as Mutable<TreeNode>;
  const names = new Set<string>();
  let offset = map.offset;
  let commentEnd: number | undefined;
  map.items.forEach((item, i) => {
    const { start, key, sep, value } = item;
    if (item.explicitKey || start.some((t) => t.type !== 'newline' && t.type !== 'space' && t.type !== 'comment')) giveUp();
    checkSpacing(start, true);
    if (!key && !sep) {
      // only comments: fine at the end of the map, where the parser puts them
      if (i !== map.items.length - 1) giveUp();
      commentEnd = start.length ? end(start) : offset;
      return;
    }
    if (!sep || !isFlowScalar(key) || key.indent !== map.indent || key.source.includes('\n') || key.end?.some((t) => t.type === 'newline')) return giveUp();
    const indicator = sepIndicator(sep, 'map-value-ind', false);
    // the full way reports a ":" more than 1024 characters after its key's start
    if (indicator.offset - key.offset > 1000) giveUp();
    if (value?.type === 'block-map' && !sep.some((t) => t.type === 'newline')) giveUp();
    offset = property(object, key, names, (p) => (value ? build(value, p) : emptyScalar(sep, end(sep), p))).nodeEnd;
  });
  object.length = offset - map.offset;
  return { node: object, valueEnd: offset, nodeEnd: commentEnd ?? offset };
}

function blockSeq(seq: CST.BlockSequence, parent: TreeNode | undefined): Built {
  const array = { offset: seq.offset, length: 0, parent, type: 'array', children: [] as TreeNode[] } as Mutable<TreeNode>;
  let offset = seq.offset;
  let commentEnd: number | undefined;
  seq.items.forEach(({ start, value }, i) => {
    if (!start.some((t) => t.type === 'seq-item-ind')) {
      // only comments: fine at the end of the sequence, where the parser puts them
      if (value || i !== seq.items.length - 1 || start.some((t) => t.type !== 'comment' && t.type !== 'newline' && t.type !== 'space')) giveUp();
      checkSpacing(start, true);
      commentEnd = start.length ? end(start) : offset;
      return;
    }
    sepIndicator(start, 'seq-item-ind', true);
    const built = value ? build(value, array) : emptyScalar(start, end(start), array);
    array.children!.push(built.node);
    offset = built.nodeEnd;
  });
  array.length = offset - seq.offset;
  return { node: array, valueEnd: offset, nodeEnd: commentEnd ?? offset };
}

/** Flow collections on one line without comments: `{}`, `[]`, `[a, b]`, `{name: c, image: x}`. */
function flowCollection(fc: CST.FlowCollection, parent: TreeNode | undefined): Built {
  const isMap = fc.start.source === '{';
  const node = { offset: fc.offset, length: 0, parent, type: isMap ? 'object' : 'array', children: [] as TreeNode[] } as Mutable<TreeNode>;
  const names = new Set<string>();
  fc.items.forEach((item, i) => {
    const { start, key, sep, value } = item as CST.CollectionItem & { explicitKey?: true };
    if ((item as { explicitKey?: true }).explicitKey) giveUp();
    const commas = start.filter((t) => t.type === 'comma').length;
    if (start.some((t) => t.type !== 'comma' && t.type !== 'space') || commas !== (i === 0 ? 0 : 1)) giveUp();
    if (!isMap) {
      if (key || sep || !value) giveUp();
      node.children!.push(flowValue(value!, node).node);
      return;
    }
    if (!sep || !value || !isFlowScalar(key)) return giveUp();
    if (sep.some((t) => t.type !== 'space' && t.type !== 'map-value-ind') || sep.filter((t) => t.type === 'map-value-ind').length !== 1) giveUp();
    property(node, key, names, (p) => flowValue(value, p));
  });
  const [close, ...rest] = fc.end;
  if (close?.source !== (isMap ? '}' : ']')) giveUp();
  checkEnd(rest, false);
  const closeEnd = close.offset + close.source.length;
  node.length = closeEnd - fc.offset;
  return { node, valueEnd: closeEnd, nodeEnd: rest.reduce((at, t) => at + t.source.length, closeEnd) };
}

function flowValue(token: Token, parent: TreeNode): Built {
  if (token.type === 'flow-collection') return flowCollection(token, parent);
  if (!isFlowScalar(token) || token.source.includes('\n') || token.end?.some((t) => t.type !== 'space')) return giveUp();
  return scalar(token, parent, false).built;
}

/** The one indicator a separator must hold, among spaces, newlines and comments. */
function sepIndicator(tokens: SourceToken[], indicator: 'map-value-ind' | 'seq-item-ind', startOnNewline: boolean): SourceToken {
  let found: SourceToken | undefined;
  for (const t of tokens) {
    if (t.type === indicator && !found) found = t;
    else if (t.type !== 'space' && t.type !== 'newline' && t.type !== 'comment') giveUp();
  }
  checkSpacing(tokens, startOnNewline);
  return found ?? giveUp();
}

/** What the full composer objects to among separators: a tab (as indentation), a comment not after white space. */
function checkSpacing(tokens: SourceToken[], startOnNewline: boolean): void {
  let hasSpace = startOnNewline;
  for (const t of tokens) {
    if (t.type === 'space' && t.source.includes('\t')) giveUp();
    if (t.type === 'comment' && !hasSpace) giveUp();
    hasSpace = t.type === 'space' || t.type === 'newline' || (t.type === 'comment' && hasSpace);
  }
}

/** The tokens after a value on its line: spaces, a comment after white space, newlines. */
function checkEnd(tokens: SourceToken[] | undefined, startOnNewline: boolean): void {
  let hasSpace = startOnNewline;
  for (const t of tokens ?? []) {
    if (t.type === 'space' || t.type === 'newline') hasSpace = true;
    else if (t.type !== 'comment' || !hasSpace) giveUp();
  }
}

function end(tokens: SourceToken[]): number {
  const last = tokens[tokens.length - 1];
  return last.offset + last.source.length;
}

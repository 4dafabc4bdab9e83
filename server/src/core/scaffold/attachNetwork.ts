// "Attach network <NAD>": adds a NetworkAttachmentDefinition of the workspace to a pod template's
// Multus networks annotation (k8s.v1.cni.cncf.io/networks). It creates the annotation (and the
// template's `metadata:` / `annotations:` where missing, indented like the file), appends to the
// short comma-separated form, or adds an object to the JSON form; nothing else in the text moves.
// Shapes it cannot edit safely (flow maps, anchors, merge keys, folded or unparsable values) get
// no action rather than a broken document. Pure functions of the text; offsets are into the text.
import { isMap, isNode, isScalar, parse, parseDocument, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { parseJson } from '../common/json';
import { embeddedText } from '../yaml/embeddedText';
import type { DocumentRange, ScaffoldAction, TextEdit } from './codeActions';
import { columnAt, lineStartAt } from '../common/lines';

export const networksKey = 'k8s.v1.cni.cncf.io/networks';

/** A NetworkAttachmentDefinition that can be attached. */
export interface NetworkChoice {
  name: string;
  namespace: string;
}

export interface AttachTarget {
  /** Path from the document's root to the pod template's metadata (['metadata'] for a Pod). */
  metadataPath: string[];
  /** The workload's effective namespace: NADs of another namespace are written `namespace/name`. */
  namespace: string;
}

/** The NADs to offer: valid names, not already requested, own namespace first, each once. */
export function networkChoices(
  nads: NetworkChoice[],
  workloadNamespace: string,
  attached: { name: string; namespace?: string }[],
  isValidName: (name: string) => boolean,
): NetworkChoice[] {
  const key = (namespace: string, name: string) => `${namespace}/${name}`;
  const taken = new Set(attached.map((a) => key(a.namespace ?? workloadNamespace, a.name)));
  const seen = new Set<string>();
  const choices: NetworkChoice[] = [];
  for (const nad of nads) {
    const id = key(nad.namespace, nad.name);
    if (taken.has(id) || seen.has(id) || !isValidName(nad.name) || !isValidName(nad.namespace)) continue;
    seen.add(id);
    choices.push(nad);
  }
  const rank = (c: NetworkChoice) => (c.namespace === workloadNamespace ? 0 : 1);
  return choices.sort((a, b) => rank(a) - rank(b) || (key(a.namespace, a.name) < key(b.namespace, b.name) ? -1 : 1));
}

/**
 * One action per network when the cursor (a text offset) is in the workload's pod template, or
 * none when it is elsewhere or the template's shape cannot be edited safely.
 */
export function attachNetworkActions(
  text: string,
  offset: number,
  target: AttachTarget,
  networks: NetworkChoice[],
  range: DocumentRange = { start: 0, end: text.length },
): ScaffoldAction[] {
  if (networks.length === 0) return [];
  const slice = text.slice(range.start, range.end);
  const plan = planAttach(slice, offset - range.start, target.metadataPath);
  if (!plan) return [];
  const actions: ScaffoldAction[] = [];
  for (const network of networks) {
    const own = network.namespace === target.namespace;
    const edit = plan({ short: own ? network.name : `${network.namespace}/${network.name}`, name: network.name, namespace: own ? undefined : network.namespace });
    if (!edit) continue;
    actions.push({
      title: `Attach network ${own ? network.name : `${network.namespace}/${network.name}`}`,
      edits: [{ start: range.start + edit.start, end: range.start + edit.end, newText: edit.newText }],
    });
  }
  return actions;
}

interface Entry {
  /** As the short form writes it: name or namespace/name. */
  short: string;
  name: string;
  /** Only when the NAD is in another namespace than the pod. */
  namespace?: string;
}

type Plan = (entry: Entry) => TextEdit | undefined;

/** How the annotation is added in this document, or undefined when the cursor is not in the pod template or the shape is not editable. */
function planAttach(text: string, cursor: number, metadataPath: string[]): Plan | undefined {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: true });
  if (doc.errors.length || !isMap(doc.contents) || doc.contents.flow) return undefined;
  const root = doc.contents;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = indentUnit(text, root);

  // Walk to the pod template (the root for a Pod); the cursor must be inside it.
  let template: YAMLMap = root;
  let templatePair: Pair | undefined;
  for (const key of metadataPath.slice(0, -1)) {
    const pair = pairOf(template, key);
    if (!pair || !isMap(pair.value)) return undefined;
    templatePair = pair;
    template = pair.value;
  }
  if (templatePair && !(cursor >= rangeOf(templatePair.key)[0] && cursor <= rangeOf(template)[2])) return undefined;
  if (!editableMap(template)) return undefined;

  const metadataKey = metadataPath[metadataPath.length - 1];
  const metadataPair = pairOf(template, metadataKey);
  if (!metadataPair) {
    // No template metadata: add it, before `spec:` where that starts a line, else after the last key.
    const column = blockColumn(text, template);
    if (column === undefined) return undefined;
    const spec = pairOf(template, 'spec');
    const specStart = spec ? rangeOf(spec.key)[0] : -1;
    const at = spec && columnAt(text, specStart) === column ? specStart - column : afterLastPair(text, template);
    if (at === undefined) return undefined;
    const lead = at > 0 && text[at - 1] !== '\n' ? eol : '';
    return (entry) => ({
      start: at, end: at,
      newText: `${lead}${pad(column)}${metadataKey}:${eol}${pad(column + unit)}annotations:${eol}${pad(column + 2 * unit)}${networksKey}: ${plainOrQuoted(entry.short)}${eol}`,
    });
  }
  const metadata = metadataPair.value as Node | null;
  const metadataColumn = columnAt(text, rangeOf(metadataPair.key)[0]);
  if (isEmptyValue(metadata)) {
    return emptyValueSite(text, metadataPair, eol, (entry) =>
      `${pad(metadataColumn + unit)}annotations:${eol}${pad(metadataColumn + 2 * unit)}${networksKey}: ${plainOrQuoted(entry.short)}`);
  }
  if (!isMap(metadata) || !editableMap(metadata)) return undefined;

  const annotationsPair = pairOf(metadata, 'annotations');
  if (!annotationsPair) {
    const column = blockColumn(text, metadata);
    const at = afterLastPair(text, metadata);
    if (column === undefined || at === undefined) return undefined;
    const lead = text[at - 1] !== '\n' ? eol : '';
    return (entry) => ({ start: at, end: at, newText: `${lead}${pad(column)}annotations:${eol}${pad(column + unit)}${networksKey}: ${plainOrQuoted(entry.short)}${eol}` });
  }
  const annotations = annotationsPair.value as Node | null;
  const annotationsColumn = columnAt(text, rangeOf(annotationsPair.key)[0]);
  if (isEmptyValue(annotations)) {
    return emptyValueSite(text, annotationsPair, eol, (entry) => `${pad(annotationsColumn + unit)}${networksKey}: ${plainOrQuoted(entry.short)}`);
  }
  if (!isMap(annotations) || !editableMap(annotations)) return undefined;

  const networksPair = pairOf(annotations, networksKey);
  if (!networksPair) {
    const column = blockColumn(text, annotations);
    const at = afterLastPair(text, annotations);
    if (column === undefined || at === undefined) return undefined;
    const lead = text[at - 1] !== '\n' ? eol : '';
    return (entry) => ({ start: at, end: at, newText: `${lead}${pad(column)}${networksKey}: ${plainOrQuoted(entry.short)}${eol}` });
  }
  const value = networksPair.value as Node | null;
  if (!value || (isScalar(value) && value.value === null)) {
    return emptyValueSite(text, networksPair, eol, (entry) => plainOrQuoted(entry.short), true);
  }
  if (!isScalar(value) || typeof value.value !== 'string' || value.anchor) return undefined;
  return appendSite(text, value);
}

/** Adds to an existing annotation value: the short form gets `, entry`, the JSON form one more object. */
function appendSite(text: string, scalar: Scalar): Plan | undefined {
  const [start, end] = rangeOf(scalar);
  const style = String(scalar.type ?? 'PLAIN');
  const mapping = embeddedText(text, start, end, style, scalar.value as string);
  if (!mapping) return undefined;
  const value = mapping.text;
  if (style === 'BLOCK_LITERAL' && value.trim() === '') return undefined; // where its content would go is not clear
  // Plain scalars take the inserted text as is: names, "/", "," and spaces keep them plain strings.
  const encode = (inserted: string) => (style === 'PLAIN' ? (inserted.includes('\n') ? undefined : inserted) : mapping.encode(inserted));
  // The same test the annotation rule makes to tell the JSON form from the short one.
  if (!/[[{"]/.test(value)) {
    const at = value.trimEnd().length;
    const separator = value.trim() === '' ? '' : /,$/.test(value.trimEnd()) ? ' ' : ', ';
    return (entry) => {
      const newText = encode(separator + entry.short);
      const offset = mapping.toSource(at);
      return newText === undefined ? undefined : { start: offset, end: offset, newText };
    };
  }
  const parsed = parseJson(value);
  const list = parsed.root;
  if (parsed.problems.length || !list || list.type !== 'array') return undefined;
  const items = list.children ?? [];
  const json = (entry: Entry) => `{"name": ${JSON.stringify(entry.name)}${entry.namespace ? `, "namespace": ${JSON.stringify(entry.namespace)}` : ''}}`;
  let at: number;
  let before: string;
  if (items.length === 0) {
    at = list.offset + list.length - 1; // the closing bracket
    before = '';
  } else {
    const last = items[items.length - 1];
    const previousEnd = items.length > 1 ? items[items.length - 2].offset + items[items.length - 2].length : list.offset + 1;
    at = last.offset + last.length;
    if (value.slice(previousEnd, last.offset).includes('\n')) {
      // One object per line: the new one on its own line, indented like the last.
      const lineStart = lineStartAt(value, last.offset);
      const indent = value.slice(lineStart, last.offset);
      before = `,\n${/^[ \t]*$/.test(indent) ? indent : ''}`;
    } else {
      before = ', ';
    }
  }
  return (entry) => {
    const newText = encode(before + json(entry));
    const offset = mapping.toSource(at);
    return newText === undefined ? undefined : { start: offset, end: offset, newText };
  };
}

/**
 * For `key:` with no value (or null, or `{}`): the value goes on the lines after the key, or on
 * the same line when `inline`; a comment after the key stays where it is.
 */
function emptyValueSite(text: string, pair: Pair, eol: string, content: (entry: Entry) => string, inline = false): Plan | undefined {
  const keyEnd = rangeOf(pair.key)[1];
  const colon = text.indexOf(':', keyEnd);
  if (colon < 0 || text.slice(keyEnd, colon).trim() !== '') return undefined;
  const value = pair.value as Node | null;
  const valueEnd = value && rangeOf(value)[1] > colon ? rangeOf(value)[1] : colon + 1;
  let lineEnd = text.indexOf('\n', colon);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  if (valueEnd > lineEnd) return undefined; // a value over several lines is not empty
  const rest = text.slice(valueEnd, lineEnd).trim();
  if (rest && !rest.startsWith('#')) return undefined;
  const comment = rest ? ` ${rest}` : '';
  return (entry) => ({ start: colon + 1, end: lineEnd, newText: inline ? ` ${content(entry)}${comment}` : `${comment}${eol}${content(entry)}` });
}

/** A block map whose keys are all strings (no merge keys), without an anchor or flow style. */
function editableMap(map: YAMLMap): boolean {
  if (map.flow || map.anchor) return false;
  return map.items.every((p) => isScalar(p.key) && typeof p.key.value === 'string' && p.key.value !== '<<');
}

/** The column of a block map's keys, when its first key starts its line. */
function blockColumn(text: string, map: YAMLMap): number | undefined {
  if (map.items.length === 0) return undefined;
  const first = rangeOf(map.items[0].key)[0];
  const column = columnAt(text, first);
  return /^[ ]*$/.test(text.slice(first - column, first)) ? column : undefined;
}

/** The start of the line after a block map's last entry (the end of the text when it has no final line break). */
function afterLastPair(text: string, map: YAMLMap): number | undefined {
  const last = map.items[map.items.length - 1];
  if (!last) return undefined;
  const end = rangeOf(last.value ?? last.key)[1];
  if (end > 0 && text[end - 1] === '\n') return end;
  const lineEnd = text.indexOf('\n', end);
  return lineEnd < 0 ? text.length : lineEnd + 1;
}

/** The file's indentation step: the first nested block map's offset from its key; 2 when there is none. */
function indentUnit(text: string, root: YAMLMap): number {
  const visit = (map: YAMLMap): number | undefined => {
    for (const pair of map.items) {
      if (!isMap(pair.value) || pair.value.flow) continue;
      const child = blockColumn(text, pair.value);
      const step = child === undefined ? undefined : child - columnAt(text, rangeOf(pair.key)[0]);
      if (step && step > 0) return step;
      const inner = visit(pair.value);
      if (inner) return inner;
    }
    return undefined;
  };
  return visit(root) ?? 2;
}

/** A name as a YAML value that reads back as that string (a NAD may be named `123` or `true`). */
function plainOrQuoted(value: string): string {
  const reads = [parse(value, { version: '1.1' }), parse(value, { version: '1.2' })];
  return reads.every((v) => v === value) ? value : JSON.stringify(value);
}

function isEmptyValue(node: Node | null): boolean {
  return !node || (isScalar(node) && (node.value === null || node.value === '') && !node.anchor && !isQuoted(node)) || (isMap(node) && node.items.length === 0 && !node.anchor);
}

function isQuoted(node: Scalar): boolean {
  return node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function rangeOf(node: unknown): [number, number, number] {
  const [start, valueEnd, end] = (isNode(node) && node.range) || [0, 0, 0];
  return [start, valueEnd, end];
}


function pad(n: number): string {
  return ' '.repeat(n);
}

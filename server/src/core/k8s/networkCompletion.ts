// Completion of NetworkAttachmentDefinition names in the Multus networks annotation, from the
// workspace index: in the short form ("macvlan-conf, other-ns/bridge@eth1") and in the JSON
// form's "name" and "namespace" values. NADs of the pod's namespace come first by plain name.
import { getLocation } from 'jsonc-parser';
import { parseJson, propertyLoose, stringValue, type JsonNode } from '../common/json';
import type { Completion } from '../cni/complete';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { documentAt, type YamlAnalysis } from './analyzeYaml';
import { embed } from './embedded';
import { nodeAt } from './resource';
import { networksAnnotation } from './rules/multusNetworks';

interface Nad {
  name: string;
  namespace: string;
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The workspace's NADs, once each, sorted; only names that are valid (and so safe to insert anywhere). */
function workspaceNads(index: WorkspaceIndex): Nad[] {
  const seen = new Map<string, Nad>();
  for (const o of index.all()) {
    if (o.kind !== 'NetworkAttachmentDefinition' || !dnsLabel.test(o.name) || !dnsLabel.test(o.namespace)) continue;
    seen.set(`${o.namespace}/${o.name}`, { name: o.name, namespace: o.namespace });
  }
  return [...seen.values()].sort((a, b) => (a.namespace + '/' + a.name < b.namespace + '/' + b.name ? -1 : 1));
}

const detail = (nad: Nad) => `NetworkAttachmentDefinition · namespace ${nad.namespace}`;

/**
 * Completion in the short form of the annotation (the JSON form is an embedded region, see
 * completeNetworkJson). undefined when the cursor is not in the annotation's value.
 */
export function completeNetworkNames(analysis: YamlAnalysis, offset: number, index: WorkspaceIndex): Completion[] | undefined {
  const doc = documentAt(analysis, offset);
  const { resource, def } = doc?.analysis ?? {};
  if (!doc || !resource || !def?.podTemplate) return undefined;
  const annotations = nodeAt(resource.root, [...def.podTemplate.metadata, 'annotations']);
  const entry = annotations?.children?.find((p) => p.children?.[0]?.value === networksAnnotation);
  const [keyNode, value] = entry?.children ?? [];
  if (!keyNode || !value) return undefined;
  const relative = offset - doc.start;
  const namespace = resource.namespace ?? 'default';
  if (value.type === 'null' && value.length === 0) {
    // Nothing written yet: "networks:‸" or "networks: ‸".
    const between = doc.text.slice(keyNode.offset + keyNode.length, relative);
    if (!/^[ \t]*:[ \t]*$/.test(between)) return undefined;
    const space = between.endsWith(':') ? ' ' : '';
    return shortItems(workspaceNads(index), namespace, undefined).map((c) => ({ ...c, insertText: space + c.insertText, start: offset, end: offset }));
  }
  if (value.type !== 'string' || relative < value.offset || relative > value.offset + value.length) return undefined;
  const mapping = embed(doc.text, value);
  const inner = mapping?.fromSource(relative);
  if (!mapping || inner === undefined || /[[{"]/.test(mapping.text)) return undefined;
  const text = mapping.text;
  // The entry under the cursor, and its "namespace/name" part (before any "@interface").
  const entryStart = text.lastIndexOf(',', inner - 1) + 1;
  const nextComma = text.indexOf(',', inner);
  const entryText = text.slice(entryStart, nextComma < 0 ? text.length : nextComma);
  const at = entryText.indexOf('@');
  if (at >= 0 && inner > entryStart + at) return [];
  const path = at >= 0 ? entryText.slice(0, at) : entryText;
  const lead = path.length - path.trimStart().length;
  const start = entryStart + lead;
  const end = Math.max(start, entryStart + path.trimEnd().length);
  if (inner < start) return [];
  const typed = text.slice(start, end);
  const typedNamespace = typed.includes('/') ? typed.slice(0, typed.indexOf('/')) : undefined;
  const source = (i: number) => doc.start + mapping.toSource(i);
  const range = { start: source(start), end: end > start ? source(end - 1) + 1 : source(start) };
  return shortItems(workspaceNads(index), namespace, typedNamespace).map((c) => ({ ...c, ...range }));
}

function shortItems(nads: Nad[], namespace: string, typedNamespace: string | undefined): Omit<Completion, 'start' | 'end'>[] {
  return sorted(nads.map((nad) => {
    // Written as "ns/name" when the user started that form, even for the pod's own namespace.
    const plain = nad.namespace === namespace && typedNamespace === undefined;
    const label = plain ? nad.name : `${nad.namespace}/${nad.name}`;
    return { label, kind: 'value' as const, detail: detail(nad), insertText: label, snippet: false, filterText: label, sortText: `${nad.namespace === (typedNamespace ?? namespace) ? 0 : 1}${label}` };
  }));
}

const sorted = <T extends { sortText?: string }>(items: T[]): T[] => items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));

/**
 * NAD names and namespaces for the JSON form, on the decoded JSON text: the value of "name"
 * (NADs of the attachment's namespace by plain name; with no "namespace" key, NADs of other
 * namespaces too, inserting the "namespace" key after the name), and of "namespace".
 */
export function completeNetworkJson(text: string, offset: number, podNamespace: string, index: WorkspaceIndex): Completion[] {
  const location = getLocation(text, offset);
  const path = location.path;
  if (location.isAtPropertyKey || path.length !== 2 || typeof path[0] !== 'number' || typeof path[1] !== 'string') return [];
  const key = path[1].toLowerCase();
  if (key !== 'name' && key !== 'namespace') return [];
  const node = location.previousNode;
  // Inside a string: replace its content; after the colon: insert a whole string.
  const isString = node?.type === 'string';
  const closed = isString && node.length >= 2 && text[node.offset + node.length - 1] === '"';
  const inString = isString && offset > node.offset && (closed ? offset < node.offset + node.length : offset <= node.offset + node.length);
  if (isString && !inString) return [];
  const start = inString ? node.offset + 1 : offset;
  const end = inString ? node.offset + node.length - (closed ? 1 : 0) : offset;
  const quote = (s: string) => (inString ? s : JSON.stringify(s));
  const item = itemAt(text, path[0]);
  const written = stringValue(propertyLoose(item, 'namespace'));
  const namespace = written ?? podNamespace;
  const nads = workspaceNads(index);
  if (key === 'namespace') {
    const name = stringValue(propertyLoose(item, 'name'));
    const holding = new Map<string, string[]>();
    for (const nad of nads) holding.set(nad.namespace, [...(holding.get(nad.namespace) ?? []), nad.name]);
    const offered = [...holding].filter(([, names]) => !name || !nads.some((n) => n.name === name) || names.includes(name));
    return sorted(offered.map(([ns, names]) => ({
      label: ns, kind: 'value' as const, detail: `NetworkAttachmentDefinitions: ${names.join(', ')}`, insertText: quote(ns), snippet: false,
      start, end, filterText: quote(ns), sortText: `${ns === podNamespace ? 0 : 1}${ns}`,
    })));
  }
  return sorted(nads.filter((nad) => nad.namespace === namespace || written === undefined).map((nad) => {
    const own = nad.namespace === namespace;
    // A NAD of another namespace brings its "namespace" key along, after the name.
    const insertText = own ? quote(nad.name)
      : inString ? `${nad.name}", "namespace": "${nad.namespace}${closed ? '' : '"'}`
      : `${JSON.stringify(nad.name)}, "namespace": ${JSON.stringify(nad.namespace)}`;
    const label = own ? nad.name : `${nad.namespace}/${nad.name}`;
    return { label, kind: 'value' as const, detail: detail(nad), insertText, snippet: false, start, end, filterText: quote(nad.name), sortText: `${own ? 0 : 1}${label}` };
  }));
}

function itemAt(text: string, index: number): JsonNode | undefined {
  const root = parseJson(text).root;
  return root?.type === 'array' ? root.children?.[index] : undefined;
}

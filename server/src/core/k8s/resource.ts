// A Kubernetes object as read from one YAML document: what it is, its name and namespace, and
// the nodes rules and features point at.
import { property, stringValue, type JsonNode } from '../common/json';

export interface Resource {
  root: JsonNode;
  apiVersion?: string;
  kind?: string;
  apiVersionNode?: JsonNode;
  kindNode?: JsonNode;
  metadata?: JsonNode;
  name?: string;
  nameNode?: JsonNode;
  /** As written; the default namespace applies when absent. */
  namespace?: string;
  labels: Map<string, string>;
  annotations: Map<string, { value: string; node: JsonNode; keyNode: JsonNode }>;
}

export function readResource(root: JsonNode): Resource | undefined {
  if (root.type !== 'object') return undefined;
  const apiVersionNode = property(root, 'apiVersion');
  const kindNode = property(root, 'kind');
  const metadata = property(root, 'metadata');
  const nameNode = property(metadata, 'name');
  return {
    root,
    apiVersion: stringValue(apiVersionNode),
    kind: stringValue(kindNode),
    apiVersionNode,
    kindNode,
    metadata,
    name: stringValue(nameNode),
    nameNode,
    namespace: stringValue(property(metadata, 'namespace')),
    labels: stringMap(property(metadata, 'labels')),
    annotations: annotationsOf(metadata),
  };
}

export function stringMap(node: JsonNode | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of node?.type === 'object' ? node.children ?? [] : []) {
    const [k, v] = p.children ?? [];
    if (k && v && v.value !== undefined && v.value !== null) map.set(String(k.value), String(v.value));
  }
  return map;
}

/** The string-valued annotations of a metadata object. */
export function annotationsOf(metadata: JsonNode | undefined): Resource['annotations'] {
  const node = property(metadata, 'annotations');
  const map: Resource['annotations'] = new Map();
  for (const p of node?.type === 'object' ? node.children ?? [] : []) {
    const [k, v] = p.children ?? [];
    if (k && v?.type === 'string') map.set(String(k.value), { value: String(v.value), node: v, keyNode: k });
  }
  return map;
}

/** The node at a path of keys and indexes, if every step exists. */
export function nodeAt(root: JsonNode | undefined, path: (string | number)[]): JsonNode | undefined {
  let node = root;
  for (const step of path) {
    if (!node) return undefined;
    node = typeof step === 'number' ? (node.type === 'array' ? node.children?.[step] : undefined) : property(node, step);
  }
  return node;
}

/** The items of an array node (none for anything else). */
export function items(node: JsonNode | undefined): JsonNode[] {
  return node?.type === 'array' ? node.children ?? [] : [];
}

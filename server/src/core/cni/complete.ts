// Completion at an offset of a CNI config: keys valid for the plugin named by `type`, enum and
// boolean values, plugin and IPAM types, whole plugin objects in `plugins`, and skeleton files.
import { findNodeAtOffset, getLocation, type Location } from 'jsonc-parser';
import { parseJson, type JsonNode } from '../common/json';
import { schemaAtPath } from '../common/jsonSchema';
import type { CniAnalysis } from './analyze';
import { keyDocs, pluginDocs, typeLabel } from './docs';
import { schemaAt, type JsonPath, type SchemaAt } from './schemaNav';
import type { JsonSchema, SchemaRegistry } from './schemaRegistry';
import { recommendedVersion } from './rules/listRules';
import { lineStartAt } from '../common/lines';

export interface Completion {
  label: string;
  kind: 'property' | 'value' | 'plugin' | 'snippet';
  detail?: string;
  documentation?: string;
  insertText: string;
  snippet: boolean;
  start: number;
  end: number;
  sortText?: string;
  filterText?: string;
}

export function completeCni(analysis: CniAnalysis, offset: number, registry: SchemaRegistry): Completion[] {
  const { text, model } = analysis;
  if (!model || text.trim() === '') return text.trim() === '' ? skeletons(registry, offset, offset) : [];
  const location = getLocation(text, offset);
  const path = location.path;
  const node = location.previousNode;
  if (location.isAtPropertyKey) return keyCompletions(analysis.parsed.root, schemaAt(model, registry, path.slice(0, -1)), path.slice(0, -1), offset, node);
  const last = path[path.length - 1];
  if (typeof last === 'number' && model.shape === 'list' && path.length === 2 && path[0] === 'plugins' && !insideValue(analysis, offset)) {
    return pluginSnippets(registry, text, offset);
  }
  return valueCompletions(analysis, registry, path, offset, location);
}

/**
 * Completion in JSON that one schema describes (the JSON embedded in YAML beside CNI configs: the
 * Multus networks annotation, flannel's net-conf.json): its keys as for a CNI config, and enum,
 * boolean, default and example values. `owner` names the text in the docs ("flannel net-conf.json").
 */
export function completeJsonSchema(text: string, offset: number, schema: JsonSchema, owner: string): Completion[] {
  const location = getLocation(text, offset);
  const path = location.path;
  const at = (p: JsonPath): SchemaAt | undefined => {
    const found = schemaAtPath(schema, p, true);
    return found && { schema: found.schema, root: schema, owner, key: found.key };
  };
  if (location.isAtPropertyKey) return keyCompletions(parseJson(text).root, at(path.slice(0, -1)), path.slice(0, -1), offset, location.previousNode);
  const found = at(path);
  return found ? schemaValues(found.schema, valueSpan(location, offset)) : [];
}

function keyCompletions(root: JsonNode | undefined, at: SchemaAt | undefined, objectPath: JsonPath, offset: number, node: JsonNode | undefined): Completion[] {
  const properties = at?.schema.properties;
  if (!at || !properties) return [];
  const object = objectAt(root, objectPath);
  const present = new Set((object?.children ?? []).map((p) => String(p.children?.[0]?.value).toLowerCase()));
  // Replace a key being typed ("ma|"), and only the key when the property already has its colon.
  // getLocation's node is a lightweight copy; the parsed tree knows the key's parent property.
  const keyNode = node && root ? findNodeAtOffset(root, offset, true) : undefined;
  const editingKey = keyNode?.type === 'string' && keyNode.parent?.type === 'property' && keyNode.parent.children?.[0] === keyNode ? keyNode : undefined;
  const keyOnly = editingKey?.parent?.colonOffset !== undefined;
  if (editingKey) present.delete(String(editingKey.value).toLowerCase());
  const start = editingKey ? editingKey.offset : offset;
  const end = editingKey ? editingKey.offset + editingKey.length : offset;
  const url = at.root['x-cni']?.docUrl ?? at.root['x-docUrl'];
  return Object.entries(properties)
    .filter(([key, schema]) => !present.has(key.toLowerCase()) && !isRuntimeOnly(key, schema))
    .map(([key, schema]) => ({
      label: key,
      kind: 'property' as const,
      detail: typeLabel(schema),
      documentation: keyDocs(key, schema, at.owner, url),
      insertText: keyOnly ? JSON.stringify(key) : `${JSON.stringify(key)}: ${valueSnippet(key, schema)}`,
      snippet: !keyOnly,
      start,
      end,
      filterText: JSON.stringify(key),
      sortText: (at.schema.required?.includes(key) ? '0' : '1') + key,
    }));
}

function valueCompletions(analysis: CniAnalysis, registry: SchemaRegistry, path: JsonPath, offset: number, location: Location): Completion[] {
  const at = schemaAt(analysis.model!, registry, path);
  if (!at) return [];
  const span = valueSpan(location, offset);
  const value = valueCompletion(span);
  const key = String(path[path.length - 1] ?? '').toLowerCase();
  const inPlugin = analysis.model!.shape === 'single' ? path.length === 1 : path.length === 3 && path[0] === 'plugins';
  if (key === 'type' && inPlugin) {
    return [...registry.plugins.values()].map((s) => value(s.title!, s.title, pluginDocs(s), describeKind(s)));
  }
  const inIpam = path.length >= 2 && String(path[path.length - 2]).toLowerCase() === 'ipam';
  if (key === 'type' && inIpam) {
    return [...registry.ipams.values()].map((s) => value(s.title!, s.title, pluginDocs(s), 'IPAM plugin'));
  }
  return schemaValues(at.schema, span);
}

/** What a value completion replaces: the scalar being typed, or nothing at the cursor. */
function valueSpan(location: Location, offset: number): { start: number; end: number } {
  const node = location.previousNode && ['string', 'number', 'boolean', 'null'].includes(location.previousNode.type) ? location.previousNode : undefined;
  return node ? { start: node.offset, end: node.offset + node.length } : { start: offset, end: offset };
}

function valueCompletion({ start, end }: { start: number; end: number }) {
  return (label: string, insert: unknown, documentation?: string, detail?: string): Completion => ({
    label, kind: 'value', insertText: JSON.stringify(insert), snippet: false, start, end, documentation, detail, filterText: JSON.stringify(insert),
  });
}

/** Values a schema offers: its enum, true/false, else its default or examples. */
function schemaValues(schema: JsonSchema, span: { start: number; end: number }): Completion[] {
  const value = valueCompletion(span);
  if (schema.enum) {
    return schema.enum.map((v, i) => ({ ...value(String(v), v, schema.enumDescriptions?.[i]), sortText: v === recommendedVersion ? '0' : `1${i}` }));
  }
  const types = ([] as string[]).concat(schema.type ?? []);
  if (types.includes('boolean')) return [value('true', true), value('false', false)];
  if (schema.default !== undefined) return [value(JSON.stringify(schema.default), schema.default, 'The default value.')];
  return (schema.examples ?? []).filter((e) => typeof e !== 'object').map((e) => value(JSON.stringify(e), e, 'Example value.'));
}

/** Whole plugin objects for an empty slot of the `plugins` array. */
function pluginSnippets(registry: SchemaRegistry, text: string, offset: number): Completion[] {
  const indent = lineIndent(text, offset);
  return [...registry.plugins.values()].filter((s) => s['x-cni']?.snippet).map((s) => ({
    label: `${s.title} plugin`,
    kind: 'snippet' as const,
    detail: describeKind(s),
    documentation: pluginDocs(s),
    insertText: escapeSnippet(JSON.stringify(s['x-cni']!.snippet, null, 2)).replace(/\n/g, `\n${indent}`),
    snippet: true,
    start: offset,
    end: offset,
    filterText: s.title,
    sortText: (s['x-cni']!.kind === 'interface' ? '0' : '1') + s.title,
  }));
}

/** Complete starter files for an empty document. */
function skeletons(registry: SchemaRegistry, start: number, end: number): Completion[] {
  const portmap = registry.plugins.get('portmap')?.['x-cni']?.snippet;
  return [...registry.plugins.values()].filter((s) => s['x-cni']?.kind === 'interface' && s['x-cni'].snippet && !s['x-cni'].project).map((s) => {
    const plugins = [s['x-cni']!.snippet, ...(portmap && s.title !== 'loopback' ? [portmap] : [])];
    const config = { cniVersion: recommendedVersion, name: `${s.title}-net`, plugins };
    return {
      label: `${s.title} network`,
      kind: 'snippet' as const,
      detail: 'CNI network configuration list',
      documentation: pluginDocs(s),
      insertText: escapeSnippet(JSON.stringify(config, null, 2)),
      snippet: true,
      start,
      end,
    };
  });
}

function valueSnippet(key: string, schema: JsonSchema): string {
  if (schema.enum) return `\${1|${schema.enum.map((v) => escapeChoice(JSON.stringify(v))).join(',')}|}`;
  const type = ([] as string[]).concat(schema.type ?? [])[0];
  const fallback = schema.default ?? schema.examples?.[0];
  switch (type) {
    case 'boolean': return fallback === true ? '${1|true,false|}' : '${1|false,true|}';
    case 'integer':
    case 'number': return `\${1:${typeof fallback === 'number' ? fallback : 0}}`;
    case 'array': return '[$1]';
    case 'object': return key === 'ipam' ? '{\n\t"type": "$1"\n}' : '{$1}';
    case 'string': return typeof fallback === 'string' ? `"\${1:${escapeSnippet(fallback)}}"` : '"$1"';
    default: return '$1';
  }
}

function isRuntimeOnly(key: string, schema: JsonSchema): boolean {
  return key === 'prevResult' || key === 'runtimeConfig' || !!schema.deprecationMessage;
}

function describeKind(schema: JsonSchema): string {
  const meta = schema['x-cni'];
  const kind = meta?.kind === 'meta' ? 'meta plugin' : meta?.kind === 'ipam' ? 'IPAM plugin' : 'interface plugin';
  return meta?.project ? `${kind} (${meta.project})` : kind;
}

function objectAt(root: JsonNode | undefined, path: JsonPath): JsonNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = node.type === 'array' ? node.children?.[segment] : undefined;
    else node = node.type === 'object' ? node.children?.find((p) => p.children?.[0]?.value === segment)?.children?.[1] : undefined;
  }
  return node?.type === 'object' ? node : undefined;
}

function insideValue(analysis: CniAnalysis, offset: number): boolean {
  const node = analysis.parsed.root && findNodeAtOffset(analysis.parsed.root, offset, false);
  return !!node && node.type !== 'array' && offset > node.offset && offset < node.offset + node.length;
}

function lineIndent(text: string, offset: number): string {
  const lineStart = lineStartAt(text, offset);
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function escapeChoice(text: string): string {
  return text.replace(/[,|$}\\]/g, '\\$&');
}

// Hover, completion and outline for Kubernetes YAML: CNIKit's schemas and docs on the object's
// keys, and the full CNI features inside embedded configs (mapped through the YAML string).
import { findNodeAtOffset, getNodePath } from 'jsonc-parser';
import { analyzeCni } from '../cni/analyze';
import { completeCni, completeJsonSchema, type Completion } from '../cni/complete';
import { hoverCni, type HoverResult } from '../cni/hover';
import { keyDocs, typeLabel } from '../cni/docs';
import { schemaAtPath, withDocs, type JsonSchema } from '../common/jsonSchema';
import { parseJson, type JsonNode } from '../common/json';
import type { SchemaRegistry } from '../cni/schemaRegistry';
import type { EmbeddedLanguage, EmbeddedRegion } from './embedded';
import type { K8sRegistry } from './k8sRegistry';
import { documentAt, type DocumentSymbolFacts, type YamlAnalysis, type YamlDocument } from './analyzeYaml';
import { contextAt } from './yamlContext';
import { kinds, type KindDef } from './kinds';
import { networkingScope } from './networkingScope';
import { completeNetworkJson } from './networkCompletion';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import networksSchema from '../../../../schemas/multus/networks-annotation.schema.json';
import netConfSchema from '../../../../schemas/flannel/net-conf.schema.json';

export interface YamlServices {
  cni: SchemaRegistry;
  k8s: K8sRegistry;
}

export function hoverYaml(analysis: YamlAnalysis, offset: number, services: YamlServices): HoverResult | undefined {
  const doc = documentAt(analysis, offset);
  if (!doc) return undefined;
  const relative = offset - doc.start;
  const region = regionAt(doc, relative);
  if (region) return shiftHover(hoverEmbedded(region, relative, services), doc.start);
  const { root, def } = doc.analysis;
  const schema = def ? services.k8s.schema(def) : undefined;
  if (!root || !schema || !def) return undefined;
  const node = findNodeAtOffset(root, relative, true);
  const property = node?.parent?.type === 'property' ? node.parent : undefined;
  if (!node || !property || property.children?.[0] !== node) return undefined;
  const path = getNodePath(property.children[1] ?? node);
  const at = schemaAtPath(schema, path);
  if (!at) return undefined;
  const key = at.key ?? String(node.value);
  return { start: doc.start + node.offset, end: doc.start + node.offset + node.length, markdown: keyDocs(key, at.schema, def.kind, schema['x-docUrl']) };
}

/** @param index the workspace, for the NADs a Multus networks annotation may name */
export function completeYamlEmbedded(analysis: YamlAnalysis, offset: number, services: YamlServices, index?: WorkspaceIndex): Completion[] | undefined {
  const doc = documentAt(analysis, offset);
  const region = doc && regionAt(doc, offset - doc.start);
  if (!doc || !region?.mapping) return undefined;
  const mapping = region.mapping;
  const inner = mapping.fromSource(offset - doc.start);
  if (inner === undefined) return undefined;
  let items = region.language === 'cni'
    ? completeCni(analyzeCni(mapping.text, services.cni, { shape: region.shape ?? 'auto', embedded: true }), inner, services.cni)
    : completeJsonSchema(mapping.text, inner, embeddedSchema(region.language), embeddedOwner(region.language));
  const nads = region.language === 'multus-networks' && index ? completeNetworkJson(mapping.text, inner, doc.analysis.resource?.namespace ?? 'default', index) : [];
  // the workspace's NADs replace the schema's example names, which may name nothing that exists
  if (nads.length) items = [...items.filter((c) => c.kind !== 'value'), ...nads];
  const literal = mapping.encodeJson('\n') !== ' ' && mapping.encodeJson('"') === '"';
  return items.flatMap((c) => {
    const insert = c.snippet && !literal ? plainFromSnippet(c.insertText) : c.insertText;
    const newText = mapping.encodeJson(insert);
    if (newText === undefined) return [];
    const start = doc.start + mapping.toSource(c.start);
    const end = c.end > c.start ? doc.start + mapping.toSource(c.end - 1) + 1 : start;
    return [{ ...c, insertText: newText, snippet: c.snippet && literal, start, end, filterText: c.filterText && mapping.encodeJson(c.filterText) }];
  });
}

function hoverEmbedded(region: EmbeddedRegion, relative: number, services: YamlServices): HoverResult | undefined {
  const mapping = region.mapping;
  const inner = mapping?.fromSource(relative);
  if (!mapping || inner === undefined) return undefined;
  if (region.language === 'cni') {
    const hover = hoverCni(analyzeCni(mapping.text, services.cni, { shape: region.shape ?? 'auto', embedded: true }), inner, services.cni);
    return hover && { ...hover, start: mapping.toSource(hover.start), end: mapping.toSource(Math.max(hover.end - 1, hover.start)) + 1 };
  }
  return hoverJsonKey(mapping.text, inner, embeddedSchema(region.language), embeddedOwner(region.language), (s, e) => ({ start: mapping.toSource(s), end: mapping.toSource(e - 1) + 1 }));
}

/** The schema of an embedded JSON text that is not a CNI config. */
function embeddedSchema(language: Exclude<EmbeddedLanguage, 'cni'>): JsonSchema {
  return (language === 'multus-networks' ? networksSchema : netConfSchema) as JsonSchema;
}

function embeddedOwner(language: Exclude<EmbeddedLanguage, 'cni'>): string {
  return language === 'multus-networks' ? 'Multus networks annotation' : 'flannel net-conf.json';
}

/** Hover on a key of a plain JSON text described by one schema (the embedded non-CNI JSON). */
function hoverJsonKey(text: string, offset: number, schema: JsonSchema, owner: string, toSource: (s: number, e: number) => { start: number; end: number }): HoverResult | undefined {
  // Parsed on demand: hovers are rare and these texts are short.
  const root = parseJson(text).root;
  const node = root && findNodeAtOffset(root, offset, true);
  const property = node?.parent?.type === 'property' ? node.parent : undefined;
  if (!node || !property || property.children?.[0] !== node) return undefined;
  const at = schemaAtPath(schema, getNodePath(property.children[1] ?? node), true);
  if (!at) return undefined;
  return { ...toSource(node.offset, node.offset + node.length), markdown: keyDocs(at.key ?? String(node.value), at.schema, owner, schema['x-docUrl']) };
}

function regionAt(doc: YamlDocument, relative: number): EmbeddedRegion | undefined {
  return doc.analysis.embedded.find((r) => relative >= r.node.offset && relative <= r.node.offset + r.node.length);
}

function shiftHover(hover: HoverResult | undefined, by: number): HoverResult | undefined {
  return hover && { ...hover, start: hover.start + by, end: hover.end + by };
}

/** Snippet syntax reduced to its default text, for strings where snippet escapes would clash with YAML's. */
function plainFromSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

/** A document's symbol with its offsets moved from the document to the file. */
export type YamlSymbol = DocumentSymbolFacts;

/** One symbol per Kubernetes object: "Kind name", spanning its document. */
export function outlineYaml(analysis: YamlAnalysis): YamlSymbol[] {
  return analysis.docs.flatMap((doc) => {
    const s = doc.symbol;
    return s ? [{
      ...s, start: doc.start + s.start, end: doc.start + s.end, selectionStart: doc.start + s.selectionStart, selectionEnd: doc.start + s.selectionEnd,
    }] : [];
  });
}

/** Kubernetes completion outside embedded strings: keys by indentation, enum values, kinds. */
export function completeYamlK8s(analysis: YamlAnalysis, offset: number, services: YamlServices): Completion[] {
  const doc = documentAt(analysis, offset);
  if (!doc) return [];
  const context = contextAt(doc.text, offset - doc.start);
  if (!context) return [];
  const start = doc.start + context.start;
  const end = offset;
  const { resource, def } = doc.analysis;
  if (context.kind === 'value' && context.path.length === 0 && (context.key === 'kind' || context.key === 'apiVersion')) {
    return servedKinds(resource?.kind, context.key).map((k) => ({ label: k.label, kind: 'value' as const, detail: k.detail, insertText: k.label, snippet: false, start, end }));
  }
  const schema = def ? services.k8s.schema(def) : undefined;
  if (!def || !schema) {
    const typingFirstObject = context.kind === 'key' && context.path.length === 0 && !resource?.kind && !/^kind:/m.test(doc.text);
    return typingFirstObject ? starterObjects(start, end) : [];
  }
  if (def.podTemplate && !inNetworkingScope(def, context.kind === 'key' ? context.path : [...context.path, context.key])) return [];
  if (context.kind === 'value') {
    const at = schemaAtPath(schema, [...context.path, context.key]);
    const values = at?.schema.enum ?? (([] as string[]).concat(at?.schema.type ?? []).includes('boolean') ? [true, false] : []);
    return values.map((v, i) => ({ label: String(v), kind: 'value' as const, insertText: String(v), snippet: false, start, end, documentation: at?.schema.enumDescriptions?.[i] }));
  }
  const at = schemaAtPath(schema, context.path);
  const properties = at?.schema.properties ?? {};
  const indent = ' '.repeat(context.column);
  return Object.entries(properties)
    .filter(([key]) => !context.siblings.has(key) && key !== 'status')
    .filter(([key]) => !def.podTemplate || inNetworkingScope(def, [...context.path, key]))
    .map(([key, sub]) => {
      const resolved = withDocs(sub, schema) ?? sub;
      return {
        label: key,
        kind: 'property' as const,
        detail: typeLabel(resolved),
        documentation: keyDocs(key, resolved, def.kind, schema['x-docUrl']),
        insertText: `${key}:${blockSnippet(resolved, indent)}`,
        snippet: true,
        start,
        end,
        sortText: (at?.schema.required?.includes(key) ? '0' : '1') + key,
      };
    });
}

function blockSnippet(schema: JsonSchema, indent: string): string {
  const type = ([] as string[]).concat(schema.type ?? [])[0];
  if (type === 'object' || schema.properties) return `\n${indent}  $0`;
  if (type === 'array') return `\n${indent}  - $0`;
  if (schema.enum) return ` \${1|${schema.enum.map(String).join(',')}|}`;
  return ' $0';
}

function servedKinds(currentKind: string | undefined, key: 'kind' | 'apiVersion'): { label: string; detail: string }[] {
  const live = kinds.filter((k) => !k.removed && k.group !== 'flannel');
  if (key === 'kind') return [...new Map(live.map((k) => [k.kind, { label: k.kind, detail: k.apiVersion }])).values()];
  return live.filter((k) => !currentKind || k.kind === currentKind).map((k) => ({ label: k.apiVersion, detail: k.kind }));
}

/** Skeletons of every served kind, for an empty document. */
function starterObjects(start: number, end: number): Completion[] {
  return kinds.filter((k) => !k.removed && k.apiVersion !== 'crd.projectcalico.org/v1').map((k) => ({
    label: `${k.kind} (${k.apiVersion})`,
    kind: 'snippet' as const,
    detail: 'Kubernetes object',
    insertText: `apiVersion: ${k.apiVersion}\nkind: ${k.kind}\nmetadata:\n  name: \${1:name}\n$0`,
    snippet: true,
    start,
    end,
    filterText: k.kind,
  }));
}

function inNetworkingScope(def: KindDef, path: (string | number)[]): boolean {
  const pointer = path.map((p) => (typeof p === 'number' ? '0' : p)).join('/');
  return networkingScope(def.podTemplate!)(pointer ? `/${pointer}` : '') || isPrefixOfScope(def, path);
}

/** Keys on the way to a networking field (spec, template...) are offered too. */
function isPrefixOfScope(def: KindDef, path: (string | number)[]): boolean {
  const template = def.podTemplate!;
  const ways = [template.spec, template.metadata, [...template.spec, 'containers'], [...template.spec, 'initContainers']];
  const named = path.filter((p) => typeof p === 'string');
  return ways.some((way) => named.length <= way.length && named.every((p, i) => p === way[i]));
}

// Hover, completion and outline for Kubernetes YAML: CNIKit's schemas and docs on the object's
// keys, and the full CNI features inside embedded configs (mapped through the YAML string).
import { findNodeAtOffset, getNodePath } from 'jsonc-parser';
import { analyzeCni } from '../cni/analyze';
import { completeCni, type Completion } from '../cni/complete';
import { hoverCni, type HoverResult } from '../cni/hover';
import { keyDocs } from '../cni/docs';
import { schemaAtPath, type JsonSchema } from '../common/jsonSchema';
import { parseJson, type JsonNode } from '../common/json';
import type { SchemaRegistry } from '../cni/schemaRegistry';
import type { EmbeddedRegion } from './embedded';
import type { K8sRegistry } from './k8sRegistry';
import { documentAt, type YamlAnalysis, type YamlDocument } from './analyzeYaml';
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

export function completeYamlEmbedded(analysis: YamlAnalysis, offset: number, services: YamlServices): Completion[] | undefined {
  const doc = documentAt(analysis, offset);
  const region = doc && regionAt(doc, offset - doc.start);
  if (!doc || !region?.mapping || region.language !== 'cni') return undefined;
  const mapping = region.mapping;
  const inner = mapping.fromSource(offset - doc.start);
  if (inner === undefined) return undefined;
  const cni = analyzeCni(mapping.text, services.cni, { shape: region.shape ?? 'auto', embedded: true });
  const literal = mapping.encode('\n') !== ' ' && mapping.encode('"') === '"';
  return completeCni(cni, inner, services.cni).flatMap((c) => {
    const insert = c.snippet && !literal ? plainFromSnippet(c.insertText) : c.insertText;
    const newText = mapping.encode(insert);
    if (newText === undefined) return [];
    const start = doc.start + mapping.toSource(c.start);
    const end = c.end > c.start ? doc.start + mapping.toSource(c.end - 1) + 1 : start;
    return [{ ...c, insertText: newText, snippet: c.snippet && literal, start, end, filterText: c.filterText && mapping.encode(c.filterText) }];
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
  const schema = (region.language === 'multus-networks' ? networksSchema : netConfSchema) as JsonSchema;
  return hoverJsonKey(mapping.text, inner, schema, region.language === 'multus-networks' ? 'Multus networks annotation' : 'flannel net-conf.json', (s, e) => ({ start: mapping.toSource(s), end: mapping.toSource(e - 1) + 1 }));
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

export interface YamlSymbol {
  name: string;
  detail: string;
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
}

/** One symbol per Kubernetes object: "Kind name", spanning its document. */
export function outlineYaml(analysis: YamlAnalysis): YamlSymbol[] {
  return analysis.docs.flatMap((doc) => {
    const r = doc.analysis.resource;
    if (!r?.kind) return [];
    const selection: JsonNode = r.nameNode ?? r.kindNode ?? r.root;
    return [{
      name: `${r.kind} ${r.name ?? '(unnamed)'}`,
      detail: [r.apiVersion, r.namespace && `namespace ${r.namespace}`].filter(Boolean).join(' · '),
      start: doc.start + r.root.offset,
      end: doc.start + r.root.offset + r.root.length,
      selectionStart: doc.start + selection.offset,
      selectionEnd: doc.start + selection.offset + selection.length,
    }];
  });
}

// Hover at an offset: docs for the key under the cursor, the plugin named by a `type` value,
// or the meaning of an enum value.
import { findNodeAtOffset, getNodePath } from 'jsonc-parser';
import type { CniAnalysis } from './analyze';
import { keyDocs, pluginDocs } from './docs';
import { schemaAt } from './schemaNav';
import type { SchemaRegistry } from './schemaRegistry';

export interface HoverResult {
  start: number;
  end: number;
  markdown: string;
}

export function hoverCni(analysis: CniAnalysis, offset: number, registry: SchemaRegistry): HoverResult | undefined {
  const root = analysis.parsed.root;
  if (!root || !analysis.model) return undefined;
  const node = findNodeAtOffset(root, offset, true);
  const property = node?.parent?.type === 'property' ? node.parent : undefined;
  if (!node || !property) return undefined;
  const valueNode = property.children?.[1];
  const path = getNodePath(valueNode ?? node);
  const at = schemaAt(analysis.model, registry, path);
  const key = String(property.children?.[0]?.value);
  const range = { start: node.offset, end: node.offset + node.length };
  const isKey = property.children?.[0] === node;
  if (!isKey && key.toLowerCase() === 'type' && node.type === 'string') {
    const schema = registry.plugins.get(String(node.value)) ?? registry.ipams.get(String(node.value));
    if (schema) return { ...range, markdown: pluginDocs(schema) };
  }
  if (!at) return undefined;
  const docs = keyDocs(at.key ?? key, at.schema, at.owner, at.root['x-cni']?.docUrl);
  if (!isKey && at.schema.enum) {
    const i = at.schema.enum.indexOf(node.value);
    const about = i >= 0 ? at.schema.enumDescriptions?.[i] : undefined;
    if (about) return { ...range, markdown: `\`${JSON.stringify(node.value)}\`: ${about}\n\n---\n\n${docs}` };
  }
  return { ...range, markdown: docs };
}

// Where the configs `cnikit try` runs stand in a file: the NetworkAttachmentDefinitions of a YAML
// file, numbered as `--document N` counts them, and the source range of each plugin entry the
// sandbox hands to a plugin, so that a plugin's error lands on the entry it came from (inside a
// NAD's spec.config too, through the decoded↔source mapping). Pure: the CLI and the editor share it.
import { parseTree, type Node } from 'jsonc-parser';
import { isMap, isScalar, parseAllDocuments } from 'yaml';
import { embeddedText } from '../yaml/embeddedText';
import { property } from '../common/json';

export interface OffsetRange {
  start: number;
  end: number;
}

export interface NadTarget {
  /** 1-based, counted as `cnikit try --document N` counts (every document of the file). */
  document: number;
  name?: string;
  /** The document's content (from its first node to the end of its last). */
  start: number;
  end: number;
  /** The spec.config scalar when it holds a non-empty string (only such NADs can be tried). */
  config?: OffsetRange;
}

/** YAML files are read for their NetworkAttachmentDefinitions; anything else is CNI JSON. */
export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** The NetworkAttachmentDefinitions of a YAML text, in order. */
export function findNads(text: string): NadTarget[] {
  // Cheap before the parse: most YAML files hold none.
  if (!text.includes('NetworkAttachmentDefinition')) return [];
  const docs = parseAllDocuments(text, { version: '1.1' });
  const list = Array.isArray(docs) ? docs : [docs];
  const nads: NadTarget[] = [];
  list.forEach((doc, i) => {
    if (!isMap(doc.contents) || doc.get('kind') !== 'NetworkAttachmentDefinition') return;
    const [start, , end] = doc.contents.range;
    const name = doc.getIn(['metadata', 'name']);
    const config = doc.getIn(['spec', 'config'], true);
    const hasConfig = isScalar(config) && typeof config.value === 'string' && config.value.trim() !== '' && config.range;
    nads.push({
      document: i + 1,
      ...(typeof name === 'string' ? { name } : {}),
      start,
      end,
      ...(hasConfig ? { config: { start: config.range![0], end: config.range![1] } } : {}),
    });
  });
  return nads;
}

/**
 * The source range of each plugin entry, by the plugin's index in the chain (the sandbox's step
 * `index`): the elements of `plugins` in a list, the whole object for a single-plugin config. For
 * a YAML file, of the NAD in `document` (or of its only NAD); the ranges are offsets in `text`.
 * Empty when there is nothing to point at.
 */
export function pluginRanges(path: string, text: string, document?: number): OffsetRange[] {
  if (!isYamlPath(path)) return entryRanges(text);
  const nads = findNads(text);
  const nad = document === undefined ? (nads.length === 1 ? nads[0] : undefined) : nads.find((n) => n.document === document);
  if (!nad?.config) return [];
  const { start, end } = nad.config;
  const docs = parseAllDocuments(text, { version: '1.1' });
  const doc = (Array.isArray(docs) ? docs : [docs])[nad.document - 1];
  const node = doc?.getIn(['spec', 'config'], true);
  if (!isScalar(node) || typeof node.value !== 'string') return [];
  const mapping = embeddedText(text, start, end, String(node.type ?? 'PLAIN'), node.value);
  const inner = entryRanges(node.value);
  // A scalar the mapping cannot serve (e.g. an empty `>+`): every entry stands at the whole scalar.
  if (!mapping) return inner.map(() => ({ start, end }));
  return inner.map((r) => ({ start: mapping.toSource(r.start), end: r.end > r.start ? mapping.toSource(r.end - 1) + 1 : mapping.toSource(r.start) }));
}

/** As the sandbox reads a config (chain.ts toNetworkList): a `plugins` key makes it a list. */
function entryRanges(json: string): OffsetRange[] {
  const root = parseTree(json, [], { allowTrailingComma: true, disallowComments: false });
  if (root?.type !== 'object') return [];
  const hasPlugins = root.children?.some((p) => p.children?.[0]?.value === 'plugins');
  if (!hasPlugins) return [range(root)];
  const plugins = property(root, 'plugins');
  return plugins?.type === 'array' ? (plugins.children ?? []).map(range) : [];
}

const range = (node: Node): OffsetRange => ({ start: node.offset, end: node.offset + node.length });

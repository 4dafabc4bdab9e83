// Languages embedded in YAML strings: the CNI JSON of a NetworkAttachmentDefinition or of
// flannel's ConfigMap, and the JSON form of the Multus networks annotation. Rules record the
// regions; diagnostics, completion and hover map through them.
import type { JsonNode } from '../common/json';
import type { Finding, Fix } from '../common/findings';
import { embeddedText, type EmbeddedText } from '../yaml/embeddedText';
import type { TreeNode } from '../yaml/yamlDocuments';
import type { ConfigShape } from '../cni/model';

export type EmbeddedLanguage = 'cni' | 'flannel-net-conf' | 'multus-networks';

export interface EmbeddedRegion {
  language: EmbeddedLanguage;
  node: JsonNode;
  mapping?: EmbeddedText;
  /** For CNI configs: how runtimes read it (a NAD decides by content, flannel's cni-conf.json is a list). */
  shape?: ConfigShape | 'auto';
}

/** The decoded text of a string node and its mapping back to the document, if the node is a string. */
export function embed(docText: string, node: JsonNode): EmbeddedText | undefined {
  if (node.type !== 'string') return undefined;
  return embeddedText(docText, node.offset, node.offset + node.length, (node as TreeNode).style ?? 'PLAIN', String(node.value));
}

/** Moves findings on the embedded text to the document; without a mapping they all land on the scalar. */
export function mapFindings(findings: Finding[], node: JsonNode, mapping: EmbeddedText | undefined): Finding[] {
  return findings.map((f) => {
    if (!mapping) return { ...f, start: node.offset, end: node.offset + node.length, fixes: undefined };
    const start = mapping.toSource(f.start);
    const end = f.end > f.start ? mapping.toSource(f.end - 1) + 1 : start;
    return { ...f, start, end, fixes: mapFixes(f.fixes, mapping) };
  });
}

function mapFixes(fixes: Fix[] | undefined, mapping: EmbeddedText): Fix[] | undefined {
  const mapped = fixes?.flatMap((fix) => {
    const edits = fix.edits.map((e) => {
      const newText = mapping.encodeJson(e.newText);
      if (newText === undefined) return undefined;
      const start = mapping.toSource(e.start);
      const end = e.end > e.start ? mapping.toSource(e.end - 1) + 1 : start;
      return { start, end, newText };
    });
    return edits.every((e) => e) ? [{ ...fix, edits: edits as Fix['edits'] }] : [];
  });
  return mapped?.length ? mapped : undefined;
}

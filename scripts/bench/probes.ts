// Where the benchmark types and asks: completion/hover positions on keys and values of Service,
// NetworkPolicy and Deployment documents, and one-character edit sites, spread through the file.
import type { DocSpan, Kind } from './generate';
import type { Position, Range } from './lspClient';

export interface Probe extends Position { kind: Kind; on: 'key' | 'value'; key: string }

const probedKinds = new Set<Kind>(['Service', 'NetworkPolicy', 'Deployment']);
const interestingKeys: Partial<Record<Kind, Set<string>>> = {
  Service: new Set(['type', 'selector', 'ports', 'name', 'port', 'targetPort', 'protocol', 'nodePort', 'sessionAffinity', 'externalTrafficPolicy']),
  NetworkPolicy: new Set(['podSelector', 'policyTypes', 'ingress', 'egress', 'from', 'to', 'ipBlock', 'cidr', 'except', 'namespaceSelector', 'protocol', 'port', 'endPort']),
  Deployment: new Set(['replicas', 'selector', 'template', 'containers', 'image', 'ports', 'containerPort', 'protocol', 'name', 'k8s.v1.cni.cncf.io/networks', 'serviceAccountName']),
};
const keyLine = /^(\s*)(- )?([A-Za-z][\w./-]*):(?: (.*))?$/;

/** Picks `count` evenly spaced items (for an even spread through the file). */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return items.slice();
  return Array.from({ length: count }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / count)]);
}

/** Half on keys (cursor inside the key), half on values (cursor inside the value). */
export function findProbes(text: string, docs: readonly DocSpan[], count: number): Probe[] {
  const lines = text.split('\n');
  const keys: Probe[] = [];
  const values: Probe[] = [];
  for (const doc of docs) {
    if (!probedKinds.has(doc.kind)) continue;
    const wanted = interestingKeys[doc.kind]!;
    for (let line = doc.startLine; line < doc.startLine + doc.lineCount; line++) {
      const m = keyLine.exec(lines[line]);
      if (!m || !wanted.has(m[3])) continue;
      const keyStart = m[1].length + (m[2]?.length ?? 0);
      keys.push({ line, character: keyStart + Math.floor(m[3].length / 2), kind: doc.kind, on: 'key', key: m[3] });
      const value = m[4];
      if (value && value !== '{}' && value !== '[]' && !value.startsWith('{') && !value.startsWith("'")) {
        values.push({ line, character: keyStart + m[3].length + 2 + Math.min(1, value.length - 1), kind: doc.kind, on: 'value', key: m[3] });
      }
    }
  }
  const half = Math.floor(count / 2);
  return [...spread(keys, count - half), ...spread(values, half)].sort((a, b) => a.line - b.line || a.character - b.character);
}

export interface Edit { range: Range; text: string; line: number }

/**
 * `count` one-character edits (count even): pairs that insert a letter at the end of a document's
 * metadata.name and then delete it again, at sites spread through the file, so the text is the
 * original again after each pair.
 */
export function planEdits(text: string, docs: readonly DocSpan[], count: number): Edit[] {
  const lines = text.split('\n');
  const sites: { line: number; end: number }[] = [];
  for (const doc of spread(docs, Math.ceil(count / 2))) {
    for (let line = doc.startLine; line < doc.startLine + doc.lineCount; line++) {
      if (/^ {2}name: \S+$/.test(lines[line])) {
        sites.push({ line, end: lines[line].length });
        break;
      }
    }
  }
  const edits: Edit[] = [];
  for (const { line, end } of sites) {
    const at = { line, character: end };
    edits.push({ range: { start: at, end: at }, text: 'x', line });
    edits.push({ range: { start: at, end: { line, character: end + 1 } }, text: '', line });
  }
  return edits.slice(0, count);
}

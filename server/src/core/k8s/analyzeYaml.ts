// A whole YAML file: its documents, each analysed on its own and cached by its text, so an
// edit re-analyses only the document it changed. Findings come back in file offsets.
import type { Finding } from '../common/findings';
import { splitDocuments } from '../yaml/yamlDocuments';
import { analyzeDocument, type DocumentAnalysis, type Services } from './analyzeDocument';
import type { K8sSettings } from './rules/context';
import { kinds } from './kinds';

export interface YamlDocument {
  start: number;
  text: string;
  analysis: DocumentAnalysis;
}

export interface YamlAnalysis {
  docs: YamlDocument[];
  findings: Finding[];
}

/**
 * @param previous the file's last analysis: documents whose text did not change are taken from it,
 * so an edit re-analyses one document, and nothing but the file's current documents is kept.
 */
export function analyzeYaml(text: string, services: Services, settings: K8sSettings, previous?: YamlAnalysis): YamlAnalysis {
  const reuse = new Map(previous?.docs.map((d) => [d.text, d.analysis]));
  const docs = splitDocuments(text).map(({ start, text: docText }) => ({
    start,
    text: docText,
    analysis: notOurs(docText) ? nothing : reuse.get(docText) ?? analyzeDocument(docText, services, settings),
  }));
  const findings = docs.flatMap((d) => d.analysis.findings.map((f) => shift(f, d.start)));
  return { docs, findings };
}

const nothing: DocumentAnalysis = { findings: [], embedded: [] };
const servedKinds = new Set([...kinds.map((k) => k.kind), 'ConfigMap']);

/**
 * A document whose top-level `kind:` names a kind CNIKit does not serve is left alone without
 * composing it: most documents of a large repository are not networking objects.
 */
function notOurs(text: string): boolean {
  const match = /^kind:[ \t]*["']?([A-Za-z0-9]+)["']?[ \t]*(?:#.*)?$/m.exec(text);
  return !!match && !servedKinds.has(match[1]);
}

export function documentAt(analysis: YamlAnalysis, offset: number): YamlDocument | undefined {
  let found: YamlDocument | undefined;
  for (const doc of analysis.docs) if (doc.start <= offset) found = doc;
  return found;
}

export function shift(f: Finding, by: number): Finding {
  if (by === 0) return f;
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    fixes: f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) })),
  };
}

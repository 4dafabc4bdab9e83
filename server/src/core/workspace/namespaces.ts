// Namespace objects of a YAML file. CNIKit does not serve the kind: analyzeYaml skips its
// documents, which keeps them free of diagnostics. The workspace reads them here instead, only
// their names and labels, to resolve policies' namespaceSelectors.
import { readResource } from '../k8s/resource';
import { summarizeNamespace, type ObjectSummary } from '../k8s/summary';
import { composeDocument, splitDocuments } from '../yaml/yamlDocuments';

/** Any `kind: Namespace`, block or flow style, quoted or not: a cheap test before composing. */
const mentionsNamespace = /["']?kind["']?[ \t]*:[ \t]*["']?Namespace\b/;

/** The file's Namespace documents, each with its start in the file. */
export function namespaceSummaries(text: string): { start: number; summary: ObjectSummary }[] {
  if (!mentionsNamespace.test(text)) return [];
  return splitDocuments(text).flatMap(({ start, text: docText }) => {
    const summary = namespaceSummary(docText);
    return summary ? [{ start, summary }] : [];
  });
}

/** A document's Namespace object, if it is one. */
export function namespaceSummary(docText: string): ObjectSummary | undefined {
  if (!mentionsNamespace.test(docText)) return undefined;
  const composed = composeDocument(docText);
  // labels read from a broken document could be wrong: better undeclared than guessed
  if (!composed.root || composed.problems.some((p) => p.severity === 'error')) return undefined;
  const resource = readResource(composed.root);
  return resource ? summarizeNamespace(resource) : undefined;
}

// Scaffolds offered where they fit in a YAML file: whole objects in an empty document, a CNI
// config in a NetworkAttachmentDefinition without one, "Attach network" for each NAD of the
// workspace in a pod template, and a default-deny policy for a namespace that has no policy in
// the workspace yet.
import type { ScaffoldAction } from '../scaffold/codeActions';
import { defaultDenyPolicyAction, emptyDocumentActions, isEmptyYaml, nadConfigActions } from '../scaffold/codeActions';
import { attachNetworkActions, networkChoices } from '../scaffold/attachNetwork';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { dns1123Label } from './names';
import { documentAt, type YamlAnalysis } from './analyzeYaml';

export function scaffoldActions(text: string, analysis: YamlAnalysis, offset: number, index: WorkspaceIndex): ScaffoldAction[] {
  const doc = documentAt(analysis, offset);
  if (!doc) return [];
  const range = { start: doc.start, end: doc.start + doc.text.length };
  if (isEmptyYaml(doc.text)) return emptyDocumentActions(text, range);
  const resource = doc.analysis.resource;
  const actions: ScaffoldAction[] = [];
  if (doc.analysis.def?.kind === 'NetworkAttachmentDefinition') actions.push(...nadConfigActions(text, range));
  const template = doc.analysis.def?.podTemplate;
  const summary = doc.analysis.summary;
  if (template && summary?.workload) {
    const nads = index.all()
      .filter((o) => o.kind === 'NetworkAttachmentDefinition' && o.apiVersion === 'k8s.cni.cncf.io/v1' && o.namespace)
      .map((o) => ({ name: o.name, namespace: o.namespace }));
    const choices = networkChoices(nads, summary.namespace, summary.workload.networks, (name) => !dns1123Label(name));
    actions.push(...attachNetworkActions(text, offset, { metadataPath: template.metadata, namespace: summary.namespace }, choices, range));
  }
  const namespace = doc.analysis.summary?.namespace;
  if (resource && namespace && doc.analysis.def?.namespaced && index.policiesIn(namespace).length === 0) {
    actions.push(defaultDenyPolicyAction(text, namespace));
  }
  return actions;
}

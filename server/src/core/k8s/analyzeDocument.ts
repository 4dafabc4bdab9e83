// One YAML document: compose it, recognise the object, check it against its schema and run the
// rules of its kind. Everything is relative to the document, so results can be cached by its text.
import { finding, type Finding } from '../common/findings';
import { checkAgainstSchema, type Dialect } from '../common/schemaCheck';
import { composeDocument, type TreeNode } from '../yaml/yamlDocuments';
import type { SchemaRegistry } from '../cni/schemaRegistry';
import { findKind, type KindDef } from './kinds';
import { readResource, type Resource } from './resource';
import type { K8sRegistry } from './k8sRegistry';
import type { EmbeddedRegion } from './embedded';
import type { K8sRule, K8sRuleContext, K8sSettings } from './rules/context';
import { rulesFor } from './rules';
import { summarize, type ObjectSummary } from './summary';
import { networkingScope } from './networkingScope';

export interface DocumentAnalysis {
  root?: TreeNode;
  resource?: Resource;
  def?: KindDef;
  findings: Finding[];
  embedded: EmbeddedRegion[];
  /** What checks across files need to know about the object. */
  summary?: ObjectSummary;
}

export interface Services {
  k8s: K8sRegistry;
  cni: SchemaRegistry;
}

const builtInDialect: Dialect = {
  prefix: 'k8s', caseInsensitiveKeys: false, warnNull: false, unknownKeySeverity: 'error', rejection: 'rejects it', yaml: true,
  unknownKeyEffect: 'rejects it (kubectl validates fields strictly)',
};
const crdDialect: Dialect = { ...builtInDialect, unknownKeySeverity: 'warning', unknownKeyEffect: 'drops it, or rejects it where the CRD is validated strictly' };

/**
 * @param options.factsOnly for indexing, which needs only the summary: no check against the
 * kind's schema, only the rules that find facts, and those skip what can only find problems
 * (embedded CNI configs are read, not checked).
 */
export function analyzeDocument(text: string, services: Services, settings: K8sSettings, options: { factsOnly?: boolean } = {}): DocumentAnalysis {
  const composed = composeDocument(text);
  const findings: Finding[] = composed.problems.map((p) => finding(p.start, p.end, p.severity, p.code ?? 'yaml/syntax', p.code ? p.message : yamlMessage(p.message)));
  const embedded: EmbeddedRegion[] = [];
  const root = composed.root;
  const resource = root ? readResource(root) : undefined;
  const def = findKind(resource?.apiVersion, resource?.kind) ?? configMapKind(resource);
  if (!root || !resource || !def || settings.disabledGroups.includes(def.group)) return { root, resource, findings, embedded };
  const fromSchema: Finding[] = [];
  const fromRules: Finding[] = [];
  const target = def.kind !== 'ConfigMap' && !options.factsOnly ? services.k8s.checkTarget(def) : undefined;
  if (target) {
    checkAgainstSchema(root, target, {
      dialect: def.builtIn ? builtInDialect : crdDialect,
      owner: 'the API server',
      reportUnknownKeys: true,
      anchor: resource.kindNode,
      scope: def.podTemplate ? networkingScope(def.podTemplate) : undefined,
    }, (f) => fromSchema.push(f));
  }
  const ctx: K8sRuleContext = { text, resource, def, settings, cni: services.cni, k8s: services.k8s, report: (f) => fromRules.push(f), embed: (r) => embedded.push(r), facts: {}, factsOnly: options.factsOnly };
  for (const rule of rulesFor(def, options.factsOnly) as K8sRule[]) rule(ctx);
  // Where a rule speaks about the very same place as the schema, the rule's message is the more precise one.
  const ruled = new Set(fromRules.map((f) => `${f.start}:${f.end}`));
  findings.push(...fromSchema.filter((f) => !ruled.has(`${f.start}:${f.end}`)), ...fromRules);
  return { root, resource, def, findings: findings.sort((a, b) => a.start - b.start || a.end - b.end), embedded, summary: summarize(resource, def, ctx.facts) };
}

/** flannel's ConfigMap carries CNI and flannel JSON; other ConfigMaps are not ours. */
function configMapKind(resource: Resource | undefined): KindDef | undefined {
  if (resource?.apiVersion !== 'v1' || resource.kind !== 'ConfigMap') return undefined;
  const data = resource.root.children?.find((p) => p.children?.[0]?.value === 'data')?.children?.[1];
  const keys = (data?.children ?? []).map((p) => p.children?.[0]?.value);
  if (!keys.includes('net-conf.json') && !keys.includes('cni-conf.json')) return undefined;
  return { apiVersion: 'v1', kind: 'ConfigMap', group: 'flannel', builtIn: true, nameRule: 'dns1123Subdomain', namespaced: true };
}

function yamlMessage(message: string): string {
  if (/Maximum call stack/.test(message)) return 'The YAML is nested too deeply to analyse; no Kubernetes object needs this depth.';
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `YAML syntax: ${first}`;
}

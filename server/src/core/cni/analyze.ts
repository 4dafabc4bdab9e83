// Parse → model → rules for one CNI config text. The result is cached by callers per document
// version and shared by diagnostics, completion, hover, symbols and code actions.
import { parseJson, type ParsedJson } from '../common/json';
import type { Finding } from '../common/findings';
import { buildModel, type CniModel, type ConfigShape } from './model';
import type { SchemaRegistry } from './schemaRegistry';
import { nullKeysCovered, type Rule } from './rules/context';
import { checkBooleanFlags, checkName, checkPluginsPresent, checkShape, checkVersion } from './rules/listRules';
import { checkCapabilities, checkChainOrder, checkPluginObjects, checkVersionSupport } from './rules/chainRules';
import { checkPluginSpecifics } from './rules/pluginRules';
import { checkHostLocal } from './rules/addressRules';
import { checkObject, isSchemaFinding } from './objectCheck';

export interface CniAnalysis {
  text: string;
  parsed: ParsedJson;
  model?: CniModel;
  findings: Finding[];
}

export interface AnalyzeOptions {
  /** From the file name: runtimes parse `.conflist` as a list and anything else as one plugin. */
  shape: ConfigShape | 'auto';
  /** A config embedded in a Kubernetes object, where `name` may be filled in by Multus. */
  embedded?: boolean;
}

const rules: Rule[] = [
  checkShape, checkName, checkVersion, checkPluginsPresent, checkBooleanFlags,
  checkPluginObjects, checkChainOrder, checkVersionSupport, checkCapabilities,
  checkPluginSpecifics, checkHostLocal,
];

/** Only the model of a config, without checking it: what indexing reads of an embedded config. */
export function modelOf(text: string, registry: SchemaRegistry, shape: ConfigShape | 'auto'): CniModel | undefined {
  const root = parseJson(text).root;
  return root?.type === 'object' ? buildModel(root, shape, registry) : undefined;
}

export function analyzeCni(text: string, registry: SchemaRegistry, options: AnalyzeOptions): CniAnalysis {
  const parsed = parseJson(text);
  const findings = [...parsed.problems];
  const report = (f: Finding) => findings.push(f);
  const root = parsed.root;
  if (!root) return { text, parsed, findings };
  if (root.type !== 'object') {
    report({ start: root.offset, end: root.offset + root.length, severity: 'error', code: 'cni/not-an-object', message: 'A CNI config must be a JSON object.' });
    return { text, parsed, findings };
  }
  const model = buildModel(root, options.shape, registry);
  if (model.shape === 'list') {
    checkObject(registry, root, {
      kind: 'list', owner: 'the runtime', reportUnknownKeys: true, delegated: ['plugins'],
      reportsMissing: ['name', 'cniVersion', 'plugins'], // the list rules report these, null included
    }, report);
  }
  const ctx = { text, model, registry, embedded: !!options.embedded, report };
  for (const rule of rules) rule(ctx);
  return { text, parsed, model, findings: sortFindings(dedupe(findings)) };
}

/**
 * One mistake, one diagnostic. Findings with the same range and code are the same mistake: an
 * exact repeat is dropped, and a schema finding yields to a rule's finding, whose message is the
 * more specific one (a bandwidth burst above 4 GB: the schema's maximum and the rule's "in bits").
 * A hint yields to an error at the same range: "CNIKit does not know the plugin" says nothing
 * useful about a `type` that is wrong anyway (a path instead of a binary name). A null key a rule
 * reports as the problem (the missing one of keys a plugin needs one of, say, and the other null
 * alternatives beside it) is not also "null: the default applies".
 */
function dedupe(findings: Finding[]): Finding[] {
  const where = (f: Finding) => `${f.start}:${f.end}:${f.code}`;
  const byRules = new Set(findings.filter((f) => !isSchemaFinding(f)).map(where));
  const errorAt = new Set(findings.filter((f) => f.severity === 'error').map((f) => `${f.start}:${f.end}`));
  const nullKeysReported = new Set(findings.flatMap(nullKeysCovered));
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (isSchemaFinding(f) && byRules.has(where(f))) return false;
    if (f.code === 'cni/null-value' && nullKeysReported.has(f.start)) return false;
    if (f.severity === 'hint' && errorAt.has(`${f.start}:${f.end}`)) return false;
    const id = `${where(f)}:${f.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

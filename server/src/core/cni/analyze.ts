// Parse → model → rules for one CNI config text. The result is cached by callers per document
// version and shared by diagnostics, completion, hover, symbols and code actions.
import { parseJson, type ParsedJson } from '../common/json';
import type { Finding } from '../common/findings';
import { buildModel, type CniModel, type ConfigShape } from './model';
import type { SchemaRegistry } from './schemaRegistry';
import type { Rule } from './rules/context';
import { checkBooleanFlags, checkName, checkPluginsPresent, checkShape, checkVersion } from './rules/listRules';
import { checkCapabilities, checkChainOrder, checkPluginObjects, checkVersionSupport } from './rules/chainRules';
import { checkPluginSpecifics } from './rules/pluginRules';
import { checkHostLocal } from './rules/addressRules';
import { checkObject } from './objectCheck';

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
    checkObject(registry, root, { kind: 'list', owner: 'the runtime', reportUnknownKeys: true, delegated: ['plugins'] }, report);
  }
  const ctx = { text, model, registry, embedded: !!options.embedded, report };
  for (const rule of rules) rule(ctx);
  return { text, parsed, model, findings: sortFindings(findings) };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

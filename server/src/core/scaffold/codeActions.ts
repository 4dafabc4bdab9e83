// Scaffolds offered as code actions: a whole document for an empty YAML document, a CNI config
// for a NetworkAttachmentDefinition without one, and a default-deny policy for a namespace.
// Pure functions of the text; offsets are into the text given, edits replace [start, end).
import { isMap, isNode, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import { attachmentConfig, type AttachmentPlugin } from './cniConfigs';
import { nadDocument, attachmentOf } from './nad';
import { kindSpec } from './options';
import { policyDocument, policyRequestOf } from './policy';
import { resolveOptions } from './resolve';
import { cniNameProblem, objectNameProblem } from './validate';
import { yamlFile } from './yamlText';
import { columnAt } from '../common/lines';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface ScaffoldAction {
  title: string;
  edits: TextEdit[];
}

/** Where one YAML document lies in a multi-document text; the whole text when left out. */
export interface DocumentRange {
  start: number;
  end: number;
}

const nadPlugins: readonly AttachmentPlugin[] = ['macvlan', 'ipvlan', 'bridge'];

/** True when the text holds nothing but whitespace, comments and document markers. */
export function isEmptyYaml(text: string): boolean {
  return text.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line) || /^(---|\.\.\.)\s*(#.*)?$/.test(line));
}

/** (a) For an empty document: whole NetworkAttachmentDefinitions and NetworkPolicies to insert. */
export function emptyDocumentActions(text: string, range: DocumentRange = { start: 0, end: text.length }): ScaffoldAction[] {
  const slice = text.slice(range.start, range.end);
  if (!isEmptyYaml(slice)) return [];
  const lead = slice === '' || slice.endsWith('\n') ? '' : '\n';
  const insert = (content: string): TextEdit[] => [{ start: range.end, end: range.end, newText: lead + content }];
  const nads = nadPlugins.map((plugin) => {
    const { values } = resolveOptions('nad', { plugin });
    return { title: `Scaffold a NetworkAttachmentDefinition (${plugin})`, edits: insert(yamlFile([nadDocument(attachmentOf(values), values.namespace)])) };
  });
  const policies = (kindSpec('policy')?.options.find((o) => o.name === 'policy')?.choices ?? []).map((choice) => {
    const { values } = resolveOptions('policy', { policy: choice.value });
    return { title: `Scaffold a NetworkPolicy (${choice.value})`, edits: insert(yamlFile([policyDocument(policyRequestOf(values))])) };
  });
  return inLineEndsOf(text, [...nads, ...policies]);
}

/**
 * (b) For a NetworkAttachmentDefinition whose spec.config is missing or empty: "Insert a macvlan /
 * ipvlan / bridge config", each adding `config: |` with a complete CNI config list.
 */
export function nadConfigActions(text: string, range: DocumentRange = { start: 0, end: text.length }): ScaffoldAction[] {
  const slice = text.slice(range.start, range.end);
  const doc = parseDocument(slice);
  const root = doc.contents;
  if (doc.errors.length || !isMap(root)) return [];
  const scalarOf = (key: string) => {
    const value = pairOf(root.items, key)?.value;
    return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
  };
  if (scalarOf('apiVersion') !== 'k8s.cni.cncf.io/v1' || scalarOf('kind') !== 'NetworkAttachmentDefinition') return [];
  const metadata = pairOf(root.items, 'metadata')?.value;
  const nameNode = isMap(metadata) ? pairOf(metadata.items, 'name')?.value : undefined;
  const namespaceNode = isMap(metadata) ? pairOf(metadata.items, 'namespace')?.value : undefined;
  const name = isScalar(nameNode) && typeof nameNode.value === 'string' && !cniNameProblem(nameNode.value) ? nameNode.value : 'secondary-net';
  const namespace = isScalar(namespaceNode) && typeof namespaceNode.value === 'string' && !objectNameProblem(namespaceNode.value) ? namespaceNode.value : undefined;
  const site = configSite(slice, root.items);
  if (!site) return [];
  return inLineEndsOf(text, nadPlugins.map((plugin) => {
    const { values } = resolveOptions('nad', { plugin, namespace });
    const config = JSON.stringify(attachmentConfig({ ...attachmentOf(values), name }), null, 2);
    const edit = site(config);
    return { title: `Insert ${plugin === 'ipvlan' ? 'an' : 'a'} ${plugin} config`, edits: [{ start: range.start + edit.start, end: range.start + edit.end, newText: edit.newText }] };
  }));
}

type Site = (json: string) => TextEdit;

/** Where the config goes, or undefined when the NAD already has a config (or a shape we leave alone). */
function configSite(text: string, rootItems: Pair[]): Site | undefined {
  const spec = pairOf(rootItems, 'spec');
  if (!spec) {
    const lead = text === '' || text.endsWith('\n') ? '' : '\n';
    return (json) => ({ start: text.length, end: text.length, newText: `${lead}spec:\n  config: |\n${indentLines(json, 4)}\n` });
  }
  const keyIndent = columnAt(text, rangeOf(spec.key)[0]);
  const value = spec.value as Node | null;
  if (!value || isEmptyValue(value)) {
    // Replace from right after `spec:` so that no trailing space stays behind.
    const start = afterColon(text, rangeOf(spec.key)[1])[0];
    const end = value ? rangeOf(value)[1] : start;
    return (json) => ({ start, end, newText: `\n${' '.repeat(keyIndent + 2)}config: |\n${indentLines(json, keyIndent + 4)}` });
  }
  if (!isMap(value) || value.flow) return undefined;
  const config = pairOf(value.items, 'config');
  if (!config) {
    const firstKey = rangeOf(value.items[0].key)[0];
    const childIndent = columnAt(text, firstKey);
    const lineStart = firstKey - childIndent;
    return (json) => ({ start: lineStart, end: lineStart, newText: `${' '.repeat(childIndent)}config: |\n${indentLines(json, childIndent + 2)}\n` });
  }
  const configValue = config.value as Node | null;
  if (configValue && !(isScalar(configValue) && (configValue.value === null || (typeof configValue.value === 'string' && configValue.value.trim() === '')))) return undefined;
  const configIndent = columnAt(text, rangeOf(config.key)[0]);
  const [start, end] = configValue ? rangeOf(configValue) : afterColon(text, rangeOf(config.key)[1]);
  const space = text[start - 1] === ':' ? ' ' : '';
  return (json) => ({ start, end, newText: `${space}|\n${indentLines(json, configIndent + 2)}` });
}

/** (c) The text of a default-deny NetworkPolicy for a namespace (ingress by default, the usual first step). */
export function defaultDenyPolicyText(namespace: string, policy: 'default-deny-ingress' | 'default-deny-egress' | 'default-deny-all' = 'default-deny-ingress'): string {
  return yamlFile([policyDocument({ policy, namespace, name: policy })]);
}

/** (c) "Add a default-deny policy": appends the policy to the text as a new YAML document. */
export function defaultDenyPolicyAction(text: string, namespace: string): ScaffoldAction {
  const lead = text === '' || text.endsWith('\n') ? '' : '\n';
  // A file that ends with an empty document (a `---` line, then at most comments) takes the policy there.
  const separator = text.trim() === '' || endsWithEmptyDocument(text) ? lead : `${lead}---\n`;
  const [action] = inLineEndsOf(text, [{ title: `Add a default-deny policy for namespace ${namespace}`, edits: [{ start: text.length, end: text.length, newText: separator + defaultDenyPolicyText(namespace) }] }]);
  return action;
}

function endsWithEmptyDocument(text: string): boolean {
  const markers = [...text.matchAll(/^---[ \t]*(#.*)?\r?$/gm)];
  const last = markers[markers.length - 1];
  return !!last && isEmptyYaml(text.slice(last.index! + last[0].length));
}

/** The actions' edits with the text's own line ends: a CRLF file stays CRLF. */
function inLineEndsOf(text: string, actions: ScaffoldAction[]): ScaffoldAction[] {
  const newline = text.indexOf('\n');
  if (newline <= 0 || text[newline - 1] !== '\r') return actions;
  return actions.map((a) => ({ ...a, edits: a.edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, '\r\n') })) }));
}

function pairOf(items: Pair[], key: string): Pair | undefined {
  return items.find((p) => isScalar(p.key) && p.key.value === key);
}

/** A parsed node's [start, end) in the text (keys are typed unknown by the yaml library). */
function rangeOf(node: unknown): [number, number] {
  const [start, end] = (isNode(node) && node.range) || [0, 0];
  return [start, end];
}

/** `spec:` with nothing, null or `{}` after it. */
function isEmptyValue(node: Node): boolean {
  return (isScalar(node) && (node.value === null || node.value === '')) || (isMap(node) && node.items.length === 0);
}

/** The empty range right after the `:` that follows a key. */
function afterColon(text: string, keyEnd: number): [number, number] {
  const colon = text.indexOf(':', keyEnd);
  return [colon + 1, colon + 1];
}


function indentLines(text: string, indent: number): string {
  return text.split('\n').map((line) => ' '.repeat(indent) + line).join('\n');
}

// What every Kubernetes rule receives: one document's text and object, its kind, the settings.
import type { Finding, Fix } from '../../common/findings';
import { finding, type Severity } from '../../common/findings';
import { keyOrValue, property, type JsonNode } from '../../common/json';
import type { KindDef } from '../kinds';
import type { Resource } from '../resource';
import type { EmbeddedRegion } from '../embedded';
import type { SchemaRegistry } from '../../cni/schemaRegistry';
import type { K8sRegistry } from '../k8sRegistry';
import type { RuleFacts } from '../summary';

export interface K8sSettings {
  /** The Kubernetes minor version manifests target, e.g. "1.36": decides which APIs are removed. */
  kubernetesVersion: string;
  /** Groups of kinds whose checks are off. */
  disabledGroups: string[];
}

export interface K8sRuleContext {
  /** The document's text; all offsets are relative to it. */
  text: string;
  resource: Resource;
  def: KindDef;
  settings: K8sSettings;
  /** The CNI schemas, for configs embedded in NetworkAttachmentDefinitions and flannel's ConfigMap. */
  cni: SchemaRegistry;
  k8s: K8sRegistry;
  report(f: Finding): void;
  /** Embedded languages found by rules, for completion and hover. */
  embed(region: EmbeddedRegion): void;
  /** Facts rules find while checking, for the checks across files. */
  facts: RuleFacts;
  /** Only the facts are wanted (indexing a file): a rule may skip work that can only find problems. */
  factsOnly?: boolean;
}

export type K8sRule = (ctx: K8sRuleContext) => void;

export function at(ctx: K8sRuleContext, node: JsonNode, severity: Severity, code: string, message: string, fixes?: Fix[]): void {
  ctx.report(finding(node.offset, node.offset + node.length, severity, code, message, fixes));
}

/**
 * A property the API server sees as set: a YAML null (`key:`, `key: ~`, `key: null`) decodes to
 * the zero value or an absent pointer, so it counts as not there.
 */
export function setProperty(object: JsonNode | undefined, key: string): JsonNode | undefined {
  const node = property(object, key);
  return node?.type === 'null' ? undefined : node;
}

/**
 * A property the API server sees as set where it checks the field against its zero value
 * (`!= ""`, `!= 0`, `len(...) > 0`): null, "", 0 and [] decode to that value, so they count as not
 * there. Charts render unset values this way.
 */
export function nonZeroProperty(object: JsonNode | undefined, key: string): JsonNode | undefined {
  const node = setProperty(object, key);
  if (!node || node.value === '' || node.value === 0 || (node.type === 'array' && !node.children?.length)) return undefined;
  return node;
}

/**
 * For a rule that needs one of several keys and finds none set: the key (in the text) of the first
 * of them that is there but null, to point at instead of the object, as that is where the fix goes.
 */
export function firstNullKey(object: JsonNode | undefined, keys: string[]): JsonNode | undefined {
  const nulls = keys.map((k) => property(object, k)).filter((n): n is JsonNode => n?.type === 'null');
  const first = nulls.sort((a, b) => a.offset - b.offset)[0];
  return first && keyOrValue(first);
}

/** Words for a message about a key that is null, put before what the rule says is missing. */
export function nullNote(key: JsonNode | undefined): string {
  return key ? `"${key.value}" is null, which counts as not set. ` : '';
}

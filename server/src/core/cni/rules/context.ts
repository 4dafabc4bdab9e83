// What every CNI rule receives: the text, its model, the schemas, and where to report.
import type { Finding } from '../../common/findings';
import { keyOf, propertyLoose, type JsonNode } from '../../common/json';
import type { CniModel } from '../model';
import type { SchemaRegistry } from '../schemaRegistry';

export interface RuleContext {
  text: string;
  model: CniModel;
  registry: SchemaRegistry;
  /** True for a config inside another file (a NetworkAttachmentDefinition), where `name` may come from the host object. */
  embedded: boolean;
  report(f: Finding): void;
}

export type Rule = (ctx: RuleContext) => void;

export function span(node: JsonNode): { start: number; end: number } {
  return { start: node.offset, end: node.offset + node.length };
}

/** Rule findings about a key that is there but null: the null-value warning at that key yields to them. */
const aboutNullKeys = new WeakSet<Finding>();

export function aboutNullKey(f: Finding): Finding {
  aboutNullKeys.add(f);
  return f;
}

export function isAboutNullKey(f: Finding): boolean {
  return aboutNullKeys.has(f);
}

/** Plugins decode null as not set, so a key whose value is null is as good as missing. */
export function isSet(node: JsonNode | undefined): node is JsonNode {
  return !!node && node.type !== 'null';
}

/** Where to report a required key that is not set: on the key when it is there but null, else on its object. */
export function unsetAt(object: JsonNode, node: JsonNode | undefined): { start: number; end: number } {
  return node ? span(keyOf(node) ?? node) : anchorOf(object);
}

/**
 * For a rule that needs one of several keys and finds none set: the first of them (in the text)
 * that is there but null, to point at instead of the object, as that is where the fix goes.
 */
export function firstNull(object: JsonNode | undefined, keys: string[]): JsonNode | undefined {
  const nulls = keys.map((k) => propertyLoose(object, k)).filter((n): n is JsonNode => n?.type === 'null');
  return nulls.sort((a, b) => a.offset - b.offset)[0];
}

/** The node to point at for a whole object: its first key when it has one, else its opening brace. */
export function anchorOf(object: JsonNode): { start: number; end: number } {
  const firstKey = object.children?.[0]?.children?.[0];
  return firstKey ? span(firstKey) : { start: object.offset, end: object.offset + 1 };
}

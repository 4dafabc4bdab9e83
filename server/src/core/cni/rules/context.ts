// What every CNI rule receives: the text, its model, the schemas, and where to report.
import type { Finding } from '../../common/findings';
import { keyOrValue, type JsonNode } from '../../common/json';
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

/**
 * Rule findings about keys that are there but null: the null-value warning at those keys yields to
 * them. Besides the finding's own key, `also` names other null keys the one finding covers (the
 * other alternatives of a rule that needs one of several keys), so that they do not say "the
 * default applies" either.
 */
const aboutNullKeys = new WeakMap<Finding, number[]>();

export function aboutNullKey(f: Finding, also: JsonNode[] = []): Finding {
  aboutNullKeys.set(f, [f.start, ...also.map((n) => keyOrValue(n).offset)]);
  return f;
}

/** Where the null keys a rule finding is about start (none for other findings). */
export function nullKeysCovered(f: Finding): number[] {
  return aboutNullKeys.get(f) ?? [];
}

/** Plugins decode null as not set, so a key whose value is null is as good as missing. */
export function isSet(node: JsonNode | undefined): node is JsonNode {
  return !!node && node.type !== 'null';
}

/** Where to report a required key that is not set: on the key when it is there but null, else on its object. */
export function unsetAt(object: JsonNode, node: JsonNode | undefined): { start: number; end: number } {
  return node ? span(keyOrValue(node)) : anchorOf(object);
}

/**
 * For a rule that needs one of several keys: whether this one has a value. Plugins written in Go
 * test such keys with `== ""` or `len(...) == 0`, so an empty string or list is as good as null.
 */
export function hasValue(node: JsonNode | undefined): node is JsonNode {
  if (!isSet(node)) return false;
  return node.value !== '' && !(node.type === 'array' && (node.children?.length ?? 0) === 0);
}

/** The node to point at for a whole object: its first key when it has one, else its opening brace. */
export function anchorOf(object: JsonNode): { start: number; end: number } {
  const firstKey = object.children?.[0]?.children?.[0];
  return firstKey ? span(firstKey) : { start: object.offset, end: object.offset + 1 };
}

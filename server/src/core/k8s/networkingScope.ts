// For workloads only the networking parts are CNIKit's; other tools own the rest. This module says
// which parts those are, both as a filter on JSON pointers (for findings) and as a schema cut down
// to them (so the validator compiled for a Deployment checks a few fields, not the whole pod spec).
import { resolveRef, type JsonSchema } from '../common/jsonSchema';

export interface PodTemplatePaths { metadata: string[]; spec: string[] }

/** Pod spec fields that are networking. */
const podNetworkingKeys = ['hostNetwork', 'dnsPolicy', 'dnsConfig', 'hostname', 'subdomain', 'hostAliases', 'setHostnameAsFQDN'];

/** One scope per kind's template (the kinds are fixed): not a new regular expression for every document. */
const scopes = new WeakMap<PodTemplatePaths, (pointer: string) => boolean>();

export function networkingScope(template: PodTemplatePaths): (pointer: string) => boolean {
  let scope = scopes.get(template);
  if (!scope) scopes.set(template, scope = makeScope(template));
  return scope;
}

function makeScope(template: PodTemplatePaths): (pointer: string) => boolean {
  const meta = '/' + template.metadata.join('/');
  const spec = '/' + template.spec.join('/');
  const pattern = new RegExp(
    `^(/apiVersion|/kind|/metadata(/(name|namespace|labels|annotations)(/.*)?)?` +
    `|${meta}/(labels|annotations)(/.*)?` +
    `|${spec}/(${podNetworkingKeys.join('|')})(/.*)?` +
    `|${spec}/(containers|initContainers)/\\d+/ports(/.*)?)$`);
  return (pointer) => pointer === '' || pattern.test(pointer);
}

/**
 * The paths whose whole subtree may hold a finding in scope ('*' = any array item). Every pointer
 * `networkingScope` accepts, except the root itself, lies on or below one of them.
 */
function scopeRoots(template: PodTemplatePaths): string[][] {
  return [
    ['apiVersion'], ['kind'], ['metadata'],
    [...template.metadata, 'labels'], [...template.metadata, 'annotations'],
    ...podNetworkingKeys.map((key) => [...template.spec, key]),
    ...['containers', 'initContainers'].map((key) => [...template.spec, key, '*', 'ports']),
  ];
}

/**
 * The schema with only what can produce a finding in scope: the root's own keywords, the full
 * subschemas at the scope's roots, and on the way to them nothing but `type` and the `properties`
 * or `items` leading there. Problems elsewhere would be filtered out by the scope anyway, so the
 * findings are the same, and compiling and validating cost a fraction.
 */
export function scopedSchema(schema: JsonSchema, template: PodTemplatePaths): JsonSchema {
  const root = cut(schema, schema, scopeRoots(template)) as JsonSchema;
  return { ...schema, properties: root.properties };
}

function cut(node: JsonSchema | undefined, root: JsonSchema, paths: string[][]): JsonSchema | undefined {
  if (!node || paths.some((p) => p.length === 0)) return node;
  const resolved = resolveRef(node, root);
  if (!resolved) return undefined;
  const below = new Map<string, string[][]>();
  for (const [first, ...rest] of paths) below.set(first, [...(below.get(first) ?? []), rest]);
  const result: JsonSchema = resolved.type === undefined ? {} : { type: resolved.type };
  for (const [key, rest] of below) {
    if (key === '*') {
      const items = cut(resolved.items, root, rest);
      if (items) result.items = items;
      continue;
    }
    const child = cut(resolved.properties?.[key], root, rest);
    if (child) result.properties = { ...result.properties, [key]: child };
  }
  return result;
}

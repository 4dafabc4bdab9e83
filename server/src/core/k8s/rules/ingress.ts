// Ingress rules the schema cannot express, and the migration of removed v1beta1 Ingresses to
// networking.k8s.io/v1 as a quick fix that keeps comments and formatting.
import { editsOverlap, type Fix, type TextEdit } from '../../common/findings';
import { keyOrValue, property, stringValue, type JsonNode } from '../../common/json';
import { parseIp } from '../../common/ip';
import { ianaServiceName, wildcardSubdomain } from '../names';
import { items, nodeAt } from '../resource';
import { at, firstNullKey, nullNote, setProperty, type K8sRule, type K8sRuleContext } from './context';
import { lineStartAt } from '../../common/lines';

export const checkIngress: K8sRule = (ctx) => {
  if (ctx.def.apiVersion !== 'networking.k8s.io/v1') return;
  if (ctx.def.kind === 'IngressClass') return checkIngressClass(ctx);
  const spec = property(ctx.resource.root, 'spec');
  if (!spec || spec.type !== 'object') return;
  const defaultBackend = setProperty(spec, 'defaultBackend');
  const rules = property(spec, 'rules');
  if (!defaultBackend && items(rules).length === 0) {
    const nullKey = firstNullKey(spec, ['defaultBackend', 'rules']);
    at(ctx, nullKey ?? keyOrValue(spec), 'error', 'k8s/ingress-empty',
      `${nullNote(nullKey)}An Ingress needs spec.defaultBackend or at least one rule: the API server rejects one with neither.`);
  }
  if (defaultBackend) checkBackend(ctx, defaultBackend);
  for (const rule of items(rules)) {
    const host = property(rule, 'host');
    if (host?.type === 'string') checkHost(ctx, host, 'host');
    for (const path of items(nodeAt(rule, ['http', 'paths']))) {
      checkPath(ctx, path);
      const backend = setProperty(path, 'backend');
      if (backend) checkBackend(ctx, backend);
    }
  }
  for (const tls of items(property(spec, 'tls'))) {
    for (const host of items(property(tls, 'hosts'))) if (host.type === 'string') checkHost(ctx, host, 'TLS host');
  }
  const className = property(spec, 'ingressClassName');
  const annotation = ctx.resource.annotations.get('kubernetes.io/ingress.class');
  if (className?.type === 'string' && annotation && annotation.value !== className.value) {
    at(ctx, annotation.keyNode, 'error', 'k8s/ingress-class-mismatch',
      `The annotation kubernetes.io/ingress.class (${annotation.value}) contradicts spec.ingressClassName (${className.value}); the API server rejects the pair. Keep only ingressClassName.`);
  } else if (annotation && !className) {
    at(ctx, annotation.keyNode, 'warning', 'k8s/deprecated-annotation', 'The kubernetes.io/ingress.class annotation is deprecated: set spec.ingressClassName instead.');
  }
};

/** An IngressClass's parameters: a namespace exactly when the referenced resource is namespaced. */
function checkIngressClass(ctx: K8sRuleContext): void {
  const parameters = nodeAt(ctx.resource.root, ['spec', 'parameters']);
  if (parameters?.type !== 'object') return;
  const scopeNode = property(parameters, 'scope');
  const scope = stringValue(scopeNode) ?? 'Cluster';
  const namespace = property(parameters, 'namespace');
  if (scope === 'Namespace' && !namespace) {
    at(ctx, scopeNode!, 'error', 'k8s/ingress-class-scope', 'With scope Namespace the parameters need a namespace: the API server rejects the IngressClass without one.');
  } else if (scope === 'Cluster' && namespace) {
    at(ctx, keyOrValue(namespace), 'error', 'k8s/ingress-class-scope',
      `A cluster-scoped parameters resource has no namespace: remove it, or set scope: Namespace${scopeNode ? '' : ' (scope defaults to Cluster)'}.`);
  }
}

function checkHost(ctx: K8sRuleContext, node: JsonNode, what: string): void {
  const host = String(node.value);
  if (parseIp(host)) {
    at(ctx, node, 'error', 'k8s/invalid-host', `The ${what} must be a DNS name, not an IP address.`);
    return;
  }
  const problem = wildcardSubdomain(host);
  if (problem) at(ctx, node, 'error', 'k8s/invalid-host', `The ${what} "${host}" is not a DNS name (a single leading "*." wildcard is allowed): it ${problem}.`);
}

function checkPath(ctx: K8sRuleContext, path: JsonNode): void {
  const type = stringValue(property(path, 'pathType'));
  const valueNode = property(path, 'path');
  const value = stringValue(valueNode);
  if (!valueNode || value === undefined) return;
  if ((type === 'Exact' || type === 'Prefix') || (type === 'ImplementationSpecific' && value !== '')) {
    if (!value.startsWith('/')) at(ctx, valueNode, 'error', 'k8s/invalid-path', `An Ingress path must be absolute: start it with "/".`);
  }
  if (type === 'Exact' || type === 'Prefix') {
    const bad = ['//', '/./', '/../', '%2f', '%2F'].find((s) => value.includes(s)) ?? ['/..', '/.'].find((s) => value.endsWith(s));
    if (bad) at(ctx, valueNode, 'error', 'k8s/invalid-path', `A ${type} path must not contain "${bad}".`);
  }
}

function checkBackend(ctx: K8sRuleContext, backend: JsonNode): void {
  const [service] = exactlyOne(ctx, backend, ['service', 'resource'],
    'A backend names either a service or a resource, not both.', 'A backend needs a service (name and port) or a resource.');
  const port = setProperty(service, 'port');
  if (service && !port) {
    const nullKey = firstNullKey(service, ['port']);
    at(ctx, nullKey ?? keyOrValue(service), 'error', 'k8s/ingress-backend', `${nullNote(nullKey)}The backend service needs a port (number or name).`);
  }
  if (port) {
    const [, name] = exactlyOne(ctx, port, ['number', 'name'], 'Give the port a number or a name, not both.', 'The port needs a number or a name.');
    if (name?.type === 'string') {
      const problem = ianaServiceName(String(name.value));
      if (problem) at(ctx, name, 'error', 'k8s/invalid-port-name', `The port name "${name.value}" ${problem} (IANA service name rules).`);
    }
  }
}

/**
 * Two keys of which exactly one must be set (a null one counts as not set): an error on the
 * object when both are, and when neither is (at a null key if there is one). Returns both values.
 */
function exactlyOne(ctx: K8sRuleContext, object: JsonNode, keys: [string, string], both: string, neither: string): [JsonNode | undefined, JsonNode | undefined] {
  const first = setProperty(object, keys[0]);
  const second = setProperty(object, keys[1]);
  if (first && second) {
    at(ctx, keyOrValue(object), 'error', 'k8s/ingress-backend', both);
  } else if (!first && !second) {
    const nullKey = firstNullKey(object, keys);
    at(ctx, nullKey ?? keyOrValue(object), 'error', 'k8s/ingress-backend', `${nullNote(nullKey)}${neither}`);
  }
  return [first, second];
}

// ---- Migration of removed Ingress APIs ----

/** Edits that rewrite a v1beta1 Ingress as networking.k8s.io/v1, keeping everything else as written. */
export function migrateIngress(ctx: K8sRuleContext): Fix | undefined {
  const { root, apiVersionNode } = ctx.resource;
  if (!apiVersionNode) return undefined;
  const edits: TextEdit[] = [{ start: apiVersionNode.offset, end: apiVersionNode.offset + apiVersionNode.length, newText: 'networking.k8s.io/v1' }];
  const spec = property(root, 'spec');
  const backend = property(spec, 'backend');
  if (backend) {
    const key = keyOrValue(backend);
    edits.push({ start: key.offset, end: key.offset + key.length, newText: 'defaultBackend' });
    edits.push(...backendEdits(ctx.text, backend));
  }
  for (const rule of items(property(spec, 'rules'))) {
    for (const path of items(nodeAt(rule, ['http', 'paths']))) {
      const pathBackend = property(path, 'backend');
      if (pathBackend) edits.push(...backendEdits(ctx.text, pathBackend));
      // v1 requires pathType and ImplementationSpecific was the v1beta1 default; a null one is not set either.
      const pathType = property(path, 'pathType');
      if (!pathType) edits.push(...addPathType(ctx.text, path));
      else if (pathType.type === 'null') edits.push(setNullPathType(pathType));
    }
  }
  // Keys that YAML merges in (`<<`) can make two rewrites land on the same text: offer no fix
  // rather than one the editor would refuse.
  if (editsOverlap(edits)) return undefined;
  return { title: 'Migrate to networking.k8s.io/v1', edits, preferred: true };
}

function backendEdits(text: string, backend: JsonNode): TextEdit[] {
  // A null serviceName or servicePort is not set: it must not become `name: ~` or `port: {name: ~}`,
  // and the null key itself goes, as v1 has no such key.
  const nameNode = setProperty(backend, 'serviceName');
  const portNode = setProperty(backend, 'servicePort');
  const nullKeys = ['serviceName', 'servicePort'].map((k) => property(backend, k)).filter((n): n is JsonNode => n?.type === 'null');
  if (!nameNode && nullKeys.length === 0) return [];
  const portKey = portNode?.type === 'number' || /^\d+$/.test(String(portNode?.value)) ? 'number' : 'name';
  const name = nameNode && text.slice(nameNode.offset, nameNode.offset + nameNode.length);
  const port = portNode ? text.slice(portNode.offset, portNode.offset + portNode.length) : undefined;
  if (text[backend.offset] === '{') {
    // Rebuilt from its other keys (e.g. resource) and the service, if named.
    const portText = port ? `, port: {${portKey}: ${port}}` : '';
    const service = name ? [`service: {name: ${name}${portText}}`] : [];
    const others = (backend.children ?? []).filter((p) => !['serviceName', 'servicePort'].includes(String(p.children?.[0]?.value)))
      .map((p) => text.slice(p.offset, p.offset + p.length));
    return [{ start: backend.offset, end: backend.offset + backend.length, newText: `{${[...service, ...others].join(', ')}}` }];
  }
  const edits: TextEdit[] = nullKeys.map((n) => ({ start: lineStartAt(text, keyOrValue(n).offset), end: lineEnd(text, n.offset + n.length), newText: '' }));
  if (!nameNode) return edits;
  const nameKey = keyOrValue(nameNode);
  const indent = ' '.repeat(nameKey.offset - lineStartAt(text, nameKey.offset));
  const portLines = port ? `\n${indent}  port:\n${indent}    ${portKey}: ${port}` : '';
  edits.push({ start: nameKey.offset, end: nameNode.offset + nameNode.length, newText: `service:\n${indent}  name: ${name}${portLines}` });
  if (portNode) {
    const portKeyNode = keyOrValue(portNode);
    edits.push({ start: lineStartAt(text, portKeyNode.offset), end: lineEnd(text, portNode.offset + portNode.length), newText: '' });
  }
  return edits;
}

/** Replaces `pathType:`, `pathType: ~` or `pathType: null` in place (the null node ends where its text does). */
function setNullPathType(pathType: JsonNode): TextEdit {
  return { start: keyOrValue(pathType).offset, end: pathType.offset + pathType.length, newText: 'pathType: ImplementationSpecific' };
}

function addPathType(text: string, path: JsonNode): TextEdit[] {
  const first = path.children?.[0]?.children?.[0];
  if (!first) return [];
  if (text[path.offset] === '{') return [{ start: path.offset + 1, end: path.offset + 1, newText: 'pathType: ImplementationSpecific, ' }];
  const indent = ' '.repeat(first.offset - lineStartAt(text, first.offset));
  // The first key may share its line with the sequence dash ("- path: /"): insert after it, on a line of its own.
  const end = lineEnd(text, path.children![0].offset + path.children![0].length);
  return [{ start: end, end, newText: `${indent}pathType: ImplementationSpecific\n` }];
}

/** Offset just past the line break ending the line at `offset`. */
function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}


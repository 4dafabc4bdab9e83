#!/usr/bin/env node
// Generates the Kubernetes JSON Schemas in schemas/k8s/ from a pinned upstream source, so that no
// upstream structure is typed by hand.
//
//   node scripts/generate-k8s-schemas.mjs           write the files
//   node scripts/generate-k8s-schemas.mjs --check   write nothing; list the files that differ from
//                                                    what would be written and exit 1 if any do
//
// Upstream: the models of @kubernetes/client-node (pinned below), which are generated from the
// Kubernetes OpenAPI document of the release named in their headers. Each model's `.js` file holds
// `attributeTypeMap` ([{name, baseName, type, format}]); its `.d.ts` file tells required fields
// (no `?`) from optional ones. Upstream descriptions are not copied: hover text is our own.
//
// Hand-written inputs (all under schemas/k8s/):
//   overlays/<Definition>.json  Docs and the rules the OpenAPI document lacks, merged into the
//                               generated definition: top-level keys apply to the definition itself
//                               (`required` is added to the generated list), `properties.<name>`
//                               is merged into that property (objects deep-merged, anything else
//                               replaced). A property an overlay names must exist upstream.
//                               `"$rule": "<name>"` anywhere expands to the shared validator of
//                               that name (pattern, maxLength, x-patternMessage; see RULES) and
//                               is kept as `x-k8sFormat` so code can tell which validator applies.
//   annotations.json            Well-known annotations: key -> { on: [scopes], schema }. Scopes are
//                               kinds (the object's own metadata) or "PodTemplate" (the metadata of
//                               a pod template inside a workload).
//   crd/*.schema.json,          Our own schemas of CRDs and removed APIs. They may reference
//   legacy/*.schema.json        upstream definitions (`#/definitions/V1LabelSelector`) and the
//                               kind's metadata (`#/definitions/V1ObjectMeta.<Kind>`); this script
//                               fills those definitions in (and re-formats the file), so they stay
//                               self-contained and in step with the generated ones.
//
// Generated: <group-or-core>.<version>.<Kind>.schema.json for each served kind, and index.json.
// Every schema file is self-contained: its `definitions` hold exactly what it references.
// `metadata` of the object itself points at `V1ObjectMeta.<Kind>`, which carries the kind's name
// rule and annotations; a pod template's metadata points at `V1ObjectMeta.PodTemplate`; any other
// ObjectMeta (e.g. a CronJob's jobTemplate) at the plain `V1ObjectMeta`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLIENT_DIR = join(ROOT, 'node_modules/@kubernetes/client-node');
const MODELS_DIR = join(CLIENT_DIR, 'dist/gen/models');
const OUT_DIR = join(ROOT, 'schemas/k8s');
const OVERLAY_DIR = join(OUT_DIR, 'overlays');
const PINNED_CLIENT = '2.0.1';
const DRAFT = 'http://json-schema.org/draft-07/schema#';
const REF_PREFIX = '#/definitions/';
const META = 'V1ObjectMeta';

const REF = 'https://kubernetes.io/docs/reference/kubernetes-api';
/** Kinds generated from the client models. `name` is the metadata.name rule the API server applies. */
const KINDS = [
  { apiVersion: 'v1', kind: 'Service', model: 'V1Service', name: 'dns1035Label', docUrl: `${REF}/service-resources/service-v1/` },
  { apiVersion: 'v1', kind: 'Pod', model: 'V1Pod', name: 'dns1123Subdomain', docUrl: `${REF}/workload-resources/pod-v1/` },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', model: 'V1Ingress', name: 'dns1123Subdomain', docUrl: `${REF}/service-resources/ingress-v1/` },
  { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', model: 'V1IngressClass', name: 'dns1123Subdomain', docUrl: `${REF}/service-resources/ingress-class-v1/` },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', model: 'V1NetworkPolicy', name: 'dns1123Subdomain', docUrl: `${REF}/policy-resources/network-policy-v1/` },
  { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', model: 'V1EndpointSlice', name: 'dns1123Subdomain', docUrl: `${REF}/service-resources/endpoint-slice-v1/` },
  { apiVersion: 'apps/v1', kind: 'Deployment', model: 'V1Deployment', name: 'dns1123Subdomain', docUrl: `${REF}/workload-resources/deployment-v1/` },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', model: 'V1StatefulSet', name: 'dns1123Subdomain', docUrl: `${REF}/workload-resources/stateful-set-v1/` },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', model: 'V1DaemonSet', name: 'dns1123Subdomain', docUrl: `${REF}/workload-resources/daemon-set-v1/` },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', model: 'V1ReplicaSet', name: 'dns1123Subdomain', docUrl: `${REF}/workload-resources/replica-set-v1/` },
  { apiVersion: 'v1', kind: 'ReplicationController', model: 'V1ReplicationController', name: 'dns1123Subdomain', docUrl: `${REF}/workload-resources/replication-controller-v1/` },
  { apiVersion: 'batch/v1', kind: 'Job', model: 'V1Job', name: 'dns1123Subdomain', docUrl: `${REF}/workload-resources/job-v1/` },
  { apiVersion: 'batch/v1', kind: 'CronJob', model: 'V1CronJob', name: 'cronJobName', docUrl: `${REF}/workload-resources/cron-job-v1/` },
];

/** Hand-written schemas (CRDs and removed APIs); `alsoServedAs` adds index entries for other apiVersions. */
const HAND_WRITTEN = [
  { apiVersion: 'extensions/v1beta1', kind: 'Ingress', file: 'legacy/extensions.v1beta1.Ingress.schema.json', name: 'dns1123Subdomain', docUrl: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/#ingress-v122', removedIn: '1.22', replacedBy: 'networking.k8s.io/v1' },
  { apiVersion: 'networking.k8s.io/v1beta1', kind: 'Ingress', file: 'legacy/networking.k8s.io.v1beta1.Ingress.schema.json', name: 'dns1123Subdomain', docUrl: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/#ingress-v122', removedIn: '1.22', replacedBy: 'networking.k8s.io/v1' },
  { apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition', file: 'crd/k8s.cni.cncf.io.v1.NetworkAttachmentDefinition.schema.json', name: 'dns1123Label', docUrl: 'https://github.com/k8snetworkplumbingwg/multus-cni/blob/master/docs/how-to-use.md' },
  { apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', file: 'crd/cilium.io.v2.CiliumNetworkPolicy.schema.json', name: 'dns1123Subdomain', docUrl: 'https://docs.cilium.io/en/stable/security/policy/' },
  { apiVersion: 'cilium.io/v2', kind: 'CiliumClusterwideNetworkPolicy', file: 'crd/cilium.io.v2.CiliumClusterwideNetworkPolicy.schema.json', name: 'dns1123Subdomain', docUrl: 'https://docs.cilium.io/en/stable/security/policy/' },
  { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', file: 'crd/projectcalico.org.v3.IPPool.schema.json', name: 'dns1123Subdomain', docUrl: 'https://docs.tigera.io/calico/latest/reference/resources/ippool', alsoServedAs: ['crd.projectcalico.org/v1'] },
  { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', file: 'crd/projectcalico.org.v3.NetworkPolicy.schema.json', name: 'dns1123Subdomain', docUrl: 'https://docs.tigera.io/calico/latest/reference/resources/networkpolicy', alsoServedAs: ['crd.projectcalico.org/v1'] },
  { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', file: 'crd/projectcalico.org.v3.GlobalNetworkPolicy.schema.json', name: 'dns1123Subdomain', docUrl: 'https://docs.tigera.io/calico/latest/reference/resources/globalnetworkpolicy', alsoServedAs: ['crd.projectcalico.org/v1'] },
  { apiVersion: 'operator.tigera.io/v1', kind: 'Installation', file: 'crd/operator.tigera.io.v1.Installation.schema.json', name: 'dns1123Subdomain', docUrl: 'https://docs.tigera.io/calico/latest/reference/installation/api#installation' },
  { apiVersion: 'operator.tigera.io/v1', kind: 'APIServer', file: 'crd/operator.tigera.io.v1.APIServer.schema.json', name: 'dns1123Subdomain', docUrl: 'https://docs.tigera.io/calico/latest/reference/installation/api#apiserver' },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', file: 'crd/gateway.networking.k8s.io.v1.Gateway.schema.json', name: 'dns1123Subdomain', docUrl: 'https://gateway-api.sigs.k8s.io/reference/spec/#gateway' },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', file: 'crd/gateway.networking.k8s.io.v1.HTTPRoute.schema.json', name: 'dns1123Subdomain', docUrl: 'https://gateway-api.sigs.k8s.io/reference/spec/#httproute' },
];

// Shared validators of the API server (apimachinery pkg/util/validation). Patterns are ECMAScript.
const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN = `${LABEL}(\\.${LABEL})*`;
const RULES = {
  dns1123Label: {
    pattern: `^${LABEL}$`,
    maxLength: 63,
    'x-patternMessage': "must be a DNS-1123 label: at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit",
  },
  // EndpointSlice port names: empty is the default, set ones are labels (discovery validation).
  dns1123LabelOrEmpty: {
    pattern: `^(${LABEL})?$`,
    maxLength: 63,
    'x-patternMessage': "must be empty or a DNS-1123 label: at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit",
  },
  dns1123LabelPrefix: {
    pattern: '^[a-z0-9][-a-z0-9]*$',
    maxLength: 63,
    'x-patternMessage': "must be the start of a DNS-1123 label: lowercase letters, digits or '-', starting with a letter or digit (a trailing '-' is fine)",
  },
  dns1123Subdomain: {
    pattern: `^${SUBDOMAIN}$`,
    maxLength: 253,
    'x-patternMessage': "must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit, at most 253 characters",
  },
  dns1123SubdomainPrefix: {
    pattern: `^(${LABEL}\\.)*[a-z0-9][-a-z0-9]*$|^(${LABEL}\\.)+-$`,
    maxLength: 253,
    'x-patternMessage': "must be the start of a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', each dot-separated part starting with a letter or digit (a trailing '-' is fine)",
  },
  dns1035Label: {
    pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$',
    maxLength: 63,
    'x-patternMessage': "must be a DNS-1035 label: at most 63 lowercase letters, digits or '-', starting with a letter and ending with a letter or digit",
  },
  dns1035LabelPrefix: {
    pattern: '^[a-z][-a-z0-9]*$',
    maxLength: 63,
    'x-patternMessage': "must be the start of a DNS-1035 label: lowercase letters, digits or '-', starting with a letter (a trailing '-' is fine)",
  },
  cronJobName: {
    pattern: `^${SUBDOMAIN}$`,
    maxLength: 52,
    'x-patternMessage': "must be a DNS-1123 subdomain of at most 52 characters (11 are kept for the suffix of the Jobs it creates): lowercase letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit",
  },
  cronJobNamePrefix: {
    pattern: `^(${LABEL}\\.)*[a-z0-9][-a-z0-9]*$|^(${LABEL}\\.)+-$`,
    maxLength: 253,
    'x-patternMessage': "must be the start of a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', each dot-separated part starting with a letter or digit (a trailing '-' is fine)",
  },
  wildcardSubdomain: {
    pattern: `^(\\*\\.)?${SUBDOMAIN}$`,
    maxLength: 253,
    'x-patternMessage': "must be a lowercase DNS name such as example.com, optionally with a single leading '*.' label (*.example.com)",
  },
  dnsSearchDomain: {
    pattern: `^(\\.|${SUBDOMAIN}\\.?)$`,
    maxLength: 254,
    'x-patternMessage': "must be a DNS-1123 subdomain (a trailing '.' is allowed) or '.' alone",
  },
  externalName: {
    pattern: `^${SUBDOMAIN}\\.?$`,
    maxLength: 254,
    'x-patternMessage': "must be a lowercase DNS name (a DNS-1123 subdomain, a trailing '.' is allowed), not an IP address or URL",
  },
  ianaSvcName: {
    pattern: '^(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$',
    maxLength: 15,
    'x-patternMessage': "must be an IANA service name: at most 15 lowercase letters, digits or '-', with at least one letter, no '--' and no '-' at either end",
  },
  ianaSvcNameOrEmpty: {
    pattern: '^((?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*)?$',
    maxLength: 15,
    'x-patternMessage': "must be a port number or an IANA service name: at most 15 lowercase letters, digits or '-', with at least one letter, no '--' and no '-' at either end",
  },
  qualifiedName: {
    pattern: `^(${SUBDOMAIN}/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$`,
    maxLength: 317,
    'x-patternMessage': "must be a qualified name: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
  },
  annotationKey: {
    pattern: `^([A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$`,
    maxLength: 317,
    'x-patternMessage': "must be an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
  },
  labelValue: {
    pattern: '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$',
    maxLength: 63,
    'x-patternMessage': "must be a label value: empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
  },
  domainPrefixedPath: {
    pattern: `^${SUBDOMAIN}/[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+$`,
    maxLength: 250,
    'x-patternMessage': "must be a domain-prefixed path such as example.com/ingress-controller",
  },
};

// ---------------------------------------------------------------------------------------------
// Upstream models

const clientVersion = JSON.parse(readFileSync(join(CLIENT_DIR, 'package.json'), 'utf8')).version;
if (clientVersion !== PINNED_CLIENT) {
  fail(`@kubernetes/client-node is ${clientVersion}, this script is pinned to ${PINNED_CLIENT}: update PINNED_CLIENT, regenerate and review the diff`);
}
const modelFiles = new Set(readdirSync(MODELS_DIR).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)));
const openApiRelease = /OpenAPI spec version: (\S+)/.exec(readFileSync(join(MODELS_DIR, 'V1Service.js'), 'utf8'))?.[1] ?? 'unknown';

/** Type names the generator maps itself (aliases of scalar types in the OpenAPI document). */
const SCALAR_ALIASES = { V1MicroTime: { type: 'string', format: 'date-time' } };

const models = new Map();
async function loadModel(name) {
  if (models.has(name)) return models.get(name);
  if (!modelFiles.has(name)) fail(`no upstream model ${name}`);
  const module = await import(pathToFileURL(join(MODELS_DIR, `${name}.js`)).href);
  const attributes = module[name]?.attributeTypeMap;
  if (!Array.isArray(attributes)) fail(`${name}.js has no attributeTypeMap`);
  const dts = readFileSync(join(MODELS_DIR, `${name}.d.ts`), 'utf8');
  const required = new Set();
  for (const m of dts.matchAll(/^ {4}'([^']+)'(\?)?:/gm)) if (!m[2]) required.add(m[1]);
  const model = attributes.map((a) => ({ key: a.baseName, type: a.type, format: a.format, required: required.has(a.name) }));
  models.set(name, model);
  return model;
}

function typeSchema(type, format, refs) {
  type = type.trim();
  let m;
  if ((m = /^Array<(.+)>$/.exec(type))) return { type: 'array', items: typeSchema(m[1], format, refs) };
  if ((m = /^\{ \[key: string\]: (.+); \}$/.exec(type))) return { type: 'object', additionalProperties: typeSchema(m[1], format, refs) };
  switch (type) {
    case 'string':
      return format === 'byte' ? { type: 'string', format: 'byte' } : { type: 'string' };
    case 'number':
      if (format === 'int32' || format === 'int64') return { type: 'integer', format };
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'Date':
      return { type: 'string', format: 'date-time' };
    case 'IntOrString':
      return { type: ['integer', 'string'] };
    case 'any':
    case 'object':
      return {};
  }
  if (SCALAR_ALIASES[type]) return structuredClone(SCALAR_ALIASES[type]);
  if (/^[A-Z]\w*$/.test(type) && modelFiles.has(type)) {
    refs.add(type);
    return { $ref: REF_PREFIX + type };
  }
  fail(`cannot map upstream type "${type}" (format "${format}")`);
}

// ---------------------------------------------------------------------------------------------
// Overlays

const overlays = new Map();
for (const file of readdirSync(OVERLAY_DIR).filter((f) => f.endsWith('.json')).sort()) {
  overlays.set(file.slice(0, -5), readJson(join(OVERLAY_DIR, file)));
}
const usedOverlays = new Set();
const annotations = readJson(join(OUT_DIR, 'annotations.json'));

function expandRules(node, where) {
  if (Array.isArray(node)) return node.map((n) => expandRules(n, where));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$rule') {
      const rule = RULES[value];
      if (!rule) fail(`${where}: unknown $rule "${value}"`);
      Object.assign(out, { 'x-k8sFormat': value, ...rule });
    } else {
      out[key] = expandRules(value, where);
    }
  }
  return out;
}

function merge(base, patch) {
  if (!isObject(base) || !isObject(patch)) return structuredClone(patch);
  const out = { ...base };
  for (const [key, value] of Object.entries(patch)) out[key] = key in out ? merge(out[key], value) : structuredClone(value);
  return out;
}

/** Puts documentation keys first so that the files read well. */
function ordered(schema) {
  if (Array.isArray(schema)) return schema.map(ordered);
  if (!isObject(schema)) return schema;
  const first = ['$schema', '$id', '$ref', 'title', 'description', 'x-docUrl', 'type', 'const', 'enum', 'enumDescriptions', 'default'];
  const out = {};
  for (const key of first) if (key in schema) out[key] = schema[key];
  for (const [key, value] of Object.entries(schema)) if (!(key in out)) out[key] = value;
  for (const [key, value] of Object.entries(out)) {
    if (key === 'properties' || key === 'definitions') out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ordered(v)]));
    else if (isObject(value) || Array.isArray(value)) out[key] = key === 'enum' || key === 'examples' || key === 'default' || key === 'const' ? value : ordered(value);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Definitions

const definitionCache = new Map();
/** The upstream definition with its overlay; `refs` receives the definitions it references. */
async function definition(name) {
  if (definitionCache.has(name)) return structuredClone(definitionCache.get(name));
  const model = await loadModel(name);
  const refs = new Set();
  const properties = {};
  const required = [];
  for (const attribute of model) {
    // `status` is written by the cluster, not by users: leave it out.
    if (attribute.key === 'status' && /Status$/.test(attribute.type)) continue;
    properties[attribute.key] = typeSchema(attribute.type, attribute.format, refs);
    if (attribute.required) required.push(attribute.key);
  }
  let schema = { type: 'object', properties };
  if (required.length) schema.required = required;
  const overlay = overlays.get(name);
  if (overlay) {
    usedOverlays.add(name);
    const { properties: propertyPatches = {}, required: extraRequired = [], ...own } = expandRules(overlay, `overlays/${name}.json`);
    for (const key of Object.keys(propertyPatches)) {
      if (!(key in properties)) fail(`overlays/${name}.json: property "${key}" does not exist upstream`);
    }
    schema = merge(schema, own);
    for (const [key, patch] of Object.entries(propertyPatches)) schema.properties[key] = merge(schema.properties[key], patch);
    for (const key of extraRequired) {
      if (!(key in properties)) fail(`overlays/${name}.json: required "${key}" does not exist upstream`);
      schema.required = [...new Set([...(schema.required ?? []), key])];
    }
  }
  definitionCache.set(name, schema);
  return structuredClone(schema);
}

/** The metadata of an object of `kind` (name rule and annotations), or of a pod template. */
async function metadataVariant(scope, nameRule) {
  const schema = await definition(META);
  if (nameRule) {
    schema.properties.name = merge(schema.properties.name, expandRules({ $rule: nameRule }, scope));
    schema.properties.generateName = merge(schema.properties.generateName, expandRules({ $rule: `${nameRule}Prefix` }, scope));
  }
  const known = Object.entries(annotations).filter(([, a]) => a.on.includes(scope)).sort(([a], [b]) => a.localeCompare(b));
  if (known.length) {
    const annotationSchema = schema.properties.annotations;
    annotationSchema.properties = Object.fromEntries(known.map(([key, a]) => [key, ordered(expandRules(a.schema, 'annotations.json'))]));
    annotationSchema.description = `${annotationSchema.description ?? ''} Annotations read on this object: ${known.map(([k]) => `\`${k}\``).join(', ')}.`.trim();
  }
  return schema;
}

/** Fills `definitions` with everything `root` references, transitively; drops what it does not. */
async function resolveDefinitions(root, kind, nameRule, keep = {}) {
  const definitions = {};
  const queue = [root];
  const seen = new Set();
  while (queue.length) {
    const node = queue.shift();
    for (const ref of refsIn(node)) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      let schema;
      if (ref in keep) schema = keep[ref];
      else if (ref === `${META}.${kind}`) schema = await metadataVariant(kind, nameRule);
      else if (ref === `${META}.PodTemplate`) schema = await metadataVariant('PodTemplate');
      else if (modelFiles.has(ref)) schema = await definition(ref);
      else fail(`${kind}: reference to unknown definition ${ref}`);
      if (ref === 'V1PodTemplateSpec') schema.properties.metadata.$ref = `${REF_PREFIX}${META}.PodTemplate`;
      definitions[ref] = schema;
      queue.push(schema);
    }
  }
  return definitions;
}

function refsIn(node, out = []) {
  if (Array.isArray(node)) for (const n of node) refsIn(n, out);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) out.push(value.slice(REF_PREFIX.length));
      else if (key !== 'definitions') refsIn(value, out);
    }
  }
  return out;
}

function sortDefinitions(definitions) {
  return Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, ordered(definitions[k])]));
}

// ---------------------------------------------------------------------------------------------
// Files

function groupVersionFile(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
  return `${group}.${version}.${kind}.schema.json`;
}

async function generatedKind({ apiVersion, kind, model, name, docUrl }) {
  const base = await definition(model);
  const properties = { ...base.properties };
  properties.apiVersion = merge(properties.apiVersion, { const: apiVersion });
  properties.kind = merge(properties.kind, { const: kind });
  properties.metadata = { ...properties.metadata, $ref: `${REF_PREFIX}${META}.${kind}` };
  const required = ['apiVersion', 'kind', ...(base.required ?? []).filter((k) => !['apiVersion', 'kind', 'metadata'].includes(k))];
  const { properties: _p, required: _r, type: _t, description, ...rest } = base;
  const root = {
    $schema: DRAFT,
    $id: `cnikit:k8s/${apiVersion}/${kind}`,
    title: kind,
    description,
    'x-docUrl': docUrl,
    'x-k8s': { group: apiVersion.includes('/') ? apiVersion.split('/')[0] : '', version: apiVersion.split('/').pop(), kind, source: `@kubernetes/client-node@${PINNED_CLIENT} (Kubernetes OpenAPI ${openApiRelease})` },
    type: 'object',
    required,
    ...rest,
    properties,
  };
  root.definitions = sortDefinitions(await resolveDefinitions(root, kind, name));
  return ordered(root);
}

async function handWritten({ apiVersion, kind, file, name }) {
  const path = join(OUT_DIR, file);
  if (!existsSync(path)) fail(`${file} is missing`);
  const schema = readJson(path);
  if (schema.$id !== `cnikit:k8s/${apiVersion}/${kind}`) fail(`${file}: $id must be cnikit:k8s/${apiVersion}/${kind}`);
  if (schema.title !== kind) fail(`${file}: title must be ${kind}`);
  const own = Object.fromEntries(Object.entries(schema.definitions ?? {}).filter(([k]) => !modelFiles.has(k) && !k.startsWith(`${META}.`)));
  const resolved = await resolveDefinitions({ ...schema, definitions: undefined }, kind, name, own);
  // Hand-written definitions keep their order; generated ones follow, sorted.
  const definitions = {};
  for (const key of Object.keys(own)) if (key in resolved) definitions[key] = resolved[key];
  for (const key of Object.keys(resolved).sort()) if (!(key in definitions)) definitions[key] = ordered(resolved[key]);
  for (const key of Object.keys(own)) if (!(key in resolved)) fail(`${file}: definition ${key} is not referenced`);
  return { ...schema, definitions };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`${relative(ROOT, path)}: ${error.message}`);
  }
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function fail(message) {
  console.error(`generate-k8s-schemas: ${message}`);
  process.exit(2);
}

const format = (value) => `${JSON.stringify(value, null, 2)}\n`;

async function main() {
  const check = process.argv.includes('--check');
  const outputs = new Map();
  const index = [];
  for (const entry of KINDS) {
    const file = groupVersionFile(entry.apiVersion, entry.kind);
    outputs.set(file, format(await generatedKind(entry)));
    index.push({ apiVersion: entry.apiVersion, kind: entry.kind, file, docUrl: entry.docUrl });
  }
  for (const entry of HAND_WRITTEN) {
    outputs.set(entry.file, format(await handWritten(entry)));
    const extra = entry.removedIn ? { removedIn: entry.removedIn, replacedBy: entry.replacedBy } : {};
    for (const apiVersion of [entry.apiVersion, ...(entry.alsoServedAs ?? [])]) {
      index.push({ apiVersion, kind: entry.kind, file: entry.file, docUrl: entry.docUrl, ...extra });
    }
  }
  outputs.set('index.json', format(index));
  // The hand-written inputs are kept in the same format as everything else.
  for (const name of overlays.keys()) outputs.set(`overlays/${name}.json`, format(overlays.get(name)));
  outputs.set('annotations.json', format(annotations));

  for (const name of overlays.keys()) {
    if (!usedOverlays.has(name)) fail(`overlays/${name}.json matches no definition used by any schema`);
  }

  const differing = [];
  for (const [file, content] of outputs) {
    const path = join(OUT_DIR, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    differing.push(`schemas/k8s/${file}${current === undefined ? ' (missing)' : ''}`);
    if (!check) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
  }
  // Generated-looking files that nothing generates any more, and hand-written ones nothing lists.
  for (const file of readdirSync(OUT_DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
    if (!outputs.has(file)) differing.push(`schemas/k8s/${file} (not generated any more: delete it)`);
  }
  for (const dir of ['crd', 'legacy']) {
    for (const file of readdirSync(join(OUT_DIR, dir)).filter((f) => f.endsWith('.json')).sort()) {
      if (!outputs.has(`${dir}/${file}`)) fail(`${dir}/${file} is not listed in HAND_WRITTEN`);
    }
  }
  if (check) {
    if (differing.length) {
      console.error(`generate-k8s-schemas: ${differing.length} file(s) differ from what would be generated:\n  ${differing.join('\n  ')}\nRun: node scripts/generate-k8s-schemas.mjs`);
      process.exit(1);
    }
    console.log(`generate-k8s-schemas: ${outputs.size} files up to date.`);
  } else {
    console.log(`generate-k8s-schemas: ${outputs.size} files, ${differing.length} written.`);
  }
}

await main();

// Workloads are checked against their schema cut down to the networking scope. That must find
// exactly what the full schema finds within the scope: here both run on a workload of each kind
// and on many variants of it with a wrong value or an unknown key at every place in turn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { stringify } from 'yaml';
import { checkAgainstSchema, type Dialect, type SchemaTarget } from '../../server/src/core/common/schemaCheck';
import type { Finding } from '../../server/src/core/common/findings';
import type { JsonSchema } from '../../server/src/core/common/jsonSchema';
import { isMac, parseCidr, parseIp } from '../../server/src/core/common/ip';
import { kinds, schemaId } from '../../server/src/core/k8s/kinds';
import { K8sRegistry } from '../../server/src/core/k8s/k8sRegistry';
import { networkingScope } from '../../server/src/core/k8s/networkingScope';
import { k8sSchemas } from '../../server/src/core/k8s/schemaIndex';
import { composeDocument } from '../../server/src/core/yaml/yamlDocuments';

const dialect: Dialect = { prefix: 'k8s', caseInsensitiveKeys: false, warnNull: false, unknownKeySeverity: 'error', rejection: 'rejects it', yaml: true };

const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, validateFormats: true });
ajv.addFormat('ip', (s: string) => parseIp(s) !== undefined);
ajv.addFormat('cidr', (s: string) => parseCidr(s) !== undefined);
ajv.addFormat('mac', (s: string) => isMac(s));
for (const format of ['int32', 'int64', 'byte', 'date-time', 'double', 'int-or-string']) ajv.addFormat(format, true);

const podSpec = {
  hostNetwork: false,
  dnsPolicy: 'ClusterFirst',
  dnsConfig: { nameservers: ['10.0.0.10'], options: [{ name: 'ndots', value: '2' }] },
  hostAliases: [{ ip: '10.1.2.3', hostnames: ['db'] }],
  restartPolicy: 'Always',
  nodeSelector: { disk: 'ssd' },
  containers: [{
    name: 'web', image: 'nginx', args: ['-v'],
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    resources: { limits: { cpu: '1' } },
    env: [{ name: 'A', value: 'b' }],
  }],
  initContainers: [{ name: 'init', image: 'busybox', ports: [{ containerPort: 53, protocol: 'UDP' }] }],
  volumes: [{ name: 'v', emptyDir: {} }],
};
const template = { metadata: { labels: { app: 'web' }, annotations: { 'k8s.v1.cni.cncf.io/networks': 'a' } }, spec: podSpec };
const metadata = { name: 'web', namespace: 'default', labels: { app: 'web' }, ownerReferences: [{ kind: 'X', name: 'y' }] };

function workload(kind: string, apiVersion: string, prefix: string[]): Record<string, unknown> {
  const object: Record<string, unknown> = { apiVersion, kind, metadata: structuredClone(metadata) };
  if (prefix.length === 0) return { ...object, ...structuredClone(template) };
  const spec: Record<string, unknown> = { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: structuredClone(template) };
  return { ...object, spec: kind === 'CronJob' ? { schedule: '* * * * *', jobTemplate: { spec } } : spec, status: { replicas: 1 } };
}

/** The object with one change at every place in turn: wrong values of every type, and an unknown key in every object. */
function* variants(value: unknown): Generator<unknown> {
  yield value;
  const wrongs = [null, 99999999, -1, 'not valid!', true, { x: 1 }, ['a']];
  function* at(node: unknown, replace: (v: unknown) => unknown): Generator<unknown> {
    for (const wrong of wrongs) yield replace(wrong);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) yield* at(node[i], (v) => replace(node.map((x, j) => (j === i ? v : x))));
    } else if (node && typeof node === 'object') {
      yield replace({ ...node, unknownField: 1 });
      for (const key of Object.keys(node)) yield* at((node as Record<string, unknown>)[key], (v) => replace({ ...node, [key]: v }));
      for (const key of Object.keys(node)) {
        const { [key]: _dropped, ...rest } = node as Record<string, unknown>;
        yield replace(rest);
      }
    }
  }
  yield* at(value, (v) => v);
}

const brief = (findings: Finding[]) => findings.map((f) => `${f.start}-${f.end} ${f.code} ${f.message}`).sort();

test('a workload checked against its scoped schema gets the same findings as against the full one', () => {
  const registry = new K8sRegistry();
  for (const def of kinds.filter((k) => k.podTemplate)) {
    const schema = k8sSchemas.find((s) => s.$id === schemaId(def)) as JsonSchema;
    const full: SchemaTarget = { schema, validate: ajv.compile({ ...schema, $id: undefined }) };
    const scoped = registry.checkTarget(def)!;
    const scope = networkingScope(def.podTemplate!);
    const prefix = def.podTemplate!.spec.slice(0, -1);
    let compared = 0;
    let withFindings = 0;
    for (const object of variants(workload(def.kind, def.apiVersion, prefix))) {
      const root = composeDocument(stringify(object)).root;
      if (!root) continue;
      const run = (target: SchemaTarget) => {
        const found: Finding[] = [];
        checkAgainstSchema(root, target, { dialect, owner: 'the API server', reportUnknownKeys: true, scope }, (f) => found.push(f));
        return brief(found);
      };
      const expected = run(full);
      assert.deepEqual(run(scoped), expected, `${def.kind}: ${stringify(object)}`);
      compared++;
      if (expected.length) withFindings++;
    }
    assert.ok(compared > 200 && withFindings > 50, `${def.kind}: only ${compared} variants, ${withFindings} with findings`);
  }
});

// The workspace index summarises files that are not open without checking them against their
// schemas: the summaries must be exactly those of the full analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeYaml, summarizeYaml } from '../../server/src/core/k8s/analyzeYaml';
import { K8sRegistry } from '../../server/src/core/k8s/k8sRegistry';
import { SchemaRegistry } from '../../server/src/core/cni/schemaRegistry';
import { generateDocuments, joinDocuments } from '../../scripts/bench/generate';

test('summaries for the index are those of the full analysis', () => {
  const services = { cni: new SchemaRegistry(), k8s: new K8sRegistry() };
  const settings = { kubernetesVersion: '1.36', disabledGroups: [] };
  // Indexing reads embedded CNI configs without checking them: broken ones must give the same facts.
  const nad = (config: string) => `apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n\nspec:\n  config: '${config}'\n`;
  const awkward = [
    '{"cniVersion": "1.0.0", "type": "macvlan", "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.1.0.0/24"}], [{"subnet": "fd00::/64"}]]}}',
    '{"cniVersion": "1.0.0", "plugins": [{"type": "bridge", "ipam": {"type": "whereabouts", "range": "10.2.0.10-10.2.0.0/24"}}, {"type": "tuning"}]}',
    '{"type": "macvlan", "ipam": {"type": "host-local", "subnet": "10.9.0.0/16"}, "IPAM": {}}', // the last of two spellings wins, as in Go
    '{"cniVersion": "1.0.0", "type": "macvlan", "ipam": {"type": "host-local", "subnet": "10.3.0.0/16"', // cut short
    '[1, 2]',
    '',
  ].map(nad).join('---\n');
  // Kinds whose rules find facts (Calico pools, Multus requests) beside ones whose rules only report.
  const others = [
    'apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: a\nspec:\n  cidr: 10.50.0.0/16\n',
    'apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: b\n  labels: {app.kubernetes.io/managed-by: tigera-operator}\nspec:\n  cidr: 10.60.0.0/16\n',
    'apiVersion: operator.tigera.io/v1\nkind: Installation\nmetadata:\n  name: default\nspec:\n  calicoNetwork:\n    ipPools:\n      - {name: p1, cidr: 10.60.0.0/16}\n      - {name: p2, cidr: fd00:10::/48}\n',
    'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: c, namespace: shop}\nspec:\n  endpointSelector: {matchLabels: {app: web}}\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    k8s.v1.cni.cncf.io/networks: \'[{"name": "net", "namespace": "infra"}]\'\nspec:\n  hostNetwork: true\n  containers: [{name: c, image: i, ports: [{name: BAD_NAME, containerPort: 80, hostPort: 81}]}]\n',
    'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: web}\n  ports: [{port: 99999}]\n',
  ].join('---\n');
  const texts = [
    others,
    readFileSync('examples/k8s/shop-networking.yaml', 'utf8'),
    readFileSync('examples/k8s/kube-flannel-cfg.yaml', 'utf8'),
    joinDocuments(generateDocuments(300, { seed: 11 })).text,
    awkward,
  ];
  for (const text of texts) {
    const full = analyzeYaml(text, services, settings).docs.map((d) => ({ start: d.start, summary: d.summary }));
    assert.deepEqual(summarizeYaml(text, services, settings), full);
    assert.ok(full.some((d) => d.summary?.subnets.length), "some object has address ranges");
  }
  assert.deepEqual(summarizeYaml(awkward, services, settings).map((d) => d.summary?.subnets.map((s) => s.cidr)), [['10.1.0.0/24', 'fd00::/64'], ['10.2.0.0/24'], [], ['10.3.0.0/16'], [], []]);
});

test('a peer with `namespaceSelector: null` picks pods of the policy\'s own namespace, as the API server reads it', () => {
  const services = { cni: new SchemaRegistry(), k8s: new K8sRegistry() };
  const settings = { kubernetesVersion: '1.36', disabledGroups: [] };
  const policy = (selector: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector: {}\n          namespaceSelector: ${selector}\n`;
  const peer = (selector: string) => summarizeYaml(policy(selector), services, settings)[0].summary!.policy!.peers[0];
  assert.equal(peer('null').crossNamespace, false);
  assert.equal(peer('~').crossNamespace, false);
  assert.equal(peer('{}').crossNamespace, true);
});

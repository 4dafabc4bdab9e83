// Every scaffold variant, generated and linted: no error and no warning from the project's own
// checks, and every YAML document is the Kubernetes object it claims to be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import {
  applies, kindSpec, kindSpecs, resolveOptions, scaffold, ScaffoldOptionError, type KindSpec, type ScaffoldFile, type ScaffoldKind,
} from '../../server/src/core/scaffold';
import * as versions from '../../server/src/core/scaffold/versions';
import { problemsOf } from './lintFiles';

/** Every combination of a kind's main choices that applies (e.g. tunnelProtocol only with tunnel routing). */
function variants(spec: KindSpec): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const option of spec.options.filter((o) => spec.mainChoices.includes(o.name))) {
    combos = combos.flatMap((combo) => (applies(option, resolveOptions(spec.kind, combo).values)
      ? option.choices!.map((c) => ({ ...combo, [option.name]: c.value }))
      : [combo]));
  }
  // Kube-proxy replacement needs the API server's address, which has no default.
  return combos.map((c) => (c.kubeProxyReplacement === 'true' ? { ...c, apiServerHost: '192.168.1.10' } : c));
}

const expectedKinds: Record<ScaffoldKind, Record<string, string[]>> = {
  flannel: { 'kube-flannel.yaml': ['Namespace', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'DaemonSet'] },
  calico: { 'tigera-operator/kustomization.yaml': ['Kustomization'], 'calico-installation.yaml': ['Installation', 'APIServer'] },
  canal: { 'canal/kustomization.yaml': ['Kustomization'], 'canal/canal-config.yaml': ['ConfigMap'] },
  multus: { 'multus-thick.yaml': ['CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding', 'ServiceAccount', 'ConfigMap', 'DaemonSet'] },
  cilium: { 'cilium-starter-policy.yaml': ['CiliumNetworkPolicy'] },
  nad: {},
  policy: {},
  conflist: {},
};

function assertObjects(kind: ScaffoldKind, file: ScaffoldFile): void {
  const docs = parseAllDocuments(file.content);
  assert.ok(Array.isArray(docs) && docs.length > 0, `${file.path} holds YAML documents`);
  const kinds: string[] = [];
  for (const doc of docs) {
    assert.deepEqual(doc.errors.map((e) => e.message), [], `${file.path} parses`);
    const object = doc.toJS() as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
    assert.equal(typeof object.apiVersion, 'string', `${file.path}: apiVersion`);
    assert.equal(typeof object.kind, 'string', `${file.path}: kind`);
    assert.equal(typeof object.metadata?.name, 'string', `${file.path}: metadata.name`);
    kinds.push(object.kind as string);
  }
  const expected = expectedKinds[kind][file.path];
  if (expected) assert.deepEqual(kinds, expected, `${file.path} holds ${expected.join(', ')}`);
}

function assertParses(kind: ScaffoldKind, file: ScaffoldFile): void {
  if (file.format === 'manifest' || file.format === 'kustomization') return assertObjects(kind, file);
  if (file.format === 'cni-config') return void assert.equal(typeof JSON.parse(file.content).plugins, 'object');
  const values = parseAllDocuments(file.content);
  assert.ok(Array.isArray(values) && values.length === 1 && values[0].errors.length === 0, `${file.path} is one YAML document`);
  assert.equal(typeof values[0].toJS(), 'object', `${file.path} is a mapping of Helm values`);
}

for (const spec of kindSpecs) {
  for (const options of variants(spec)) {
    const label = Object.entries(options).map(([k, v]) => `${k}=${v}`).join(' ') || 'defaults';
    test(`scaffold ${spec.kind} (${label}) lints clean and parses`, () => {
      const { files } = scaffold(spec.kind, options);
      assert.ok(files.length > 0);
      assert.deepEqual(problemsOf(files, `ws/${spec.kind}`), []);
      for (const file of files) assertParses(spec.kind, file);
    });
  }
}

test('every kind has its main choices covered by several variants', () => {
  const counts = Object.fromEntries(kindSpecs.map((s) => [s.kind, variants(s).length]));
  assert.deepEqual(counts, { flannel: 3, calico: 5, canal: 3, multus: 20, cilium: 24, nad: 20, policy: 6, conflist: 1 });
});

test('a registry mirror replaces the upstream registry host of every image, and the result still lints clean', () => {
  const registry = 'registry.example.com:5000/mirror';
  for (const kind of ['flannel', 'calico', 'canal', 'multus', 'cilium'] as const) {
    const { files } = scaffold(kind, { registry, ...(kind === 'multus' ? { ipam: 'whereabouts' } : {}) });
    assert.deepEqual(problemsOf(files, `ws/${kind}`), [], kind);
    const text = files.map((f) => f.content).join('\n');
    assert.doesNotMatch(text.replace(/https:\/\/\S+/g, ''), /^\s*(image|newName|repository): (ghcr\.io|quay\.io|docker\.io)\//m, `${kind} keeps no upstream registry`);
    assert.match(text, new RegExp(registry.replace(/[.]/g, '\\.')), `${kind} uses the mirror`);
  }
  const flannel = scaffold('flannel', { registry }).files[0].content;
  assert.match(flannel, /image: registry\.example\.com:5000\/mirror\/flannel-io\/flannel:v0\.28\.4$/m);
  assert.match(flannel, /image: registry\.example\.com:5000\/mirror\/flannel-io\/flannel-cni-plugin:v1\.9\.1-flannel1$/m);
  const calico = scaffold('calico', { registry }).files;
  assert.match(calico[0].content, /newName: registry\.example\.com:5000\/mirror\/tigera\/operator$/m);
  assert.match(calico[1].content, /registry: registry\.example\.com:5000\/mirror\/$/m);
});

test('images and manifests are the pinned releases', () => {
  const flannel = scaffold('flannel').files[0].content;
  assert.ok(flannel.includes(`image: ${versions.flannel.image}`) && flannel.includes(`image: ${versions.flannel.cniPluginImage}`));
  const calico = scaffold('calico').files[0].content;
  assert.ok(calico.includes(versions.calico.operatorCrdsUrl) && calico.includes(versions.calico.operatorUrl));
  const multus = scaffold('multus').files;
  assert.ok(multus[0].content.includes(`image: ${versions.multus.image}`));
  assert.doesNotMatch(multus[0].content, /image: \S*snapshot/, 'no floating tags');
  assert.match(multus[2].content, /newTag: v0\.9\.4/);
  assert.match(scaffold('cilium').files[0].content, /--version 1\.19\.5/);
});

test('the chosen values reach the generated configs', () => {
  const flannel = scaffold('flannel', { podCidr: '10.200.0.0/16', backend: 'vxlan', vni: '4', port: '4789' }).files[0].content;
  const netConf = JSON.parse((parseAllDocuments(flannel) as { toJS(): { data?: Record<string, string> } }[])[4].toJS().data!['net-conf.json']);
  assert.deepEqual(netConf, { Network: '10.200.0.0/16', EnableNFTables: false, Backend: { Type: 'vxlan', VNI: 4, Port: 4789 } });
  const calico = parseAllDocuments(scaffold('calico', { podCidr: '10.50.0.0/16', encapsulation: 'IPIP', natOutgoing: 'Disabled', blockSize: '24' }).files[1].content);
  const pool = (calico as { toJS(): { spec: { calicoNetwork: { ipPools: unknown[] } } } }[])[0].toJS().spec.calicoNetwork.ipPools[0];
  assert.deepEqual(pool, { name: 'default-ipv4-ippool', cidr: '10.50.0.0/16', blockSize: 24, encapsulation: 'IPIP', natOutgoing: 'Disabled', nodeSelector: 'all()' });
  const nad = scaffold('nad', { plugin: 'vlan', ipam: 'host-local', master: 'bond0', vlanId: '42', subnet: '172.16.5.0/24', name: 'storage', namespace: 'shop' }).files[0];
  assert.equal(nad.path, 'storage.yaml');
  const config = JSON.parse((parseAllDocuments(nad.content) as { toJS(): { spec: { config: string } } }[])[0].toJS().spec.config);
  assert.deepEqual(config.plugins[0], { type: 'vlan', master: 'bond0', vlanId: 42, ipam: { type: 'host-local', ranges: [[{ subnet: '172.16.5.0/24' }]] } });
  const values = parseAllDocuments(scaffold('cilium', { routingMode: 'native', ipamMode: 'kubernetes', nativeRoutingCidr: '10.244.0.0/16', kubeProxyReplacement: 'true', apiServerHost: 'api.example.com', hubble: 'false' }).files[0].content);
  assert.deepEqual((values as { toJS(): object }[])[0].toJS(), {
    routingMode: 'native', ipv4NativeRoutingCIDR: '10.244.0.0/16', autoDirectNodeRoutes: true, ipam: { mode: 'kubernetes' },
    kubeProxyReplacement: true, k8sServiceHost: 'api.example.com', k8sServicePort: 6443, hubble: { enabled: false },
  });
});

test('the Calico scaffold is checked, not just unrecognised: its Installation and APIServer are served kinds', () => {
  const files = scaffold('calico', { podCidr: '10.50.0.0/16', encapsulation: 'IPIPCrossSubnet' }).files;
  const installation = files.find((f) => f.path === 'calico-installation.yaml')!;
  const line = (needle: string) => installation.content.slice(0, installation.content.indexOf(needle)).split('\n').length;
  // A deliberately broken copy: an out-of-range block size, a host address for the pool, a misspelt key.
  const broken = installation.content.replace('blockSize: 26', 'blockSize: 33').replace('cidr: 10.50.0.0/16', 'cidr: 10.50.0.1/16')
    .replace('natOutgoing:', 'natOutgoin:').replace(/(kind: APIServer\nmetadata:\n {2}name: )default/, '$1calico');
  assert.notEqual(broken, installation.content);
  const problems = problemsOf([{ path: installation.path, content: broken }], 'ws/calico-broken').map((p) => p.split(' ').slice(0, 2).join(' '));
  assert.deepEqual(problems, [
    `calico-installation.yaml:${line('cidr:')} calico/host-bits`,
    `calico-installation.yaml:${line('blockSize:')} calico/block-size`,
    `calico-installation.yaml:${line('natOutgoing:')} k8s/unknown-key`,
    `calico-installation.yaml:${line('kind: APIServer') + 2} calico/apiserver-name`,
  ]);
  // The scaffolded pool is a subnet of the workspace: next to a flannel install on the same range, both are reported.
  const flannel = scaffold('flannel', { podCidr: '10.50.0.0/16' }).files;
  const clashes = problemsOf([...files, ...flannel], 'ws/calico-and-flannel').filter((p) => p.includes('net/overlapping-subnets'));
  assert.deepEqual(clashes.map((p) => p.split(':')[0]).sort(), ['calico-installation.yaml', 'kube-flannel.yaml']);
  assert.match(clashes.find((p) => p.startsWith('kube-flannel'))!, /Calico Installation default \(pool default-ipv4-ippool\)/);
});

test('scaffold refuses bad options with one sentence per problem', () => {
  const refused = (kind: ScaffoldKind, options: Record<string, string>) => {
    try {
      scaffold(kind, options);
    } catch (error) {
      assert.ok(error instanceof ScaffoldOptionError);
      return error.problems.map((p) => p.message);
    }
    assert.fail('expected a ScaffoldOptionError');
  };
  assert.deepEqual(refused('flannel', { podCidr: '10.96.0.0/16' }), ['--pod-cidr: 10.96.0.0/16 overlaps the Service CIDR 10.96.0.0/12: pods and Services would share addresses. Pick a range outside it.']);
  assert.deepEqual(refused('flannel', { backend: 'udp' }), ['--backend: "udp" is not one of vxlan, host-gw, wireguard.']);
  assert.deepEqual(refused('flannel', { backend: 'host-gw', vni: '2' }), ['--vni applies only with --backend vxlan.']);
  assert.deepEqual(refused('calico', { podCidr: '192.168.0.0/28' }), ['--pod-cidr: 192.168.0.0/28 is a /28: the pool must be at least as large as one block (/26).']);
  assert.deepEqual(refused('nad', { master: 'a/b' }), ['--master: "a/b" is not a Linux interface name: it cannot contain \'/\', \':\' or spaces.']);
  assert.deepEqual(refused('policy', { colour: 'red' }), ['--colour is not an option of scaffold policy; its options: --policy, --namespace, --from-namespace, --from-label, --name.']);
  assert.deepEqual(refused('cilium', { kubeProxyReplacement: 'true' }), ['--api-server-host: The API server address is needed (a host name or IP address, such as 192.168.1.10).']);
  assert.deepEqual(refused('cilium', { routingMode: 'native', podCidr: '10.0.0.0/16', nativeRoutingCidr: '10.244.0.0/16' }),
    ['--native-routing-cidr: 10.244.0.0/16 does not contain the pod pool 10.0.0.0/16: traffic between pods would be masqueraded or dropped.']);
  assert.deepEqual(refused('flannel', { serviceCidr: '10.244.0.0/16' }), ['--pod-cidr: 10.244.0.0/16 overlaps the Service CIDR 10.244.0.0/16: pods and Services would share addresses. Pick a range outside it.']);
});

test('defaults follow earlier choices', () => {
  assert.equal(resolveOptions('nad', { plugin: 'ipvlan' }).values.name, 'ipvlan-net');
  assert.equal(resolveOptions('policy', { policy: 'allow-dns-egress' }).values.name, 'allow-dns-egress');
  assert.equal(resolveOptions('cilium', { routingMode: 'native', podCidr: '10.8.0.0/16' }).values.nativeRoutingCidr, '10.8.0.0/16');
  assert.equal(resolveOptions('nad', { plugin: 'bridge' }).values.master, undefined, 'options that do not apply are left out');
  assert.equal(kindSpec('calico')?.options.find((o) => o.name === 'podCidr')?.default, '192.168.0.0/16');
  assert.equal(kindSpec('flannel')?.options.find((o) => o.name === 'podCidr')?.default, '10.244.0.0/16');
});

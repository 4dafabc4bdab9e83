import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';
import { applyEdits, at, brief, doc, withCursor } from '../helpers/cursor';

const service = createLanguageService();
const yaml = (text: string) => doc(text, 'k8s.yaml', 'yaml');

function complete(marked: string) {
  const { text, offset } = withCursor(marked, '‸');
  const document = yaml(text);
  return { document, items: service.complete(document, document.positionAt(offset)) };
}
const labels = (marked: string) => complete(marked).items.map((i) => i.label);

test('schema checks on Kubernetes objects: types, enums with a fix, ranges, unknown fields', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePorts\n  selectr:\n    app: web\n  ports:\n    - name: http\n      port: 70000\n      protocol: HTTP\n';
  const document = yaml(text);
  const diagnostics = service.validate(document);
  assert.deepEqual(brief(diagnostics), [
    `${at(text, 'NodePorts')} k8s/invalid-value`,
    `${at(text, 'selectr')} k8s/unknown-key`,
    `${at(text, '70000')} k8s/out-of-range`,
    `${at(text, 'HTTP')} k8s/invalid-value`,
  ]);
  assert.match(diagnostics[1].message as string, /Did you mean "selector"\?/);
  const fix = service.codeActions(document, diagnostics[0].range).find((a) => a.isPreferred)!;
  assert.match(applyEdits(document, fix.edit!.changes![document.uri]), /type: NodePort\n/);
});

test('workloads: only the networking parts are checked against the schema', () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: many\n  template:\n    spec:\n      containers:\n        - name: app\n          image: x\n          resourcez: {}\n          ports:\n            - containerPort: 99999\n';
  assert.deepEqual(brief(service.validate(yaml(text))), [`${at(text, '99999')} k8s/out-of-range`]);
});

test('key completion follows indentation, also inside sequences, and skips keys already there', () => {
  const service1 = labels('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ClusterIP\n  ‸\n');
  assert.ok(service1.includes('ports') && service1.includes('selector') && service1.includes('externalTrafficPolicy'), service1.join());
  assert.ok(!service1.includes('type'));
  const port = labels('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - name: http\n      ‸\n');
  assert.ok(port.includes('port') && port.includes('targetPort') && port.includes('protocol'), port.join());
  assert.ok(!port.includes('name'));
  const compact = labels('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  ingress:\n  - from:\n    - ipBlock:\n        ‸\n');
  assert.deepEqual(compact.sort(), ['cidr', 'except']);
});

test('a document that starts with an empty line: completion answers (it used to loop forever)', () => {
  // found by the fuzzer: walking up the lines never got past a newline at offset 0
  assert.ok(labels('‸\n').length > 0, 'starter objects in an empty file');
  assert.ok(labels('\n‸').length > 0);
  assert.ok(labels('\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ‸').includes('ports'));
});

test('value completion: enums, and kinds and apiVersions at the top', () => {
  assert.deepEqual(labels('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ‸\n').sort(), ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  assert.ok(labels('kind: ‸\n').includes('NetworkAttachmentDefinition'));
  assert.deepEqual(labels('apiVersion: ‸\nkind: NetworkPolicy\n').sort(), ['crd.projectcalico.org/v1', 'networking.k8s.io/v1', 'projectcalico.org/v3']);
});

test('workload completion stays on networking fields', () => {
  const keys = labels('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  ‸\n');
  assert.ok(keys.includes('hostNetwork') && keys.includes('dnsPolicy') && keys.includes('containers'), keys.join());
  assert.ok(!keys.includes('volumes') && !keys.includes('restartPolicy'), keys.join());
});

test('an empty YAML document offers starter objects of every served kind', () => {
  const { items } = complete('‸');
  assert.ok(items.some((i) => i.label === 'NetworkAttachmentDefinition (k8s.cni.cncf.io/v1)'));
});

test('hover on Kubernetes keys shows CNIKit docs with a link', () => {
  const { text, offset } = withCursor('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  externalTraffic‸Policy: Local\n', '‸');
  const document = yaml(text);
  const hover = service.hover(document, document.positionAt(offset))!;
  const value = (hover.contents as { value: string }).value;
  assert.match(value, /\*\*externalTrafficPolicy\*\*/);
  assert.match(value, /Local/);
  assert.match(value, /kubernetes\.io/);
});

const foldedNad = (config: string) => `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: macvlan-conf
spec:
  config: >-
${config}
`;

test('hover inside a folded NAD config lands on the key in the YAML', () => {
  const { text, offset } = withCursor(foldedNad('    {"cniVersion": "1.0.0",\n    "type": "macvlan",\n\n    "mo‸de": "bridge"}'), '‸');
  const document = yaml(text);
  const hover = service.hover(document, document.positionAt(offset))!;
  assert.ok(hover, 'no hover');
  assert.match((hover.contents as { value: string }).value, /\*\*mode\*\* · `string` · macvlan plugin/);
  assert.equal(document.getText(hover.range!), '"mode"');
  assert.equal(hover.range!.start.line, 9);
});

test('completion inside a folded NAD config: keys of the plugin and enum values, replacing exactly what is typed', () => {
  const keys = complete(foldedNad('    {"cniVersion": "1.0.0",\n    "type": "macvlan",\n    ‸\n    }'));
  const master = keys.items.find((i) => i.label === 'master');
  assert.ok(master, keys.items.map((i) => i.label).join());
  assert.equal(master.insertTextFormat, 1);
  const edited = applyEdits(keys.document, [master.textEdit as { range: any; newText: string }]);
  assert.doesNotMatch((master.textEdit as { newText: string }).newText, /\n/);
  assert.match(edited, /\n    "master": "eth0"\n/);
  const values = complete(foldedNad('    {"cniVersion": "1.0.0", "type": "ipvlan",\n    "mode": "l‸"}'));
  assert.deepEqual(values.items.map((i) => i.label), ['l2', 'l3', 'l3s']);
  const edit = values.items[1].textEdit as { range: any; newText: string };
  assert.equal(values.document.getText(edit.range), '"l"');
  assert.match(applyEdits(values.document, [edit]), /\n    "mode": "l3"\}\n/);
});

const pod = (annotation: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    k8s.v1.cni.cncf.io/networks: ${annotation}
spec:
  containers: [{name: c, image: busybox}]
`;

test('completion in the Multus networks annotation JSON: the keys of an attachment, encoded for the quotes', () => {
  const { document, items } = complete(pod(`'[{"name": "macvlan-conf", ‸}]'`));
  const keys = items.map((i) => i.label);
  for (const key of ['namespace', 'interface', 'ips', 'mac', 'default-route', 'portMappings', 'bandwidth', 'cni-args']) assert.ok(keys.includes(key), keys.join());
  assert.ok(!keys.includes('name'), 'a key already there is not offered again');
  const iface = items.find((i) => i.label === 'interface')!;
  assert.equal(iface.insertTextFormat, 1);
  assert.match(iface.documentation && typeof iface.documentation === 'object' ? iface.documentation.value : String(iface.documentation), /\*\*interface\*\*/);
  assert.match(applyEdits(document, [iface.textEdit as { range: any; newText: string }]), /networks: '\[\{"name": "macvlan-conf", "interface": "[^"']*"\}\]'\n/);
  // A key being typed is replaced; keys of nested objects come from their own schema.
  const typed = complete(pod(`'[{"name": "macvlan-conf", "def‸"}]'`));
  const route = typed.items.find((i) => i.label === 'default-route')!;
  assert.equal(typed.document.getText((route.textEdit as { range: any }).range), '"def"');
  const ports = complete(pod(`'[{"name": "macvlan-conf", "portMappings": [{‸}]}]'`)).items.map((i) => i.label);
  assert.deepEqual(ports.filter((k) => ['hostPort', 'containerPort', 'protocol'].includes(k)).sort(), ['containerPort', 'hostPort', 'protocol']);
  assert.ok(!ports.includes('name'), ports.join());
  // Double quotes: the inserted JSON is escaped for them.
  const double = complete(pod(`"[{\\"name\\": \\"macvlan-conf\\", ‸}]"`));
  const mac = double.items.find((i) => i.label === 'mac')!;
  assert.match((mac.textEdit as { newText: string }).newText, /^\\"mac\\": \\"/);
});

test('completion in flannel net-conf.json: its keys and the backend types', () => {
  const flannel = (netConf: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-flannel-cfg
  namespace: kube-flannel
data:
  net-conf.json: |
${netConf}
`;
  const top = complete(flannel('    {\n      "Network": "10.244.0.0/16",\n      ‸\n    }')).items.map((i) => i.label);
  for (const key of ['Backend', 'SubnetLen', 'EnableIPv6', 'IPv6Network']) assert.ok(top.includes(key), top.join());
  assert.ok(!top.includes('Network'));
  const { document, items } = complete(flannel('    {\n      "Network": "10.244.0.0/16",\n      "Backend": {"Type": "vx‸"}\n    }'));
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('vxlan') && labels.includes('host-gw') && labels.includes('wireguard'), labels.join());
  const vxlan = items.find((i) => i.label === 'vxlan')!;
  assert.equal(document.getText((vxlan.textEdit as { range: any }).range), '"vx"');
  assert.match(applyEdits(document, [vxlan.textEdit as { range: any; newText: string }]), /\n      "Backend": \{"Type": "vxlan"\}\n/);
  const backend = complete(flannel('    {\n      "Backend": {"Type": "vxlan", ‸}\n    }')).items.map((i) => i.label);
  assert.ok(backend.includes('VNI') && backend.includes('Port') && !backend.includes('Type'), backend.join());
});

test('Calico Installation: completion of calicoNetwork keys and pool enums, hover on pool keys', () => {
  const head = 'apiVersion: operator.tigera.io/v1\nkind: Installation\nmetadata:\n  name: default\nspec:\n';
  const network = labels(`${head}  calicoNetwork:\n    ‸\n`);
  for (const key of ['ipPools', 'bgp', 'linuxDataplane', 'mtu', 'hostPorts', 'nodeAddressAutodetectionV4']) assert.ok(network.includes(key), network.join());
  const pool = labels(`${head}  calicoNetwork:\n    ipPools:\n      - cidr: 10.1.0.0/16\n        ‸\n`);
  assert.deepEqual(pool.filter((k) => ['encapsulation', 'natOutgoing', 'blockSize', 'nodeSelector', 'disableBGPExport', 'cidr'].includes(k)).sort(),
    ['blockSize', 'disableBGPExport', 'encapsulation', 'natOutgoing', 'nodeSelector']);
  assert.deepEqual(labels(`${head}  calicoNetwork:\n    ipPools:\n      - cidr: 10.1.0.0/16\n        encapsulation: ‸\n`).sort(), ['IPIP', 'IPIPCrossSubnet', 'None', 'VXLAN', 'VXLANCrossSubnet']);
  assert.deepEqual(labels(`${head}  cni:\n    type: ‸\n`).sort(), ['AmazonVPC', 'AzureVNET', 'Calico', 'GKE']);
  assert.deepEqual(labels(`${head}  variant: ‸\n`).sort(), ['Calico', 'CalicoEnterprise', 'TigeraSecureEnterprise']);
  assert.ok(labels('kind: ‸\n').includes('Installation'));
  const { text, offset } = withCursor(`${head}  calicoNetwork:\n    ipPools:\n      - cidr: 10.1.0.0/16\n        block‸Size: 26\n`, '‸');
  const document = yaml(text);
  const value = (service.hover(document, document.positionAt(offset))!.contents as { value: string }).value;
  assert.match(value, /\*\*blockSize\*\*/);
  assert.match(value, /20-32 for IPv4/);
  assert.match(value, /docs\.tigera\.io/);
});

test('completion of NetworkAttachmentDefinition names from the workspace in the Multus networks annotation: short and JSON forms', () => {
  const withNads = createLanguageService();
  const nad = (name: string, namespace: string) => `apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  config: '{"cniVersion": "1.0.0", "type": "loopback"}'\n`;
  withNads.indexFile('file:///ws/nads.yaml', [nad('macvlan-conf', 'shop'), nad('bridge', 'other-ns'), nad('storage', 'shop')].join('---\n'));
  const inShop = (annotation: string) => pod(annotation).replace('  name: p\n', '  name: p\n  namespace: shop\n');
  const run = (marked: string) => {
    const { text, offset } = withCursor(inShop(marked), '‸');
    const document = yaml(text);
    const items = withNads.complete(document, document.positionAt(offset)).filter((i) => /^NetworkAttachmentDefinition/.test(i.detail ?? ''));
    const edit = (label: string) => {
      const item = items.find((i) => i.label === label)!;
      const textEdit = item.textEdit as { range: any; newText: string };
      return { replaced: document.getText(textEdit.range), line: applyEdits(document, [textEdit]).split('\n')[6] };
    };
    return { labels: items.map((i) => i.label), edit };
  };
  // Short form: the pod's namespace first by plain name, others as ns/name; exactly the partial name is replaced.
  const short = run('macvlan-conf, br‸@eth1');
  assert.deepEqual(short.labels, ['macvlan-conf', 'storage', 'other-ns/bridge']);
  assert.deepEqual(short.edit('other-ns/bridge'), { replaced: 'br', line: '    k8s.v1.cni.cncf.io/networks: macvlan-conf, other-ns/bridge@eth1' });
  assert.deepEqual(run('macvlan-conf, other-ns/b‸').edit('other-ns/bridge').replaced, 'other-ns/b');
  assert.deepEqual(run('"mac‸, storage"').edit('macvlan-conf'), { replaced: 'mac', line: '    k8s.v1.cni.cncf.io/networks: "macvlan-conf, storage"' });
  assert.deepEqual(run('‸').edit('storage').line, '    k8s.v1.cni.cncf.io/networks: storage');
  assert.deepEqual(run('macvlan-conf@et‸h1').labels, [], 'no names after "@"');
  // JSON form: the "name" value; a NAD of another namespace brings its "namespace" key.
  const json = run(`'[{"name": "br‸"}]'`);
  assert.deepEqual(json.labels, ['macvlan-conf', 'storage', 'other-ns/bridge']);
  assert.deepEqual(json.edit('other-ns/bridge'), { replaced: 'br', line: `    k8s.v1.cni.cncf.io/networks: '[{"name": "bridge", "namespace": "other-ns"}]'` });
  assert.deepEqual(json.edit('storage').line, `    k8s.v1.cni.cncf.io/networks: '[{"name": "storage"}]'`);
  // With a "namespace" key: that namespace's NADs; and the "namespace" value offers namespaces holding the named NAD.
  assert.deepEqual(run(`'[{"name": "‸", "namespace": "other-ns"}]'`).labels, ['bridge']);
  const namespaceItems = (marked: string) => {
    const { text, offset } = withCursor(inShop(marked), '‸');
    const document = yaml(text);
    return withNads.complete(document, document.positionAt(offset)).filter((i) => /^NetworkAttachmentDefinitions:/.test(i.detail ?? '')).map((i) => i.label);
  };
  assert.deepEqual(namespaceItems(`'[{"name": "bridge", "namespace": "‸"}]'`), ['other-ns']);
  assert.deepEqual(namespaceItems(`'[{"namespace": "‸"}]'`), ['shop', 'other-ns']);
  // The schema's example values (which may name nothing) give way to the workspace's.
  const all = (() => {
    const { text, offset } = withCursor(inShop(`'[{"namespace": "‸"}]'`), '‸');
    const document = yaml(text);
    return withNads.complete(document, document.positionAt(offset)).map((i) => i.label);
  })();
  assert.ok(!all.some((l) => l.includes('network-infra')), `no example namespace: ${JSON.stringify(all)}`);
  // Double quotes: the inserted text is escaped for them.
  assert.deepEqual(run(`"[{\\"name\\": \\"b‸\\"}]"`).edit('other-ns/bridge').line, `    k8s.v1.cni.cncf.io/networks: "[{\\"name\\": \\"bridge\\", \\"namespace\\": \\"other-ns\\"}]"`);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';
import { applyEdits, at, brief, doc } from '../helpers/cursor';

const service = createLanguageService();
const yaml = (text: string) => doc(text, 'net.yaml', 'yaml');
const codes = (text: string) => brief(service.validate(yaml(text)));
/** Asserts exactly these diagnostics, each given as [needle in the text, code]. */
function expectAt(text: string, expected: [string, string, number?][], only?: RegExp) {
  const actual = codes(text).filter((c) => !only || only.test(c));
  assert.deepEqual(actual, expected.map(([needle, code, occurrence]) => `${at(text, needle, occurrence)} ${code}`));
}

const nad = (config: string) => `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: macvlan-conf
spec:
  config: ${config}
`;

test('YAML that holds no networking objects gets no diagnostics', () => {
  assert.deepEqual(codes('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n---\nfoo: [1, 2]\n'), []);
});

test('a syntax error in one document leaves the others served', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: Bad\nspec:\n  ports: [{port: 80}]\n---\nkey: [unclosed\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: Also_Bad\nspec:\n  ports: [{port: 80}]\n';
  const found = codes(text);
  assert.ok(found.includes(`${at(text, 'Bad')} k8s/invalid-name`), found.join());
  assert.ok(found.includes(`${at(text, 'Also_Bad')} k8s/invalid-name`), found.join());
  assert.ok(found.some((c) => c.endsWith('yaml/syntax')), found.join());
});

test('NAD: the embedded CNI config is checked and findings land exactly in the YAML (block scalar)', () => {
  const text = nad('|\n    {\n      "cniVersion": "1.0.0",\n      "type": "macvlan",\n      "mode": "bridg",\n      "mtu": "9000"\n    }');
  expectAt(text, [['"bridg"', 'cni/invalid-value'], ['"9000"', 'cni/wrong-type']]);
});

test('NAD: single- and double-quoted configs, including folded lines, map exactly', () => {
  const single = nad(`'{"cniVersion": "1.0.0", "type": "ipvlan",\n    "mode": "l4", "ipam": {"type": "static"}}'`);
  expectAt(single, [['"l4"', 'cni/invalid-value']]);
  const double = nad('"{\\"cniVersion\\": \\"1.0.0\\", \\"type\\": \\"bridge\\",\n    \\"vlan\\": 5000}"');
  expectAt(double, [['5000', 'cni/out-of-range']]);
});

test('NAD: folded (>) configs map exactly, also where lines fold into one and around more-indented lines', () => {
  const folded = nad('>-\n    {"cniVersion": "1.0.0", "type": "macvlan",\n    "mode": "bridg",\n\n    "mtu": "9000"}');
  expectAt(folded, [['"bridg"', 'cni/invalid-value'], ['"9000"', 'cni/wrong-type']]);
  const indented = nad('>\n    {\n      "cniVersion": "1.0.0",\n      "type": "bridge",\n      "vlan": 5000\n    }');
  expectAt(indented, [['5000', 'cni/out-of-range']]);
  const document = yaml(folded);
  const fix = service.codeActions(document, service.validate(document)[0].range).find((a) => a.title === 'Change to "bridge"')!;
  assert.match(applyEdits(document, fix.edit!.changes![document.uri]), /\n    "mode": "bridge",\n/);
});

test('NAD: empty config delegates to a file (info); name may come from the NAD; resourceName format', () => {
  const empty = service.validate(yaml('apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: sriov-net\n  annotations:\n    k8s.v1.cni.cncf.io/resourceName: sriov_netdevice\n'));
  assert.deepEqual(empty.map((d) => [d.code, d.severity]), [['k8s/nad-file-config', 3], ['k8s/invalid-resource-name', 1]]);
  assert.deepEqual(codes(nad(`'{"cniVersion": "1.0.0", "type": "loopback"}'`)), []);
});

test('NAD: quick fixes inside the embedded config are encoded for the scalar style', () => {
  const text = nad(`'{"cniVersion": "1.0.0", "type": "macvlan", "mode": "bridg", "isGatway": true}'`);
  const document = yaml(text);
  const diagnostics = service.validate(document);
  const actions = diagnostics.flatMap((d) => service.codeActions(document, d.range));
  const fixed = applyEdits(document, actions.find((a) => a.title === 'Change to "bridge"')!.edit!.changes![document.uri]);
  assert.match(fixed, /"mode": "bridge"/);
  const block = nad('|\n    {"cniVersion": "1.0.0", "type": "macvlan", "mode": "bridg"}');
  const blockDoc = yaml(block);
  const blockFix = service.codeActions(blockDoc, service.validate(blockDoc)[0].range)[0];
  assert.match(applyEdits(blockDoc, blockFix.edit!.changes![blockDoc.uri]), /"mode": "bridge"/);
});

test('Service rules', () => {
  const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}`;
  let text = svc('  ports:\n    - port: 80\n    - port: 443\n      name: https\n');
  expectAt(text, [['port: 80', 'k8s/service-port-name']]);
  text = svc('  ports:\n    - name: http\n      port: 80\n      targetPort: http-web-frontend\n');
  expectAt(text, [['http-web-frontend', 'k8s/invalid-port-name']]);
  text = svc('  type: ClusterIP\n  externalTrafficPolicy: Local\n  ports:\n    - port: 80\n      nodePort: 30080\n');
  expectAt(text, [['externalTrafficPolicy', 'k8s/service-traffic-policy'], ['nodePort', 'k8s/service-node-port']]);
  text = svc('  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 8080\n');
  expectAt(text, [['8080', 'k8s/service-node-port']]);
  text = svc('  type: NodePort\n  clusterIP: None\n  ports:\n    - port: 80\n');
  expectAt(text, [['None', 'k8s/service-headless']]);
  text = svc('  type: LoadBalancer\n  ports: []\n');
  expectAt(text, [['ports', 'k8s/service-ports']]);
  text = svc('  clusterIP: None\n  selector:\n    app: web\n');
  expectAt(text, []);
  text = svc('  ports:\n    - name: a\n      port: 80\n    - name: a\n      port: 80\n');
  // The second port repeats both the name (line 9) and the port/protocol pair (line 10).
  assert.deepEqual(codes(text).filter((c) => c.endsWith('k8s/duplicate-port')), ['9:13 k8s/duplicate-port', '10:13 k8s/duplicate-port']);
  text = svc('  type: ExternalName\n');
  expectAt(text, [['type', 'k8s/missing-key']]);
});

test('Ingress v1 rules', () => {
  const ing = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n${spec}`;
  const text = ing(`  rules:
    - host: 10.0.0.1
      http:
        paths:
          - path: api
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
                  name: http
          - path: /a//b
            pathType: Exact
            backend:
              resource:
                kind: Bucket
                name: b
              service:
                name: x
                port:
                  number: 80
  tls:
    - hosts: ["*.*.example.com"]
`);
  expectAt(text, [
    ['10.0.0.1', 'k8s/invalid-host'],
    ['api\n', 'k8s/invalid-path'],
    ['port:\n                  number: 80\n                  name', 'k8s/ingress-backend'],
    ['/a//b', 'k8s/invalid-path'],
    ['backend:\n              resource', 'k8s/ingress-backend'],
    ['"*.*.example.com"', 'k8s/invalid-host'],
  ], /k8s\/(invalid-host|invalid-path|ingress-backend)/);
  expectAt(ing('  ingressClassName: nginx\n'), [['spec', 'k8s/ingress-empty']]);
});

test('IngressClass: not held to the Ingress rules; controller required; parameters namespace follows scope', () => {
  const cls = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n${spec}`;
  assert.deepEqual(codes(cls('  controller: k8s.io/ingress-nginx\n')), []);
  expectAt(cls('  parameters:\n    kind: IngressParameters\n    name: p\n'), [['spec', 'k8s/missing-key']]);
  const cluster = cls('  controller: example.com/ingress\n  parameters:\n    kind: IngressParameters\n    name: p\n    namespace: team-a\n');
  expectAt(cluster, [['namespace', 'k8s/ingress-class-scope']]);
  const namespaced = cls('  controller: example.com/ingress\n  parameters:\n    kind: IngressParameters\n    name: p\n    scope: Namespace\n');
  expectAt(namespaced, [['Namespace', 'k8s/ingress-class-scope']]);
  assert.deepEqual(codes(namespaced.replace('scope: Namespace', 'scope: Namespace\n    namespace: team-a')), []);
});

test('removed Ingress APIs are errors with a migration to networking.k8s.io/v1 that keeps comments', () => {
  const text = `apiVersion: extensions/v1beta1 # old
kind: Ingress
metadata:
  name: web
spec:
  backend:
    serviceName: default-web
    servicePort: 8080
  rules:
    - host: shop.example.com
      http:
        paths:
          # the storefront
          - path: /
            backend:
              serviceName: web
              servicePort: http
`;
  const document = yaml(text);
  const diagnostics = service.validate(document);
  assert.deepEqual(brief(diagnostics).filter((d) => d.endsWith('removed-api')), [`${at(text, 'extensions/v1beta1')} k8s/removed-api`]);
  const action = service.codeActions(document, diagnostics.find((d) => d.code === 'k8s/removed-api')!.range)[0];
  assert.equal(action.title, 'Migrate to networking.k8s.io/v1');
  const migrated = applyEdits(document, action.edit!.changes![document.uri]);
  assert.equal(migrated, `apiVersion: networking.k8s.io/v1 # old
kind: Ingress
metadata:
  name: web
spec:
  defaultBackend:
    service:
      name: default-web
      port:
        number: 8080
  rules:
    - host: shop.example.com
      http:
        paths:
          # the storefront
          - path: /
            pathType: ImplementationSpecific
            backend:
              service:
                name: web
                port:
                  name: http
`);
  assert.deepEqual(service.validate(yaml(migrated)).filter((d) => d.severity === 1).map((d) => d.message), []);
  const older = createLanguageService({ kubernetesVersion: '1.21' });
  assert.equal(older.validate(yaml(text)).find((d) => d.code === 'k8s/removed-api')?.severity, 2);
});

test('the Ingress migration reads a null pathType, serviceName or servicePort as not set', () => {
  // A null pathType was taken as set, so the migrated Ingress had none (required in v1), and null
  // backend keys became `name: ~` / `port: {name: null}` beside the resource.
  const text = `apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType:
            backend:
              serviceName: web
              servicePort: 80
          - path: /files
            pathType: ~
            backend:
              serviceName: ~
              servicePort: null
              resource: {apiGroup: k8s.example.com, kind: Bucket, name: files}
          - {path: /static, pathType: null, backend: {serviceName: ~, resource: {kind: Bucket, name: static}}}
`;
  const document = yaml(text);
  const removed = service.validate(document).find((d) => d.code === 'k8s/removed-api')!;
  const action = service.codeActions(document, removed.range).find((a) => a.title === 'Migrate to networking.k8s.io/v1')!;
  const migrated = applyEdits(document, action.edit!.changes![document.uri]);
  assert.equal(migrated, `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: ImplementationSpecific
            backend:
              service:
                name: web
                port:
                  number: 80
          - path: /files
            pathType: ImplementationSpecific
            backend:
              resource: {apiGroup: k8s.example.com, kind: Bucket, name: files}
          - {path: /static, pathType: ImplementationSpecific, backend: {resource: {kind: Bucket, name: static}}}
`);
  // Only the workspace lookup of Service "web" is left, which has nothing to do with the migration.
  assert.deepEqual(codes(migrated), [`${at(migrated, 'web', 2)} k8s/ingress-unknown-service`]);
});

test('an Ingress whose backend comes through a YAML merge key gets no migration that would overlap itself', () => {
  // found by the fuzzer: the merged backend made the key rename and the value rewrite land on the same text
  const text = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: merged
spec:
  rules:
    - host: old.example.com
      http:
        paths:
          - path: /
  <<:           backend:
              serviceName: web
`;
  const document = yaml(text);
  const diagnostics = service.validate(document);
  const removed = diagnostics.find((d) => d.code === 'k8s/removed-api');
  assert.ok(removed, 'the removed API is still reported');
  for (const action of service.codeActions(document, removed.range)) {
    assert.doesNotThrow(() => applyEdits(document, action.edit!.changes![document.uri]), action.title);
  }
});

test('NetworkPolicy rules', () => {
  const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
spec:
  podSelector: {}
  egress: []
  ingress:
    - from:
        - ipBlock:
            cidr: 10.0.0.0/16
            except: [10.1.0.0/24, 10.0.0.0/16]
          namespaceSelector: {}
        - {}
      ports:
        - port: http
          endPort: 90
        - port: 100
          endPort: 90
`;
  expectAt(text, [
    ['egress', 'k8s/policy-egress-not-denied'],
    ['ipBlock', 'k8s/policy-peer'],
    ['10.1.0.0/24', 'k8s/policy-except'],
    ['10.0.0.0/16]', 'k8s/policy-except'],
    ['{}\n      ports', 'k8s/policy-peer'],
    ['endPort: 90', 'k8s/policy-end-port'],
    ['90\n', 'k8s/policy-end-port', 2],
  ].map(([n, c, k]) => [n, c, k] as [string, string, number?]), /k8s\/policy/);
});

test('workloads: Multus annotation (short and JSON forms), ports, host networking, DNS', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    metadata:
      annotations:
        k8s.v1.cni.cncf.io/networks: macvlan-conf@eth_very_long_name0, other/Bad_Name, a/b/c
    spec:
      hostNetwork: true
      dnsPolicy: None
      containers:
        - name: app
          ports:
            - name: http
              containerPort: 8080
              hostPort: 80
            - name: http
              containerPort: 9090
            - name: metrics-endpoint-port
              containerPort: 9100
`;
  expectAt(text, [
    ['macvlan-conf', 'multus/unknown-network'],
    ['eth_very_long_name0', 'multus/invalid-interface'],
    ['Bad_Name', 'multus/invalid-network'],
    ['Bad_Name', 'multus/unknown-network'],
    ['a/b/c', 'multus/invalid-network'],
    ['dnsPolicy', 'k8s/dns-config'],
    ['80\n', 'k8s/host-port', 2],
    ['http\n              containerPort: 9090', 'k8s/duplicate-port'],
    ['metrics-endpoint-port', 'k8s/invalid-port-name'],
  ]);
  const json = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    k8s.v1.cni.cncf.io/networks: '[{"name": "macvlan-conf", "ips": ["10.1.1.300/24"], "mac": "zz:11", "interfce": "net1"}]'
spec:
  containers: [{name: c, image: busybox}]
`;
  expectAt(json, [['macvlan-conf', 'multus/unknown-network'], ['"10.1.1.300/24"', 'multus/invalid-address'], ['"zz:11"', 'multus/invalid-address'], ['"interfce"', 'multus/unknown-key']]);
});

test('list limits of the schema read as sentences, once per list', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  dnsPolicy: None
  dnsConfig:
    nameservers: [10.0.0.10, 10.0.0.11, 10.0.0.12, 10.0.0.13]
  containers: [{name: c, image: x}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
spec:
  podSelector: {}
  policyTypes: [Ingress, Ingress, Ingress]
---
apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  ipFamilies: [IPv6, IPv4, IPv6]
  ports: [{port: 80}]
`;
  const found = service.validate(yaml(text));
  assert.deepEqual(brief(found), [`${at(text, '[10.0.0.10')} k8s/invalid-value`, `${at(text, '[Ingress')} k8s/invalid-value`, `${at(text, '[IPv6')} k8s/invalid-value`, `${at(text, '[IPv6')} k8s/invalid-value`]);
  assert.deepEqual(found.map((d) => d.message), [
    '"nameservers" may have at most 3 entries; the API server rejects more.',
    '"policyTypes" may have at most 2 entries; the API server rejects more.',
    '"ipFamilies" may have at most 2 entries; the API server rejects more.',
    '"ipFamilies" lists the same entry twice (entries 1 and 3); the API server rejects duplicates.',
  ]);
});

test('flannel ConfigMap: cni-conf.json as a CNI list, net-conf.json as flannel config', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-flannel-cfg
  namespace: kube-flannel
data:
  cni-conf.json: |
    {
      "name": "cbr0",
      "cniVersion": "0.3.1",
      "plugins": [
        { "type": "portmap", "capabilities": { "portMappings": true } },
        { "type": "flannel", "delegate": { "hairpinMode": true, "isDefaultGateway": true } }
      ]
    }
  net-conf.json: |
    {
      "Network": "10.244.0.0/16",
      "Backend": { "Type": "vxlann" }
    }
`;
  expectAt(text, [['"portmap"', 'cni/chain-order'], ['"vxlann"', 'flannel/invalid-value']]);
});

// flannel installs cni-conf.json as 10-flannel.conflist, so a single plugin there fails; there is
// no file to rename. Multus takes a single plugin or a list in spec.config alike.
test('a single plugin in flannel cni-conf.json says to make it a list; in a NAD it is fine', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-flannel-cfg
  namespace: kube-flannel
data:
  cni-conf.json: |
    {
      "name": "cbr0",
      "cniVersion": "0.3.1",
      "type": "flannel",
      "delegate": { "hairpinMode": true, "isDefaultGateway": true }
    }
`;
  const diagnostics = service.validate(yaml(text));
  assert.deepEqual(brief(diagnostics), [`${at(text, '"name"')} cni/wrong-file-kind`]);
  assert.match(diagnostics[0].message as string, /Move the plugin into a "plugins" list/);
  assert.doesNotMatch(diagnostics[0].message as string, /Rename the file/);
  const single = '|\n    { "cniVersion": "0.3.1", "type": "macvlan", "master": "eth0", "ipam": { "type": "dhcp" } }';
  const list = '|\n    { "cniVersion": "0.3.1", "plugins": [{ "type": "macvlan", "master": "eth0", "ipam": { "type": "dhcp" } }] }';
  assert.deepEqual(codes(nad(single)), []);
  assert.deepEqual(codes(nad(list)), []);
});

test('Calico IPPool and Cilium policy rules', () => {
  const pool = 'apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: pool-1\nspec:\n  cidr: 192.168.1.5/16\n  ipipMode: Always\n  vxlanMode: Always\n';
  expectAt(pool, [['192.168.1.5/16', 'calico/host-bits'], ['Always', 'calico/encapsulation', 2]]);
  const cnp = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: egress
spec:
  endpointSelector: {}
  nodeSelector: {}
  egress:
    - toFQDNs: [{matchName: api.example.com}]
      toCIDR: [10.0.0.0/8]
`;
  expectAt(cnp, [['nodeSelector', 'cilium/selector'], ['nodeSelector', 'cilium/selector'], ['toFQDNs', 'cilium/fqdn-combined']]);
});

test('Calico policies: every nets and notNets entry is a CIDR or an address', () => {
  for (const [apiVersion, kind] of [['projectcalico.org/v3', 'NetworkPolicy'], ['crd.projectcalico.org/v1', 'GlobalNetworkPolicy']]) {
    const text = `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: allow-office
spec:
  selector: app == 'web'
  ingress:
    - action: Allow
      source:
        nets: [10.0.0.0/8, 192.0.2.7, 10.0.0.0/99]
  egress:
    - action: Deny
      destination:
        notNets:
          - fd00::/64
          - office-lan
`;
    expectAt(text, [['10.0.0.0/99', 'calico/invalid-cidr'], ['office-lan', 'calico/invalid-cidr']]);
  }
});

test('removed NetworkPolicy API gets an apiVersion fix; names and namespaces are checked per kind', () => {
  const text = 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata:\n  name: Deny.All\n  namespace: Team_A\nspec:\n  podSelector: {}\n';
  expectAt(text, [['extensions/v1beta1', 'k8s/removed-api'], ['Deny.All', 'k8s/invalid-name'], ['Team_A', 'k8s/invalid-name']]);
  const document = yaml(text);
  const fix = service.codeActions(document, service.validate(document)[0].range)[0];
  assert.equal(fix.title, 'Change to networking.k8s.io/v1');
});

test('per-kind switches turn checks off', () => {
  const quiet = createLanguageService({ disabledKinds: ['service'] });
  assert.deepEqual(quiet.validate(yaml('apiVersion: v1\nkind: Service\nmetadata:\n  name: Bad\n')), []);
});

const installation = (spec: string, name = 'default') => `apiVersion: operator.tigera.io/v1
kind: Installation
metadata:
  name: ${name}
spec:
${spec}`;

test('Calico Installation: the scaffolded shape is clean, and its pools follow the IP pool rules', () => {
  const clean = installation(`  registry: registry.example.com/
  calicoNetwork:
    bgp: Enabled
    linuxDataplane: Nftables
    mtu: 1440
    hostPorts: Enabled
    nodeAddressAutodetectionV4:
      kubernetes: NodeInternalIP
    ipPools:
      - name: default-ipv4-ippool
        cidr: 192.168.0.0/16
        blockSize: 26
        encapsulation: IPIPCrossSubnet
        natOutgoing: Enabled
        nodeSelector: all()
        disableBGPExport: false
      - cidr: fd00:10:244::/56
        blockSize: 122
        encapsulation: VXLAN
        natOutgoing: Disabled
  controlPlaneReplicas: 1
  calicoNodeDaemonSet:
    spec: {template: {spec: {containers: [{name: calico-node}]}}}
`);
  assert.deepEqual(codes(clean), []);
  const text = installation(`  variant: Calico
  registry: quay.io
  calicoNetwork:
    ipPools:
      - name: v4
        cidr: 10.244.1.0/16
        blockSize: 33
        natOutgoing: true
      - name: v4
        cidr: 10.245.0.0/24
        blockSize: 20
      - cidr: fd00::/48
        encapsulation: IPIPCrossSubnet
        blockSize: 26
      - cidr: 169.254.0.0/16
      - cidr: nonsense
        encapsualtion: None
      - encapsulation: VXLAN
`, 'calico');
  expectAt(text, [
    ['calico', 'calico/installation-name'],
    ['quay.io', 'k8s/invalid-value'],
    ['10.244.1.0/16', 'calico/host-bits'],
    ['33', 'calico/block-size'],
    ['true', 'k8s/wrong-type'], // one finding: a type error that names the allowed values, not also an enum error
    ['v4', 'calico/duplicate-pool', 2],
    ['10.245.0.0/24', 'calico/block-size'],
    ['IPIPCrossSubnet', 'calico/encapsulation'],
    ['26', 'calico/block-size'],
    ['169.254.0.0/16', 'calico/link-local'],
    ['nonsense', 'calico/invalid-cidr'],
    ['encapsualtion', 'k8s/unknown-key'],
    // A pool without cidr: reported where the pool starts.
    ['encapsulation: VXLAN', 'k8s/missing-key'],
  ]);
  const document = yaml(text);
  const hostBits = service.validate(document).find((d) => d.code === 'calico/host-bits')!;
  assert.match(hostBits.message as string, /requires 10\.244\.0\.0\/16/);
  const fix = service.codeActions(document, hostBits.range).find((a) => a.isPreferred)!;
  assert.match(applyEdits(document, fix.edit!.changes![document.uri]), /cidr: 10\.244\.0\.0\/16\n/);
});

test('Calico Installation: the operator\'s checks between BGP, the CNI plugin, IPAM and encapsulation', () => {
  const noBgp = installation(`  cni:
    type: Calico
    ipam: {type: Calico}
  calicoNetwork:
    bgp: Disabled
    ipPools:
      - {cidr: 10.10.0.0/16, encapsulation: IPIP}
      - {cidr: 10.11.0.0/16, encapsulation: None}
      - {cidr: 10.12.0.0/16, encapsulation: VXLAN}
`);
  expectAt(noBgp, [['IPIP', 'calico/bgp-required'], ['None', 'calico/bgp-required']]);
  const vpc = installation(`  cni:
    type: AmazonVPC
  calicoNetwork:
    bgp: Enabled
    ipPools:
      - {cidr: 10.10.0.0/16, encapsulation: VXLAN, nodeSelector: zone == "a"}
      - {cidr: 10.11.0.0/16, encapsulation: None, nodeSelector: all()}
`);
  expectAt(vpc, [['Enabled', 'calico/bgp-required'], ['VXLAN', 'calico/encapsulation'], ['zone == "a"', 'calico/node-selector']]);
  const hostLocal = installation(`  cni:
    type: Calico
    ipam:
      type: HostLocal
  calicoNetwork:
    ipPools:
      - {cidr: 10.10.0.0/16, encapsulation: VXLANCrossSubnet}
`);
  expectAt(hostLocal, [['VXLANCrossSubnet', 'calico/encapsulation']]);
  const detection = installation(`  calicoNetwork:
    linuxDataplane: eBPF
    nodeAddressAutodetectionV4:
      firstFound: true
      interface: eth0
    nodeAddressAutodetectionV6:
      firstFound: false
      cidrs: [fd00:1::/64]
`);
  expectAt(detection, [['eBPF', 'k8s/invalid-value'], ['interface', 'calico/autodetection']]);
});

test('Calico Installation and APIServer: cluster-scoped, names, and the calico switch', () => {
  const text = `apiVersion: operator.tigera.io/v1
kind: APIServer
metadata:
  name: calico-api
  namespace: calico-system
spec: {}
`;
  expectAt(text, [['calico-api', 'calico/apiserver-name'], ['calico-system', 'k8s/cluster-scoped']]);
  assert.deepEqual(codes(installation('  calicoNetwork:\n    ipPools: [{cidr: 172.16.0.0/16}]\n', 'overlay')), []);
  const quiet = createLanguageService({ disabledKinds: ['calico'] });
  assert.deepEqual(quiet.validate(yaml(installation('  calicoNetwork:\n    ipPools: [{cidr: nonsense}]\n', 'x'))), []);
});

test('Calico IPPool: the block size range depends on the family', () => {
  const pool = (cidr: string, blockSize: number) => `apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: p\nspec:\n  cidr: ${cidr}\n  blockSize: ${blockSize}\n`;
  expectAt(pool('fd00::/48', 64), [['64', 'calico/block-size']]);
  expectAt(pool('172.16.0.0/16', 120), [['120', 'calico/block-size']]);
  expectAt(pool('172.16.0.0/16', 24), []);
});

test('a YAML null counts as not set: a required one is reported at its key, an optional one is no conflict', () => {
  const ingress = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n${spec}`;
  const backend = (service: string) => ingress(`  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n${service}`);
  expectAt(ingress('  defaultBackend: ~\n  rules:\n'), [['defaultBackend', 'k8s/ingress-empty']]);
  expectAt(backend('              service: null\n              resource: {kind: Bucket, name: b}\n'), []);
  expectAt(backend('              service:\n              resource:\n'), [['service', 'k8s/ingress-backend']]);
  expectAt(backend('              service:\n                name: web\n                port:\n'), [['port:', 'k8s/ingress-backend']], /ingress-backend/);
  expectAt(backend('              service:\n                name: web\n                port: {number: ~, name: http}\n'), [], /ingress-backend/);
  expectAt(backend('              service:\n                name: web\n                port:\n                  number: null\n'), [['number', 'k8s/ingress-backend']], /ingress-backend/);
  const cnp = (kind: string, spec: string) => `apiVersion: cilium.io/v2\nkind: ${kind}\nmetadata:\n  name: p\nspec:\n${spec}`;
  expectAt(cnp('CiliumNetworkPolicy', '  endpointSelector:\n  ingress: [{fromEntities: [world]}]\n'), [['endpointSelector', 'cilium/selector']]);
  expectAt(cnp('CiliumClusterwideNetworkPolicy', '  endpointSelector: null\n  nodeSelector: {matchLabels: {role: x}}\n'), []);
  expectAt(cnp('CiliumNetworkPolicy', '  endpointSelector: {}\n  egress:\n    - toFQDNs: [{matchName: a.example.com}]\n      toEndpoints: ~\n'), []);
  const policy = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector: {}\n  policyTypes: ~\n  ingress:\n    - from:\n        - podSelector: ~\n        - ipBlock: {cidr: 10.0.0.0/8}\n          namespaceSelector: null\n`;
  expectAt(policy, [['podSelector: ~', 'k8s/policy-peer']]);
  const externalName = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: ~\n';
  expectAt(externalName, [['externalName', 'k8s/missing-key']]);
  expectAt('apiVersion: v1\nkind: Service\nmetadata:\n  name:\nspec:\n  ports: [{port: 80}]\n', [['name', 'k8s/missing-name']]);
  // A null encapsulation is the operator's default, not None: no BGP error.
  expectAt(installation('  calicoNetwork:\n    bgp: Disabled\n    ipPools:\n      - cidr: 10.10.0.0/16\n        encapsulation:\n'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/core';
import { at, brief } from '../helpers/cursor';

const yamlDoc = (name: string, text: string, version = 1) => TextDocument.create(`file:///ws/${name}`, 'yaml', version, text);
const crossCodes = /multus\/unknown-network|k8s\/(service|ingress|policy)-|net\/|k8s\/duplicate-object|cni\/shadowed/;
const cross = (service: ReturnType<typeof createLanguageService>, doc: TextDocument) => brief(service.validate(doc)).filter((c) => crossCodes.test(c));

const nads = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: storage-net
  namespace: shop
spec:
  config: '{"cniVersion": "1.0.0", "type": "macvlan", "master": "eth1", "ipam": {"type": "host-local", "subnet": "192.168.50.0/24"}}'
---
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: infra-net
  namespace: infra
spec:
  config: '{"cniVersion": "1.0.0", "type": "macvlan", "master": "eth2", "ipam": {"type": "host-local", "subnet": "192.168.50.128/25"}}'
`;

const app = (labels = 'app: web', networks = 'storage-net@stor0, infra-net, infra/infra-net') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels:
        ${labels}
      annotations:
        k8s.v1.cni.cncf.io/networks: ${networks}
    spec:
      containers:
        - name: web
          image: nginx
          ports:
            - name: http
              containerPort: 8080
`;

const svc = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
    - name: admin
      port: 9000
      targetPort: admin
`;

test('Multus: a requested network no file defines, and one in another namespace, are warnings at the name', () => {
  const service = createLanguageService();
  service.indexFile('file:///ws/nads.yaml', nads);
  const text = app();
  assert.deepEqual(cross(service, yamlDoc('app.yaml', text)), [`${at(text, 'infra-net')} multus/unknown-network`]);
  const message = service.validate(yamlDoc('app.yaml', text)).find((d) => d.code === 'multus/unknown-network')!.message as string;
  assert.match(message, /write infra\/infra-net/);
});

test('Service: selects no pods; a named targetPort no selected container exposes', () => {
  const service = createLanguageService();
  service.indexFile('file:///ws/app.yaml', app());
  assert.deepEqual(cross(service, yamlDoc('svc.yaml', svc)), [`${at(svc, 'admin\n', 2)} k8s/service-target-port`]);
  // Edit the workload's labels: the Service now selects nothing; edit back: the warning goes.
  service.indexFile('file:///ws/app.yaml', app('app: shop-web'));
  assert.deepEqual(cross(service, yamlDoc('svc.yaml', svc, 2)), [`${at(svc, 'selector')} k8s/service-no-pods`]);
  service.indexFile('file:///ws/app.yaml', app());
  assert.deepEqual(cross(service, yamlDoc('svc.yaml', svc, 3)), [`${at(svc, 'admin\n', 2)} k8s/service-target-port`]);
});

test('Service checks stay quiet where the workspace has no workloads for the namespace', () => {
  const service = createLanguageService();
  assert.deepEqual(cross(service, yamlDoc('svc.yaml', svc)), []);
});

test('selectors understand matchExpressions (In, NotIn, Exists, DoesNotExist)', () => {
  const service = createLanguageService();
  service.indexFile('file:///ws/app.yaml', app('app: web\n        tier: front'));
  const policy = (name: string, expressions: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: shop
spec:
  podSelector:
    matchExpressions:
${expressions}
`;
  const quiet = policy('p1', '      - {key: tier, operator: In, values: [front, back]}\n      - {key: canary, operator: DoesNotExist}');
  assert.deepEqual(cross(service, yamlDoc('p1.yaml', quiet)), []);
  const none = policy('p2', '      - {key: tier, operator: NotIn, values: [front]}\n      - {key: app, operator: Exists}');
  assert.deepEqual(cross(service, yamlDoc('p2.yaml', none)), [`${at(none, 'podSelector')} k8s/policy-no-pods`]);
});

test('Ingress: a backend Service that is missing, and a port the Service does not have', () => {
  const service = createLanguageService();
  service.indexFile('file:///ws/svc.yaml', svc);
  const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: https
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 80
`;
  assert.deepEqual(cross(service, yamlDoc('ing.yaml', ingress)), [`${at(ingress, 'https')} k8s/ingress-unknown-port`, `${at(ingress, 'api\n', 2)} k8s/ingress-unknown-service`]);
});

test('NetworkPolicy: default-deny egress without a DNS rule in the namespace is a hint', () => {
  const service = createLanguageService();
  service.indexFile('file:///ws/app.yaml', app());
  const deny = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
  const found = service.validate(yamlDoc('deny.yaml', deny)).filter((d) => d.code === 'k8s/policy-no-dns');
  assert.deepEqual(found.map((d) => d.severity), [4]);
  service.indexFile('file:///ws/dns.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: dns\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - ports:\n        - {port: 53, protocol: UDP}\n');
  assert.deepEqual(service.validate(yamlDoc('deny.yaml', deny, 2)).filter((d) => d.code === 'k8s/policy-no-dns'), []);
});

test('overlapping subnets across NADs, IP pools, flannel and the Service CIDR', () => {
  const service = createLanguageService();
  assert.deepEqual(cross(service, yamlDoc('nads.yaml', nads)), [`${at(nads, '"192.168.50.0/24"')} net/overlapping-subnets`, `${at(nads, '"192.168.50.128/25"')} net/overlapping-subnets`]);
  const pool = 'apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: pods\nspec:\n  cidr: 10.96.0.0/16\n';
  assert.deepEqual(cross(service, yamlDoc('pool.yaml', pool)), [`${at(pool, '10.96.0.0/16')} net/overlapping-subnets`]);
  const other = createLanguageService({ serviceCidr: '172.20.0.0/16' });
  assert.deepEqual(cross(other, yamlDoc('pool.yaml', pool)), []);
});

test('the pools of a Calico Installation take part in the overlap check: flannel\'s Network, NADs, the Service CIDR', () => {
  const service = createLanguageService();
  const flannel = `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-flannel-cfg
  namespace: kube-flannel
data:
  net-conf.json: |
    {
      "Network": "10.244.0.0/16",
      "Backend": { "Type": "vxlan" }
    }
`;
  service.indexFile('file:///ws/flannel.yaml', flannel);
  service.indexFile('file:///ws/nads.yaml', nads);
  const installation = `apiVersion: operator.tigera.io/v1
kind: Installation
metadata:
  name: default
spec:
  calicoNetwork:
    ipPools:
      - name: pods
        cidr: 10.244.128.0/17
      - name: storage
        cidr: 192.168.0.0/16
      - name: clear
        cidr: 172.30.0.0/16
`;
  const doc = yamlDoc('calico-installation.yaml', installation);
  assert.deepEqual(cross(service, doc), [`${at(installation, '10.244.128.0/17')} net/overlapping-subnets`, `${at(installation, '192.168.0.0/16')} net/overlapping-subnets`]);
  const messages = service.validate(doc).filter((d) => d.code === 'net/overlapping-subnets').map((d) => d.message as string);
  assert.match(messages[0], /overlaps 10\.244\.0\.0\/16 of flannel/);
  assert.match(messages[1], /overlaps 192\.168\.50\.0\/24 of NetworkAttachmentDefinition shop\/storage-net/);
  // And the other way round: the flannel ConfigMap learns about the Installation's pools.
  service.indexFile('file:///ws/calico-installation.yaml', installation);
  const fromFlannel = service.validate(yamlDoc('flannel.yaml', flannel)).filter((d) => d.code === 'net/overlapping-subnets');
  assert.deepEqual(brief(fromFlannel), [`${at(flannel, '"10.244.0.0/16"')} net/overlapping-subnets`]);
  assert.match(fromFlannel[0].message as string, /Calico Installation default \(pool pods\)/);
  // The Service CIDR too.
  const inServices = installation.replace('172.30.0.0/16', '10.96.0.0/16');
  assert.deepEqual(cross(createLanguageService(), yamlDoc('calico-installation.yaml', inServices)), [`${at(inServices, '10.96.0.0/16')} net/overlapping-subnets`]);
});

test('overlapping pools of one Calico Installation: the later pool is reported, naming the earlier one', () => {
  const installation = (pools: string) => `apiVersion: operator.tigera.io/v1
kind: Installation
metadata:
  name: default
spec:
  calicoNetwork:
    ipPools:
${pools}`;
  const nested = installation(`      - cidr: 10.244.0.0/16
      - cidr: fd00:10:244::/56
      - name: wide
        cidr: 10.240.0.0/12
      - cidr: 10.244.128.0/17
      - cidr: 10.250.0.0/16
`);
  const found = createLanguageService().validate(yamlDoc('calico-installation.yaml', nested)).filter((d) => d.code === 'net/overlapping-subnets');
  assert.deepEqual(brief(found), ['10.240.0.0/12', '10.244.128.0/17', '10.250.0.0/16'].map((cidr) => `${at(nested, cidr)} net/overlapping-subnets`));
  assert.match(found[0].message as string, /^10\.240\.0\.0\/12 overlaps pool 1 \(10\.244\.0\.0\/16\) of this Installation: .*Make the ranges disjoint\.$/);
  assert.match(found[1].message as string, /overlaps pool 1 \(10\.244\.0\.0\/16\) of this Installation/);
  assert.match(found[2].message as string, /overlaps pool wide \(10\.240\.0\.0\/12\) of this Installation/);
  // An IPv4 and an IPv6 pool never overlap; the same CIDR twice is only calico/duplicate-pool's error.
  const twice = installation('      - cidr: 10.244.0.0/16\n      - cidr: fd00:10:244::/56\n      - cidr: 10.244.0.0/16\n');
  const codes = brief(createLanguageService().validate(yamlDoc('calico-installation.yaml', twice)));
  assert.deepEqual(codes, [`${at(twice, '10.244.0.0/16', 2)} calico/duplicate-pool`]);
  // The setting that turns the overlap check off turns this off too.
  const off = createLanguageService({ disabledChecks: ['net/overlapping-subnets'] });
  assert.deepEqual(cross(off, yamlDoc('calico-installation.yaml', nested)), []);
});

test('Calico IPPool objects overlap each other and an Installation\'s pools, disabled or not (Calico refuses to create a pool over any other)', () => {
  const service = createLanguageService();
  const pool = (name: string, cidr: string, extra = '') => `apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: ${name}\nspec:\n  cidr: ${cidr}\n${extra}`;
  const old = pool('old', '172.30.0.0/16', '  disabled: true\n');
  service.indexFile('file:///ws/old.yaml', old);
  service.indexFile('file:///ws/calico-installation.yaml', 'apiVersion: operator.tigera.io/v1\nkind: Installation\nmetadata:\n  name: default\nspec:\n  calicoNetwork:\n    ipPools:\n      - cidr: 172.31.0.0/16\n');
  const both = `${pool('new', '172.30.128.0/17')}---\n${pool('next', '172.31.255.0/24')}`;
  const found = service.validate(yamlDoc('new.yaml', both)).filter((d) => d.code === 'net/overlapping-subnets');
  assert.deepEqual(brief(found), [`${at(both, '172.30.128.0/17')} net/overlapping-subnets`, `${at(both, '172.31.255.0/24')} net/overlapping-subnets`]);
  assert.match(found[0].message as string, /overlaps 172\.30\.0\.0\/16 of Calico IPPool old/);
  assert.match(found[1].message as string, /overlaps 172\.31\.0\.0\/16 of Calico Installation default \(pool 1\)/);
  assert.deepEqual(cross(service, yamlDoc('old.yaml', old)), [`${at(old, '172.30.0.0/16')} net/overlapping-subnets`]);
});

test('duplicate objects across files', () => {
  const service = createLanguageService();
  service.indexFile('file:///ws/a.yaml', svc);
  assert.deepEqual(cross(service, yamlDoc('b.yaml', svc)).filter((c) => c.endsWith('duplicate-object')), [`${at(svc, 'web')} k8s/duplicate-object`]);
});

test('duplicates are the same resource: a Calico NetworkPolicy is not a Kubernetes one of the same name', () => {
  const policy = (apiVersion: string, spec: string) => `apiVersion: ${apiVersion}\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n${spec}`;
  const k8s = policy('networking.k8s.io/v1', '  podSelector: {}\n  policyTypes: [Ingress]\n');
  const calico = policy('projectcalico.org/v3', '  selector: all()\n  types: [Ingress]\n');
  const calicoCrd = policy('crd.projectcalico.org/v1', '  selector: all()\n  types: [Ingress]\n');
  const service = createLanguageService();
  service.indexFile('file:///ws/k8s.yaml', k8s);
  assert.deepEqual(cross(service, yamlDoc('calico.yaml', calico)), []);
  // Calico's CRD group stores what its API group serves: the same object twice.
  service.indexFile('file:///ws/calico-crd.yaml', calicoCrd);
  assert.deepEqual(cross(service, yamlDoc('calico.yaml', calico, 2)), [`${at(calico, 'deny')} k8s/duplicate-object`]);
  assert.match(service.validate(yamlDoc('calico.yaml', calico, 3)).find((d) => d.code === 'k8s/duplicate-object')!.message as string, /calico-crd\.yaml/);
  // Kubernetes moved kinds between its own groups: an extensions/v1beta1 Ingress is the v1 one.
  const ingress = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec: {}\n`;
  service.indexFile('file:///ws/old-ingress.yaml', ingress('extensions/v1beta1'));
  assert.deepEqual(cross(service, yamlDoc('ingress.yaml', ingress('networking.k8s.io/v1'))).filter((c) => c.endsWith('duplicate-object')), [`${at(ingress('networking.k8s.io/v1'), 'web')} k8s/duplicate-object`]);
});

test('in a net.d folder, configs other than the lexicographically first get a hint', () => {
  const service = createLanguageService();
  const conf = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "loopback" }] }';
  service.indexFile('file:///node/etc/cni/net.d/10-first.conflist', conf);
  const second = TextDocument.create('file:///node/etc/cni/net.d/20-second.conflist', 'cni', 1, conf);
  assert.deepEqual(brief(service.validate(second)), ['1:1 cni/shadowed-config']);
  const first = TextDocument.create('file:///node/etc/cni/net.d/10-first.conflist', 'cni', 1, conf);
  assert.deepEqual(brief(service.validate(first)), []);
});

test('each check can be switched off', () => {
  const service = createLanguageService({ disabledChecks: ['multus/unknown-network'] });
  assert.deepEqual(cross(service, yamlDoc('app.yaml', app())), []);
});

test('navigation: annotation → NAD, Ingress backend → Service, selector → workloads, and back', () => {
  const service = createLanguageService();
  service.indexFile('file:///ws/nads.yaml', nads);
  service.indexFile('file:///ws/svc.yaml', svc);
  const appText = app();
  const appDoc = yamlDoc('app.yaml', appText);
  service.validate(appDoc);
  const toNad = service.definition(appDoc, appDoc.positionAt(appText.indexOf('storage-net') + 2));
  assert.deepEqual(toNad.map((l) => [l.uri, l.range.start.line]), [['file:///ws/nads.yaml', 3]]);
  const svcDoc = yamlDoc('svc.yaml', svc);
  const toPods = service.definition(svcDoc, svcDoc.positionAt(svc.indexOf('selector') + 2));
  assert.deepEqual(toPods.map((l) => [l.uri, l.range.start.line]), [['file:///ws/app.yaml', 9]]);
  const nadDoc = yamlDoc('nads.yaml', nads);
  const users = service.references(nadDoc, nadDoc.positionAt(nads.indexOf('storage-net') + 1));
  assert.deepEqual(users.map((l) => [l.uri, l.range.start.line, l.range.start.character]), [['file:///ws/app.yaml', 11, 37]]);
  const selectors = service.references(appDoc, appDoc.positionAt(appText.indexOf('app: web') + 1));
  assert.deepEqual(selectors.map((l) => l.uri), ['file:///ws/svc.yaml']);
  const hover = service.hover(svcDoc, svcDoc.positionAt(svc.indexOf('selector') + 1))!;
  assert.match((hover.contents as { value: string }).value, /Selects 1 pod template in namespace shop:\n\n- Deployment web/);
  assert.ok(service.workspaceSymbols('storage').some((s) => s.name === 'storage-net' && s.location.uri === 'file:///ws/nads.yaml'));
});

test('navigation and hover on the podSelectors of policy peers: own namespace, a namespaceSelector on the name label, and unknown namespaces', () => {
  const service = createLanguageService();
  const workload = (name: string, namespace: string, labels: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  template:\n    metadata:\n      labels: {${labels}}\n    spec:\n      containers: [{name: c, image: busybox}]\n`;
  service.indexFile('file:///ws/app.yaml', app());
  service.indexFile('file:///ws/db.yaml', workload('db', 'infra', 'app: db'));
  service.indexFile('file:///ws/web-infra.yaml', workload('web', 'infra', 'app: web'));
  const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: web}
        - podSelector:
            matchLabels: {app: db}
  egress:
    - to:
        - namespaceSelector:
            matchLabels: {kubernetes.io/metadata.name: infra}
          podSelector:
            matchLabels: {app: db}
        - namespaceSelector:
            matchLabels: {team: ops}
          podSelector:
            matchLabels: {app: web}
`;
  const doc = yamlDoc('policy.yaml', policy);
  service.validate(doc);
  const on = (occurrence: number) => {
    let offset = -1;
    for (let i = 0; i < occurrence; i++) offset = policy.indexOf('podSelector', offset + 1);
    return doc.positionAt(offset + 3);
  };
  const hover = (occurrence: number) => (service.hover(doc, on(occurrence))!.contents as { value: string }).value;
  const definition = (occurrence: number) => service.definition(doc, on(occurrence)).map((l) => [l.uri, l.range.start.line]);
  // A peer with only a podSelector: pods of the policy's own namespace.
  assert.deepEqual(definition(2), [['file:///ws/app.yaml', 9]]);
  assert.match(hover(2), /^\*\*app=web\*\* \(a peer of this policy: pods in namespace shop\)\n\nSelects 1 pod template in namespace shop:\n\n- Deployment web\n/);
  assert.deepEqual(definition(3), []);
  assert.match(hover(3), /Selects no pod template in namespace shop in this workspace\./);
  // With a namespaceSelector on the label the API server sets to the namespace's name.
  assert.deepEqual(definition(4), [['file:///ws/db.yaml', 8]]);
  assert.match(hover(4), /^\*\*app=db\*\* in namespaces selected by \*\*kubernetes\.io\/metadata\.name=infra\*\*\n\nSelects 1 pod template in namespace infra:\n\n- Deployment db\n/);
  // With a namespaceSelector on other labels: the workspace cannot tell which namespaces.
  assert.deepEqual(definition(5), []);
  const unknown = hover(5);
  assert.match(unknown, /team=ops/);
  assert.match(unknown, /the pod templates this peer selects are unknown/);
  assert.match(unknown, /2 pod templates of the workspace match the podSelector:\n\n- Deployment web \(namespace infra\)\n- Deployment web \(namespace shop\)/);
  // The policy's own podSelector is unchanged; and from a workload, references include the peers that pick it.
  assert.match(hover(1), /^\*\*every pod\*\*\n\nSelects 1 pod template in namespace shop/);
  const dbDoc = yamlDoc('db.yaml', workload('db', 'infra', 'app: db'));
  const refs = service.references(dbDoc, dbDoc.positionAt(workload('db', 'infra', 'app: db').indexOf('app: db') + 1));
  assert.deepEqual(refs.map((l) => [l.uri, l.range.start.line]), [['file:///ws/policy.yaml', 18]]);
});

test('edits that move, reorder, repeat and delete documents leave diagnostics, navigation and symbols as a fresh index gives them', () => {
  const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: api}
        - namespaceSelector:
            matchLabels: {team: web}
          podSelector:
            matchLabels: {app: web}
`;
  const namespace = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {${labels}}\n`;
  const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port: {name: admin}\n';
  const parts = [nads.replace(/\n---\n/, '\n---\n# the second NAD\n'), app(), svc, namespace('team: web'), policy, ingress];
  const file = (docs: string[]) => docs.join('---\n');
  const versions = [
    file(parts),
    file(parts).replace('name: web', 'name: webx'), // an edit that moves every later document
    file(parts),
    file(['apiVersion: v1\nkind: Service\nmetadata:\n  name: new\n  namespace: shop\n', ...parts]),
    file([parts[0], parts[4], parts[3], parts[2], parts[1], parts[5]]), // reordered
    file([...parts, parts[2], parts[2]]), // the same document three times
    file([parts[0], parts[2], parts[5]]),
    file(parts),
    file(parts).replace('team: web', 'team: ops'), // the Namespace's labels
    file(parts).replace('name: shop\n  labels', 'name: shops\n  labels'),
    file(parts),
    // edits whose objects read the same but for their spans: the objects are kept, with new spans
    file(parts).replace('image: nginx', 'image: nginx:1.27'),
    file(parts).replace('image: nginx', 'image: nginx:1.27').replace('  ports:\n    - name: http\n      port: 80', '  # the web port\n  ports:\n    - name: http\n      port: 80'),
    file(parts).replace('  selector:\n    app: web', '  selector:   {app: web}'),
  ];
  const live = createLanguageService();
  const view = (service: ReturnType<typeof createLanguageService>, doc: TextDocument) => {
    const text = doc.getText();
    const where = (l: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
      `${l.uri}:${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`;
    const out = [JSON.stringify(service.validate(doc)), ...service.workspaceSymbols('').map((s) => `${s.name} ${where(s.location)}`)];
    for (let offset = 0; offset < text.length; offset += 3) {
      const position = doc.positionAt(offset);
      const hover = service.hover(doc, position)?.contents;
      out.push(`${offset}: ${service.definition(doc, position).map(where)} | ${service.references(doc, position).map(where)} | ${JSON.stringify(hover)}`);
    }
    return out;
  };
  versions.forEach((text, i) => {
    const doc = yamlDoc('all.yaml', text, i + 1);
    assert.deepEqual(view(live, doc), view(createLanguageService(), doc), `version ${i + 1}`);
  });
});

test('an edit that changes nothing the index holds (a comment, an image) leaves the workspace as it was: other files keep their diagnostics', () => {
  const service = createLanguageService();
  const text = [app(), svc].join('---\n');
  service.validate(yamlDoc('app.yaml', text));
  const ingress = yamlDoc('ingress.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port: {name: admin}\n');
  service.validate(ingress);
  const version = service.workspaceVersion;
  const edited = text.replace('image: nginx', 'image: nginx:1.27\n          # pinned');
  service.validate(yamlDoc('app.yaml', edited, 2));
  assert.equal(service.workspaceVersion, version, 'an image and a comment');
  // The Service moved down a line: navigation finds its name where it is now.
  const backend = ingress.positionAt(ingress.getText().indexOf('name: web', 60) + 7);
  assert.deepEqual(service.definition(ingress, backend).map((l) => l.range.start.line), [edited.split('\n').indexOf('kind: Service') + 2]);
  service.validate(yamlDoc('app.yaml', edited.replace('targetPort: admin', 'targetPort: 9001'), 3));
  assert.notEqual(service.workspaceVersion, version, 'a Service port');
});

test('a file indexed again with the text it was indexed from is not re-indexed, from disk or from its editor', () => {
  const uri = 'file:///ws/app.yaml';
  const edited = app('app: shop-web');
  const service = createLanguageService();
  service.indexFile(uri, app());
  const indexed = service.workspaceVersion;
  service.indexFile(uri, app());
  assert.equal(service.workspaceVersion, indexed, 'the same text on disk');
  service.validate(yamlDoc('app.yaml', app()));
  assert.equal(service.workspaceVersion, indexed, 'opened with the text on disk');
  service.validate(yamlDoc('app.yaml', edited, 2));
  assert.notEqual(service.workspaceVersion, indexed, 'edited');
  // Saved and closed: what is on disk is what the editor had.
  const saved = service.workspaceVersion;
  service.forget(uri);
  service.indexFile(uri, edited);
  assert.equal(service.workspaceVersion, saved, 'closed after saving');
  const fresh = createLanguageService();
  fresh.indexFile(uri, edited);
  assert.deepEqual(service.workspaceSymbols(''), fresh.workspaceSymbols(''));
  service.indexFile(uri, app());
  assert.notEqual(service.workspaceVersion, saved, 'changed on disk');
});

test('an IPPool the Calico operator made from the Installation is that pool, not a clash; a different overlapping range still is', () => {
  const service = createLanguageService();
  const installation = `apiVersion: operator.tigera.io/v1
kind: Installation
metadata:
  name: default
spec:
  calicoNetwork:
    ipPools:
      - cidr: 10.244.0.0/16
`;
  service.indexFile('file:///ws/calico-installation.yaml', installation);
  const pool = (name: string, cidr: string, labels = '\n  labels:\n    app.kubernetes.io/managed-by: tigera-operator') =>
    `apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: ${name}${labels}\nspec:\n  cidr: ${cidr}\n`;
  const exported = pool('default-ipv4-ippool', '10.244.0.0/16');
  service.indexFile('file:///ws/exported.yaml', exported);
  assert.deepEqual(cross(service, yamlDoc('exported.yaml', exported)), []);
  assert.deepEqual(cross(service, yamlDoc('calico-installation.yaml', installation)), []);
  // Another range that overlaps, labelled or not, and the same range made by hand are clashes.
  const wider = pool('wide', '10.240.0.0/12');
  assert.deepEqual(cross(service, yamlDoc('wide.yaml', wider)), [`${at(wider, '10.240.0.0/12')} net/overlapping-subnets`]);
  const byHand = pool('pods', '10.244.0.0/16', '');
  assert.deepEqual(cross(service, yamlDoc('exported.yaml', byHand, 2)), [`${at(byHand, '10.244.0.0/16')} net/overlapping-subnets`]);
});

test('a change of the Kubernetes settings re-reads files whose text is the same: a kind turned off leaves the index, turned on comes back', () => {
  const service = createLanguageService();
  const nadText = 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: storage-net\nspec:\n  config: \'{"cniVersion": "1.0.0", "type": "loopback"}\'\n';
  const names = () => service.workspaceSymbols('storage').map((s) => `${s.name} ${s.location.uri}`).sort();
  service.indexFile('file:///ws/disk.yaml', nadText);
  const open = yamlDoc('open.yaml', nadText.replace('storage-net', 'storage-open'));
  service.validate(open);
  assert.deepEqual(names(), ['storage-net file:///ws/disk.yaml', 'storage-open file:///ws/open.yaml']);
  service.configure({ disabledKinds: ['networkAttachment'] });
  service.indexFile('file:///ws/disk.yaml', nadText);
  service.validate(open);
  assert.deepEqual(names(), []);
  service.configure({ disabledKinds: [] });
  service.indexFile('file:///ws/disk.yaml', nadText);
  service.validate(open);
  assert.deepEqual(names(), ['storage-net file:///ws/disk.yaml', 'storage-open file:///ws/open.yaml']);
  // other settings leave the index as it is: no file is read again for them
  const version = service.workspaceVersion;
  service.configure({ disabledChecks: ['net/overlapping-subnets'] });
  service.indexFile('file:///ws/disk.yaml', nadText);
  service.validate(open);
  assert.equal(service.workspaceVersion, version);
});

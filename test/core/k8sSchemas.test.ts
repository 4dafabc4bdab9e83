// The Kubernetes schemas in schemas/k8s/: generated files are up to date, every schema compiles,
// realistic manifests pass, typical mistakes fail at the right place, and every key users write in
// the networking parts has hover text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

interface IndexEntry {
  apiVersion: string;
  kind: string;
  file: string;
  docUrl: string;
  removedIn?: string;
  replacedBy?: string;
}

const DIR = join('schemas', 'k8s');
const index: IndexEntry[] = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8'));
const load = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8'));

const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['int32', 'int64', 'date-time', 'byte']) ajv.addFormat(format, true);
const validators = new Map<string, ValidateFunction>();
const validatorFor = (file: string) => {
  let validate = validators.get(file);
  if (!validate) {
    validate = ajv.compile(load(file));
    validators.set(file, validate);
  }
  return validate;
};

/** Validates a YAML manifest against the schema the index gives for its apiVersion and kind. */
function check(text: string): ErrorObject[] {
  const manifest = parse(text);
  const entry = index.find((e) => e.apiVersion === manifest.apiVersion && e.kind === manifest.kind);
  assert.ok(entry, `no schema for ${manifest.apiVersion} ${manifest.kind}`);
  const validate = validatorFor(entry.file);
  return validate(manifest) ? [] : [...(validate.errors ?? [])];
}
const brief = (errors: ErrorObject[]) => errors.map((e) => `${e.instancePath} ${e.keyword}${e.keyword === 'required' ? `:${e.params.missingProperty}` : ''}`);

test('the generated schemas are up to date with the generator, the pinned client and the overlays', () => {
  const result = spawnSync(process.execPath, ['scripts/generate-k8s-schemas.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr || result.stdout);
});

test('the index covers every served kind, and every schema it lists compiles', () => {
  const served = new Set(index.map((e) => `${e.apiVersion} ${e.kind}`));
  for (const kind of [
    'v1 Service', 'v1 Pod', 'networking.k8s.io/v1 Ingress', 'networking.k8s.io/v1 IngressClass', 'networking.k8s.io/v1 NetworkPolicy',
    'discovery.k8s.io/v1 EndpointSlice', 'apps/v1 Deployment', 'apps/v1 StatefulSet', 'apps/v1 DaemonSet', 'apps/v1 ReplicaSet', 'v1 ReplicationController',
    'batch/v1 Job', 'batch/v1 CronJob', 'extensions/v1beta1 Ingress', 'networking.k8s.io/v1beta1 Ingress',
    'k8s.cni.cncf.io/v1 NetworkAttachmentDefinition', 'cilium.io/v2 CiliumNetworkPolicy', 'cilium.io/v2 CiliumClusterwideNetworkPolicy',
    'projectcalico.org/v3 IPPool', 'projectcalico.org/v3 NetworkPolicy', 'projectcalico.org/v3 GlobalNetworkPolicy',
    'crd.projectcalico.org/v1 IPPool', 'crd.projectcalico.org/v1 NetworkPolicy', 'crd.projectcalico.org/v1 GlobalNetworkPolicy',
    'gateway.networking.k8s.io/v1 Gateway', 'gateway.networking.k8s.io/v1 HTTPRoute',
    'operator.tigera.io/v1 Installation', 'operator.tigera.io/v1 APIServer',
  ]) {
    assert.ok(served.has(kind), `index lacks ${kind}`);
  }
  for (const entry of index) {
    assert.ok(existsSync(join(DIR, entry.file)), `${entry.file} is missing`);
    assert.match(entry.docUrl, /^https:\/\//);
    const schema = load(entry.file);
    assert.equal(ajv.validateSchema(schema), true, `${entry.file}: ${ajv.errorsText()}`);
    assert.doesNotThrow(() => validatorFor(entry.file), entry.file);
    assert.equal(schema.title, entry.kind);
    assert.deepEqual(schema.required.slice(0, 2), ['apiVersion', 'kind'], entry.file);
    const versions = schema.properties.apiVersion.const !== undefined ? [schema.properties.apiVersion.const] : schema.properties.apiVersion.enum;
    assert.ok(versions.includes(entry.apiVersion), `${entry.file} does not accept apiVersion ${entry.apiVersion}`);
    assert.equal(schema.properties.kind.const, entry.kind);
    assert.match(schema.$id, new RegExp(`^cnikit:k8s/[^ ]+/${entry.kind}$`));
    assert.equal(schema.properties.status, undefined, `${entry.file} exposes status`);
  }
});

test('each schema file is self-contained: every reference resolves and every definition is used', () => {
  for (const file of new Set(index.map((e) => e.file))) {
    const schema = load(file);
    const used = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref') {
            assert.match(String(value), /^#\/definitions\//, `${file}: external reference ${value}`);
            const name = String(value).slice('#/definitions/'.length);
            assert.ok(schema.definitions?.[name], `${file}: ${value} does not resolve`);
            used.add(name);
          } else walk(value);
        }
      }
    };
    walk(schema);
    assert.deepEqual(Object.keys(schema.definitions ?? {}).filter((name) => !used.has(name)), [], `${file}: unused definitions`);
  }
});

test('realistic manifests validate', () => {
  const valid: Record<string, string> = {
    'Service with two named ports': `
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  labels:
    app.kubernetes.io/name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
    - name: metrics
      port: 9090
      targetPort: 9090
      appProtocol: http
  externalTrafficPolicy: Local
  ipFamilyPolicy: PreferDualStack
  ipFamilies: [IPv4, IPv6]
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 600
`,
    'headless Service': `
apiVersion: v1
kind: Service
metadata: { name: db }
spec:
  clusterIP: None
  selector: { app: db }
`,
    'Ingress v1 with a TLS host': `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  ingressClassName: nginx
  tls:
    - hosts: [shop.example.com, "*.shop.example.com"]
      secretName: shop-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
          - path: /api
            pathType: Exact
            backend:
              service:
                name: api
                port:
                  number: 8080
`,
    'NetworkPolicy with ipBlock and except': `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-egress
  namespace: shop
spec:
  podSelector:
    matchLabels: { app: api }
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels: { kubernetes.io/metadata.name: monitoring }
          podSelector:
            matchExpressions:
              - { key: app, operator: In, values: [prometheus] }
      ports:
        - port: metrics
  egress:
    - to:
        - ipBlock:
            cidr: 10.0.0.0/8
            except: [10.0.5.0/24]
      ports:
        - protocol: TCP
          port: 32000
          endPort: 32768
`,
    'NetworkAttachmentDefinition': `
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: macvlan-conf
  annotations:
    k8s.v1.cni.cncf.io/resourceName: intel.com/sriov_netdevice
spec:
  config: '{"cniVersion": "1.0.0", "type": "macvlan", "master": "eth1", "mode": "bridge", "ipam": {"type": "host-local", "subnet": "192.168.1.0/24"}}'
`,
    'NetworkAttachmentDefinition without config': `
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata: { name: from-file }
`,
    'Deployment with container ports and the Multus annotation': `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web }
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
      annotations:
        k8s.v1.cni.cncf.io/networks: macvlan-conf@net1, other-ns/sriov-net
    spec:
      dnsPolicy: ClusterFirst
      dnsConfig:
        options:
          - name: ndots
            value: "2"
      hostAliases:
        - ip: 10.1.2.3
          hostnames: [foo.local]
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
            - name: metrics
              containerPort: 9090
              protocol: TCP
              hostPort: 9090
`,
    'Pod as written by kubectl create --dry-run': `
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels: { run: debug }
  name: debug
spec:
  containers:
    - image: busybox
      name: debug
      resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`,
    'CronJob with a pod template': `
apiVersion: batch/v1
kind: CronJob
metadata: { name: report }
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            k8s.v1.cni.cncf.io/networks: '[{"name": "storage-net", "interface": "net1", "ips": ["10.10.0.5/24"]}]'
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox
`,
    'CiliumNetworkPolicy with toFQDNs': `
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: allow-github
  namespace: ci
spec:
  endpointSelector:
    matchLabels: { app: runner }
  egress:
    - toEndpoints:
        - matchLabels:
            k8s:io.kubernetes.pod.namespace: kube-system
            k8s-app: kube-dns
      toPorts:
        - ports:
            - port: "53"
              protocol: ANY
          rules:
            dns:
              - matchPattern: "*.github.com"
    - toFQDNs:
        - matchName: github.com
        - matchPattern: "*.github.com"
      toPorts:
        - ports:
            - port: "443"
              protocol: TCP
  ingressDeny:
    - fromEntities: [world]
`,
    'CiliumClusterwideNetworkPolicy for nodes': `
apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: { name: host-ssh }
spec:
  nodeSelector:
    matchLabels: { node-role.kubernetes.io/worker: "" }
  ingress:
    - fromCIDRSet:
        - cidr: 192.0.2.0/24
          except: [192.0.2.128/25]
      toPorts:
        - ports: [{ port: "22", protocol: TCP }]
      icmps:
        - fields: [{ type: 8, family: IPv4 }]
`,
    'Calico IPPool': `
apiVersion: projectcalico.org/v3
kind: IPPool
metadata: { name: pool-a }
spec:
  cidr: 10.244.0.0/16
  blockSize: 26
  ipipMode: Never
  vxlanMode: CrossSubnet
  natOutgoing: true
  nodeSelector: all()
  allowedUses: [Workload, Tunnel]
`,
    'Calico operator Installation': `
apiVersion: operator.tigera.io/v1
kind: Installation
metadata: { name: default }
spec:
  variant: Calico
  registry: registry.example.com/
  kubernetesProvider: ""
  cni: { type: Calico, ipam: { type: Calico } }
  calicoNetwork:
    bgp: Enabled
    linuxDataplane: BPF
    hostPorts: Enabled
    mtu: 1450
    nodeAddressAutodetectionV4: { canReach: 8.8.8.8 }
    sysctl: [{ key: net.ipv4.tcp_keepalive_time, value: "600" }]
    ipPools:
      - { name: v4, cidr: 10.244.0.0/16, blockSize: 26, encapsulation: VXLANCrossSubnet, natOutgoing: Enabled, nodeSelector: all(), disableBGPExport: false }
  typhaDeployment: { spec: { template: { spec: { nodeSelector: { role: infra } } } } }
`,
    'Calico operator APIServer': `
apiVersion: operator.tigera.io/v1
kind: APIServer
metadata: { name: default }
spec: {}
`,
    'Calico GlobalNetworkPolicy (CRD form)': `
apiVersion: crd.projectcalico.org/v1
kind: GlobalNetworkPolicy
metadata: { name: deny-db-from-web }
spec:
  order: 100
  selector: app == "db"
  types: [Ingress]
  ingress:
    - action: Deny
      protocol: TCP
      source:
        selector: app == "web"
        namespaceSelector: global()
      destination:
        ports: [5432, "6000:6010"]
    - action: Allow
`,
    'Gateway and HTTPRoute': `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: edge }
spec:
  gatewayClassName: cilium
  listeners:
    - name: https
      hostname: "*.example.com"
      port: 443
      protocol: HTTPS
      tls:
        certificateRefs: [{ name: wildcard-tls }]
      allowedRoutes:
        namespaces: { from: All }
`,
    'HTTPRoute': `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop }
spec:
  parentRefs: [{ name: edge, sectionName: https }]
  hostnames: [shop.example.com]
  rules:
    - matches:
        - path: { type: PathPrefix, value: /api }
          headers: [{ name: X-Canary, value: "true" }]
          method: GET
      filters:
        - type: RequestHeaderModifier
          requestHeaderModifier:
            add: [{ name: X-Via, value: edge }]
      backendRefs:
        - { name: api, port: 8080, weight: 90 }
        - { name: api-canary, port: 8080, weight: 10 }
      timeouts: { request: 10s }
`,
    'legacy extensions/v1beta1 Ingress': `
apiVersion: extensions/v1beta1
kind: Ingress
metadata: { name: old }
spec:
  backend: { serviceName: web, servicePort: 80 }
  rules:
    - host: old.example.com
      http:
        paths:
          - path: /
            backend: { serviceName: web, servicePort: http }
`,
  };
  for (const [name, text] of Object.entries(valid)) assert.deepEqual(brief(check(text)), [], name);
});

test('typical mistakes fail at the field that is wrong', () => {
  const service = (port: string) => `
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports:
    - ${port}
`;
  const cases: [string, string, string[]][] = [
    ['port 70000', service('{ name: http, port: 70000 }'), ['/spec/ports/0/port maximum']],
    ['protocol HTTP', service('{ name: http, port: 80, protocol: HTTP }'), ['/spec/ports/0/protocol enum']],
    ['a named targetPort without a letter', service('{ port: 80, targetPort: "8080" }'), ['/spec/ports/0/targetPort pattern']],
    ['a Service name starting with a digit', `
apiVersion: v1
kind: Service
metadata: { name: 1web }
spec: { ports: [{ port: 80 }] }
`, ['/metadata/name pattern']],
    ['pathType missing in a v1 Ingress', `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop }
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            backend: { service: { name: web, port: { number: 80 } } }
`, ['/spec/rules/0/http/paths/0 required:pathType']],
    ['an Ingress host with a port', `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop }
spec:
  rules:
    - host: shop.example.com:443
`, ['/spec/rules/0/host pattern']],
    ['policyTypes [Both]', `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p }
spec:
  podSelector: {}
  policyTypes: [Both]
`, ['/spec/policyTypes/0 enum']],
    ['a container port name longer than 15 characters', `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      hostNetwork: true
      dnsPolicy: ClusterFirstWithHostNet
      containers:
        - name: agent
          ports: [{ name: prometheus-metrics, containerPort: 9100 }]
`, ['/spec/template/spec/containers/0/ports/0/name maxLength']],
    ['a NAD config written as an object', `
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata: { name: macvlan-conf }
spec:
  config: { cniVersion: 1.0.0, type: macvlan }
`, ['/spec/config type']],
    ['a Cilium port written as a number', `
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: { name: p }
spec:
  endpointSelector: {}
  egress:
    - toEntities: [world, internet]
      toPorts: [{ ports: [{ port: 443 }] }]
`, ['/spec/egress/0/toEntities/1 enum', '/spec/egress/0/toPorts/0/ports/0/port type']],
    ['a Calico action in lowercase', `
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: { name: p, namespace: shop }
spec:
  selector: all()
  ingress: [{ action: allow }]
`, ['/spec/ingress/0/action enum']],
    ['an IPPool without cidr', `
apiVersion: projectcalico.org/v3
kind: IPPool
metadata: { name: pool }
spec: { ipipMode: always }
`, ['/spec required:cidr', '/spec/ipipMode enum']],
    ['an Installation pool without cidr, with a boolean natOutgoing and a lowercase encapsulation', `
apiVersion: operator.tigera.io/v1
kind: Installation
metadata: { name: default }
spec:
  calicoNetwork:
    ipPools: [{ natOutgoing: true, encapsulation: vxlan }]
`, ['/spec/calicoNetwork/ipPools/0 required:cidr', '/spec/calicoNetwork/ipPools/0/encapsulation enum', '/spec/calicoNetwork/ipPools/0/natOutgoing type', '/spec/calicoNetwork/ipPools/0/natOutgoing enum']],
    ['a Gateway listener port 0', `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw }
spec:
  gatewayClassName: x
  listeners: [{ name: http, port: 0, protocol: HTTP }]
`, ['/spec/listeners/0/port minimum']],
  ];
  for (const [name, text, expected] of cases) assert.deepEqual(brief(check(text)), expected, name);
});

// -------------------------------------------------------------------------------------------
// Hover text coverage

/** Definitions of which only some properties are the networking ones (the code ignores the rest). */
const PARTIAL: Record<string, string[]> = {
  V1ObjectMeta: ['name', 'namespace', 'labels', 'annotations', 'generateName'],
  V1PodSpec: ['hostNetwork', 'dnsPolicy', 'dnsConfig', 'hostname', 'subdomain', 'hostAliases', 'containers', 'initContainers'],
  V1Container: ['name', 'ports'],
};
/** Kinds whose whole spec is networking; in workloads only the paths to the pod's network fields are. */
const NETWORKING_KINDS = new Set(['Service', 'Ingress', 'IngressClass', 'NetworkPolicy', 'EndpointSlice']);

function undocumented(file: string, wholeTree: boolean): string[] {
  const schema = load(file);
  const missing: string[] = [];
  const seen = new Set<string>();
  const visit = (node: any, path: string, full: boolean) => {
    if (!node || typeof node !== 'object') return;
    if (node.$ref) {
      const name = String(node.$ref).slice('#/definitions/'.length);
      const key = `${name}:${full}`;
      if (seen.has(key)) return;
      seen.add(key);
      const partial = PARTIAL[name.split('.')[0]];
      const def = schema.definitions[name];
      if (partial) {
        for (const property of partial) {
          if (!def.properties?.[property]?.description) missing.push(`${name}.${property}`);
          visit(def.properties?.[property], `${name}.${property}`, true);
        }
        return;
      }
      return visit(def, name, full);
    }
    for (const [key, sub] of Object.entries<any>(node.properties ?? {})) {
      if (full && !sub.description) missing.push(`${path}.${key}`);
      visit(sub, `${path}.${key}`, full);
    }
    for (const sub of [node.items, node.additionalProperties, node.propertyNames]) visit(sub, `${path}[]`, full);
  };
  for (const [key, sub] of Object.entries<any>(schema.properties)) {
    if (!sub.description) missing.push(`${schema.title}.${key}`);
    visit(sub, `${schema.title}.${key}`, wholeTree);
  }
  return missing;
}

test('every property of the networking definitions and of our own schemas has a description', () => {
  const missing: string[] = [];
  for (const file of new Set(index.map((e) => e.file))) {
    const schema = load(file);
    const ours = file.startsWith('crd/') || file.startsWith('legacy/');
    missing.push(...undocumented(file, ours || NETWORKING_KINDS.has(schema.title)).map((m) => `${file}: ${m}`));
  }
  assert.deepEqual(missing, []);
});

test('the pod network fields of workloads are documented down to ContainerPort and the DNS settings', () => {
  const schema = load('apps.v1.Deployment.schema.json');
  for (const name of ['V1ContainerPort', 'V1PodDNSConfig', 'V1PodDNSConfigOption', 'V1HostAlias']) {
    for (const [key, sub] of Object.entries<any>(schema.definitions[name].properties)) assert.ok(sub.description, `${name}.${key}`);
  }
  const annotations = schema.definitions['V1ObjectMeta.PodTemplate'].properties.annotations.properties;
  assert.ok(annotations['k8s.v1.cni.cncf.io/networks'].description);
  assert.equal(schema.definitions['V1ObjectMeta.Deployment'].properties.annotations.properties, undefined, 'pod annotations belong to the template');
});

test('the service imports every schema the index lists', async () => {
  const { k8sSchemas } = await import('../../server/src/core/k8s/schemaIndex');
  const { readFileSync } = await import('node:fs');
  const index = JSON.parse(readFileSync('schemas/k8s/index.json', 'utf8')) as { file: string }[];
  const ids = new Set(k8sSchemas.map((s) => s.$id));
  for (const entry of index) {
    const schema = JSON.parse(readFileSync(`schemas/k8s/${entry.file}`, 'utf8'));
    if (!ids.has(schema.$id)) assert.fail(`${entry.file} is in index.json but not imported in server/src/core/k8s/schemaIndex.ts`);
  }
});

// Deterministic workload generator: realistic, mutually consistent Kubernetes networking
// manifests (the way a rendered chart or a GitOps repository looks), with ~2% seeded mistakes.
//
// Objects come in application groups: NetworkAttachmentDefinitions (Multus, embedded CNI JSON),
// a Deployment that attaches to them through `k8s.v1.cni.cncf.io/networks`, the Service in front
// of it (named targetPorts that match the container ports), often an Ingress, and NetworkPolicies
// (ipBlock/except, DNS egress, ports). Every reference resolves, so what a checker reports on the
// clean part of a workload is a false positive and the seeded mistakes are what it should find.
import { createRandom, type Random } from './prng';

export type Kind = 'NetworkAttachmentDefinition' | 'Deployment' | 'Service' | 'Ingress' | 'NetworkPolicy' | 'ConfigMap' | 'ServiceAccount';
export type MistakeType = 'bad-port' | 'typo-key' | 'macvlan-mode';

export interface Mistake {
  type: MistakeType;
  /** 0-based line of the mistake, relative to its document (absolute once joined into a file). */
  line: number;
  detail: string;
}

export interface GeneratedDoc {
  kind: Kind;
  name: string;
  namespace: string;
  group: number;
  lines: string[];
  mistake?: Mistake;
  /** A NetworkAttachmentDefinition's CNI config and whether it is written as a block scalar. */
  cni?: { config: Record<string, unknown>; block: boolean };
}

export interface GenerateOptions {
  seed: number;
  /** Share of documents that carry a seeded mistake. */
  mistakeRate?: number;
  /** Also emit the ordinary non-networking objects of an application (ConfigMap, ServiceAccount). */
  extras?: boolean;
}

const namespaces = ['shop', 'payments', 'search', 'identity', 'media', 'telemetry', 'edge', 'ledger'];
const words = [
  'cart', 'checkout', 'catalog', 'pricing', 'billing', 'invoice', 'auth', 'session', 'profile', 'avatar', 'upload',
  'thumbnail', 'search', 'indexer', 'crawler', 'ranker', 'mailer', 'notifier', 'gateway', 'router', 'ledger',
  'report', 'export', 'import', 'scheduler', 'worker', 'queue', 'cache', 'stream', 'metrics', 'audit', 'tenant',
  'quota', 'ratelimit', 'geo', 'tiles', 'orders', 'inventory', 'shipping', 'returns', 'reviews', 'coupons',
];
const suffixes = ['api', 'svc', 'web', 'backend', 'frontend', 'worker', 'sync', 'proxy'];
const containerPortPool = [
  { name: 'http', port: 8080 }, { name: 'https', port: 8443 }, { name: 'grpc', port: 9000 },
  { name: 'metrics', port: 9090 }, { name: 'admin', port: 8081 }, { name: 'ws', port: 8082 },
];
const servicePortOf: Record<string, number> = { http: 80, https: 443, grpc: 9000, metrics: 9090, admin: 8081, ws: 8082 };
const tiers = ['frontend', 'backend', 'data', 'edge'];
const masters = ['eth1', 'eth2', 'ens4', 'bond0'];

interface NetPlan { name: string; plugin: 'macvlan' | 'bridge' | 'ipvlan'; ipam: 'host-local' | 'static' | 'whereabouts'; index: number; blockScalar: boolean }
interface GroupPlan {
  index: number;
  namespace: string;
  app: string;
  tier: string;
  ports: { name: string; port: number }[];
  nets: NetPlan[];
  ingress: boolean;
  extraPolicy: boolean;
  sidecar: boolean;
  /** Whether the main policy also restricts egress (then it allows DNS). */
  egress: boolean;
  serviceType: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
}

/** An endless, deterministic stream of application groups. */
export class GroupStream {
  private readonly random: Random;
  private groupIndex = 0;
  private netIndex = 0;
  private readonly appsByNamespace = new Map<string, string[]>();

  constructor(seed: number, private readonly extras = false) {
    this.random = createRandom(seed);
  }

  /** The next group's documents, in the order a chart would render them. */
  next(): GeneratedDoc[] {
    const plan = this.plan();
    const r = this.random;
    const docs: GeneratedDoc[] = [];
    const doc = (kind: Kind, name: string, lines: string[]): void => {
      docs.push({ kind, name, namespace: plan.namespace, group: plan.index, lines });
    };
    if (this.extras && r.chance(0.5)) doc('ServiceAccount', plan.app, serviceAccount(plan));
    if (this.extras && r.chance(0.4)) doc('ConfigMap', `${plan.app}-config`, configMap(plan, r));
    for (const net of plan.nets) docs.push(networkAttachment(plan, net, r));
    doc('Deployment', plan.app, deployment(plan, r));
    doc('Service', plan.app, service(plan, r));
    if (plan.ingress) doc('Ingress', plan.app, ingress(plan, r));
    const peers = this.appsByNamespace.get(plan.namespace) ?? [];
    doc('NetworkPolicy', `${plan.app}-allow`, networkPolicy(plan, r, peers));
    if (plan.extraPolicy) doc('NetworkPolicy', `${plan.app}-from-monitoring`, monitoringPolicy(plan));
    peers.push(plan.app);
    this.appsByNamespace.set(plan.namespace, peers);
    return docs;
  }

  private plan(): GroupPlan {
    const r = this.random;
    const index = this.groupIndex++;
    const app = `${r.pick(words)}-${r.pick(suffixes)}-${index.toString(36)}`;
    const netCount = r.chance(0.45) ? 0 : r.chance(0.75) ? 1 : 2;
    const purposes = ['storage', 'data', 'sriov', 'backup', 'mgmt'];
    const nets: NetPlan[] = [];
    for (let i = 0; i < netCount; i++) {
      nets.push({
        name: `${app}-${purposes[i]}-net`,
        plugin: r.pick(['macvlan', 'macvlan', 'bridge', 'ipvlan'] as const),
        ipam: r.pick(['host-local', 'whereabouts', 'whereabouts', 'static'] as const),
        index: this.netIndex++,
        blockScalar: r.chance(0.85),
      });
    }
    return {
      index,
      namespace: r.pick(namespaces),
      app,
      tier: r.pick(tiers),
      ports: r.sample(containerPortPool, r.int(2, 3)),
      nets,
      ingress: r.chance(0.55),
      extraPolicy: r.chance(0.15),
      sidecar: r.chance(0.15),
      egress: r.chance(0.65),
      serviceType: r.chance(0.75) ? 'ClusterIP' : r.chance(0.6) ? 'NodePort' : 'LoadBalancer',
    };
  }
}

function header(apiVersion: string, kind: string, name: string, namespace: string): string[] {
  return [`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`];
}

/** A /24 of 172.16.0.0/12 per network, so pod networks never overlap each other or the Service CIDR. */
function subnetOf(index: number): [number, number] {
  const i = index % 4096;
  return [16 + (i >> 8), i & 255];
}

function cniConfig(plan: GroupPlan, net: NetPlan, r: Random): Record<string, unknown> {
  const [b, c] = subnetOf(net.index);
  const base = `172.${b}.${c}`;
  let ipam: Record<string, unknown>;
  if (net.ipam === 'host-local') {
    ipam = {
      type: 'host-local',
      ranges: [[{ subnet: `${base}.0/24`, rangeStart: `${base}.20`, rangeEnd: `${base}.200`, gateway: `${base}.1` }]],
      routes: [{ dst: '0.0.0.0/0' }],
    };
  } else if (net.ipam === 'whereabouts') {
    ipam = { type: 'whereabouts', range: `${base}.0/24`, exclude: [`${base}.0/28`, `${base}.254/32`] };
  } else {
    ipam = { type: 'static', addresses: [{ address: `${base}.${r.int(10, 250)}/24`, gateway: `${base}.1` }], routes: [{ dst: `${base}.0/24` }] };
  }
  const cniVersion = r.pick(['0.3.1', '0.4.0', '1.0.0']);
  switch (net.plugin) {
    case 'macvlan':
      return { cniVersion, name: net.name, type: 'macvlan', master: r.pick(masters), mode: r.pick(['bridge', 'bridge', 'private', 'vepa']), ipam };
    case 'ipvlan':
      return { cniVersion, name: net.name, type: 'ipvlan', master: r.pick(masters), mode: r.pick(['l2', 'l3']), ipam };
    case 'bridge':
      return { cniVersion, name: net.name, type: 'bridge', bridge: `br-${plan.index.toString(36)}`, isGateway: true, ipMasq: r.chance(0.5), ipam };
  }
}

function networkAttachment(plan: GroupPlan, net: NetPlan, r: Random): GeneratedDoc {
  const doc: GeneratedDoc = {
    kind: 'NetworkAttachmentDefinition', name: net.name, namespace: plan.namespace, group: plan.index, lines: [],
    cni: { config: cniConfig(plan, net, r), block: net.blockScalar },
  };
  doc.lines = renderNetworkAttachment(doc);
  return doc;
}

/** JSON as people write CNI configs: one key a line, short arrays and objects kept on one line. */
export function prettyJson(value: unknown, indent = ''): string {
  const inline = JSON.stringify(value).replace(/,(?=["{[\d])/g, ', ').replace(/":/g, '": ');
  if (typeof value !== 'object' || value === null || (indent.length >= 4 && inline.length <= 72) || (Array.isArray(value) && inline.length <= 60)) return inline;
  const inner = indent + '  ';
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + prettyJson(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

function renderNetworkAttachment(doc: GeneratedDoc): string[] {
  const { config, block } = doc.cni!;
  const lines = header('k8s.cni.cncf.io/v1', 'NetworkAttachmentDefinition', doc.name, doc.namespace);
  if (config.type === 'macvlan' && doc.name.includes('-sriov-')) lines.push('  annotations:', '    k8s.v1.cni.cncf.io/resourceName: intel.com/sriov_netdevice');
  lines.push('spec:');
  if (block) {
    lines.push('  config: |');
    for (const line of prettyJson(config).split('\n')) lines.push(`    ${line}`);
  } else {
    lines.push(`  config: '${JSON.stringify(config).replace(/'/g, "''")}'`);
  }
  return lines;
}

function deployment(plan: GroupPlan, r: Random): string[] {
  const lines = header('apps/v1', 'Deployment', plan.app, plan.namespace);
  lines.push('  labels:', `    app: ${plan.app}`);
  lines.push('spec:', `  replicas: ${r.int(1, 6)}`, '  selector:', '    matchLabels:', `      app: ${plan.app}`);
  lines.push('  template:', '    metadata:', '      labels:', `        app: ${plan.app}`);
  if (plan.nets.length) {
    lines.push('      annotations:');
    if (plan.nets.length === 1 && r.chance(0.6)) {
      lines.push(`        k8s.v1.cni.cncf.io/networks: ${plan.nets[0].name}@net1`);
    } else if (r.chance(0.5)) {
      lines.push(`        k8s.v1.cni.cncf.io/networks: ${plan.nets.map((n, i) => `${plan.namespace}/${n.name}@net${i + 1}`).join(', ')}`);
    } else {
      const json = JSON.stringify(plan.nets.map((n, i) => ({ name: n.name, interface: `net${i + 1}` })));
      lines.push(`        k8s.v1.cni.cncf.io/networks: '${json}'`);
    }
  }
  lines.push('    spec:');
  if (r.chance(0.5)) lines.push(`      serviceAccountName: ${plan.app}`);
  lines.push('      containers:');
  lines.push(`        - name: ${plan.app.split('-')[0]}`, `          image: registry.example.com/${plan.namespace}/${plan.app}:1.${r.int(0, 30)}.${r.int(0, 9)}`, '          ports:');
  const explicitProtocol = r.chance(0.5);
  for (const p of plan.ports) {
    lines.push(`            - name: ${p.name}`, `              containerPort: ${p.port}`);
    if (explicitProtocol) lines.push('              protocol: TCP');
  }
  if (r.chance(0.35)) lines.push('          resources:', '            requests:', `              cpu: ${r.pick([50, 100, 250, 500])}m`, `              memory: ${r.pick([64, 128, 256, 512])}Mi`);
  if (r.chance(0.3)) lines.push('          readinessProbe:', '            httpGet:', '              path: /healthz', `              port: ${plan.ports[0].name}`);
  if (plan.sidecar) {
    lines.push('        - name: envoy', '          image: envoyproxy/envoy:v1.31.2', '          ports:', '            - name: envoy-admin', '              containerPort: 9901');
  }
  return lines;
}

function service(plan: GroupPlan, r: Random): string[] {
  const lines = header('v1', 'Service', plan.app, plan.namespace);
  if (r.chance(0.5)) lines.push('  labels:', `    app: ${plan.app}`);
  lines.push('spec:', `  type: ${plan.serviceType}`, '  selector:', `    app: ${plan.app}`, '  ports:');
  const explicitProtocol = r.chance(0.4);
  for (const p of plan.ports) {
    lines.push(`    - name: ${p.name}`, `      port: ${servicePortOf[p.name]}`, `      targetPort: ${p.name}`);
    if (explicitProtocol) lines.push('      protocol: TCP');
    if (plan.serviceType === 'NodePort' && r.chance(0.5)) lines.push(`      nodePort: ${30000 + ((plan.index * 7 + servicePortOf[p.name]) % 2767)}`);
  }
  if (plan.serviceType === 'LoadBalancer') lines.push('  externalTrafficPolicy: Local');
  if (r.chance(0.1)) lines.push('  sessionAffinity: ClientIP', '  sessionAffinityConfig:', '    clientIP:', '      timeoutSeconds: 3600');
  return lines;
}

function ingress(plan: GroupPlan, r: Random): string[] {
  const host = `${plan.app}.${plan.namespace}.example.com`;
  const lines = header('networking.k8s.io/v1', 'Ingress', plan.app, plan.namespace);
  if (r.chance(0.5)) lines.push('  annotations:', '    nginx.ingress.kubernetes.io/proxy-body-size: 8m');
  lines.push('spec:', '  ingressClassName: nginx');
  if (r.chance(0.5)) lines.push('  tls:', '    - hosts:', `        - ${host}`, `      secretName: ${plan.app}-tls`);
  lines.push('  rules:', `    - host: ${host}`, '      http:', '        paths:');
  const paths = r.chance(0.6) ? ['/'] : ['/', '/api'];
  for (const path of paths) {
    const port = plan.ports[paths.indexOf(path) % plan.ports.length];
    lines.push(`          - path: ${path}`, `            pathType: ${path === '/' ? 'Prefix' : r.pick(['Prefix', 'Exact'])}`, '            backend:', '              service:', `                name: ${plan.app}`, '                port:');
    lines.push(r.chance(0.6) ? `                  name: ${port.name}` : `                  number: ${servicePortOf[port.name]}`);
  }
  return lines;
}

function networkPolicy(plan: GroupPlan, r: Random, peers: string[]): string[] {
  const lines = header('networking.k8s.io/v1', 'NetworkPolicy', `${plan.app}-allow`, plan.namespace);
  lines.push('spec:', '  podSelector:', '    matchLabels:', `      app: ${plan.app}`, '  policyTypes:', '    - Ingress');
  if (plan.egress) lines.push('    - Egress');
  lines.push('  ingress:', '    - from:');
  const from = peers.length ? r.pick(peers) : plan.app;
  lines.push('        - podSelector:', '            matchLabels:', `              app: ${from}`);
  if (r.chance(0.4)) lines.push('        - namespaceSelector:', '            matchLabels:', '              kubernetes.io/metadata.name: ingress-nginx');
  const octet = r.int(1, 250);
  if (r.chance(0.4)) lines.push('        - ipBlock:', '            cidr: 10.0.0.0/8', '            except:', `              - 10.${octet}.0.0/16`);
  lines.push('      ports:');
  for (const p of plan.ports.slice(0, r.int(1, 2))) lines.push('        - protocol: TCP', `          port: ${r.chance(0.5) ? p.name : p.port}`);
  if (!plan.egress) return lines;
  lines.push('  egress:', '    - to:', '        - namespaceSelector: {}', '          podSelector:', '            matchLabels:', '              k8s-app: kube-dns');
  lines.push('      ports:', '        - protocol: UDP', '          port: 53');
  if (r.chance(0.4)) lines.push('        - protocol: TCP', '          port: 53');
  const third = r.int(0, 255);
  if (r.chance(0.4)) {
    lines.push('    - to:', '        - ipBlock:', '            cidr: 192.168.0.0/16', '            except:', `              - 192.168.${third}.0/24`, '      ports:', '        - protocol: TCP', '          port: 5432');
    if (r.chance(0.3)) lines.push('          endPort: 5440');
  }
  return lines;
}

function monitoringPolicy(plan: GroupPlan): string[] {
  const lines = header('networking.k8s.io/v1', 'NetworkPolicy', `${plan.app}-from-monitoring`, plan.namespace);
  const metrics = plan.ports.find((p) => p.name === 'metrics') ?? plan.ports[0];
  lines.push(
    'spec:', '  podSelector:', '    matchLabels:', `      app: ${plan.app}`, '  policyTypes:', '    - Ingress', '  ingress:', '    - from:',
    '        - namespaceSelector:', '            matchLabels:', '              kubernetes.io/metadata.name: monitoring',
    '          podSelector:', '            matchLabels:', '              app.kubernetes.io/name: prometheus',
    '      ports:', '        - protocol: TCP', `          port: ${metrics.port}`,
  );
  return lines;
}

function serviceAccount(plan: GroupPlan): string[] {
  return [...header('v1', 'ServiceAccount', plan.app, plan.namespace), '  labels:', `    app: ${plan.app}`, 'automountServiceAccountToken: false'];
}

function configMap(plan: GroupPlan, r: Random): string[] {
  return [
    ...header('v1', 'ConfigMap', `${plan.app}-config`, plan.namespace), 'data:',
    `  LOG_LEVEL: ${r.pick(['info', 'debug', 'warn'])}`, `  UPSTREAM_URL: http://${plan.app}.${plan.namespace}.svc:${servicePortOf[plan.ports[0].name]}`,
    '  app.properties: |', `    threads=${r.int(2, 32)}`, `    cache.ttl=${r.int(10, 600)}s`, '    feature.flags=alpha,beta',
  ];
}

// ---------------------------------------------------------------------------------------------
// Seeded mistakes

/** Replaces the first line matching `pattern` (after `from`) and records the mistake there. */
function mutate(doc: GeneratedDoc, type: MistakeType, pattern: RegExp, replace: (line: string) => string, detail: string): boolean {
  const line = doc.lines.findIndex((l) => pattern.test(l));
  if (line < 0) return false;
  doc.lines[line] = replace(doc.lines[line]);
  doc.mistake = { type, line, detail };
  return true;
}

/** Seeds one mistake into `doc`, of `preferred` type when it fits the kind. */
export function seedMistake(doc: GeneratedDoc, preferred: MistakeType, r: Random): boolean {
  const badPort = r.pick([0, 70000, 65536, 123456]);
  switch (doc.kind) {
    case 'Service':
      if (preferred === 'typo-key') return mutate(doc, 'typo-key', /^\s+targetPort:/, (l) => l.replace('targetPort:', 'targetPrt:'), 'targetPort misspelt');
      return mutate(doc, 'bad-port', /^\s+port: \d+$/, (l) => l.replace(/\d+$/, String(badPort)), `Service port ${badPort}`);
    case 'Deployment':
      if (preferred === 'typo-key') return mutate(doc, 'typo-key', /^\s+containerPort:/, (l) => l.replace('containerPort:', 'containerPrt:'), 'containerPort misspelt');
      return mutate(doc, 'bad-port', /^\s+containerPort: \d+$/, (l) => l.replace(/\d+$/, String(badPort)), `containerPort ${badPort}`);
    case 'NetworkPolicy':
      if (preferred === 'typo-key') return mutate(doc, 'typo-key', /^  policyTypes:$/, (l) => l.replace('policyTypes', 'policyType'), 'policyTypes misspelt');
      return mutate(doc, 'bad-port', /^\s+port: \d+$/, (l) => l.replace(/\d+$/, String(badPort)), `NetworkPolicy port ${badPort}`);
    case 'Ingress':
      if (preferred === 'bad-port') return mutate(doc, 'bad-port', /^\s+number: \d+$/, (l) => l.replace(/\d+$/, String(badPort)), `backend port ${badPort}`)
        || mutate(doc, 'typo-key', /^\s+pathType:/, (l) => l.replace('pathType', 'pathTyp'), 'pathType misspelt');
      return mutate(doc, 'typo-key', /^\s+pathType:/, (l) => l.replace('pathType', 'pathTyp'), 'pathType misspelt');
    case 'NetworkAttachmentDefinition': {
      // An invalid macvlan mode; a network of another plugin becomes a macvlan one for it.
      if (!doc.cni) return false;
      const { config } = doc.cni;
      if (config.type !== 'macvlan') {
        delete config.bridge; delete config.isGateway; delete config.ipMasq;
        config.type = 'macvlan';
        config.master = config.master ?? 'eth1';
      }
      const ipam = config.ipam;
      delete config.ipam;
      config.mode = 'bridged';
      config.ipam = ipam; // keep ipam last, as people write it
      doc.lines = renderNetworkAttachment(doc);
      doc.mistake = { type: 'macvlan-mode', line: doc.lines.findIndex((l) => l.includes('"bridged"')), detail: 'macvlan mode "bridged"' };
      return true;
    }
    default:
      return false;
  }
}

/**
 * `count` documents, ~mistakeRate of them with a seeded mistake. The first mistake is always a
 * Service port out of range, which any schema-based checker must report.
 */
export function generateDocuments(count: number, options: GenerateOptions): GeneratedDoc[] {
  const stream = new GroupStream(options.seed, options.extras);
  const docs: GeneratedDoc[] = [];
  while (docs.length < count) docs.push(...stream.next());
  docs.length = count;
  seedMistakes(docs, options);
  return docs;
}

export function seedMistakes(docs: GeneratedDoc[], options: GenerateOptions): void {
  const r = createRandom(options.seed ^ 0x5eed);
  const networking = docs.map((d, i) => ({ d, i })).filter(({ d }) => d.kind !== 'ConfigMap' && d.kind !== 'ServiceAccount');
  const wanted = Math.max(1, Math.round(docs.length * (options.mistakeRate ?? 0.02)));
  const chosen = r.sample(networking, wanted).sort((a, b) => a.i - b.i);
  const types: MistakeType[] = ['bad-port', 'typo-key', 'macvlan-mode'];
  // The first Service in the file gets the guaranteed port mistake.
  const firstService = networking.find(({ d }) => d.kind === 'Service');
  if (firstService && !chosen.some((c) => c.i === firstService.i)) chosen[0] = firstService;
  chosen.forEach(({ d }, n) => {
    if (d === firstService?.d) seedMistake(d, 'bad-port', r);
    else seedMistake(d, types[n % types.length], r);
  });
}

// ---------------------------------------------------------------------------------------------
// Files

export interface DocSpan { kind: Kind; name: string; namespace: string; startLine: number; lineCount: number }
export interface JoinedFile {
  text: string;
  lineCount: number;
  docs: DocSpan[];
  mistakes: (Mistake & { kind: Kind; doc: number })[];
}

/** Joins documents into one multi-document YAML file (`---` between documents). */
export function joinDocuments(docs: GeneratedDoc[]): JoinedFile {
  const out: string[] = [];
  const spans: DocSpan[] = [];
  const mistakes: JoinedFile['mistakes'] = [];
  docs.forEach((doc, i) => {
    if (i > 0) out.push('---');
    const startLine = out.length;
    spans.push({ kind: doc.kind, name: doc.name, namespace: doc.namespace, startLine, lineCount: doc.lines.length });
    if (doc.mistake) mistakes.push({ ...doc.mistake, line: startLine + doc.mistake.line, kind: doc.kind, doc: i });
    out.push(...doc.lines);
  });
  return { text: out.join('\n') + '\n', lineCount: out.length, docs: spans, mistakes };
}

export interface FolderFile { path: string; docs: GeneratedDoc[] }

/**
 * Exactly `fileCount` manifest files, laid out as a GitOps repository: `<namespace>/<app>/<file>.yaml`,
 * one or a few documents per file.
 */
export function generateFolder(fileCount: number, options: GenerateOptions): FolderFile[] {
  const stream = new GroupStream(options.seed, options.extras ?? true);
  const layout = createRandom(options.seed ^ 0xf01d);
  const files: FolderFile[] = [];
  while (files.length < fileCount) {
    const group = stream.next();
    const app = group.find((d) => d.kind === 'Deployment')!.name;
    const dir = `${group[0].namespace}/${app}`;
    const byKind = (kind: Kind) => group.filter((d) => d.kind === kind);
    const bundle = (name: string, docs: GeneratedDoc[]) => { if (docs.length) files.push({ path: `${dir}/${name}.yaml`, docs }); };
    bundle('networks', byKind('NetworkAttachmentDefinition'));
    const extras = [...byKind('ServiceAccount'), ...byKind('ConfigMap')];
    if (layout.chance(0.4)) {
      bundle('app', [...extras, ...byKind('Deployment'), ...byKind('Service')]);
    } else {
      bundle('config', extras);
      bundle('deployment', byKind('Deployment'));
      bundle('service', byKind('Service'));
    }
    bundle('ingress', byKind('Ingress'));
    if (layout.chance(0.5)) bundle('networkpolicies', byKind('NetworkPolicy'));
    else byKind('NetworkPolicy').forEach((d) => bundle(`networkpolicy-${d.name}`, [d]));
  }
  files.length = fileCount;
  seedMistakes(files.flatMap((f) => f.docs), options);
  return files;
}

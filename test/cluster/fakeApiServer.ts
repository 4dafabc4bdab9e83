// A small Kubernetes API server for tests: HTTPS on 127.0.0.1 (random port), serving a fixture
// cluster on the REST paths client libraries use. Discovery (/version, /api, /apis), list and get
// for core, apps, networking.k8s.io and CRD groups, with limit/continue pagination as the real
// server does it, Status bodies for 401/403/404/405, client-certificate and bearer-token auth.
// Test knobs: paths that answer 403, paths that never answer (a slow endpoint), a page-size cap.
// Every request is recorded (method, path, query) so tests can assert what the client did.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Socket } from 'node:net';
import { versionInfo, type Fixture } from './fixtures/fixture';
import type { Obj } from './fixtures/objects';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Who the request authenticated as ('' when it did not). */
  user: string;
}

export interface FakeApiServerOptions {
  fixture: Fixture;
  /** The server's certificate and key (PEM). */
  tls: { cert: string; key: string };
  /** CA (PEM) that client certificates must chain to; client-certificate auth is off without it. */
  clientCA?: string;
  /** A bearer token the server accepts (as user "token-user"). */
  token?: string;
  /** Paths (exact, or patterns) that answer 403 Forbidden. */
  forbidden?: (string | RegExp)[];
  /** Paths that never answer (until the server closes): the slow endpoint. */
  slow?: (string | RegExp)[];
  /** The most items the server puts on one page, whatever `limit` asks (real servers may return fewer). */
  maxPageSize?: number;
}

export interface FakeApiServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

interface ResourceInfo {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

// The API's own resource table (independent of the client's), from `kubectl api-resources`.
const builtIn: ResourceInfo[] = [
  { group: '', version: 'v1', plural: 'namespaces', kind: 'Namespace', namespaced: false },
  { group: '', version: 'v1', plural: 'nodes', kind: 'Node', namespaced: false },
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true },
  { group: '', version: 'v1', plural: 'services', kind: 'Service', namespaced: true },
  { group: '', version: 'v1', plural: 'configmaps', kind: 'ConfigMap', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'DaemonSet', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment', namespaced: true },
  { group: 'networking.k8s.io', version: 'v1', plural: 'ingresses', kind: 'Ingress', namespaced: true },
  { group: 'networking.k8s.io', version: 'v1', plural: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
];
const crds: ResourceInfo[] = [
  { group: 'k8s.cni.cncf.io', version: 'v1', plural: 'network-attachment-definitions', kind: 'NetworkAttachmentDefinition', namespaced: true },
  { group: 'cilium.io', version: 'v2', plural: 'ciliumnetworkpolicies', kind: 'CiliumNetworkPolicy', namespaced: true },
  { group: 'cilium.io', version: 'v2', plural: 'ciliumclusterwidenetworkpolicies', kind: 'CiliumClusterwideNetworkPolicy', namespaced: false },
  { group: 'crd.projectcalico.org', version: 'v1', plural: 'ippools', kind: 'IPPool', namespaced: false },
  { group: 'crd.projectcalico.org', version: 'v1', plural: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
  { group: 'crd.projectcalico.org', version: 'v1', plural: 'globalnetworkpolicies', kind: 'GlobalNetworkPolicy', namespaced: false },
  { group: 'operator.tigera.io', version: 'v1', plural: 'installations', kind: 'Installation', namespaced: false },
  { group: 'whereabouts.cni.cncf.io', version: 'v1alpha1', plural: 'ippools', kind: 'IPPool', namespaced: true },
];

function status(code: number, reason: string, message: string, details?: Record<string, unknown>) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

const matches = (patterns: (string | RegExp)[] | undefined, path: string) => (patterns ?? []).some((p) => (typeof p === 'string' ? p === path : p.test(path)));

export async function startFakeApiServer(options: FakeApiServerOptions): Promise<FakeApiServer> {
  const { fixture } = options;
  const groups = new Map<string, string>([['apps', 'v1'], ['networking.k8s.io', 'v1'], ...fixture.crdGroups.map((g) => [g.name, g.version] as [string, string])]);
  const resourcesServed = [...builtIn, ...crds.filter((r) => groups.get(r.group) === r.version)];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();
  // list snapshots are ordered once, so continue tokens stay valid (the real server's are per resourceVersion)
  const sorted = [...fixture.objects].sort((a, b) => `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace ?? ''}/${b.metadata.name}`));

  const server: Server = createServer(
    { cert: options.tls.cert, key: options.tls.key, ca: options.clientCA, requestCert: !!options.clientCA, rejectUnauthorized: false },
    (req, res) => handle(req, res),
  );
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // clients that reject our certificate hang up mid-handshake; that is expected here
  server.on('tlsClientError', () => {});

  function authenticate(req: IncomingMessage): string {
    const socket = req.socket as TLSSocket;
    if (options.clientCA && socket.authorized) {
      const subject = socket.getPeerCertificate()?.subject;
      if (subject?.CN) return String(subject.CN);
    }
    const header = req.headers.authorization ?? '';
    if (options.token && header === `Bearer ${options.token}`) return 'token-user';
    return '';
  }

  function send(res: ServerResponse, code: number, body: unknown) {
    const text = JSON.stringify(body);
    res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Audit-Id': 'b3c1d5e2-0000-4000-8000-000000000000', 'Cache-Control': 'no-cache, private' });
    res.end(text);
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const path = url.pathname.replace(/\/$/, '') || '/';
    const query = Object.fromEntries(url.searchParams);
    const user = authenticate(req);
    requests.push({ method: req.method ?? '', path, query, user });

    if (!user) return send(res, 401, status(401, 'Unauthorized', 'Unauthorized'));
    if (req.method !== 'GET') return send(res, 405, status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`));
    if (matches(options.slow, path)) {
      held.add(res);
      res.on('close', () => held.delete(res));
      return; // never answered: the client's timeout must fire
    }
    const route = parseRoute(path);
    if (!route && matches(options.forbidden, path)) {
      return send(res, 403, status(403, 'Forbidden', `forbidden: User "${user}" cannot get path "${path}"`));
    }
    if (path === '/version') return send(res, 200, versionInfo(fixture.gitVersion));
    if (path === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }] });
    if (path === '/apis') {
      return send(res, 200, {
        kind: 'APIGroupList', apiVersion: 'v1',
        groups: [...groups].map(([name, version]) => ({ name, versions: [{ groupVersion: `${name}/${version}`, version }], preferredVersion: { groupVersion: `${name}/${version}`, version } })),
      });
    }
    if (!route) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const resource = resourcesServed.find((r) => r.group === route.group && r.version === route.version && r.plural === route.plural);
    if (!resource) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    if (matches(options.forbidden, path)) {
      const verb = route.name ? 'get' : 'list';
      const scope = route.namespace ? ` in the namespace "${route.namespace}"` : resource.namespaced ? '' : ' at the cluster scope';
      const message = `${resource.plural}${resource.group ? `.${resource.group}` : ''}${route.name ? ` "${route.name}"` : ''} is forbidden: User "${user}" cannot ${verb} resource "${resource.plural}" in API group "${resource.group}"${scope}`;
      return send(res, 403, status(403, 'Forbidden', message, { group: resource.group, kind: resource.plural, ...(route.name ? { name: route.name } : {}) }));
    }
    const apiVersion = resource.group ? `${resource.group}/${resource.version}` : resource.version;
    const inScope = (o: Obj) => o.apiVersion === apiVersion && o.kind === resource.kind && (!route.namespace || o.metadata.namespace === route.namespace);
    if (route.name) {
      const object = sorted.find((o) => inScope(o) && o.metadata.name === route.name);
      if (!object) return send(res, 404, status(404, 'NotFound', `${resource.plural}${resource.group ? `.${resource.group}` : ''} "${route.name}" not found`, { name: route.name, group: resource.group, kind: resource.plural }));
      return send(res, 200, object);
    }
    return send(res, 200, listPage(sorted.filter(inScope), resource, apiVersion, query));
  }

  function listPage(items: Obj[], resource: ResourceInfo, apiVersion: string, query: Record<string, string>) {
    const resourceVersion = '481516';
    let start = 0;
    if (query.continue) start = (JSON.parse(Buffer.from(query.continue, 'base64url').toString('utf8')) as { start: number }).start;
    const asked = query.limit ? Number(query.limit) : Infinity;
    const size = Math.min(asked, options.maxPageSize ?? Infinity);
    const page = items.slice(start, start + size);
    const next = start + page.length;
    const more = next < items.length;
    return {
      kind: `${resource.kind}List`,
      apiVersion,
      metadata: {
        resourceVersion,
        ...(more ? { continue: Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: Number(resourceVersion), start: next })).toString('base64url'), remainingItemCount: items.length - next } : {}),
      },
      // list items carry no apiVersion/kind, as from the real server
      items: page.map(({ apiVersion: _a, kind: _k, ...rest }) => rest),
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

interface Route {
  group: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
}

/** /api/v1/..., /apis/GROUP/VERSION/..., then [namespaces/NS/]PLURAL[/NAME]. */
function parseRoute(path: string): Route | undefined {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) [group, version, rest] = ['', parts[1], parts.slice(2)];
  else if (parts[0] === 'apis' && parts.length >= 4) [group, version, rest] = [parts[1], parts[2], parts.slice(3)];
  else return undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) return { group, version, namespace: rest[1], plural: rest[2], name: rest[3] };
  if (rest.length > 2) return undefined;
  return { group, version, plural: rest[0], name: rest[1] };
}

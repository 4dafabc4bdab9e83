// Shared pieces of the cluster tests: a fake cluster reachable through a generated kubeconfig, the
// CLI run as users run it (`node dist/cli.js inspect ...`), and a scan of its output for secrets.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { stringify } from 'yaml';
import { startFakeApiServer, type FakeApiServer, type FakeApiServerOptions } from './fakeApiServer';
import type { Fixture } from './fixtures/fixture';
import { makePki, type Pki } from './pki';

export const repoRoot = resolve(__dirname, '..', '..');
export const cliPath = join(repoRoot, 'dist', 'cli.js');

/** A token no real cluster would issue, shaped like a service-account JWT. */
export const TEST_TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImNuaWtpdC10ZXN0In0.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6Y25pa2l0In0.c2VjcmV0LXNpZ25hdHVyZS1mb3ItY25pa2l0LXRlc3Rz';

export interface UserCredentials {
  clientCert?: { cert: string; key: string };
  token?: string;
  exec?: { command: string; args?: string[]; env?: { name: string; value: string }[] };
}

export interface KubeconfigSpec {
  server: string;
  /** CA PEM embedded as certificate-authority-data; omit with insecure for no verification. */
  ca?: string;
  insecure?: boolean;
  user: UserCredentials;
  context?: string;
  namespace?: string;
}

export function kubeconfigYaml(spec: KubeconfigSpec): string {
  const context = spec.context ?? 'fake';
  const b64 = (pem: string) => Buffer.from(pem).toString('base64');
  const user: Record<string, unknown> = {};
  if (spec.user.clientCert) {
    user['client-certificate-data'] = b64(spec.user.clientCert.cert);
    user['client-key-data'] = b64(spec.user.clientCert.key);
  }
  if (spec.user.token) user.token = spec.user.token;
  if (spec.user.exec) user.exec = { apiVersion: 'client.authentication.k8s.io/v1beta1', interactiveMode: 'Never', provideClusterInfo: false, ...spec.user.exec };
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': context,
    clusters: [{ name: `${context}-cluster`, cluster: { server: spec.server, ...(spec.ca ? { 'certificate-authority-data': b64(spec.ca) } : {}), ...(spec.insecure ? { 'insecure-skip-tls-verify': true } : {}) } }],
    users: [{ name: `${context}-user`, user }],
    contexts: [{ name: context, context: { cluster: `${context}-cluster`, user: `${context}-user`, ...(spec.namespace ? { namespace: spec.namespace } : {}) } }],
  });
}

export function tempDir(prefix = 'cnikit-cluster-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestCluster {
  server: FakeApiServer;
  kubeconfig: string;
  close(): Promise<void>;
}

/**
 * Starts the fake API server on a fixture and writes a kubeconfig for it into `dir`. By default the
 * user authenticates with the client certificate and also carries the test token, so every secret
 * kind is present for the leak checks.
 */
export async function startTestCluster(
  fixture: Fixture,
  pki: Pki,
  dir: string,
  options: Partial<Omit<FakeApiServerOptions, 'fixture'>> & { user?: UserCredentials; name?: string } = {},
): Promise<TestCluster> {
  const server = await startFakeApiServer({
    fixture,
    tls: options.tls ?? pki.server,
    clientCA: options.clientCA ?? pki.ca.cert,
    token: options.token ?? TEST_TOKEN,
    forbidden: options.forbidden,
    slow: options.slow,
    maxPageSize: options.maxPageSize,
  });
  const kubeconfig = join(dir, `${options.name ?? fixture.name}.kubeconfig`);
  writeFileSync(kubeconfig, kubeconfigYaml({ server: server.url, ca: pki.ca.cert, user: options.user ?? { clientCert: pki.client, token: TEST_TOKEN }, context: `kind-${fixture.name}` }));
  return { server, kubeconfig, close: () => server.close() };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli.js ARGS` without blocking this process (the fake server lives here). HOME is
 * a fresh folder and KUBECONFIG is unset unless given, so no real kubeconfig is ever read.
 */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  assert.ok(existsSync(cliPath), `${cliPath} is missing: run npm run build first`);
  const home = tempDir('cnikit-home-');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home.dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // a safety net against a hung CLI (a test failure, not a timing assertion)
    const guard = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(guard);
      home.remove();
      resolvePromise({ status, stdout, stderr });
    });
  });
}

/** Runs `inspect --format json` and parses its output. */
export async function inspectJson(kubeconfig: string, ...extra: string[]) {
  const result = await runCli(['inspect', '--kubeconfig', kubeconfig, '--format', 'json', ...extra]);
  assert.equal(result.status, 0, `inspect failed: ${result.stderr}`);
  assert.equal(result.stderr, '');
  return { result, report: JSON.parse(result.stdout) };
}

/** Fails when any output holds the token, a PEM marker, or a fragment of the key or token. */
export function assertNoSecrets(outputs: string[], secrets: { token?: string; keys?: string[] }): void {
  const text = outputs.join('\n');
  assert.ok(!/BEGIN/.test(text), `output holds a PEM block:\n${text}`);
  const fragments: string[] = [];
  if (secrets.token) fragments.push(secrets.token, ...secrets.token.split('.').filter((p) => p.length >= 12));
  for (const key of secrets.keys ?? []) {
    const b64 = Buffer.from(key).toString('base64'); // as client-key-data holds it
    const body = key.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
    for (const source of [b64, body]) for (let i = 0; i + 16 <= source.length; i += 8) fragments.push(source.slice(i, i + 16));
  }
  for (const fragment of fragments) assert.ok(!text.includes(fragment), `output holds secret material (${fragment.slice(0, 4)}…):\n${text}`);
}

/** Only reads: every request the server saw was a GET. */
export function assertOnlyGets(server: FakeApiServer): void {
  assert.ok(server.requests.length > 0, 'the server saw no requests');
  const others = server.requests.filter((r) => r.method !== 'GET');
  assert.deepEqual(others, [], 'requests other than GET');
}

/** A throwaway PKI and temp folder for one test file: made before its tests, removed after them. */
export function clusterTestSetup(): { readonly pki: Pki; temp: { dir: string } } {
  const temp = tempDir();
  let pki: Pki | undefined;
  before(() => {
    pki = makePki();
  });
  after(() => {
    pki?.remove();
    temp.remove();
  });
  return {
    get pki() {
      if (!pki) throw new Error('the PKI is made in before(): use it inside tests');
      return pki;
    },
    temp,
  };
}

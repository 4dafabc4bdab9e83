// What `cnikit inspect` says when it cannot do its job: each failure is exit 2 with one line on
// stderr (or, for one slow path, a problem next to the rest of the report), never a stack trace,
// and never a token or key in any output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ciliumMultusCluster } from './fixtures/ciliumMultus';
import { flannelCluster } from './fixtures/flannel';
import { assertNoSecrets, type CliResult, clusterTestSetup, kubeconfigYaml, runCli, startTestCluster, TEST_TOKEN } from './harness';

const setup = clusterTestSetup();
const temp = setup.temp;

let files = 0;
function writeKubeconfig(text: string): string {
  const path = join(temp.dir, `kubeconfig-${++files}`);
  writeFileSync(path, text);
  return path;
}

/** Exit 2, exactly one line on stderr, nothing on stdout, no secrets anywhere. */
function assertFatal(result: CliResult, pattern: RegExp): void {
  assert.equal(result.status, 2, `expected exit 2, got ${result.status}: ${result.stderr}${result.stdout}`);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^cnikit: [^\n]+\n$/, `not one line: ${JSON.stringify(result.stderr)}`);
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\bat .+:\d+:\d+/, 'a stack trace');
  assertNoSecrets([result.stdout, result.stderr], { token: TEST_TOKEN, keys: [setup.pki.client.key] });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('an unreachable server (closed port): exit 2, "cannot reach URL: connection refused"', async () => {
  const port = await closedPort();
  const kubeconfig = writeKubeconfig(kubeconfigYaml({ server: `https://127.0.0.1:${port}`, ca: setup.pki.ca.cert, user: { clientCert: setup.pki.client, token: TEST_TOKEN } }));
  const result = await runCli(['inspect', '--kubeconfig', kubeconfig]);
  assertFatal(result, new RegExp(`^cnikit: cannot reach https://127\\.0\\.0\\.1:${port}: connection refused\\n$`));
});

test('a server that never answers: exit 2 with a timeout message naming the request', async () => {
  const cluster = await startTestCluster(flannelCluster, setup.pki, temp.dir, { slow: ['/version'], name: 'slow-version' });
  try {
    const result = await runCli(['inspect', '--kubeconfig', cluster.kubeconfig, '--timeout', '1']);
    assertFatal(result, new RegExp(`^cnikit: timed out after 1 s waiting for ${cluster.server.url.replace(/\./g, '\\.')} \\(GET /version\\)\\n$`));
  } finally {
    await cluster.close();
  }
});

test('one slow endpoint: the rest of the report, and a problem saying which request timed out', async () => {
  const cluster = await startTestCluster(ciliumMultusCluster, setup.pki, temp.dir, { slow: ['/api/v1/nodes'], name: 'slow-nodes' });
  try {
    const result = await runCli(['inspect', '--kubeconfig', cluster.kubeconfig, '--timeout', '1', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.nodes, []);
    assert.deepEqual(report.cnis.map((c: { name: string }) => c.name), ['cilium', 'multus']);
    assert.deepEqual(report.problems, [{ section: 'nodes', severity: 'error', message: `timed out after 1 s waiting for ${cluster.server.url} (GET /api/v1/nodes)` }]);
    assertNoSecrets([result.stdout, result.stderr], { token: TEST_TOKEN, keys: [setup.pki.client.key] });
  } finally {
    await cluster.close();
  }
});

test('a malformed kubeconfig: exit 2, one line with the position, and not the token on the broken line', async () => {
  const kubeconfig = writeKubeconfig([
    'apiVersion: v1',
    'clusters:',
    '- name: c',
    '  cluster:',
    '    server: https://127.0.0.1:6443',
    'users:',
    '- name: u',
    '  user:',
    `    token: ${TEST_TOKEN}`,
    `   client-key-data: ${Buffer.from(setup.pki.client.key).toString('base64')}`,
    'current-context: x',
  ].join('\n'));
  const result = await runCli(['inspect', '--kubeconfig', kubeconfig]);
  assertFatal(result, /^cnikit: kubeconfig .+ is not valid YAML: .+ \(line 10, column \d+\)\n$/);
});

test('kubeconfig problems each get one line: no file, no contexts, no such context', async () => {
  assertFatal(await runCli(['inspect', '--kubeconfig', join(temp.dir, 'missing')]), /cannot read kubeconfig .*missing: no such file/);
  assertFatal(await runCli(['inspect']), /no kubeconfig found: .*\.kube\/config does not exist and KUBECONFIG is not set/);
  const empty = writeKubeconfig('apiVersion: v1\nkind: Config\n');
  assertFatal(await runCli(['inspect', '--kubeconfig', empty]), /the kubeconfig \(.+\) defines no contexts/);
  const good = writeKubeconfig(kubeconfigYaml({ server: 'https://127.0.0.1:1', ca: setup.pki.ca.cert, user: { token: TEST_TOKEN }, context: 'only-one' }));
  assertFatal(await runCli(['inspect', '--kubeconfig', good, '--context', 'other']), /no context named "other" in the kubeconfig \(contexts: only-one\)/);
});

test('an exec credential plugin that hangs: exit 2 with a timeout message, and the plugin is killed', async () => {
  const pidFile = join(temp.dir, 'plugin.pid');
  const plugin = join(temp.dir, 'hanging-plugin.sh');
  // the sleep runs as a child, as real plugins' helpers do; the whole group must go
  writeFileSync(plugin, `#!/bin/sh\nsleep 300 &\necho $! > ${pidFile}\nwait\n`);
  chmodSync(plugin, 0o755);
  const cluster = await startTestCluster(flannelCluster, setup.pki, temp.dir, { user: { exec: { command: plugin } }, name: 'exec-hang' });
  try {
    const result = await runCli(['inspect', '--kubeconfig', cluster.kubeconfig, '--timeout', '1']);
    assertFatal(result, new RegExp(`^cnikit: timed out after 1 s waiting for the exec credential plugin "${plugin.replace(/[.]/g, '\\.')}"\\n$`));
    assert.deepEqual(cluster.server.requests, [], 'no request without credentials');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await waitFor(() => !alive(pid), 'the plugin\'s child to be killed');
  } finally {
    await cluster.close();
  }
});

test('an expired server certificate: exit 2, a TLS message that says so', async () => {
  const cluster = await startTestCluster(flannelCluster, setup.pki, temp.dir, { tls: setup.pki.expiredServer, name: 'expired' });
  try {
    const result = await runCli(['inspect', '--kubeconfig', cluster.kubeconfig]);
    assertFatal(result, /^cnikit: TLS error talking to https:\/\/127\.0\.0\.1:\d+: the server's certificate has expired\n$/);
    assert.deepEqual(cluster.server.requests, []);
  } finally {
    await cluster.close();
  }
});

test('a self-signed server certificate the kubeconfig does not trust: exit 2, a TLS message; trusted with insecure-skip-tls-verify', async () => {
  const cluster = await startTestCluster(flannelCluster, setup.pki, temp.dir, { tls: setup.pki.selfSignedServer, name: 'self-signed' });
  try {
    const result = await runCli(['inspect', '--kubeconfig', cluster.kubeconfig]);
    assertFatal(result, /^cnikit: TLS error talking to https:\/\/127\.0\.0\.1:\d+: the server's certificate is self-signed and the kubeconfig's certificate-authority does not trust it\n$/);
    assert.deepEqual(cluster.server.requests, []);

    // the kubeconfig itself can say not to verify (and only the kubeconfig can)
    const insecure = writeKubeconfig(kubeconfigYaml({ server: cluster.server.url, insecure: true, user: { token: TEST_TOKEN } }));
    const ok = await runCli(['inspect', '--kubeconfig', insecure, '--format', 'json']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).cnis[0].name, 'flannel');
  } finally {
    await cluster.close();
  }
});

test('credentials the server rejects: exit 2, "unauthorized" with the user, not the token', async () => {
  const wrongToken = `${TEST_TOKEN.slice(0, -6)}WRONG1`;
  const cluster = await startTestCluster(flannelCluster, setup.pki, temp.dir, { user: { token: wrongToken }, name: 'unauthorized' });
  try {
    const result = await runCli(['inspect', '--kubeconfig', cluster.kubeconfig]);
    assertFatal(result, /^cnikit: unauthorized: https:\/\/127\.0\.0\.1:\d+ rejected the credentials of user "kind-flannel-user" \(401\)\n$/);
    assertNoSecrets([result.stderr], { token: wrongToken });
  } finally {
    await cluster.close();
  }
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // a zombie still answers kill(0); it is dead for our purposes
  try {
    return !/^\S+ \S+ Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/\(.*\)/, 'x'));
  } catch {
    return existsSync(`/proc/${pid}`);
  }
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50)); // polling interval, not a fixed wait
  }
}

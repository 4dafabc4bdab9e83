// Finding and merging kubeconfigs as kubectl does, through the real client library.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { stringify } from 'yaml';
import { ClusterError, chooseContext, loadKubeconfig } from '../../server/src/cluster';
import { flannelCluster } from './fixtures/flannel';
import { clusterTestSetup, kubeconfigYaml, runCli, startTestCluster, TEST_TOKEN, type TestCluster } from './harness';

const setup = clusterTestSetup();
const temp = setup.temp;

function file(name: string, config: object): string {
  const path = join(temp.dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, stringify(config));
  return path;
}

const config = (current: string | undefined, contexts: [string, string][], clusters: [string, string][]) => ({
  apiVersion: 'v1',
  kind: 'Config',
  ...(current ? { 'current-context': current } : {}),
  clusters: clusters.map(([name, server]) => ({ name, cluster: { server } })),
  users: [{ name: 'u', user: { token: TEST_TOKEN } }],
  contexts: contexts.map(([name, cluster]) => ({ name, context: { cluster, user: 'u' } })),
});

test('KUBECONFIG with several files merges like kubectl: the first file to set a name or current-context wins', async () => {
  const a = file('merge/a.yaml', config('dev', [['dev', 'c1']], [['c1', 'https://a.example:6443']]));
  const b = file('merge/b.yaml', config('prod', [['dev', 'c2'], ['prod', 'c2']], [['c1', 'https://shadowed.example:6443'], ['c2', 'https://b.example:6443']]));
  const missing = join(temp.dir, 'merge', 'not-there.yaml');
  const kc = await loadKubeconfig({ env: { KUBECONFIG: [a, missing, b].join(delimiter) }, home: temp.dir });
  assert.deepEqual(kc.files, [a, b]);
  assert.equal(kc.currentContext, 'dev');
  assert.deepEqual(kc.contexts.map((c) => [c.name, c.cluster, c.server]), [
    ['dev', 'c1', 'https://a.example:6443'],
    ['prod', 'c2', 'https://b.example:6443'],
  ]);
});

test('an explicit path wins over KUBECONFIG; a leading ~ is the home folder; ~/.kube/config is the fallback', async () => {
  const explicit = file('home/.kube/other', config('x', [['x', 'c']], [['c', 'https://explicit.example']]));
  file('home/.kube/config', config('y', [['y', 'c']], [['c', 'https://default.example']]));
  const home = join(temp.dir, 'home');
  assert.equal((await loadKubeconfig({ path: explicit, env: { KUBECONFIG: '/nowhere' }, home })).currentContext, 'x');
  assert.equal((await loadKubeconfig({ path: '~/.kube/other', env: {}, home })).currentContext, 'x');
  assert.equal((await loadKubeconfig({ env: {}, home })).currentContext, 'y');
});

test('contexts: the current one by default, a clear error when none is set or the name is unknown', async () => {
  const none = await loadKubeconfig({ path: file('ctx/none.yaml', config(undefined, [['a', 'c'], ['b', 'c']], [['c', 'https://c.example']])) });
  assert.throws(() => chooseContext(none), (e: unknown) => e instanceof ClusterError && e.message === 'the kubeconfig sets no current-context; choose one with --context (contexts: a, b)');
  assert.equal(chooseContext(none, 'b'), 'b');
  assert.throws(() => none.forContext('zz'), /no context named "zz" in the kubeconfig \(contexts: a, b\)/);
  const dangling = await loadKubeconfig({ path: file('ctx/dangling.yaml', config('a', [['a', 'gone']], [['c', 'https://c.example']])) });
  assert.throws(() => dangling.forContext('a'), /context "a" refers to cluster "gone", which the kubeconfig does not define/);
});

test('relative certificate paths are resolved against the kubeconfig\'s folder; a missing one is named', async () => {
  const path = file('rel/config', {
    ...config('a', [['a', 'c']], [['c', 'https://c.example']]),
    clusters: [{ name: 'c', cluster: { server: 'https://c.example', 'certificate-authority': 'setup.pki/ca.crt' } }],
  });
  const kc = await loadKubeconfig({ path });
  assert.throws(() => kc.forContext('a'), new RegExp(`the kubeconfig's certificate-authority ${join(temp.dir, 'rel', 'setup.pki', 'ca.crt').replace(/[.]/g, '\\.')} cannot be read`));
  mkdirSync(join(temp.dir, 'rel', 'setup.pki'));
  writeFileSync(join(temp.dir, 'rel', 'setup.pki', 'ca.crt'), setup.pki.ca.cert);
  assert.ok(kc.forContext('a'));
});

test('the CLI reads KUBECONFIG with several files and a --context from the second one', async () => {
  let cluster: TestCluster | undefined;
  try {
    cluster = await startTestCluster(flannelCluster, setup.pki, temp.dir, { name: 'merged' });
    const first = file('cli/first.yaml', config('elsewhere', [['elsewhere', 'c']], [['c', 'https://127.0.0.1:1']]));
    const second = join(temp.dir, 'cli', 'second.yaml');
    writeFileSync(second, kubeconfigYaml({ server: cluster.server.url, ca: setup.pki.ca.cert, user: { clientCert: setup.pki.client }, context: 'fake' }));
    const result = await runCli(['inspect', '--context', 'fake', '--format', 'json'], { KUBECONFIG: [first, second].join(delimiter) });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).context, 'fake');
  } finally {
    await cluster?.close();
  }
});

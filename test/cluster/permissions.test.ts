// RBAC and missing CRDs: what can be read is shown, what cannot is a problem naming the missing
// permission (or the missing CRD), and the exit status stays 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ciliumMultusCluster } from './fixtures/ciliumMultus';
import { flannelCluster } from './fixtures/flannel';
import { assertNoSecrets, assertOnlyGets, clusterTestSetup, inspectJson, startTestCluster, TEST_TOKEN } from './harness';

const setup = clusterTestSetup();
const temp = setup.temp;

const messages = (report: { problems: { message: string }[] }) => report.problems.map((p) => p.message);

test('NADs forbidden cluster-wide and in one namespace: the other namespaces are read, the problem names the permission', async () => {
  const cluster = await startTestCluster(ciliumMultusCluster, setup.pki, temp.dir, {
    name: 'rbac-nads',
    forbidden: [
      '/apis/k8s.cni.cncf.io/v1/network-attachment-definitions',
      '/apis/k8s.cni.cncf.io/v1/namespaces/secure/network-attachment-definitions',
      '/api/v1/nodes',
    ],
  });
  try {
    const { result, report } = await inspectJson(cluster.kubeconfig);
    assert.deepEqual(report.networkAttachments.map((a: { namespace: string; name: string }) => `${a.namespace}/${a.name}`), [
      'default/bridge-chain', 'default/macvlan-conf', 'tenant-a/from-file', 'tenant-a/ipvlan-l3',
    ]);
    assert.deepEqual(messages(report).sort(), [
      'forbidden: needs list on network-attachment-definitions.k8s.cni.cncf.io in namespace secure',
      'forbidden: needs list on nodes (cluster-scoped)',
    ]);
    assert.deepEqual(report.nodes, []);
    assert.deepEqual(report.cnis.map((c: { name: string }) => c.name), ['cilium', 'multus']);
    // after the cluster-wide 403 the namespaces were listed and each one tried
    const nadPaths = cluster.server.requests.map((r) => r.path).filter((p) => p.includes('network-attachment-definitions'));
    assert.ok(nadPaths.includes('/apis/k8s.cni.cncf.io/v1/namespaces/tenant-a/network-attachment-definitions'));
    assertOnlyGets(cluster.server);
    assertNoSecrets([result.stdout, result.stderr], { token: TEST_TOKEN, keys: [setup.pki.client.key] });
  } finally {
    await cluster.close();
  }
});

test('namespaces not listable either: only the context namespace is read, and the problem says so', async () => {
  const cluster = await startTestCluster(ciliumMultusCluster, setup.pki, temp.dir, {
    name: 'rbac-namespaced',
    forbidden: ['/api/v1/pods', '/api/v1/namespaces'],
  });
  try {
    const { report } = await inspectJson(cluster.kubeconfig);
    assert.ok(messages(report).includes('forbidden: needs list on pods in all namespaces (or list on namespaces); only namespace default was read'));
    assert.deepEqual([...new Set(report.podAttachments.map((p: { namespace: string }) => p.namespace))], ['default']);
  } finally {
    await cluster.close();
  }
});

test("a CNI's configuration forbidden: the CNI is still listed, without its mode, and the get permission is named", async () => {
  const cluster = await startTestCluster(flannelCluster, setup.pki, temp.dir, {
    name: 'rbac-configmap',
    forbidden: ['/api/v1/namespaces/kube-flannel/configmaps/kube-flannel-cfg'],
  });
  try {
    const { report } = await inspectJson(cluster.kubeconfig);
    assert.deepEqual(report.cnis.map((c: { name: string; mode?: unknown }) => [c.name, c.mode]), [['flannel', undefined]]);
    assert.ok(messages(report).includes('forbidden: needs get on configmaps in namespace kube-flannel'));
  } finally {
    await cluster.close();
  }
});

test('the Multus CRD not installed: said once, also when discovery is not allowed and the list answers 404', async () => {
  const missing = 'the Multus CRD is not installed: the cluster does not serve network-attachment-definitions.k8s.cni.cncf.io';
  const cluster = await startTestCluster(flannelCluster, setup.pki, temp.dir, { name: 'no-multus' });
  const hidden = await startTestCluster(flannelCluster, setup.pki, temp.dir, { name: 'no-multus-no-discovery', forbidden: ['/apis'] });
  try {
    assert.deepEqual(messages((await inspectJson(cluster.kubeconfig)).report), [missing]);
    assert.deepEqual(messages((await inspectJson(hidden.kubeconfig)).report), [missing]);
    assert.ok(hidden.server.requests.some((r) => r.path === '/apis/k8s.cni.cncf.io/v1/network-attachment-definitions'));
  } finally {
    await cluster.close();
    await hidden.close();
  }
});

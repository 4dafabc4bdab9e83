// `cnikit inspect` against the fake API server on three fixture clusters, through a generated
// kubeconfig and the real client library: detection, modes, nodes, attachments, policies,
// pagination, and that nothing but GET was sent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { calicoCluster } from './fixtures/calico';
import { ciliumMultusCluster } from './fixtures/ciliumMultus';
import { flannelCluster } from './fixtures/flannel';
import { assertOnlyGets, clusterTestSetup, inspectJson, runCli, startTestCluster, type TestCluster } from './harness';

const setup = clusterTestSetup();
const temp = setup.temp;

const pick = <T extends Record<string, unknown>>(items: T[], ...keys: (keyof T)[]) =>
  items.map((item) => Object.fromEntries(keys.map((k) => [k, item[k]])));

describe('flannel cluster', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startTestCluster(flannelCluster, setup.pki, temp.dir)));
  after(() => cluster.close());

  test('flannel with its version, rollout and vxlan backend; kube-proxy and CoreDNS are not CNIs', async () => {
    const { report } = await inspectJson(cluster.kubeconfig);
    assert.deepEqual(pick(report.cnis, 'name', 'version', 'ready', 'desired', 'namespace'), [
      { name: 'flannel', version: 'v0.25.5', ready: 3, desired: 3, namespace: 'kube-flannel' },
    ]);
    assert.deepEqual(report.cnis[0].mode, {
      kind: 'flannel', network: '10.244.0.0/16', backend: 'vxlan', backendDefaulted: false,
      configMap: { path: '/api/v1/namespaces/kube-flannel/configmaps/kube-flannel-cfg', kind: 'ConfigMap', namespace: 'kube-flannel', name: 'kube-flannel-cfg' },
    });
  });

  test('nodes with pod CIDRs, addresses and flannel annotations; policies; no NADs and the missing CRD said', async () => {
    const { report } = await inspectJson(cluster.kubeconfig);
    assert.deepEqual(pick(report.nodes, 'name', 'podCIDRs', 'internalIPs'), [
      { name: 'cp-1', podCIDRs: ['10.244.0.0/24'], internalIPs: ['192.168.56.10'] },
      { name: 'worker-1', podCIDRs: ['10.244.1.0/24'], internalIPs: ['192.168.56.11'] },
      { name: 'worker-2', podCIDRs: ['10.244.2.0/24'], internalIPs: ['192.168.56.12'] },
    ]);
    assert.equal(report.nodes[1].annotations['flannel.alpha.coreos.com/backend-type'], 'vxlan');
    assert.equal(report.nodes[1].annotations['flannel.alpha.coreos.com/public-ip'], '192.168.56.11');
    assert.equal(report.nodes[1].annotations['kubeadm.alpha.kubernetes.io/cri-socket'], undefined);
    assert.deepEqual(pick(report.networkPolicies, 'namespace', 'name', 'kind'), [
      { namespace: 'shop', name: 'allow-web', kind: 'NetworkPolicy' },
      { namespace: 'shop', name: 'default-deny', kind: 'NetworkPolicy' },
    ]);
    assert.deepEqual(report.networkAttachments, []);
    assert.deepEqual(report.problems.map((p: { message: string }) => p.message), [
      'the Multus CRD is not installed: the cluster does not serve network-attachment-definitions.k8s.cni.cncf.io',
    ]);
    assert.deepEqual(pick(report.services, 'namespace', 'name', 'type'), [
      { namespace: 'default', name: 'kubernetes', type: 'ClusterIP' },
      { namespace: 'kube-system', name: 'kube-dns', type: 'ClusterIP' },
      { namespace: 'shop', name: 'web', type: 'ClusterIP' },
      { namespace: 'shop', name: 'web-nodeport', type: 'NodePort' },
    ]);
    assert.deepEqual(report.ingresses[0].rules, [{ host: 'shop.example.com', path: '/', backend: 'web:80' }]);
  });

  test('the text format is readable: one section per heading, the CNI with its mode', async () => {
    const result = await runCli(['inspect', '--kubeconfig', cluster.kubeconfig]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Context {2}kind-flannel$/m);
    assert.match(result.stdout, /^CNI\n {2}flannel {3}v0\.25\.5 {3}3\/3 ready {3}namespace kube-flannel\n {6}backend: vxlan\n {6}network: 10\.244\.0\.0\/16$/m);
    assert.match(result.stdout, /^Nodes \(3\)\n {2}cp-1 +10\.244\.0\.0\/24 +192\.168\.56\.10$/m);
    assert.match(result.stdout, /^Problems \(1\)\n {2}warning +the Multus CRD is not installed/m);
  });
});

describe('calico cluster', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startTestCluster(calicoCluster, setup.pki, temp.dir)));
  after(() => cluster.close());

  test('calico from the operator install: 2 of 3 ready, IP pools with encapsulation and NAT', async () => {
    const { report } = await inspectJson(cluster.kubeconfig);
    assert.deepEqual(pick(report.cnis, 'name', 'version', 'ready', 'desired', 'namespace'), [
      { name: 'calico', version: 'v3.28.0', ready: 2, desired: 3, namespace: 'calico-system' },
    ]);
    assert.deepEqual(report.cnis[0].workloads.map((w: { kind: string; name: string }) => `${w.kind}/${w.name}`).sort(), [
      'DaemonSet/calico-node', 'Deployment/calico-kube-controllers', 'Deployment/calico-typha',
    ]);
    assert.deepEqual(pick(report.cnis[0].mode.pools, 'name', 'cidr', 'encapsulation', 'natOutgoing', 'disabled'), [
      { name: 'default-ipv4-ippool', cidr: '192.168.0.0/16', encapsulation: 'VXLANCrossSubnet', natOutgoing: true, disabled: false },
      { name: 'legacy-ipip-pool', cidr: '10.250.0.0/16', encapsulation: 'IPIP', natOutgoing: false, disabled: true },
    ]);
  });

  test('Kubernetes and Calico policies, namespaced and global', async () => {
    const { report } = await inspectJson(cluster.kubeconfig);
    assert.deepEqual(pick(report.networkPolicies, 'namespace', 'name', 'kind', 'apiVersion', 'selector', 'policyTypes'), [
      { namespace: 'shop', name: 'allow-api', kind: 'NetworkPolicy', apiVersion: 'networking.k8s.io/v1', selector: 'tier in (api,backend)', policyTypes: ['Ingress', 'Egress'] },
      { namespace: 'shop', name: 'default.allow-frontend', kind: 'NetworkPolicy', apiVersion: 'crd.projectcalico.org/v1', selector: "app == 'frontend'", policyTypes: ['Ingress'] },
      { namespace: null, name: 'default.deny-app-egress', kind: 'GlobalNetworkPolicy', apiVersion: 'crd.projectcalico.org/v1', selector: "projectcalico.org/namespace not in {'kube-system', 'calico-system'}", policyTypes: ['Egress'] },
    ]);
    assert.equal(report.nodes.find((n: { name: string }) => n.name === 'node-2').ready, false);
  });
});

describe('cilium + multus cluster', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startTestCluster(ciliumMultusCluster, setup.pki, temp.dir)));
  after(() => cluster.close());

  test('cilium (native routing, Kubernetes IPAM, kube-proxy replacement) and multus thick', async () => {
    const { report } = await inspectJson(cluster.kubeconfig);
    assert.deepEqual(pick(report.cnis, 'name', 'version', 'ready', 'desired'), [
      { name: 'cilium', version: 'v1.15.6', ready: 3, desired: 3 },
      { name: 'multus', version: 'v4.1.0', ready: 3, desired: 3 },
    ]);
    const [cilium, multus] = report.cnis;
    assert.equal(cilium.mode.routingMode, 'native');
    assert.equal(cilium.mode.ipamMode, 'kubernetes');
    assert.equal(cilium.mode.kubeProxyReplacement, 'true');
    assert.equal(cilium.mode.nativeRoutingCIDR, '10.244.0.0/16');
    assert.deepEqual(multus.mode, { kind: 'multus', flavour: 'thick' });
  });

  test('NADs by namespace with plugin type and IPAM; pods with extra interfaces from network-status', async () => {
    const { report } = await inspectJson(cluster.kubeconfig);
    assert.deepEqual(pick(report.networkAttachments, 'namespace', 'name', 'type', 'ipam'), [
      { namespace: 'default', name: 'bridge-chain', type: 'bridge', ipam: 'host-local 10.77.0.0/24 (10.77.0.10-10.77.0.250)' },
      { namespace: 'default', name: 'macvlan-conf', type: 'macvlan', ipam: 'whereabouts 192.168.10.0/24 (192.168.10.20-192.168.10.200)' },
      { namespace: 'secure', name: 'sriov-net', type: 'sriov', ipam: 'host-local 10.56.217.0/24' },
      { namespace: 'tenant-a', name: 'from-file', type: undefined, ipam: undefined },
      { namespace: 'tenant-a', name: 'ipvlan-l3', type: 'ipvlan', ipam: 'static 10.10.0.5/24' },
    ]);
    assert.deepEqual(report.networkAttachments[0].plugins, ['bridge', 'tuning']);
    assert.equal(report.networkAttachments[2].resourceName, 'intel.com/intel_sriov_netdevice');
    const router = report.podAttachments.find((p: { name: string }) => p.name === 'router-0');
    assert.deepEqual(router.interfaces.filter((i: { default: boolean }) => !i.default).map((i: { network: string; interface: string; ips: string[] }) => [i.network, i.interface, i.ips]), [
      ['tenant-a/ipvlan-l3', 'uplink', ['10.10.0.5']],
      ['default/bridge-chain', 'net2', ['10.77.0.12']],
    ]);
    // five pods have extra interfaces; the one with only the default network is left out
    assert.deepEqual(report.podAttachments.map((p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`).sort(), [
      'default/app-7c9d6b5f4-h8k3p', 'default/app-7c9d6b5f4-q2x7m', 'default/app-7c9d6b5f4-t6v2c', 'default/app-7c9d6b5f4-w4n9z', 'tenant-a/router-0',
    ]);
    assert.deepEqual(pick(report.networkPolicies, 'namespace', 'name', 'kind'), [
      { namespace: 'tenant-a', name: 'deny-all', kind: 'NetworkPolicy' },
      { namespace: 'default', name: 'allow-frontend', kind: 'CiliumNetworkPolicy' },
      { namespace: 'tenant-a', name: 'l7-api', kind: 'CiliumNetworkPolicy' },
      { namespace: null, name: 'allow-kube-dns', kind: 'CiliumClusterwideNetworkPolicy' },
    ]);
    assert.deepEqual(report.problems, []);
  });

  test('lists are read page by page: every list asks for a limit, and continue tokens are followed', async () => {
    const before = cluster.server.requests.length;
    await inspectJson(cluster.kubeconfig, '--chunk-size', '4');
    const requests = cluster.server.requests.slice(before);
    const lists = requests.filter((r) => !/^\/(version|apis?)$/.test(r.path) && !/\/configmaps\//.test(r.path));
    assert.ok(lists.length > 0);
    for (const r of lists) assert.equal(r.query.limit, '4', `${r.path} without limit`);
    const podPages = requests.filter((r) => r.path === '/api/v1/pods');
    // 14 pods in pages of 4: four requests, the last three with the token the previous page returned
    assert.equal(podPages.length, 4);
    assert.equal(podPages[0].query.continue, undefined);
    for (const page of podPages.slice(1)) assert.ok(page.query.continue);
  });

  test('a server that returns fewer items than asked for is still read to the end', async () => {
    const capped = await startTestCluster(ciliumMultusCluster, setup.pki, temp.dir, { maxPageSize: 2, name: 'capped' });
    try {
      const { report } = await inspectJson(capped.kubeconfig);
      assert.equal(report.podAttachments.length, 5);
      assert.equal(capped.server.requests.filter((r) => r.path === '/api/v1/pods').length, 7);
    } finally {
      await capped.close();
    }
  });

  test('only GET requests were sent, all authenticated by the client certificate', () => {
    assertOnlyGets(cluster.server);
    assert.deepEqual([...new Set(cluster.server.requests.map((r) => r.user))], ['cnikit-tester']);
  });
});

// The pure parts of the cluster model: which CNI a workload belongs to (all twelve), versions from
// image references, modes from each plugin's configuration, and the one-line summaries.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../server/src/cluster/api';
import { detectCnis } from '../../server/src/cluster/detect/detectCnis';
import { parseImage } from '../../server/src/cluster/detect/images';
import { ciliumMode, flannelMode, multusMode } from '../../server/src/cluster/detect/modes';
import { ipamSummary, parseNetworkStatus, summariseNad } from '../../server/src/cluster/summaries/attachments';
import { summarisePolicy } from '../../server/src/cluster/summaries/policies';
import { resources } from '../../server/src/cluster/resources';
import { configMap, daemonSet, deployment, nad, networkPolicy } from './fixtures/objects';

const ds = (ns: string, name: string, images: string[], o: { ready?: number; desired?: number; command?: string[] } = {}) =>
  daemonSet(ns, name, { containers: images.map((image, i) => ({ name: `c${i}`, image, command: o.command })), desired: o.desired ?? 3, ready: o.ready ?? o.desired ?? 3 }) as unknown as KubeObject;
const deploy = (ns: string, name: string, image: string) => deployment(ns, name, { containers: [{ name: 'c', image }], replicas: 1, ready: 1 }) as unknown as KubeObject;

describe('detectCnis', () => {
  const cases: [string, KubeObject[], { name: string; version?: string }][] = [
    ['flannel (legacy kube-system manifest)', [ds('kube-system', 'kube-flannel-ds-amd64', ['quay.io/coreos/flannel:v0.11.0-amd64'])], { name: 'flannel', version: 'v0.11.0-amd64' }],
    ['calico (manifest install)', [ds('kube-system', 'calico-node', ['docker.io/calico/node:v3.26.1']), deploy('kube-system', 'calico-kube-controllers', 'docker.io/calico/kube-controllers:v3.26.1')], { name: 'calico', version: 'v3.26.1' }],
    ['cilium (pinned by tag and digest)', [ds('kube-system', 'cilium', ['quay.io/cilium/cilium:v1.14.2@sha256:6263f3a3d5d63b267b538298dbeb5ae87da3efacf09a2c620446c873ba807d35'])], { name: 'cilium', version: 'v1.14.2' }],
    ['multus thin', [ds('kube-system', 'kube-multus-ds', ['ghcr.io/k8snetworkplumbingwg/multus-cni:v3.9.3'], { command: ['/thin_entrypoint'] })], { name: 'multus', version: 'v3.9.3' }],
    ['weave', [ds('kube-system', 'weave-net', ['weaveworks/weave-kube:2.8.1', 'weaveworks/weave-npc:2.8.1'])], { name: 'weave', version: '2.8.1' }],
    ['kube-router', [ds('kube-system', 'kube-router', ['docker.io/cloudnativelabs/kube-router:v1.6.0'])], { name: 'kube-router', version: 'v1.6.0' }],
    ['antrea', [ds('kube-system', 'antrea-agent', ['antrea/antrea-agent-ubuntu:v1.15.1']), deploy('kube-system', 'antrea-controller', 'antrea/antrea-controller-ubuntu:v1.15.1')], { name: 'antrea', version: 'v1.15.1' }],
    ['ovn-kubernetes', [ds('ovn-kubernetes', 'ovnkube-node', ['ghcr.io/ovn-org/ovn-kubernetes/ovn-kube-ubuntu:release-1.0']), deploy('ovn-kubernetes', 'ovnkube-control-plane', 'ghcr.io/ovn-org/ovn-kubernetes/ovn-kube-ubuntu:release-1.0')], { name: 'ovn-kubernetes', version: 'release-1.0' }],
    ['kindnet', [ds('kube-system', 'kindnet', ['docker.io/kindest/kindnetd:v20240513-cd2ac642'])], { name: 'kindnet', version: 'v20240513-cd2ac642' }],
    ['AWS VPC CNI', [ds('kube-system', 'aws-node', ['602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.18.1-eksbuild.3', '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon/aws-network-policy-agent:v1.1.1-eksbuild.1'])], { name: 'aws-vpc-cni', version: 'v1.18.1-eksbuild.3' }],
    ['Azure CNI', [ds('kube-system', 'azure-cns', ['mcr.microsoft.com/containernetworking/azure-cns:v1.5.26'])], { name: 'azure-cni', version: 'v1.5.26' }],
    ['a renamed DaemonSet is still found by its image', [ds('networking', 'my-flannel', ['ghcr.io/flannel-io/flannel:v0.25.1'])], { name: 'flannel', version: 'v0.25.1' }],
  ];
  for (const [what, workloads, expected] of cases) {
    test(what, () => {
      const found = detectCnis(workloads).map((d) => d.cni);
      assert.deepEqual(found.map((c) => ({ name: c.name, version: c.version })), [expected]);
    });
  }

  test('Canal counts once, as canal, with calico-kube-controllers folded in; its version is Calico\'s', () => {
    const found = detectCnis([
      ds('kube-system', 'canal', ['docker.io/calico/node:v3.27.0', 'docker.io/flannel/flannel:v0.24.0']),
      deploy('kube-system', 'calico-kube-controllers', 'docker.io/calico/kube-controllers:v3.27.0'),
    ]).map((d) => d.cni);
    assert.deepEqual(found.map((c) => [c.name, c.version, c.workloads.length]), [['canal', 'v3.27.0', 2]]);
  });

  test('kube-proxy, CoreDNS, whereabouts and the Tigera operator are not network plugins', () => {
    assert.deepEqual(detectCnis([
      ds('kube-system', 'kube-proxy', ['registry.k8s.io/kube-proxy:v1.30.0']),
      deploy('kube-system', 'coredns', 'registry.k8s.io/coredns/coredns:v1.11.1'),
      ds('kube-system', 'whereabouts', ['ghcr.io/k8snetworkplumbingwg/whereabouts:v0.8.0']),
      deploy('tigera-operator', 'tigera-operator', 'quay.io/tigera/operator:v1.34.0'),
    ]), []);
  });

  test('rollout health is the agent DaemonSet\'s, not the operator Deployment\'s', () => {
    const [found] = detectCnis([deploy('kube-system', 'cilium-operator', 'quay.io/cilium/operator-generic:v1.15.6'), ds('kube-system', 'cilium', ['quay.io/cilium/cilium:v1.15.6'], { desired: 5, ready: 4 })]);
    assert.deepEqual([found.cni.ready, found.cni.desired, found.agent.metadata.name], [4, 5, 'cilium']);
  });
});

test('parseImage separates registry, path, tag and digest', () => {
  assert.deepEqual(parseImage('localhost:5000/flannel/flannel:v0.25.1'), { registry: 'localhost:5000', path: 'flannel/flannel', tag: 'v0.25.1', digest: undefined });
  assert.deepEqual(parseImage('calico/node'), { registry: undefined, path: 'calico/node', tag: undefined, digest: undefined });
  assert.deepEqual(parseImage('quay.io/cilium/cilium@sha256:abc'), { registry: 'quay.io', path: 'cilium/cilium', tag: undefined, digest: 'sha256:abc' });
});

describe('modes', () => {
  test('flannel: keys match case-insensitively; no Backend means udp, and says it was defaulted', () => {
    const mode = flannelMode(configMap('kube-flannel', 'kube-flannel-cfg', { 'net-conf.json': '{"network": "10.42.0.0/16", "SubnetLen": 25}' }) as unknown as KubeObject);
    assert.deepEqual([mode.network, mode.subnetLen, mode.backend, mode.backendDefaulted], ['10.42.0.0/16', 25, 'udp', true]);
    assert.throws(() => flannelMode(configMap('kube-flannel', 'kube-flannel-cfg', { 'net-conf.json': '{oops' }) as unknown as KubeObject), /not valid JSON/);
  });

  test('cilium: the pre-1.15 `tunnel` key still tells the routing mode; agent defaults otherwise', () => {
    const cm = (data: Record<string, string>) => configMap('kube-system', 'cilium-config', data) as unknown as KubeObject;
    assert.deepEqual(pickMode(ciliumMode(cm({ tunnel: 'disabled', 'kube-proxy-replacement': 'strict' }))), ['native', undefined, 'cluster-pool', 'strict']);
    assert.deepEqual(pickMode(ciliumMode(cm({ tunnel: 'geneve' }))), ['tunnel', 'geneve', 'cluster-pool', undefined]);
    assert.deepEqual(pickMode(ciliumMode(cm({ ipam: 'eni' }))), ['tunnel', 'vxlan', 'eni', undefined]);
  });

  test('multus: thick from the daemon command or the -thick tag, thin from the thin entrypoint', () => {
    const m = (image: string, command?: string[]) => multusMode(ds('kube-system', 'kube-multus-ds', [image], { command }));
    assert.equal(m('ghcr.io/k8snetworkplumbingwg/multus-cni:snapshot-thick').flavour, 'thick');
    assert.equal(m('ghcr.io/k8snetworkplumbingwg/multus-cni:v4.0.2', ['/usr/src/multus-cni/bin/multus-daemon']).flavour, 'thick');
    assert.equal(m('ghcr.io/k8snetworkplumbingwg/multus-cni:v4.0.2', ['/thin_entrypoint']).flavour, 'thin');
  });
});

function pickMode(mode: ReturnType<typeof ciliumMode>) {
  return [mode.routingMode, mode.tunnelProtocol, mode.ipamMode, mode.kubeProxyReplacement];
}

describe('attachments', () => {
  test('IPAM summaries for each IPAM plugin', () => {
    assert.equal(ipamSummary({ type: 'dhcp' }), 'dhcp');
    assert.equal(ipamSummary({ type: 'host-local', subnet: '10.1.0.0/24', rangeStart: '10.1.0.10', rangeEnd: '10.1.0.50' }), 'host-local 10.1.0.0/24 (10.1.0.10-10.1.0.50)');
    assert.equal(ipamSummary({ type: 'whereabouts', ipRanges: [{ range: '10.2.0.0/24' }, { range: 'fd00::/64' }] }), 'whereabouts 10.2.0.0/24, fd00::/64');
    assert.equal(ipamSummary({ type: 'calico-ipam' }), 'calico-ipam');
  });

  test('a NAD whose config is not JSON says so instead of failing the section', () => {
    const broken = nad('default', 'broken') as unknown as KubeObject;
    broken.spec = { config: '{"type": "macvlan",' };
    assert.equal(summariseNad(broken).configError, 'spec.config is not valid JSON');
  });

  test('network-status: the spec fields per interface; garbage reads as no interfaces', () => {
    assert.deepEqual(parseNetworkStatus('[{"name":"ns/a","interface":"net1","ips":["10.0.0.2"],"mac":"02:00:00:00:00:01","default":false}]'), [
      { network: 'ns/a', interface: 'net1', ips: ['10.0.0.2'], mac: '02:00:00:00:00:01', default: false },
    ]);
    assert.deepEqual(parseNetworkStatus('not json'), []);
  });
});

test('a NetworkPolicy without policyTypes gets the API server\'s default (Ingress, plus Egress with egress rules)', () => {
  const policy = networkPolicy('default', 'p', { podSelector: { matchLabels: { app: 'a' } }, egress: [{}] }) as unknown as KubeObject;
  const info = summarisePolicy(policy, resources.networkPolicies);
  assert.deepEqual([info.selector, info.policyTypes], ['app=a', ['Ingress', 'Egress']]);
});

// Calico the operator way: the pinned Tigera operator (through a kustomization of the release's
// manifests) and the two resources it reconciles: Installation (IP pool) and APIServer.
import type { ScaffoldResult } from './files';
import { mirrored, repositoryPath } from './images';
import type { OptionValues } from './options';
import { calico } from './versions';
import { yamlFile } from './yamlText';

export function buildCalico(o: OptionValues): ScaffoldResult {
  const operatorName = calico.operatorImage.slice(0, calico.operatorImage.lastIndexOf(':'));
  const kustomization = yamlFile([{
    comment: `Installs the Tigera operator of Calico ${calico.release} and its CRDs.\n` +
      'Step 1: kubectl create -k tigera-operator/\n' +
      '  (create, not apply: the CRDs are too large for the annotation kubectl apply keeps)\n' +
      'Step 2, once the operator runs: kubectl create -f calico-installation.yaml',
    value: {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      metadata: { name: 'tigera-operator' },
      resources: [calico.operatorCrdsUrl, calico.operatorUrl],
      ...(o.registry ? { images: [{ name: operatorName, newName: mirrored(operatorName, o.registry) }] } : {}),
    },
  }]);
  const pool = {
    name: 'default-ipv4-ippool',
    cidr: o.podCidr,
    blockSize: Number(o.blockSize),
    encapsulation: o.encapsulation,
    natOutgoing: o.natOutgoing,
    nodeSelector: 'all()',
  };
  const installation = yamlFile([
    {
      comment: `Calico ${calico.release} networking, reconciled by the Tigera operator (see tigera-operator/kustomization.yaml).\n` +
        `The pool ${o.podCidr} should match the cluster's --cluster-cidr (kubeadm init --pod-network-cidr ${o.podCidr}).`,
      value: {
        apiVersion: 'operator.tigera.io/v1',
        kind: 'Installation',
        metadata: { name: 'default' },
        spec: {
          // The operator expects the registry with a trailing slash and keeps each image's path.
          ...(o.registry ? { registry: `${o.registry}/` } : {}),
          calicoNetwork: { ipPools: [pool] },
        },
      },
      notes: [
        { path: ['spec', 'calicoNetwork', 'ipPools', 0], text: encapsulationNote(o.encapsulation) },
        ...(o.registry ? [{ path: ['spec', 'registry'], text: `Calico's images are pulled from ${o.registry}/ with their upstream paths (e.g. ${o.registry}/${repositoryPath('quay.io/calico/node')}).` }] : []),
      ],
    },
    {
      comment: 'The Calico API server: lets kubectl manage projectcalico.org/v3 resources.',
      value: { apiVersion: 'operator.tigera.io/v1', kind: 'APIServer', metadata: { name: 'default' }, spec: {} },
    },
  ]);
  return {
    files: [
      { path: 'tigera-operator/kustomization.yaml', content: kustomization, format: 'kustomization' },
      { path: 'calico-installation.yaml', content: installation, format: 'manifest' },
    ],
  };
}

function encapsulationNote(encapsulation: string): string {
  switch (encapsulation) {
    case 'VXLAN': return 'VXLAN between all nodes: they must reach each other on UDP 4789.';
    case 'VXLANCrossSubnet': return 'VXLAN only across subnets (UDP 4789); nodes in one subnet route pod traffic directly.';
    case 'IPIP': return 'IP-in-IP between all nodes: IP protocol 4 must pass between them, and BGP (TCP 179) distributes the routes.';
    case 'IPIPCrossSubnet': return 'IP-in-IP only across subnets; BGP (TCP 179) distributes the routes.';
    default: return 'No encapsulation: the network between nodes must route pod addresses, which BGP (TCP 179) advertises.';
  }
}

// Canal: flannel networking with Calico policy. Calico ships it as one manifest (canal.yaml); the
// scaffold pins that release and patches flannel's network config into its canal-config ConfigMap,
// which is the edit Calico's install guide asks for.
import { backendNote, flannelNetConf } from './flannel';
import type { ScaffoldResult } from './files';
import { mirrored } from './images';
import type { OptionValues } from './options';
import { calico } from './versions';
import { jsonBlock, yamlFile } from './yamlText';

export function buildCanal(o: OptionValues): ScaffoldResult {
  const kustomization = yamlFile([{
    comment: `Canal from Calico ${calico.release}'s canal.yaml, with the pod network ${o.podCidr} patched in.\n` +
      'Apply with: kubectl apply -k canal/\n' +
      `The pod network must be the cluster's --cluster-cidr (kubeadm init --pod-network-cidr ${o.podCidr}).`,
    value: {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      metadata: { name: 'canal' },
      resources: [calico.canalUrl],
      patches: [{ path: 'canal-config.yaml' }],
      ...(o.registry ? { images: calico.canalImages.map((name) => ({ name, newName: mirrored(name, o.registry) })) } : {}),
    },
    notes: o.registry ? [{ path: ['images'], text: "canal.yaml has named Calico's images on docker.io and on quay.io over its releases; both spellings are mapped to the mirror." }] : [],
  }]);
  const patch = yamlFile([{
    comment: 'Merged into the canal-config ConfigMap of canal.yaml: flannel reads its network from net-conf.json.',
    value: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'canal-config', namespace: 'kube-system' },
      data: { 'net-conf.json': jsonBlock(flannelNetConf(o)) },
    },
    notes: [{ path: ['data', 'net-conf.json'], text: backendNote(o.backend) }],
  }]);
  return {
    files: [
      { path: 'canal/kustomization.yaml', content: kustomization, format: 'kustomization' },
      { path: 'canal/canal-config.yaml', content: patch, format: 'kustomization' },
    ],
  };
}

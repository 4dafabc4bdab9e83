// How each network plugin shows up in a cluster: the names of its DaemonSets and Deployments in
// the upstream manifests and Helm charts, and its image repositories (path after the registry).

import type { CniName } from '../model';

export interface CniRule {
  name: CniName;
  /** Workload names that belong to the plugin. */
  workloads: RegExp;
  /** Image repositories that identify the plugin in a workload of any name (undefined: by name only). */
  images?: RegExp;
  /** The per-node agent: its rollout is the plugin's health. */
  agent: RegExp;
  /** The container whose image tag is the plugin's version (default: one matching `images`). */
  versionImage?: RegExp;
}

/** Namespaces the upstream manifests, Helm charts and operators install network plugins into. */
export const CNI_NAMESPACES = [
  'kube-system', 'kube-flannel', 'calico-system', 'cilium', 'ovn-kubernetes', 'openshift-ovn-kubernetes', 'openshift-multus',
];

/**
 * Ordered: a workload belongs to the first rule it matches. Canal comes first because its
 * DaemonSet runs both calico/node and flannel and must not count as either of them.
 */
export const CNI_RULES: readonly CniRule[] = [
  { name: 'canal', workloads: /^canal$/, agent: /^canal$/, versionImage: /calico\/node$/ },
  {
    name: 'flannel',
    workloads: /^(kube-)?flannel(-ds)?(-[a-z0-9]+)?$/,
    images: /(^|\/)(flannel|mirrored-flannelcni-flannel)$/,
    agent: /flannel/,
  },
  {
    name: 'calico',
    workloads: /^calico-(node|kube-controllers|typha)$/,
    images: /calico\/(node|kube-controllers|typha)$/,
    agent: /^calico-node$/,
    versionImage: /calico\/node$/,
  },
  {
    name: 'cilium',
    workloads: /^cilium(-operator|-envoy)?$/,
    images: /cilium\/(cilium|operator(-generic|-aws|-azure|-alibabacloud)?)$/,
    agent: /^cilium$/,
    versionImage: /cilium\/cilium$/,
  },
  { name: 'multus', workloads: /^(kube-)?multus(-ds)?(-[a-z0-9]+)?$/, images: /(^|\/)multus(-cni)?$/, agent: /multus/ },
  { name: 'weave', workloads: /^weave-net$/, images: /weaveworks\/weave-(kube|npc)$/, agent: /^weave-net$/, versionImage: /weave-kube$/ },
  { name: 'kube-router', workloads: /^kube-router$/, images: /(^|\/)kube-router$/, agent: /^kube-router$/ },
  {
    name: 'antrea',
    workloads: /^antrea-(agent|controller)$/,
    images: /antrea\/antrea-(agent-|controller-)?(ubuntu|ubi)$/,
    agent: /^antrea-agent$/,
  },
  {
    name: 'ovn-kubernetes',
    workloads: /^ovnkube-(node|master|control-plane|db|identity)$/,
    images: /ovn-kube(-ubuntu|-fedora|-ubi)?$/,
    agent: /^ovnkube-node$/,
  },
  { name: 'kindnet', workloads: /^kindnet$/, images: /kindest\/kindnetd$/, agent: /^kindnet$/ },
  { name: 'aws-vpc-cni', workloads: /^aws-node$/, images: /(^|\/)amazon-k8s-cni$/, agent: /^aws-node$/ },
  {
    name: 'azure-cni',
    workloads: /^(azure-cns|azure-cni-networkmonitor)$/,
    images: /containernetworking\/(azure-cns|networkmonitor|azure-cni)$/,
    agent: /^azure-cns$/,
  },
];

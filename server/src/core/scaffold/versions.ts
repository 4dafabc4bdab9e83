// The upstream releases the scaffolds pin: every image and manifest URL comes from here, so a
// version bump is a change to this one file. Each entry names the release it was read from.

/**
 * flannel v0.28.4: the images its release manifest kube-flannel.yml uses (both images appear
 * together in that file; the install-cni-plugin init container carries the CNI plugin binary).
 * Source: flannel-io/flannel release v0.28.4, kube-flannel.yml
 * (https://github.com/flannel-io/flannel/releases/download/v0.28.4/kube-flannel.yml).
 */
export const flannel = {
  release: 'v0.28.4',
  image: 'ghcr.io/flannel-io/flannel:v0.28.4',
  cniPluginImage: 'ghcr.io/flannel-io/flannel-cni-plugin:v1.9.1-flannel1',
} as const;

/**
 * Calico v3.31.3, installed the operator way. The release publishes the operator's CRDs and
 * the operator itself as two manifests; its component list names the operator image.
 * Source: projectcalico/calico release v3.31.3, manifests/operator-crds.yaml,
 * manifests/tigera-operator.yaml and manifests/canal.yaml; docs.tigera.io "Component versions"
 * (Calico 3.31.3 "can be installed using quay.io/tigera/operator:v1.40.3").
 */
export const calico = {
  release: 'v3.31.3',
  operatorImage: 'quay.io/tigera/operator:v1.40.3',
  operatorCrdsUrl: 'https://raw.githubusercontent.com/projectcalico/calico/v3.31.3/manifests/operator-crds.yaml',
  operatorUrl: 'https://raw.githubusercontent.com/projectcalico/calico/v3.31.3/manifests/tigera-operator.yaml',
  canalUrl: 'https://raw.githubusercontent.com/projectcalico/calico/v3.31.3/manifests/canal.yaml',
  /**
   * Images canal.yaml refers to, without tags. Calico's manifests have named its images both on
   * docker.io and on quay.io over the releases, so a mirror rewrites both spellings.
   */
  canalImages: [
    'docker.io/calico/cni', 'quay.io/calico/cni',
    'docker.io/calico/node', 'quay.io/calico/node',
    'docker.io/calico/kube-controllers', 'quay.io/calico/kube-controllers',
    'docker.io/flannel/flannel',
  ],
} as const;

/**
 * Multus v4.3.0, thick plugin. The release's deployments/multus-daemonset-thick.yml refers to the
 * floating tag snapshot-thick; the scaffold pins the release's own image tag instead.
 * Source: k8snetworkplumbingwg/multus-cni release v4.3.0, deployments/multus-daemonset-thick.yml;
 * image ghcr.io/k8snetworkplumbingwg/multus-cni:v4.3.0-thick.
 */
export const multus = {
  release: 'v4.3.0',
  image: 'ghcr.io/k8snetworkplumbingwg/multus-cni:v4.3.0-thick',
} as const;

/**
 * Whereabouts v0.9.4. Its install manifests (doc/crds/) refer to the :latest image, so the
 * scaffold pins the release tag through kustomize.
 * Source: k8snetworkplumbingwg/whereabouts release v0.9.4, doc/crds/daemonset-install.yaml,
 * doc/crds/whereabouts.cni.cncf.io_ippools.yaml,
 * doc/crds/whereabouts.cni.cncf.io_overlappingrangeipreservations.yaml.
 */
export const whereabouts = {
  release: 'v0.9.4',
  imageName: 'ghcr.io/k8snetworkplumbingwg/whereabouts',
  manifestUrls: [
    'https://raw.githubusercontent.com/k8snetworkplumbingwg/whereabouts/v0.9.4/doc/crds/daemonset-install.yaml',
    'https://raw.githubusercontent.com/k8snetworkplumbingwg/whereabouts/v0.9.4/doc/crds/whereabouts.cni.cncf.io_ippools.yaml',
    'https://raw.githubusercontent.com/k8snetworkplumbingwg/whereabouts/v0.9.4/doc/crds/whereabouts.cni.cncf.io_overlappingrangeipreservations.yaml',
  ],
} as const;

/**
 * Cilium 1.19.5, installed with its Helm chart from https://helm.cilium.io/. The chart's values
 * name each image repository (image, operator.image, hubble.relay.image, hubble.ui.frontend.image,
 * hubble.ui.backend.image, envoy.image, certgen.image); the operator's repository gets a suffix
 * such as -generic from the chart.
 * Source: cilium/cilium release v1.19.5 (Docker manifests quay.io/cilium/cilium:v1.19.5,
 * quay.io/cilium/operator-generic:v1.19.5, quay.io/cilium/hubble-relay:v1.19.5) and
 * Documentation/helm-values.rst.
 */
export const cilium = {
  release: '1.19.5',
  chartRepo: 'https://helm.cilium.io/',
  repositories: {
    image: 'quay.io/cilium/cilium',
    operator: 'quay.io/cilium/operator',
    hubbleRelay: 'quay.io/cilium/hubble-relay',
    hubbleUiFrontend: 'quay.io/cilium/hubble-ui',
    hubbleUiBackend: 'quay.io/cilium/hubble-ui-backend',
    envoy: 'quay.io/cilium/cilium-envoy',
    certgen: 'quay.io/cilium/certgen',
  },
} as const;

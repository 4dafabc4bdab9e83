// Cilium through its Helm chart: a values file with the routing, IPAM, kube-proxy replacement
// and Hubble choices, and a starter CiliumNetworkPolicy that isolates one namespace.
import type { ScaffoldResult } from './files';
import { mirrored } from './images';
import type { OptionValues } from './options';
import { cilium } from './versions';
import { yamlFile, type Path } from './yamlText';

export function buildCilium(o: OptionValues): ScaffoldResult {
  return {
    files: [
      { path: 'cilium-values.yaml', content: ciliumValues(o), format: 'helm-values' },
      { path: 'cilium-starter-policy.yaml', content: starterPolicy(o.namespace), format: 'manifest' },
    ],
  };
}

function ciliumValues(o: OptionValues): string {
  const values: Record<string, unknown> = {};
  const notes: { path: Path; text: string }[] = [];
  values.routingMode = o.routingMode;
  if (o.routingMode === 'tunnel') {
    values.tunnelProtocol = o.tunnelProtocol;
  } else {
    values.ipv4NativeRoutingCIDR = o.nativeRoutingCidr;
    values.autoDirectNodeRoutes = true;
    notes.push({ path: ['autoDirectNodeRoutes'], text: 'Routes between nodes are installed directly: this needs all nodes on one layer-2 network;\notherwise set it to false and let your routers (or BGP) carry the pod routes.' });
  }
  values.ipam = o.ipamMode === 'cluster-pool'
    ? { mode: 'cluster-pool', operator: { clusterPoolIPv4PodCIDRList: [o.podCidr] } }
    : { mode: 'kubernetes' };
  notes.push({
    path: ['ipam'],
    text: o.ipamMode === 'cluster-pool' ? "Cilium's operator hands each node a range from this pool." : "Each node's pods use the node's podCIDR (kube-controller-manager --allocate-node-cidrs).",
  });
  values.kubeProxyReplacement = o.kubeProxyReplacement === 'true';
  if (o.kubeProxyReplacement === 'true') {
    values.k8sServiceHost = o.apiServerHost;
    values.k8sServicePort = Number(o.apiServerPort);
    notes.push({ path: ['kubeProxyReplacement'], text: 'Cilium handles Services itself: install the cluster without kube-proxy (kubeadm init --skip-phases=addon/kube-proxy),\nand tell Cilium where the API server is, as it cannot use the kubernetes Service before it runs.' });
  }
  const repo = (upstream: string) => (o.registry ? { image: { repository: mirrored(upstream, o.registry) } } : {});
  const r = cilium.repositories;
  values.hubble = o.hubble === 'true'
    ? { enabled: true, relay: { enabled: true, ...repo(r.hubbleRelay) }, ui: { enabled: true, ...(o.registry ? { frontend: repo(r.hubbleUiFrontend), backend: repo(r.hubbleUiBackend) } : {}) } }
    : { enabled: false };
  if (o.registry) {
    Object.assign(values, repo(r.image), { operator: repo(r.operator), envoy: repo(r.envoy), certgen: repo(r.certgen) });
    notes.push({ path: ['image'], text: `Images from the mirror ${o.registry} (the chart adds each tag and digest; the operator's repository gets a suffix such as -generic).` });
  }
  return yamlFile([{
    comment: `Helm values for Cilium ${cilium.release}, written by cnikit scaffold. Install with:\n` +
      `  helm repo add cilium ${cilium.chartRepo}\n` +
      `  helm install cilium cilium/cilium --version ${cilium.release} --namespace kube-system -f cilium-values.yaml`,
    value: values,
    notes,
  }]);
}

function starterPolicy(namespace: string): string {
  return yamlFile([{
    comment: `A starting point for ${namespace}: its pods talk to each other and to the cluster DNS, and nothing else.\n` +
      'Selecting pods in a policy with egress rules denies their other egress; add rules as your applications need them.',
    value: {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: { name: 'namespace-isolation', namespace },
      spec: {
        endpointSelector: {},
        ingress: [{ fromEndpoints: [{}] }],
        egress: [
          { toEndpoints: [{}] },
          {
            toEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s:k8s-app': 'kube-dns' } }],
            toPorts: [{ ports: [{ port: '53', protocol: 'ANY' }], rules: { dns: [{ matchPattern: '*' }] } }],
          },
        ],
      },
    },
    notes: [
      { path: ['spec', 'ingress', 0], text: 'An empty endpoint selector matches the pods of this namespace.' },
      { path: ['spec', 'egress', 1], text: 'DNS to kube-dns; the dns rule lets Hubble and toFQDNs rules see the names looked up.' },
    ],
  }]);
}

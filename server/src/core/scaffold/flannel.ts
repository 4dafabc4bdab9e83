// flannel as its release manifest installs it (kube-flannel.yml), with the pod network and
// backend chosen: namespace, RBAC, ConfigMap and DaemonSet in one file.
import type { ScaffoldResult } from './files';
import { mirrored } from './images';
import type { OptionValues } from './options';
import { flannel } from './versions';
import { jsonBlock, yamlFile } from './yamlText';

/** flanneld's net-conf.json. Backend.Type is always set: without it flanneld falls back to udp. */
export function flannelNetConf(o: OptionValues): object {
  const backend = o.backend === 'vxlan' ? { Type: 'vxlan', VNI: Number(o.vni), Port: Number(o.port) } : { Type: o.backend };
  return { Network: o.podCidr, EnableNFTables: false, Backend: backend };
}

/** The CNI config flannel installs on each node: the flannel plugin (delegating to bridge) and portmap. */
const cniConf = {
  name: 'cbr0',
  cniVersion: '0.3.1',
  plugins: [
    { type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } },
    { type: 'portmap', capabilities: { portMappings: true } },
  ],
};

export function buildFlannel(o: OptionValues): ScaffoldResult {
  const ns = o.namespace;
  const labels = { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' };
  const image = mirrored(flannel.image, o.registry);
  const content = yamlFile([
    {
      comment: `flannel ${flannel.release} (images as in its release manifest kube-flannel.yml), configured by cnikit scaffold.\n` +
        'Apply with: kubectl apply -f kube-flannel.yaml\n' +
        `The pod network ${o.podCidr} must be the cluster's --cluster-cidr (kubeadm init --pod-network-cidr ${o.podCidr}).`,
      value: {
        apiVersion: 'v1', kind: 'Namespace',
        metadata: { name: ns, labels: { 'k8s-app': 'flannel', 'pod-security.kubernetes.io/enforce': 'privileged' } },
      },
      notes: [{ path: ['metadata', 'labels'], text: 'flannel runs privileged pods on the host network, which Pod Security must allow here.' }],
    },
    { value: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'flannel', namespace: ns, labels: { 'k8s-app': 'flannel' } } } },
    {
      value: {
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole',
        metadata: { name: 'flannel', labels: { 'k8s-app': 'flannel' } },
        rules: [
          { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
          { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: [''], resources: ['nodes/status'], verbs: ['patch'] },
        ],
      },
    },
    {
      value: {
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding',
        metadata: { name: 'flannel', labels: { 'k8s-app': 'flannel' } },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'flannel' },
        subjects: [{ kind: 'ServiceAccount', name: 'flannel', namespace: ns }],
      },
    },
    {
      value: {
        apiVersion: 'v1', kind: 'ConfigMap',
        metadata: { name: 'kube-flannel-cfg', namespace: ns, labels },
        data: { 'cni-conf.json': jsonBlock(cniConf), 'net-conf.json': jsonBlock(flannelNetConf(o)) },
      },
      notes: [
        { path: ['data', 'cni-conf.json'], text: 'Installed on every node as /etc/cni/net.d/10-flannel.conflist.' },
        { path: ['data', 'net-conf.json'], text: backendNote(o.backend) },
      ],
    },
    {
      value: {
        apiVersion: 'apps/v1', kind: 'DaemonSet',
        metadata: { name: 'kube-flannel-ds', namespace: ns, labels },
        spec: {
          selector: { matchLabels: { app: 'flannel', 'k8s-app': 'flannel' } },
          template: {
            metadata: { labels },
            spec: {
              affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] }] } } },
              hostNetwork: true,
              priorityClassName: 'system-node-critical',
              tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
              serviceAccountName: 'flannel',
              initContainers: [
                {
                  name: 'install-cni-plugin', image: mirrored(flannel.cniPluginImage, o.registry),
                  command: ['cp'], args: ['-f', '/flannel', '/opt/cni/bin/flannel'],
                  volumeMounts: [{ name: 'cni-plugin', mountPath: '/opt/cni/bin' }],
                },
                {
                  name: 'install-cni', image,
                  command: ['cp'], args: ['-f', '/etc/kube-flannel/cni-conf.json', '/etc/cni/net.d/10-flannel.conflist'],
                  volumeMounts: [{ name: 'cni', mountPath: '/etc/cni/net.d' }, { name: 'flannel-cfg', mountPath: '/etc/kube-flannel/' }],
                },
              ],
              containers: [{
                name: 'kube-flannel', image,
                command: ['/opt/bin/flanneld'],
                args: ['--ip-masq', '--kube-subnet-mgr'],
                resources: { requests: { cpu: '100m', memory: '50Mi' } },
                securityContext: { privileged: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } },
                env: [
                  { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                  { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                  { name: 'EVENT_QUEUE_DEPTH', value: '5000' },
                  { name: 'CONT_WHEN_CACHE_NOT_READY', value: 'false' },
                ],
                volumeMounts: [
                  { name: 'run', mountPath: '/run/flannel' },
                  { name: 'flannel-cfg', mountPath: '/etc/kube-flannel/' },
                  { name: 'xtables-lock', mountPath: '/run/xtables.lock' },
                ],
              }],
              volumes: [
                { name: 'run', hostPath: { path: '/run/flannel' } },
                { name: 'cni-plugin', hostPath: { path: '/opt/cni/bin' } },
                { name: 'cni', hostPath: { path: '/etc/cni/net.d' } },
                { name: 'flannel-cfg', configMap: { name: 'kube-flannel-cfg' } },
                { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
              ],
            },
          },
        },
      },
      notes: [{ path: ['spec', 'template', 'spec', 'initContainers'], text: 'Copy the flannel CNI binary and the CNI config onto the node before flanneld starts.' }],
    },
  ]);
  return { files: [{ path: 'kube-flannel.yaml', content, format: 'manifest' }] };
}

export function backendNote(backend: string): string {
  switch (backend) {
    case 'vxlan': return 'vxlan: nodes must reach each other on the VXLAN UDP port (Port below).';
    case 'host-gw': return 'host-gw: every node must be on the same layer-2 network as the others.';
    default: return 'wireguard: the nodes need WireGuard in their kernels, and UDP 51820 open between them.';
  }
}

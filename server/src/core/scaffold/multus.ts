// Multus as its thick-plugin release manifest installs it (multus-daemonset-thick.yml: the
// NetworkAttachmentDefinition CRD, RBAC, the daemon's ConfigMap and DaemonSet), plus a first
// NetworkAttachmentDefinition and, for whereabouts IPAM, a pinned whereabouts install.
import type { ScaffoldFile, ScaffoldResult } from './files';
import { mirrored } from './images';
import { attachmentOf, nadDocument } from './nad';
import type { OptionValues } from './options';
import { multus, whereabouts } from './versions';
import { jsonBlock, yamlFile, type YamlDoc } from './yamlText';

export function buildMultus(o: OptionValues): ScaffoldResult {
  const files: ScaffoldFile[] = [
    { path: 'multus-thick.yaml', content: yamlFile(multusDocuments(o.registry)), format: 'manifest' },
    { path: `${o.name}.yaml`, content: yamlFile([nadDocument(attachmentOf(o), o.namespace)]), format: 'manifest' },
  ];
  if (o.ipam === 'whereabouts') files.push({ path: 'whereabouts/kustomization.yaml', content: whereaboutsKustomization(o.registry), format: 'kustomization' });
  return { files };
}

/** The daemon's own settings; multusConfigFile "auto" makes it wrap the cluster's first CNI config. */
const daemonConfig = {
  chrootDir: '/hostroot',
  cniVersion: '0.3.1',
  logLevel: 'verbose',
  logToStderr: true,
  cniConfigDir: '/host/etc/cni/net.d',
  multusAutoconfigDir: '/host/etc/cni/net.d',
  multusConfigFile: 'auto',
  socketDir: '/host/run/multus/',
};

function multusDocuments(registry: string): YamlDoc[] {
  const image = mirrored(multus.image, registry);
  const labels = { tier: 'node', app: 'multus', name: 'multus' };
  const hostPath = (name: string, path: string) => ({ name, hostPath: { path } });
  return [
    {
      comment: `Multus ${multus.release}, thick plugin (as its release manifest deployments/multus-daemonset-thick.yml,\n` +
        `with the image pinned to ${multus.image} instead of the floating snapshot-thick tag).\n` +
        'Apply with: kubectl apply -f multus-thick.yaml (after the cluster network, which Multus wraps).',
      value: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'network-attachment-definitions.k8s.cni.cncf.io' },
        spec: {
          group: 'k8s.cni.cncf.io',
          scope: 'Namespaced',
          names: { plural: 'network-attachment-definitions', singular: 'network-attachment-definition', kind: 'NetworkAttachmentDefinition', shortNames: ['nad', 'net-attach-def'] },
          versions: [{
            name: 'v1', served: true, storage: true,
            schema: {
              openAPIV3Schema: {
                description: 'NetworkAttachmentDefinition: a network pods can attach to, as defined by the Network Plumbing Working Group.',
                type: 'object',
                properties: {
                  apiVersion: { type: 'string' },
                  kind: { type: 'string' },
                  metadata: { type: 'object' },
                  spec: { type: 'object', properties: { config: { type: 'string', description: 'A CNI config or config list, as JSON.' } } },
                },
              },
            },
          }],
        },
      },
    },
    {
      value: {
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'multus' },
        rules: [
          { apiGroups: ['k8s.cni.cncf.io'], resources: ['*'], verbs: ['*'] },
          { apiGroups: [''], resources: ['pods', 'pods/status'], verbs: ['get', 'list', 'update', 'watch'] },
          { apiGroups: ['resource.k8s.io'], resources: ['resourceclaims', 'resourceclaims/status', 'resourceslices'], verbs: ['get', 'list'] },
          { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create', 'patch', 'update'] },
        ],
      },
    },
    {
      value: {
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'multus' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'multus' },
        subjects: [{ kind: 'ServiceAccount', name: 'multus', namespace: 'kube-system' }],
      },
    },
    { value: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'multus', namespace: 'kube-system' } } },
    {
      value: {
        apiVersion: 'v1', kind: 'ConfigMap',
        metadata: { name: 'multus-daemon-config', namespace: 'kube-system', labels: { tier: 'node', app: 'multus' } },
        data: { 'daemon-config.json': jsonBlock(daemonConfig) },
      },
    },
    {
      value: {
        apiVersion: 'apps/v1', kind: 'DaemonSet',
        metadata: { name: 'kube-multus-ds', namespace: 'kube-system', labels },
        spec: {
          selector: { matchLabels: { name: 'multus' } },
          updateStrategy: { type: 'RollingUpdate' },
          template: {
            metadata: { labels },
            spec: {
              hostNetwork: true,
              hostPID: true,
              tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }, { operator: 'Exists', effect: 'NoExecute' }],
              serviceAccountName: 'multus',
              containers: [{
                name: 'kube-multus', image,
                command: ['/usr/src/multus-cni/bin/multus-daemon'],
                resources: { requests: { cpu: '100m', memory: '50Mi' }, limits: { cpu: '100m', memory: '50Mi' } },
                securityContext: { privileged: true },
                terminationMessagePolicy: 'FallbackToLogsOnError',
                volumeMounts: [
                  { name: 'cni', mountPath: '/host/etc/cni/net.d' },
                  { name: 'cnibin', mountPath: '/opt/cni/bin' },
                  { name: 'host-run', mountPath: '/host/run' },
                  { name: 'host-var-lib-cni-multus', mountPath: '/var/lib/cni/multus' },
                  { name: 'host-var-lib-kubelet', mountPath: '/var/lib/kubelet', mountPropagation: 'HostToContainer' },
                  { name: 'host-run-k8s-cni-cncf-io', mountPath: '/run/k8s.cni.cncf.io' },
                  { name: 'host-run-netns', mountPath: '/run/netns', mountPropagation: 'HostToContainer' },
                  { name: 'multus-daemon-config', mountPath: '/etc/cni/net.d/multus.d', readOnly: true },
                  { name: 'hostroot', mountPath: '/hostroot', mountPropagation: 'HostToContainer' },
                  { name: 'multus-conf-dir', mountPath: '/etc/cni/multus/net.d' },
                ],
                env: [{ name: 'MULTUS_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
              }],
              initContainers: [{
                name: 'install-multus-binary', image,
                command: ['/usr/src/multus-cni/bin/install_multus', '-d', '/host/opt/cni/bin', '-t', 'thick'],
                resources: { requests: { cpu: '10m', memory: '15Mi' } },
                securityContext: { privileged: true },
                terminationMessagePolicy: 'FallbackToLogsOnError',
                volumeMounts: [{ name: 'cnibin', mountPath: '/host/opt/cni/bin', mountPropagation: 'Bidirectional' }],
              }],
              terminationGracePeriodSeconds: 10,
              volumes: [
                hostPath('cni', '/etc/cni/net.d'),
                hostPath('cnibin', '/opt/cni/bin'),
                hostPath('hostroot', '/'),
                { name: 'multus-daemon-config', configMap: { name: 'multus-daemon-config', items: [{ key: 'daemon-config.json', path: 'daemon-config.json' }] } },
                hostPath('host-run', '/run'),
                hostPath('host-var-lib-cni-multus', '/var/lib/cni/multus'),
                hostPath('host-var-lib-kubelet', '/var/lib/kubelet'),
                hostPath('host-run-k8s-cni-cncf-io', '/run/k8s.cni.cncf.io'),
                hostPath('host-run-netns', '/run/netns/'),
                hostPath('multus-conf-dir', '/etc/cni/multus/net.d'),
              ],
            },
          },
        },
      },
      notes: [{ path: ['spec', 'template', 'spec', 'containers'], text: 'The daemon expects the CNI binary folder at the same path as on the node (/opt/cni/bin).' }],
    },
  ];
}

function whereaboutsKustomization(registry: string): string {
  return yamlFile([{
    comment: `whereabouts ${whereabouts.release}: cluster-wide IP address management for secondary networks.\n` +
      'Apply with: kubectl apply -k whereabouts/\n' +
      "Its install manifests use the :latest image; the images entry pins the release's tag.",
    value: {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      metadata: { name: 'whereabouts' },
      resources: [...whereabouts.manifestUrls],
      images: [{ name: whereabouts.imageName, ...(registry ? { newName: mirrored(whereabouts.imageName, registry) } : {}), newTag: whereabouts.release }],
    },
  }]);
}

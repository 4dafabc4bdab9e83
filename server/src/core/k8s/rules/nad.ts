// NetworkAttachmentDefinition: its CNI config (a JSON string) gets the full CNI checks, mapped
// into the YAML; an empty config delegates to a file on the node.
import { keyOrValue, property } from '../../common/json';
import { at, type K8sRule } from './context';
import { checkEmbeddedCni } from './embeddedCni';

export const checkNad: K8sRule = (ctx) => {
  const { resource } = ctx;
  const spec = property(resource.root, 'spec');
  const config = property(spec, 'config');
  const name = resource.name ?? '';
  if (!config || (config.type === 'string' && String(config.value).trim() === '') || config.type === 'null') {
    at(ctx, keyOrValue(config ?? spec ?? resource.kindNode ?? resource.root), 'info', 'k8s/nad-file-config',
      `No CNI config here: Multus uses the config file named "${name}" from its configuration folder on each node. Make sure that file exists on every node that runs pods using this network.`);
  } else if (config.type === 'string') {
    const cniName = checkEmbeddedCni(ctx, config, 'auto')?.name;
    if (cniName !== undefined && name && cniName !== name) {
      at(ctx, keyOrValue(config), 'hint', 'k8s/nad-name-mismatch', `The CNI network name "${cniName}" differs from the NetworkAttachmentDefinition name "${name}"; keeping them equal avoids confusion in logs and network-status.`);
    }
  }
  const resourceName = resource.annotations.get('k8s.v1.cni.cncf.io/resourceName');
  if (resourceName && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(resourceName.value)) {
    at(ctx, resourceName.node, 'error', 'k8s/invalid-resource-name', `"${resourceName.value}" is not a device-plugin resource name such as intel.com/sriov_netdevice (domain/name).`);
  }
};

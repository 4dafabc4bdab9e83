// A Multus NetworkAttachmentDefinition: a secondary network pods ask for by name.
import { attachmentConfig, type Attachment, type AttachmentPlugin, type IpamType } from './cniConfigs';
import type { ScaffoldResult } from './files';
import type { OptionValues } from './options';
import { jsonBlock, yamlFile, type YamlDoc } from './yamlText';

export function attachmentOf(o: OptionValues): Attachment {
  return {
    name: o.name,
    plugin: o.plugin as AttachmentPlugin,
    ipam: o.ipam as IpamType,
    master: o.master,
    bridge: o.bridge,
    vlanId: o.vlanId === undefined ? undefined : Number(o.vlanId),
    subnet: o.subnet,
  };
}

export function nadDocument(a: Attachment, namespace: string): YamlDoc {
  const request = namespace === 'default' ? a.name : `${namespace}/${a.name}`;
  return {
    comment: `A secondary network for pods, attached by Multus. A pod asks for it with the annotation\n  k8s.v1.cni.cncf.io/networks: ${request}`,
    value: {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name: a.name, namespace },
      spec: { config: jsonBlock(attachmentConfig(a)) },
    },
    notes: [{ path: ['spec', 'config'], text: configNotes(a).join('\n') }],
  };
}

function configNotes(a: Attachment): string[] {
  const notes: string[] = [];
  if (a.plugin === 'host-device') notes.push(`host-device moves ${a.master} from the node into the pod; the node cannot use it while the pod runs.`);
  else if (a.plugin !== 'bridge') notes.push(`${a.master} must exist on every node that runs pods with this network.`);
  else notes.push(`The bridge ${a.bridge} is created on each node if missing; connect it to a host interface for traffic beyond the node.`);
  switch (a.ipam) {
    case 'whereabouts': notes.push('whereabouts hands out addresses cluster-wide; it must be installed (cnikit scaffold multus --ipam whereabouts).'); break;
    case 'host-local': notes.push('host-local allocates on each node separately, so pods on two nodes can get the same address; whereabouts avoids that.'); break;
    case 'static': notes.push('Every pod on this network gets this one address. To choose addresses per pod, add "capabilities": {"ips": true}', 'to the plugin, drop "addresses", and list "ips" in each pod\'s networks annotation.'); break;
    case 'dhcp': notes.push('dhcp needs the CNI dhcp daemon running on every node (`dhcp daemon` from the CNI plugins)', `and a DHCP server on the network of ${a.plugin === 'bridge' ? a.bridge : a.master}.`); break;
  }
  return notes;
}

export function buildNad(o: OptionValues): ScaffoldResult {
  return { files: [{ path: `${o.name}.yaml`, content: yamlFile([nadDocument(attachmentOf(o), o.namespace)]), format: 'manifest' }] };
}

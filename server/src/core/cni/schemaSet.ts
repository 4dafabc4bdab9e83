// Every JSON Schema the CNI language service ships, imported so that esbuild inlines them:
// the server, the CLI and the tests all see the same schemas without file I/O.
// Add a new plugin schema here after writing it under schemas/plugins or schemas/ipam.
import type { JsonSchema } from '../common/jsonSchema';
import pluginCommon from '../../../../schemas/cni/plugin-common.schema.json';
import bandwidth from '../../../../schemas/plugins/bandwidth.schema.json';
import bridge from '../../../../schemas/plugins/bridge.schema.json';
import calico from '../../../../schemas/plugins/calico.schema.json';
import ciliumCni from '../../../../schemas/plugins/cilium-cni.schema.json';
import dummy from '../../../../schemas/plugins/dummy.schema.json';
import firewall from '../../../../schemas/plugins/firewall.schema.json';
import flannel from '../../../../schemas/plugins/flannel.schema.json';
import hostDevice from '../../../../schemas/plugins/host-device.schema.json';
import ipvlan from '../../../../schemas/plugins/ipvlan.schema.json';
import loopback from '../../../../schemas/plugins/loopback.schema.json';
import macvlan from '../../../../schemas/plugins/macvlan.schema.json';
import multus from '../../../../schemas/plugins/multus.schema.json';
import ovnK8sCniOverlay from '../../../../schemas/plugins/ovn-k8s-cni-overlay.schema.json';
import portmap from '../../../../schemas/plugins/portmap.schema.json';
import ptp from '../../../../schemas/plugins/ptp.schema.json';
import sbr from '../../../../schemas/plugins/sbr.schema.json';
import sriov from '../../../../schemas/plugins/sriov.schema.json';
import tap from '../../../../schemas/plugins/tap.schema.json';
import tuning from '../../../../schemas/plugins/tuning.schema.json';
import vlan from '../../../../schemas/plugins/vlan.schema.json';
import vrf from '../../../../schemas/plugins/vrf.schema.json';
import calicoIpam from '../../../../schemas/ipam/calico-ipam.schema.json';
import dhcp from '../../../../schemas/ipam/dhcp.schema.json';
import hostLocal from '../../../../schemas/ipam/host-local.schema.json';
import staticIpam from '../../../../schemas/ipam/static.schema.json';
import whereabouts from '../../../../schemas/ipam/whereabouts.schema.json';

export const commonPluginSchema: JsonSchema = pluginCommon as JsonSchema;

/** Interface, meta and third-party plugin schemas, keyed by nothing: the `title` is the plugin type. */
export const pluginSchemas: JsonSchema[] = [
  bandwidth,
  bridge,
  calico,
  ciliumCni,
  dummy,
  firewall,
  flannel,
  hostDevice,
  ipvlan,
  loopback,
  macvlan,
  multus,
  ovnK8sCniOverlay,
  portmap,
  ptp,
  sbr,
  sriov,
  tap,
  tuning,
  vlan,
  vrf,
] as JsonSchema[];

/** IPAM plugin schemas; the `title` is the value of `ipam.type`. */
export const ipamSchemas: JsonSchema[] = [
  calicoIpam,
  dhcp,
  hostLocal,
  staticIpam,
  whereabouts,
] as JsonSchema[];

export type { JsonSchema, PluginMeta } from '../common/jsonSchema';

// Calico IP pools: CIDR, block size and encapsulation rules from Calico's validation; the
// addresses in Calico policy rules; the Tigera operator's Installation (its IP pools, which the
// operator turns into IPPool objects, and the operator's own checks) and APIServer.
import { property, stringValue, type JsonNode } from '../../common/json';
import { formatNetwork, overlaps, parseCidr, parseIp, type Cidr } from '../../common/ip';
import type { SubnetFact } from '../summary';
import { items, nodeAt } from '../resource';
import { at, type K8sRule, type K8sRuleContext } from './context';

const linkLocal = [parseCidr('169.254.0.0/16')!, parseCidr('fe80::/10')!];
const blockSizes = { 4: { min: 20, max: 32, default: 26 }, 6: { min: 116, max: 128, default: 122 } } as const;

export const checkCalico: K8sRule = (ctx) => {
  if (ctx.def.kind === 'Installation') return checkInstallation(ctx);
  if (ctx.def.kind === 'APIServer') return checkApiServer(ctx);
  if (ctx.def.kind !== 'IPPool') return checkPolicy(ctx);
  const spec = property(ctx.resource.root, 'spec');
  const subnets: SubnetFact[] = [];
  // The operator labels the IPPools it creates from the Installation's ipPools (operator pkg/controller/ippool).
  const managed = ctx.resource.labels.get('app.kubernetes.io/managed-by') === 'tigera-operator';
  const names: Pick<SubnetFact, 'source' | 'calico'> = { source: `Calico IPPool ${ctx.resource.name ?? ''}`, ...(managed ? { calico: 'operator' } : {}) };
  const cidr = checkPool(ctx, spec, property(spec, 'blockSize'), property(spec, 'disabled')?.value === true, names, subnets);
  ctx.facts.subnets = subnets;
  if (!cidr) return;
  const ipip = property(spec, 'ipipMode');
  const vxlan = property(spec, 'vxlanMode');
  const enabled = (n: typeof ipip) => n?.value === 'Always' || n?.value === 'CrossSubnet';
  if (enabled(ipip) && enabled(vxlan)) at(ctx, vxlan!, 'error', 'calico/encapsulation', 'ipipMode and vxlanMode cannot both be enabled on one pool.');
  if (cidr.address.family === 6 && enabled(ipip)) at(ctx, ipip!, 'error', 'calico/encapsulation', 'IPIP is not supported on IPv6 pools; use vxlanMode.');
};

/**
 * The rules an IP pool's CIDR and block size share, in an IPPool and in an Installation's ipPools:
 * a CIDR without host bits, clear of link-local ranges, with a block size of its family that fits
 * inside it. Records the pool for the checks across files; returns the parsed CIDR.
 */
function checkPool(ctx: K8sRuleContext, pool: JsonNode | undefined, blockSize: JsonNode | undefined, disabled: boolean, names: Pick<SubnetFact, 'source' | 'pool' | 'calico'>, subnets: SubnetFact[]): Cidr | undefined {
  const cidrNode = property(pool, 'cidr');
  const cidr = parseCidr(stringValue(cidrNode) ?? '');
  if (cidrNode?.type === 'string' && !cidr) at(ctx, cidrNode, 'error', 'calico/invalid-cidr', `"${cidrNode.value}" is not a CIDR such as 192.168.0.0/16.`);
  if (!cidr || !cidrNode) return undefined;
  subnets.push({ cidr: String(cidrNode.value), span: { start: cidrNode.offset, end: cidrNode.offset + cidrNode.length }, ...names });
  if (cidr.address.value !== cidr.network) {
    const fixed = formatNetwork(cidr);
    at(ctx, cidrNode, 'error', 'calico/host-bits', `The pool CIDR has host bits set; Calico requires ${fixed}.`,
      [{ title: `Change to ${fixed}`, edits: [{ start: cidrNode.offset, end: cidrNode.offset + cidrNode.length, newText: fixed }], preferred: true }]);
  }
  if (linkLocal.some((l) => overlaps(l, cidr))) at(ctx, cidrNode, 'error', 'calico/link-local', 'An IP pool must not overlap the link-local range (169.254.0.0/16, fe80::/10).');
  const family = cidr.address.family;
  const range = blockSizes[family];
  let size: number = range.default;
  if (typeof blockSize?.value === 'number') {
    if (blockSize.value < range.min || blockSize.value > range.max) {
      // The schema allows 20-128 for both families; the family decides the real range.
      at(ctx, blockSize, 'error', 'calico/block-size', `The block size of an IPv${family} pool must be between ${range.min} and ${range.max} (default ${range.default}); ${blockSize.value} is rejected.`);
      return cidr;
    }
    size = blockSize.value;
  }
  if (cidr.prefix > size && !disabled) {
    at(ctx, cidrNode, 'error', 'calico/block-size', `The pool /${cidr.prefix} is smaller than one block (/${size}); use a larger pool or a larger blockSize.`);
  }
  return cidr;
}

const installationNames = ['default', 'overlay', 'tigera-secure'];
const ipip = ['IPIP', 'IPIPCrossSubnet'];
const vxlan = ['VXLAN', 'VXLANCrossSubnet'];

/**
 * The Installation: its pools as the operator validates them before creating IPPools (operator
 * pkg/controller/ippool/validation.go), and the CRD's own rules (name, one autodetection method).
 */
function checkInstallation(ctx: K8sRuleContext): void {
  const { resource } = ctx;
  if (resource.nameNode && resource.name !== undefined && !installationNames.includes(resource.name)) {
    at(ctx, resource.nameNode, 'error', 'calico/installation-name',
      `The Installation must be named "default" (or "overlay", merged over it): the API server rejects "${resource.name}".`,
      [{ title: 'Rename to default', edits: [{ start: resource.nameNode.offset, end: resource.nameNode.offset + resource.nameNode.length, newText: 'default' }], preferred: true }]);
  }
  const spec = property(resource.root, 'spec');
  const network = property(spec, 'calicoNetwork');
  const cni = stringValue(nodeAt(spec, ['cni', 'type']));
  const ipam = stringValue(nodeAt(spec, ['cni', 'ipam', 'type']));
  const bgpNode = property(network, 'bgp');
  const bgp = stringValue(bgpNode);
  const subnets: SubnetFact[] = [];
  const seenCidrs = new Map<string, JsonNode>();
  const seenNames = new Map<string, JsonNode>();
  const owner = `Calico Installation ${resource.name ?? ''}`;
  for (const [i, pool] of items(property(network, 'ipPools')).entries()) {
    if (pool.type !== 'object') continue;
    const nameNode = property(pool, 'name');
    const label = `pool ${stringValue(nameNode) ?? i + 1}`;
    const cidr = checkPool(ctx, pool, property(pool, 'blockSize'), false, { source: `${owner} (${label})`, pool: label, calico: 'installation' }, subnets);
    const cidrNode = property(pool, 'cidr');
    const written = stringValue(cidrNode);
    if (cidrNode && written !== undefined) {
      if (seenCidrs.has(written)) at(ctx, cidrNode, 'error', 'calico/duplicate-pool', `The pool ${written} is listed twice; the operator rejects the Installation.`);
      else seenCidrs.set(written, cidrNode);
    }
    const name = stringValue(nameNode);
    if (nameNode && name !== undefined) {
      if (seenNames.has(name)) at(ctx, nameNode, 'error', 'calico/duplicate-pool', `Another pool is already named "${name}"; the operator rejects the Installation.`);
      else seenNames.set(name, nameNode);
    }
    const encapsulationNode = property(pool, 'encapsulation');
    const encapsulation = stringValue(encapsulationNode);
    if (!encapsulationNode || encapsulation === undefined) continue;
    if (cidr?.address.family === 6 && ipip.includes(encapsulation)) {
      at(ctx, encapsulationNode, 'error', 'calico/encapsulation', `${encapsulation} is not supported on IPv6 pools; use VXLAN, VXLANCrossSubnet or None.`);
    } else if (cni !== undefined && cni !== 'Calico') {
      if (encapsulation !== 'None') at(ctx, encapsulationNode, 'error', 'calico/encapsulation', `With the ${cni} CNI plugin the pools carry no encapsulation: the operator accepts only None here.`);
    } else if (bgp === 'Disabled' && (ipip.includes(encapsulation) || (encapsulation === 'None' && cni === 'Calico' && (ipam === undefined || ipam === 'Calico')))) {
      at(ctx, encapsulationNode, 'error', 'calico/bgp-required',
        `${encapsulation === 'None' ? 'An unencapsulated pool' : `${encapsulation} encapsulation`} needs BGP to distribute routes, but calicoNetwork.bgp is Disabled; use VXLAN or enable BGP.`);
    } else if (ipam === 'HostLocal' && vxlan.includes(encapsulation)) {
      at(ctx, encapsulationNode, 'error', 'calico/encapsulation', `${encapsulation} does not work with HostLocal IPAM; the operator rejects it. Use IPIP, IPIPCrossSubnet or None, or Calico IPAM.`);
    }
    const selector = property(pool, 'nodeSelector');
    if (cni !== undefined && cni !== 'Calico' && selector?.type === 'string' && selector.value !== 'all()') {
      at(ctx, selector, 'error', 'calico/node-selector', `With the ${cni} CNI plugin every node uses the pools: the operator accepts only all() here.`);
    }
  }
  ctx.facts.subnets = subnets;
  if (bgpNode && bgp === 'Enabled' && cni !== undefined && cni !== 'Calico') {
    at(ctx, bgpNode, 'error', 'calico/bgp-required', `BGP is not supported with the ${cni} CNI plugin; the operator rejects the Installation.`);
  }
  for (const family of ['V4', 'V6']) {
    const detection = property(network, `nodeAddressAutodetection${family}`);
    const methods = (detection?.children ?? []).filter((p) => {
      const [key, value] = p.children ?? [];
      if (!key || !value) return false;
      if (key.value === 'firstFound') return value.value === true;
      if (key.value === 'kubernetes') return value.type !== 'null';
      if (['interface', 'skipInterface', 'canReach'].includes(String(key.value))) return typeof value.value === 'string' && value.value.length > 0;
      if (key.value === 'cidrs') return items(value).length > 0;
      return false;
    });
    for (const extra of methods.slice(1)) {
      at(ctx, extra.children![0], 'error', 'calico/autodetection',
        `Only one way of finding node addresses can be set; "${methods[0].children![0].value}" is already chosen, so the API server rejects this one.`);
    }
  }
}

/** The operator reconciles only the APIServer named default. */
function checkApiServer(ctx: K8sRuleContext): void {
  const { resource } = ctx;
  if (resource.nameNode && resource.name !== undefined && resource.name !== 'default') {
    at(ctx, resource.nameNode, 'warning', 'calico/apiserver-name', `The operator only acts on the APIServer named "default"; it ignores "${resource.name}".`,
      [{ title: 'Rename to default', edits: [{ start: resource.nameNode.offset, end: resource.nameNode.offset + resource.nameNode.length, newText: 'default' }], preferred: true }]);
  }
}

/** NetworkPolicy and GlobalNetworkPolicy: each entry of nets and notNets is a CIDR or a single address. */
function checkPolicy(ctx: K8sRuleContext): void {
  const spec = property(ctx.resource.root, 'spec');
  for (const direction of ['ingress', 'egress']) {
    for (const rule of items(property(spec, direction))) {
      for (const side of ['source', 'destination']) {
        const entity = property(rule, side);
        for (const key of ['nets', 'notNets']) for (const net of items(property(entity, key))) checkNet(ctx, net);
      }
    }
  }
}

function checkNet(ctx: K8sRuleContext, node: JsonNode): void {
  if (node.type !== 'string') return;
  const value = String(node.value);
  if (!parseCidr(value) && !parseIp(value)) at(ctx, node, 'error', 'calico/invalid-cidr', `"${value}" is not a CIDR such as 10.0.0.0/8 (or a single address); Calico rejects the policy.`);
}

// Calico IP pools: CIDR, block size and encapsulation rules from Calico's validation; the
// addresses in Calico policy rules.
import { property, stringValue, type JsonNode } from '../../common/json';
import { formatNetwork, overlaps, parseCidr, parseIp } from '../../common/ip';
import { items } from '../resource';
import { at, type K8sRule, type K8sRuleContext } from './context';

const linkLocal = [parseCidr('169.254.0.0/16')!, parseCidr('fe80::/10')!];

export const checkCalico: K8sRule = (ctx) => {
  if (ctx.def.kind !== 'IPPool') return checkPolicy(ctx);
  const spec = property(ctx.resource.root, 'spec');
  const cidrNode = property(spec, 'cidr');
  const cidr = parseCidr(stringValue(cidrNode) ?? '');
  if (cidrNode?.type === 'string' && !cidr) at(ctx, cidrNode, 'error', 'calico/invalid-cidr', `"${cidrNode.value}" is not a CIDR such as 192.168.0.0/16.`);
  if (!cidr || !cidrNode) return;
  ctx.facts.subnets = [{ cidr: String(cidrNode.value), span: { start: cidrNode.offset, end: cidrNode.offset + cidrNode.length }, source: `Calico IPPool ${ctx.resource.name ?? ''}` }];
  if (cidr.address.value !== cidr.network) {
    const fixed = formatNetwork(cidr);
    at(ctx, cidrNode, 'error', 'calico/host-bits', `The pool CIDR has host bits set; Calico requires ${fixed}.`,
      [{ title: `Change to ${fixed}`, edits: [{ start: cidrNode.offset, end: cidrNode.offset + cidrNode.length, newText: fixed }], preferred: true }]);
  }
  if (linkLocal.some((l) => overlaps(l, cidr))) at(ctx, cidrNode, 'error', 'calico/link-local', 'An IP pool must not overlap the link-local range (169.254.0.0/16, fe80::/10).');
  const v6 = cidr.address.family === 6;
  const blockSize = property(spec, 'blockSize');
  const size = typeof blockSize?.value === 'number' ? blockSize.value : v6 ? 122 : 26;
  if (cidr.prefix > size && property(spec, 'disabled')?.value !== true) {
    at(ctx, cidrNode, 'error', 'calico/block-size', `The pool /${cidr.prefix} is smaller than one block (/${size}); use a larger pool or a larger blockSize.`);
  }
  const ipip = property(spec, 'ipipMode');
  const vxlan = property(spec, 'vxlanMode');
  const enabled = (n: typeof ipip) => n?.value === 'Always' || n?.value === 'CrossSubnet';
  if (enabled(ipip) && enabled(vxlan)) at(ctx, vxlan!, 'error', 'calico/encapsulation', 'ipipMode and vxlanMode cannot both be enabled on one pool.');
  if (v6 && enabled(ipip)) at(ctx, ipip!, 'error', 'calico/encapsulation', 'IPIP is not supported on IPv6 pools; use vxlanMode.');
};

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

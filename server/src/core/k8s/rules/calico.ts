// Calico IP pools: CIDR, block size and encapsulation rules from Calico's validation.
import { property, stringValue } from '../../common/json';
import { formatNetwork, overlaps, parseCidr } from '../../common/ip';
import { at, type K8sRule } from './context';

const linkLocal = [parseCidr('169.254.0.0/16')!, parseCidr('fe80::/10')!];

export const checkCalico: K8sRule = (ctx) => {
  if (ctx.def.kind !== 'IPPool') return;
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

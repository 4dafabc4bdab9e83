// NetworkPolicy rules beyond the schema: peers, CIDRs and except blocks, port ranges, and
// policies whose effect differs from what they seem to say.
import { keyOrValue, property, stringValue, type JsonNode } from '../../common/json';
import { contains, formatNetwork, parseCidr } from '../../common/ip';
import { items } from '../resource';
import { at, firstNullKey, nullNote, setProperty, type K8sRule, type K8sRuleContext } from './context';

export const checkNetworkPolicy: K8sRule = (ctx) => {
  const spec = property(ctx.resource.root, 'spec');
  if (spec?.type !== 'object') return;
  for (const [direction, peersKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
    for (const rule of items(property(spec, direction))) {
      for (const peer of items(property(rule, peersKey))) checkPeer(ctx, peer);
      for (const port of items(property(rule, 'ports'))) checkPort(ctx, port);
    }
  }
  // A null policyTypes is unset (the defaults apply), and null rules are no rules.
  const policyTypes = setProperty(spec, 'policyTypes');
  const types = items(policyTypes).map((n) => n.value);
  // A null egress still gets the warning below: it looks like "deny egress" but is no rules at all.
  const egress = property(spec, 'egress');
  if (egress && egress.type !== 'null' && policyTypes && !types.includes('Egress')) {
    at(ctx, keyOrValue(egress), 'warning', 'k8s/policy-ignored-rules', 'These egress rules have no effect: policyTypes does not include Egress.');
  }
  const ingress = setProperty(spec, 'ingress');
  if (ingress && policyTypes && !types.includes('Ingress')) {
    at(ctx, keyOrValue(ingress), 'warning', 'k8s/policy-ignored-rules', 'These ingress rules have no effect: policyTypes does not include Ingress.');
  }
  if (egress && items(egress).length === 0 && !policyTypes) {
    at(ctx, keyOrValue(egress), 'warning', 'k8s/policy-egress-not-denied',
      'An empty egress list without policyTypes does not deny egress: the policy type defaults to Ingress only. Add policyTypes: [Ingress, Egress] (or [Egress]).');
  }
};

function checkPeer(ctx: K8sRuleContext, peer: JsonNode): void {
  const ipBlock = setProperty(peer, 'ipBlock');
  const selectors = ['podSelector', 'namespaceSelector'].filter((k) => setProperty(peer, k));
  if (!ipBlock && selectors.length === 0 && peer.type === 'object') {
    const nullKey = firstNullKey(peer, ['podSelector', 'namespaceSelector', 'ipBlock']);
    at(ctx, nullKey ?? peer, 'error', 'k8s/policy-peer', `${nullNote(nullKey)}A peer must set podSelector, namespaceSelector or ipBlock${nullKey ? ' ({} selects everything)' : ''}.`);
  }
  if (ipBlock && selectors.length) {
    at(ctx, keyOrValue(ipBlock), 'error', 'k8s/policy-peer', `ipBlock cannot be combined with ${selectors.join(' or ')} in the same peer; make them separate peers.`);
  }
  const cidrNode = property(ipBlock, 'cidr');
  const cidr = parseCidr(stringValue(cidrNode) ?? '');
  if (cidrNode?.type === 'string' && !cidr) at(ctx, cidrNode, 'error', 'k8s/invalid-cidr', `"${cidrNode.value}" is not a CIDR such as 10.0.0.0/8.`);
  for (const except of items(property(ipBlock, 'except'))) {
    const inner = parseCidr(stringValue(except) ?? '');
    if (!inner) {
      at(ctx, except, 'error', 'k8s/invalid-cidr', `"${except.value}" is not a CIDR such as 10.1.0.0/16.`);
    } else if (cidr && !(contains(cidr, { family: inner.address.family, value: inner.network }) && inner.prefix > cidr.prefix)) {
      at(ctx, except, 'error', 'k8s/policy-except', `except ${except.value} must lie strictly inside the ipBlock's cidr ${formatNetwork(cidr)}.`);
    }
  }
}

function checkPort(ctx: K8sRuleContext, port: JsonNode): void {
  const endPort = property(port, 'endPort');
  if (!endPort) return;
  const number = property(port, 'port');
  if (!number || number.type !== 'number') {
    at(ctx, keyOrValue(endPort), 'error', 'k8s/policy-end-port', 'endPort needs a numeric port (the start of the range); it cannot follow a named port.');
  } else if (typeof endPort.value === 'number' && endPort.value < Number(number.value)) {
    at(ctx, endPort, 'error', 'k8s/policy-end-port', `endPort ${endPort.value} is below port ${number.value}.`);
  }
}

// Cilium policies: the selector a rule applies to, CIDR peers, and FQDN rules.
import { keyOrValue, property, stringValue, type JsonNode } from '../../common/json';
import { contains, parseCidr } from '../../common/ip';
import { items } from '../resource';
import { at, firstNullKey, nullNote, setProperty, type K8sRule, type K8sRuleContext } from './context';

const l3Peers = ['toEndpoints', 'toCIDR', 'toCIDRSet', 'toEntities', 'toServices', 'toGroups', 'toNodes'];

export const checkCilium: K8sRule = (ctx) => {
  const root = ctx.resource.root;
  const specs = [property(root, 'spec'), ...items(property(root, 'specs'))].filter((s): s is JsonNode => s?.type === 'object');
  if (specs.length === 0 && ctx.resource.kindNode) at(ctx, ctx.resource.kindNode, 'error', 'k8s/missing-key', `A ${ctx.def.kind} needs spec or specs.`);
  for (const spec of specs) checkRule(ctx, spec);
};

function checkRule(ctx: K8sRuleContext, rule: JsonNode): void {
  // Cilium reads a null selector as none: it rejects a rule without one and ignores a null one.
  const endpoint = setProperty(rule, 'endpointSelector');
  const node = setProperty(rule, 'nodeSelector');
  const clusterwide = ctx.def.kind === 'CiliumClusterwideNetworkPolicy';
  if (!endpoint && !node) {
    const nullKey = firstNullKey(rule, clusterwide ? ['endpointSelector', 'nodeSelector'] : ['endpointSelector']);
    at(ctx, nullKey ?? keyOrValue(rule), 'error', 'cilium/selector',
      `${nullNote(nullKey)}A rule needs ${clusterwide ? 'endpointSelector or nodeSelector' : 'endpointSelector'}${nullKey ? ': give it a selector ({} matches everything)' : ''}.`);
  }
  if (endpoint && node) at(ctx, keyOrValue(node), 'error', 'cilium/selector', 'Set endpointSelector or nodeSelector, not both.');
  if (node && !clusterwide) at(ctx, keyOrValue(node), 'error', 'cilium/selector', 'nodeSelector is only allowed in a CiliumClusterwideNetworkPolicy.');
  for (const direction of ['ingress', 'ingressDeny', 'egress', 'egressDeny']) {
    for (const section of items(property(rule, direction))) {
      for (const key of ['fromCIDR', 'toCIDR']) {
        for (const cidr of items(property(section, key))) checkCidr(ctx, cidr);
      }
      for (const key of ['fromCIDRSet', 'toCIDRSet']) {
        for (const set of items(property(section, key))) checkCidrSet(ctx, set);
      }
      for (const portRule of items(property(section, 'toPorts'))) checkKafka(ctx, setProperty(property(portRule, 'rules'), 'kafka'));
      const fqdns = setProperty(section, 'toFQDNs');
      const others = l3Peers.filter((k) => setProperty(section, k));
      if (fqdns && others.length) {
        at(ctx, keyOrValue(fqdns), 'error', 'cilium/fqdn-combined', `toFQDNs cannot be combined with ${others.join(', ')} in the same egress rule; write a separate rule.`);
      }
    }
  }
}

/** Kafka L7 rules went with proxylib: deprecated in Cilium 1.18, gone from the CRDs in 1.20. */
function checkKafka(ctx: K8sRuleContext, kafka: JsonNode | undefined): void {
  if (!kafka) return;
  at(ctx, keyOrValue(kafka), 'warning', 'cilium/deprecated',
    'Kafka rules are deprecated since Cilium 1.18 and removed in 1.20, whose CRD rejects them; on 1.20 and later move this to a CiliumEnvoyConfig, or keep an L4 rule on the port.');
}

function checkCidr(ctx: K8sRuleContext, node: JsonNode): void {
  if (node.type === 'string' && !parseCidr(String(node.value)) && !/^[0-9a-fA-F.:]+$/.test(String(node.value))) {
    at(ctx, node, 'error', 'cilium/invalid-cidr', `"${node.value}" is not a CIDR such as 10.0.0.0/8.`);
  }
}

function checkCidrSet(ctx: K8sRuleContext, set: JsonNode): void {
  const cidrNode = property(set, 'cidr');
  if (cidrNode) checkCidr(ctx, cidrNode);
  const cidr = parseCidr(stringValue(cidrNode) ?? '');
  for (const except of items(property(set, 'except'))) {
    const inner = parseCidr(stringValue(except) ?? '');
    if (cidr && inner && !contains(cidr, { family: inner.address.family, value: inner.network })) {
      at(ctx, except, 'error', 'cilium/invalid-cidr', `except ${except.value} is not inside ${cidrNode!.value}.`);
    }
  }
}

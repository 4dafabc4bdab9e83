// flannel's ConfigMap: cni-conf.json is a CNI config list, net-conf.json flanneld's own config.
import { finding } from '../../common/findings';
import { parseJson, propertyLoose, stringValue, type JsonNode } from '../../common/json';
import { checkAgainstSchema, type Dialect } from '../../common/schemaCheck';
import { formatNetwork, parseCidr } from '../../common/ip';
import type { JsonSchema } from '../../common/jsonSchema';
import netConfSchema from '../../../../../schemas/flannel/net-conf.schema.json';
import { property } from '../../common/json';
import { embed, mapFindings } from '../embedded';
import type { Finding } from '../../common/findings';
import type { K8sRule, K8sRuleContext } from './context';
import { checkEmbeddedCni } from './embeddedCni';

const flannelDialect: Dialect = { prefix: 'flannel', caseInsensitiveKeys: true, warnNull: true, unknownKeySeverity: 'warning', rejection: 'fails to start (flanneld)' };

export const checkFlannelConfigMap: K8sRule = (ctx) => {
  const data = property(ctx.resource.root, 'data');
  const cni = property(data, 'cni-conf.json');
  if (cni?.type === 'string') checkEmbeddedCni(ctx, cni, 'list');
  const net = property(data, 'net-conf.json');
  if (net?.type === 'string') checkNetConf(ctx, net);
};

function checkNetConf(ctx: K8sRuleContext, node: JsonNode): void {
  const mapping = embed(ctx.text, node);
  const parsed = parseJson(mapping?.text ?? String(node.value));
  const found: Finding[] = parsed.problems.map((p) => ({ ...p, code: 'flannel/json-syntax', message: p.message.replace('CNI plugins read', 'flanneld reads') }));
  const root = parsed.root;
  if (root?.type === 'object') {
    const schema = netConfSchema as JsonSchema;
    checkAgainstSchema(root, { schema, validate: ctx.k8s.compile(schema) }, { dialect: flannelDialect, owner: 'flanneld', reportUnknownKeys: true }, (f) => found.push(f));
    checkNetConfRules(root, found);
    const network = propertyLoose(root, 'Network');
    if (network?.type === 'string') {
      const at = mapping ? { start: mapping.toSource(network.offset), end: mapping.toSource(network.offset + network.length - 1) + 1 } : { start: node.offset, end: node.offset + node.length };
      ctx.facts.subnets = [...(ctx.facts.subnets ?? []), { cidr: String(network.value), span: at, source: `flannel Network (${ctx.resource.namespace ?? 'default'}/${ctx.resource.name ?? ''})` }];
    }
  }
  for (const f of mapFindings(found, node, mapping)) ctx.report(f);
  ctx.embed({ language: 'flannel-net-conf', node, mapping });
}

function checkNetConfRules(root: JsonNode, found: Finding[]): void {
  const add = (n: JsonNode, severity: Finding['severity'], code: string, message: string) => found.push(finding(n.offset, n.offset + n.length, severity, code, message));
  const ipv4 = propertyLoose(root, 'EnableIPv4')?.value !== false;
  const network = propertyLoose(root, 'Network');
  if (ipv4 && !network) add(root, 'error', 'flannel/missing-key', 'Missing "Network": flanneld needs the cluster\'s IPv4 pod network (or set EnableIPv4 to false).');
  const cidr = parseCidr(stringValue(network) ?? '');
  if (network && cidr && cidr.address.value !== cidr.network) add(network, 'warning', 'flannel/host-bits', `Network has host bits set; flannel uses ${formatNetwork(cidr)}.`);
  const subnetLen = propertyLoose(root, 'SubnetLen');
  if (cidr && typeof subnetLen?.value === 'number' && subnetLen.value < cidr.prefix + 2) {
    add(subnetLen, 'error', 'flannel/subnet-len', `SubnetLen ${subnetLen.value} leaves too few node subnets in /${cidr.prefix}: it must be at least ${cidr.prefix + 2}.`);
  }
  if (propertyLoose(root, 'EnableIPv6')?.value === true && !propertyLoose(root, 'IPv6Network')) {
    add(propertyLoose(root, 'EnableIPv6')!, 'error', 'flannel/missing-key', 'EnableIPv6 needs IPv6Network.');
  }
  const backend = propertyLoose(root, 'Backend');
  if (!backend || !propertyLoose(backend, 'Type')) {
    add(backend ?? root, 'warning', 'flannel/default-backend', 'No Backend Type: flanneld then uses udp, its slowest backend (not vxlan, as its docs suggest). Set "Backend": {"Type": "vxlan"}.');
  }
}

// The Multus networks annotation (k8s.v1.cni.cncf.io/networks) on a pod or pod template: the
// short form "ns/name@ifname, ..." or a JSON list, checked as Multus parses them.
import { finding, type Finding } from '../../common/findings';
import { parseJson, propertyLoose, stringValue, type JsonNode } from '../../common/json';
import { checkAgainstSchema, type Dialect } from '../../common/schemaCheck';
import { parseCidr, parseIp } from '../../common/ip';
import type { JsonSchema } from '../../common/jsonSchema';
import networksSchema from '../../../../../schemas/multus/networks-annotation.schema.json';
import { dns1123Label } from '../names';
import { embed, mapFindings } from '../embedded';
import type { K8sRuleContext } from './context';

export const networksAnnotation = 'k8s.v1.cni.cncf.io/networks';

const multusDialect: Dialect = { prefix: 'multus', caseInsensitiveKeys: true, warnNull: false, unknownKeySeverity: 'warning', rejection: 'rejects the pod (it stays in ContainerCreating)' };

/** One network a pod asks for, wherever it was written. */
export interface NetworkRequest {
  name: string;
  namespace?: string;
  /** Where the name stands in the document, for navigation and cross-file checks. */
  start: number;
  end: number;
}

export function checkNetworksAnnotation(ctx: K8sRuleContext, annotations: Map<string, { value: string; node: JsonNode; keyNode: JsonNode }>): NetworkRequest[] {
  const entry = annotations.get(networksAnnotation);
  const status = annotations.get('k8s.v1.cni.cncf.io/network-status') ?? annotations.get('k8s.v1.cni.cncf.io/networks-status');
  if (status) {
    ctx.report(finding(status.keyNode.offset, status.keyNode.offset + status.keyNode.length, 'info', 'multus/status-annotation',
      'Multus writes this annotation when the pod starts; a value set here is replaced.'));
  }
  if (!entry) return [];
  const mapping = embed(ctx.text, entry.node);
  const text = mapping?.text ?? entry.value;
  const found: Finding[] = [];
  const requests = /[[{"]/.test(text) ? checkJsonForm(ctx, text, found) : checkShortForm(text, found);
  for (const f of mapFindings(found, entry.node, mapping)) ctx.report(f);
  if (/[[{"]/.test(text)) ctx.embed({ language: 'multus-networks', node: entry.node, mapping });
  return requests.map((r) => ({ ...r, start: mapping ? mapping.toSource(r.start) : entry.node.offset, end: mapping ? mapping.toSource(r.end - 1) + 1 : entry.node.offset + entry.node.length }));
}

function checkShortForm(text: string, report: Finding[]): NetworkRequest[] {
  const requests: NetworkRequest[] = [];
  let offset = 0;
  for (const raw of text.split(',')) {
    const lead = raw.length - raw.trimStart().length;
    const item = raw.trim();
    const start = offset + lead;
    offset += raw.length + 1;
    if (!item) {
      if (text.trim()) report.push(finding(start, start + 1, 'error', 'multus/invalid-network', 'Empty entry in the networks list: remove the extra comma.'));
      continue;
    }
    const end = start + item.length;
    const bad = (message: string) => report.push(finding(start, end, 'error', 'multus/invalid-network', message));
    if ((item.match(/\//g) ?? []).length > 1) { bad(`"${item}" has more than one "/": write namespace/name@interface.`); continue; }
    if ((item.match(/@/g) ?? []).length > 1) { bad(`"${item}" has more than one "@": write namespace/name@interface.`); continue; }
    const [path, ifname] = item.split('@');
    const [namespace, name] = path.includes('/') ? path.split('/') : [undefined, path];
    const nameStart = start + (namespace !== undefined ? namespace.length + 1 : 0);
    checkNetworkName(name, nameStart, report);
    if (namespace !== undefined) checkNamespace(namespace, start, report);
    if (ifname !== undefined) checkInterfaceName(ifname, start + path.length + 1, report);
    requests.push({ name, namespace, start: nameStart, end: nameStart + Math.max(name.length, 1) });
  }
  return requests;
}

function checkJsonForm(ctx: K8sRuleContext, text: string, report: Finding[]): NetworkRequest[] {
  const parsed = parseJson(text);
  report.push(...parsed.problems.map((p) => ({ ...p, code: 'multus/json-syntax', message: p.message.replace('CNI plugins read', 'Multus reads') })));
  const root = parsed.root;
  if (!root) return [];
  if (root.type !== 'array') {
    report.push(finding(root.offset, root.offset + root.length, 'error', 'multus/invalid-network', 'The JSON form of the networks annotation must be a list of objects: [{"name": "..."}].'));
    return [];
  }
  const schema = networksSchema as JsonSchema;
  checkAgainstSchema(root, { schema, validate: ctx.k8s.compile(schema) }, { dialect: multusDialect, owner: 'Multus', reportUnknownKeys: true }, (f) => report.push(f));
  const requests: NetworkRequest[] = [];
  for (const item of root.children ?? []) {
    const nameNode = propertyLoose(item, 'name');
    const name = stringValue(nameNode);
    if (name !== undefined && nameNode) {
      checkNetworkName(name, nameNode.offset + 1, report);
      requests.push({ name, namespace: stringValue(propertyLoose(item, 'namespace')), start: nameNode.offset + 1, end: nameNode.offset + 1 + name.length });
    }
    const namespace = propertyLoose(item, 'namespace');
    if (namespace?.type === 'string') checkNamespace(String(namespace.value), namespace.offset + 1, report);
    const ifname = propertyLoose(item, 'interface');
    if (ifname?.type === 'string') checkInterfaceName(String(ifname.value), ifname.offset + 1, report);
    for (const ip of arrayItems(propertyLoose(item, 'ips'))) {
      if (ip.type === 'string' && !parseIp(String(ip.value)) && !parseCidr(String(ip.value))) {
        report.push(finding(ip.offset, ip.offset + ip.length, 'error', 'multus/invalid-address', `"${ip.value}" is neither an IP address nor a CIDR; Multus rejects the pod.`));
      }
    }
    const ipsNode = propertyLoose(item, 'ips');
    const claim = propertyLoose(item, 'ipam-claim-reference');
    if (claim && ipsNode) report.push(finding(claim.offset, claim.offset + claim.length, 'error', 'multus/invalid-network', 'ipam-claim-reference cannot be combined with ips.'));
  }
  const defaultRoutes = (root.children ?? []).filter((i) => propertyLoose(i, 'default-route'));
  for (const extra of defaultRoutes.slice(1)) {
    const node = propertyLoose(extra, 'default-route')!;
    report.push(finding(node.offset, node.offset + node.length, 'error', 'multus/invalid-network', 'Only one attachment may set default-route.'));
  }
  return requests;
}

function arrayItems(node: JsonNode | undefined): JsonNode[] {
  return node?.type === 'array' ? node.children ?? [] : [];
}

function checkNetworkName(name: string, start: number, report: Finding[]): void {
  const problem = name ? dns1123Label(name) : 'is empty';
  if (problem) report.push(finding(start, start + Math.max(name.length, 1), 'error', 'multus/invalid-network', `The network name "${name}" ${problem}; NetworkAttachmentDefinition names are DNS labels.`));
}

function checkNamespace(namespace: string, start: number, report: Finding[]): void {
  const problem = namespace ? dns1123Label(namespace) : 'is empty';
  if (problem) report.push(finding(start, start + Math.max(namespace.length, 1), 'error', 'multus/invalid-network', `The namespace "${namespace}" ${problem}.`));
}

function checkInterfaceName(ifname: string, start: number, report: Finding[]): void {
  const end = start + Math.max(ifname.length, 1);
  if (!ifname || ifname.length > 15 || /[\s/:]/.test(ifname) || ifname === '.' || ifname === '..') {
    report.push(finding(start, end, 'error', 'multus/invalid-interface',
      `"${ifname}" is not a valid interface name: at most 15 characters, without spaces, "/" or ":". Multus rejects the pod.`));
  } else if (dns1123Label(ifname)) {
    report.push(finding(start, end, 'warning', 'multus/invalid-interface',
      `"${ifname}" is a valid Linux name, but the admission webhook of the network-attachment-definition client requires lower-case letters, digits and '-'.`));
  }
}

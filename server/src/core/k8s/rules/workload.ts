// The networking parts of workloads: container ports, host networking, DNS settings and the
// Multus networks annotation on the pod template.
import { keyOrValue, property, stringValue, type JsonNode } from '../../common/json';
import { parseIp } from '../../common/ip';
import { ianaServiceName } from '../names';
import { annotationsOf, items, nodeAt } from '../resource';
import { at, type K8sRule, type K8sRuleContext } from './context';
import { checkNetworksAnnotation } from './multusNetworks';

export const checkWorkload: K8sRule = (ctx) => {
  const template = ctx.def.podTemplate;
  if (!template) return;
  const metadata = nodeAt(ctx.resource.root, template.metadata);
  const spec = nodeAt(ctx.resource.root, template.spec);
  if (metadata?.type === 'object') {
    const requests = checkNetworksAnnotation(ctx, annotationsOf(metadata));
    ctx.facts.networks = requests.map((r) => ({ name: r.name, namespace: r.namespace, span: { start: r.start, end: r.end } }));
  }
  if (spec?.type !== 'object' || ctx.factsOnly) return;
  checkPorts(ctx, spec);
  checkDns(ctx, spec);
};

function checkPorts(ctx: K8sRuleContext, spec: JsonNode): void {
  const hostNetwork = property(spec, 'hostNetwork')?.value === true;
  const names = new Map<string, JsonNode>();
  for (const list of ['initContainers', 'containers']) {
    for (const container of items(property(spec, list))) {
      for (const port of items(property(container, 'ports'))) {
        const nameNode = property(port, 'name');
        const name = stringValue(nameNode);
        if (name !== undefined && nameNode) {
          const problem = ianaServiceName(name);
          if (problem) at(ctx, nameNode, 'error', 'k8s/invalid-port-name', `The port name "${name}" ${problem} (IANA service name rules, so that Services can target it by name).`);
          else if (names.has(name)) at(ctx, nameNode, 'error', 'k8s/duplicate-port', `Another container port in this pod is already named "${name}".`);
          names.set(name, nameNode);
        }
        const hostPort = property(port, 'hostPort');
        const containerPort = property(port, 'containerPort');
        if (hostNetwork && hostPort && containerPort && hostPort.value !== containerPort.value) {
          at(ctx, hostPort, 'error', 'k8s/host-port', `With hostNetwork the hostPort must equal the containerPort (${containerPort.value}).`);
        }
      }
    }
  }
}

function checkDns(ctx: K8sRuleContext, spec: JsonNode): void {
  const policyNode = property(spec, 'dnsPolicy');
  const policy = stringValue(policyNode) ?? 'ClusterFirst';
  const dnsConfig = property(spec, 'dnsConfig');
  const nameservers = items(property(dnsConfig, 'nameservers'));
  // At most 3 nameservers and 32 search domains: the schema says so.
  if (policy === 'None' && nameservers.length === 0) {
    at(ctx, keyOrValue(dnsConfig ?? policyNode!), 'error', 'k8s/dns-config', 'dnsPolicy None needs dnsConfig with at least one nameserver.');
  }
  for (const server of nameservers) {
    if (server.type === 'string' && !parseIp(String(server.value))) at(ctx, server, 'error', 'k8s/invalid-address', `"${server.value}" is not an IP address.`);
  }
  const hostNetwork = property(spec, 'hostNetwork');
  if (hostNetwork?.value === true && policy === 'ClusterFirst') {
    at(ctx, policyNode ?? keyOrValue(hostNetwork), 'hint', 'k8s/host-network-dns',
      'With hostNetwork, dnsPolicy ClusterFirst falls back to the node\'s resolver, so cluster names do not resolve. Use ClusterFirstWithHostNet if the pod needs them.');
  }
}

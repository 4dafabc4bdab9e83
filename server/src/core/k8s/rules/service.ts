// Service rules the schema cannot express: port names, node ports, traffic policies, headless
// and ExternalName Services (the API server's cross-field validation).
import { keyOrValue, property, stringValue, type JsonNode } from '../../common/json';
import { parseCidr } from '../../common/ip';
import { dns1123Label, dns1123Subdomain, ianaServiceName } from '../names';
import { items } from '../resource';
import { at, firstNullKey, nonZeroProperty, nullNote, setProperty, type K8sRule, type K8sRuleContext } from './context';

export const checkService: K8sRule = (ctx) => {
  const spec = property(ctx.resource.root, 'spec');
  if (spec?.type !== 'object') return;
  const type = stringValue(property(spec, 'type')) ?? 'ClusterIP';
  const clusterIP = property(spec, 'clusterIP');
  const headless = clusterIP?.value === 'None';
  const ports = items(property(spec, 'ports'));
  const externallyAccessible = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && items(property(spec, 'externalIPs')).length > 0);

  if (ports.length === 0 && !headless && type !== 'ExternalName') {
    at(ctx, keyOrValue(property(spec, 'ports') ?? spec), 'error', 'k8s/service-ports', `A ${type} Service needs at least one port (only headless and ExternalName Services may have none).`);
  }
  checkPorts(ctx, ports, type);
  if (headless && type !== 'ClusterIP' && clusterIP) {
    at(ctx, clusterIP, 'error', 'k8s/service-headless', `clusterIP: None (headless) is only allowed for type ClusterIP, not ${type}.`);
  }
  if (type === 'ExternalName') {
    const name = setProperty(spec, 'externalName');
    if (!name) {
      const nullKey = firstNullKey(spec, ['externalName']);
      at(ctx, nullKey ?? keyOrValue(property(spec, 'type')!), 'error', 'k8s/missing-key', `${nullNote(nullKey)}An ExternalName Service needs spec.externalName (the DNS name it aliases).`);
    } else if (name.type === 'string') {
      const problem = dns1123Subdomain(String(name.value).replace(/\.$/, ''));
      if (problem) at(ctx, name, 'error', 'k8s/invalid-name', `externalName must be a DNS name: it ${problem}.`);
    }
    if (clusterIP && clusterIP.value !== '') at(ctx, clusterIP, 'error', 'k8s/service-cluster-ip', 'An ExternalName Service has no cluster IP: remove clusterIP.');
  }
  // The API server compares these fields with their zero value (validation.go), or with nil for pointers.
  const policy = nonZeroProperty(spec, 'externalTrafficPolicy');
  if (policy && !externallyAccessible) {
    at(ctx, keyOrValue(policy), 'error', 'k8s/service-traffic-policy',
      `externalTrafficPolicy only applies to NodePort and LoadBalancer Services (or ClusterIP ones with externalIPs); the API server rejects it on this ${type} Service.`);
  }
  const healthCheck = nonZeroProperty(spec, 'healthCheckNodePort');
  if (healthCheck && !(type === 'LoadBalancer' && policy?.value === 'Local')) {
    at(ctx, keyOrValue(healthCheck), 'error', 'k8s/service-traffic-policy', 'healthCheckNodePort is only allowed for LoadBalancer Services with externalTrafficPolicy: Local.');
  }
  for (const key of ['loadBalancerSourceRanges', 'loadBalancerClass', 'allocateLoadBalancerNodePorts']) {
    const node = key === 'loadBalancerSourceRanges' ? nonZeroProperty(spec, key) : setProperty(spec, key);
    if (node && type !== 'LoadBalancer') at(ctx, keyOrValue(node), 'error', 'k8s/service-load-balancer', `${key} is only allowed for LoadBalancer Services.`);
  }
  for (const range of items(property(spec, 'loadBalancerSourceRanges'))) {
    if (range.type === 'string' && !parseCidr(String(range.value).trim())) at(ctx, range, 'error', 'k8s/invalid-cidr', `"${range.value}" is not a CIDR such as 203.0.113.0/24.`);
  }
  const affinity = stringValue(property(spec, 'sessionAffinity')) ?? 'None';
  const affinityConfig = setProperty(spec, 'sessionAffinityConfig');
  if (affinityConfig && affinity === 'None') at(ctx, keyOrValue(affinityConfig), 'error', 'k8s/service-affinity', 'sessionAffinityConfig needs sessionAffinity: ClientIP.');
};

function checkPorts(ctx: K8sRuleContext, ports: JsonNode[], type: string): void {
  const names = new Map<string, JsonNode>();
  const pairs = new Set<string>();
  for (const port of ports) {
    const nameNode = property(port, 'name');
    const name = stringValue(nameNode);
    if (ports.length > 1 && !name) {
      at(ctx, keyOrValue(property(port, 'port') ?? port), 'error', 'k8s/service-port-name', 'Every port needs a name when a Service has more than one port.');
    }
    if (name !== undefined && nameNode) {
      const problem = dns1123Label(name);
      if (problem) at(ctx, nameNode, 'error', 'k8s/invalid-port-name', `The port name "${name}" ${problem}.`);
      if (names.has(name)) at(ctx, nameNode, 'error', 'k8s/duplicate-port', `Another port is already named "${name}": port names must be unique.`);
      names.set(name, nameNode);
    }
    const number = property(port, 'port');
    const protocol = stringValue(property(port, 'protocol')) ?? 'TCP';
    if (typeof number?.value === 'number') {
      const pair = `${protocol}/${number.value}`;
      if (pairs.has(pair)) at(ctx, number, 'error', 'k8s/duplicate-port', `Port ${number.value}/${protocol} is listed twice.`);
      pairs.add(pair);
    }
    const target = property(port, 'targetPort');
    if (target?.type === 'string' && !/^\d+$/.test(String(target.value))) {
      const problem = ianaServiceName(String(target.value));
      if (problem) at(ctx, target, 'error', 'k8s/invalid-port-name', `A named targetPort must name a container port: "${target.value}" ${problem}.`);
    } else if (target && Number(target.value) !== 0 && !(Number(target.value) >= 1 && Number(target.value) <= 65535)) {
      at(ctx, target, 'error', 'k8s/out-of-range', 'targetPort must be between 1 and 65535 (or a container port name).');
    }
    const nodePort = nonZeroProperty(port, 'nodePort');
    if (nodePort && type !== 'NodePort' && type !== 'LoadBalancer') {
      at(ctx, keyOrValue(nodePort), 'error', 'k8s/service-node-port', `nodePort may not be used when type is ${type}: only NodePort and LoadBalancer Services get node ports.`);
    } else if (typeof nodePort?.value === 'number' && (nodePort.value < 30000 || nodePort.value > 32767)) {
      at(ctx, nodePort, 'warning', 'k8s/service-node-port', `nodePort ${nodePort.value} is outside the default range 30000-32767; it only works if the cluster's --service-node-port-range includes it.`);
    }
  }
}

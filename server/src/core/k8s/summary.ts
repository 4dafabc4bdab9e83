// The facts about one Kubernetes object that checks across files need: labels and ports of pod
// templates, selectors, backends, requested networks and address ranges. Offsets are relative
// to the object's document, like everything else computed per document.
import { keyOrValue, property, stringValue, type JsonNode } from '../common/json';
import { readLabelSelector, readMapSelector, type LabelSelector } from '../workspace/selectors';
import type { KindDef } from './kinds';
import { items, nodeAt, stringMap, type Resource } from './resource';
import { setProperty } from './rules/context';

export interface Span {
  start: number;
  end: number;
}

export interface PortFact {
  name?: string;
  port?: number;
  protocol: string;
  span: Span;
}

export interface NetworkRequestFact {
  name: string;
  /** As written; absent means the pod's own namespace. */
  namespace?: string;
  span: Span;
}

export interface SubnetFact {
  cidr: string;
  span: Span;
  /** Where the range comes from, for messages: "NetworkAttachmentDefinition shop/storage-net". */
  source: string;
  /**
   * Set on the pools of an object that lists several (an Installation's ipPools), which must not
   * overlap each other; how messages name it: "pool 1", "pool pods". Other ranges of one object
   * are checked by their own rules (host-local ranges) or may nest (flannel's node subnets).
   */
  pool?: string;
  /**
   * Calico pools the operator links: "installation" on an Installation's ipPools, "operator" on an
   * IPPool labelled app.kubernetes.io/managed-by: tigera-operator, which the operator made from one.
   */
  calico?: 'installation' | 'operator';
}

export interface ObjectSummary {
  apiVersion: string;
  kind: string;
  name: string;
  /** Effective namespace ("default" when not written) for namespaced kinds; "" for cluster-scoped ones. */
  namespace: string;
  span: Span;
  workload?: { labels: Record<string, string>; ports: PortFact[]; networks: NetworkRequestFact[]; span: Span };
  service?: { selector?: LabelSelector; selectorSpan?: Span; type: string; ports: { port?: number; name?: string; targetPort?: number | string; targetSpan?: Span; span: Span }[] };
  ingress?: { backends: { service: string; span: Span; port?: number | string; portSpan?: Span }[] };
  policy?: {
    podSelector: LabelSelector;
    selectorSpan: Span;
    /**
     * The podSelectors of ingress `from` and egress `to` peers (a peer with only a namespaceSelector:
     * every pod, spanning that key). Without a namespaceSelector a peer picks pods of the policy's
     * namespace; with one, pods of the namespaces it selects (`namespaceSpan` is its key).
     */
    peers: { selector: LabelSelector; crossNamespace: boolean; namespaceSelector?: LabelSelector; span: Span; namespaceSpan?: Span }[];
    types: string[];
    /** Egress is restricted (policyTypes has Egress) and no rule allows port 53. */
    egressWithoutDns: boolean;
    egressSpan?: Span;
  };
  subnets: SubnetFact[];
  /** A Namespace object's labels as written: what a namespaceSelector matches against. */
  namespaceLabels?: Record<string, string>;
}

/** Facts that rules found while checking (they parse annotations and embedded configs anyway). */
export interface RuleFacts {
  networks?: NetworkRequestFact[];
  subnets?: SubnetFact[];
}

const span = (n: JsonNode): Span => ({ start: n.offset, end: n.offset + n.length });

export function summarize(resource: Resource, def: KindDef, facts: RuleFacts): ObjectSummary | undefined {
  if (!resource.kind || !resource.apiVersion) return undefined;
  const summary: ObjectSummary = {
    apiVersion: resource.apiVersion,
    kind: resource.kind,
    name: resource.name ?? '',
    namespace: def.namespaced ? resource.namespace ?? 'default' : '',
    span: span(resource.nameNode ?? resource.kindNode ?? resource.root),
    subnets: facts.subnets ?? [],
  };
  const spec = property(resource.root, 'spec');
  if (def.podTemplate) summary.workload = workloadFacts(resource, def, facts);
  else if (def.kind === 'Service') summary.service = serviceFacts(spec);
  else if (def.kind === 'Ingress' && def.apiVersion === 'networking.k8s.io/v1') summary.ingress = ingressFacts(spec);
  else if (def.kind === 'NetworkPolicy' && def.group === 'networkPolicy' && !def.removed) summary.policy = policyFacts(spec);
  return summary;
}

/**
 * A v1 Namespace: CNIKit does not serve the kind (it gets no diagnostics), but its labels tell
 * which namespaces a policy's namespaceSelector picks.
 */
export function summarizeNamespace(resource: Resource): ObjectSummary | undefined {
  if (resource.apiVersion !== 'v1' || resource.kind !== 'Namespace' || !resource.name) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    name: resource.name,
    namespace: '',
    span: span(resource.nameNode!),
    subnets: [],
    namespaceLabels: Object.fromEntries(resource.labels),
  };
}

function workloadFacts(resource: Resource, def: KindDef, facts: RuleFacts): ObjectSummary['workload'] {
  const template = def.podTemplate!;
  const metadata = nodeAt(resource.root, template.metadata);
  const spec = nodeAt(resource.root, template.spec);
  const ports: PortFact[] = [];
  for (const list of ['containers', 'initContainers']) {
    for (const container of items(property(spec, list))) {
      for (const port of items(property(container, 'ports'))) {
        const number = property(port, 'containerPort')?.value;
        ports.push({
          name: stringValue(property(port, 'name')),
          port: typeof number === 'number' ? number : undefined,
          protocol: stringValue(property(port, 'protocol')) ?? 'TCP',
          span: span(port),
        });
      }
    }
  }
  const labelsNode = property(metadata, 'labels');
  return { labels: Object.fromEntries(stringMap(labelsNode)), ports, networks: facts.networks ?? [], span: span(labelsNode ?? metadata ?? resource.root) };
}

function serviceFacts(spec: JsonNode | undefined): ObjectSummary['service'] {
  const selectorNode = property(spec, 'selector');
  return {
    selector: readMapSelector(selectorNode),
    selectorSpan: selectorNode ? span(keyOrValue(selectorNode)) : undefined,
    type: stringValue(property(spec, 'type')) ?? 'ClusterIP',
    ports: items(property(spec, 'ports')).map((p) => {
      const target = property(p, 'targetPort');
      const port = property(p, 'port')?.value;
      return {
        port: typeof port === 'number' ? port : undefined,
        name: stringValue(property(p, 'name')),
        targetPort: target ? (typeof target.value === 'number' ? target.value : /^\d+$/.test(String(target.value)) ? Number(target.value) : String(target.value)) : undefined,
        targetSpan: target ? span(target) : undefined,
        span: span(p),
      };
    }),
  };
}

function ingressFacts(spec: JsonNode | undefined): ObjectSummary['ingress'] {
  const backends: NonNullable<ObjectSummary['ingress']>['backends'] = [];
  const add = (backend: JsonNode | undefined) => {
    const service = property(backend, 'service');
    const nameNode = property(service, 'name');
    if (!nameNode || nameNode.type !== 'string') return;
    const port = property(service, 'port');
    const number = property(port, 'number');
    const name = property(port, 'name');
    const portNode = number ?? name;
    backends.push({ service: String(nameNode.value), span: span(nameNode), port: portNode?.value as number | string | undefined, portSpan: portNode ? span(portNode) : undefined });
  };
  add(property(spec, 'defaultBackend'));
  for (const rule of items(property(spec, 'rules'))) {
    for (const path of items(nodeAt(rule, ['http', 'paths']))) add(property(path, 'backend'));
  }
  return { backends };
}

function policyFacts(spec: JsonNode | undefined): ObjectSummary['policy'] {
  const selectorNode = property(spec, 'podSelector');
  const types = items(property(spec, 'policyTypes')).map((t) => String(t.value));
  const egress = property(spec, 'egress');
  const effectiveTypes = types.length ? types : ['Ingress', ...(egress ? ['Egress'] : [])];
  const peers: NonNullable<ObjectSummary['policy']>['peers'] = [];
  let allowsDns = false;
  for (const [direction, key] of [['ingress', 'from'], ['egress', 'to']] as const) {
    for (const rule of items(property(spec, direction))) {
      const ports = items(property(rule, 'ports'));
      if (direction === 'egress' && (ports.length === 0 || ports.some((p) => property(p, 'port')?.value === 53 || property(p, 'port')?.value === 'dns'))) allowsDns = true;
      for (const peer of items(property(rule, key))) {
        // A null selector is no selector at all to the API server (for namespaceSelector: the policy's own namespace).
        const podSelector = setProperty(peer, 'podSelector');
        const namespaceSelector = setProperty(peer, 'namespaceSelector');
        // A peer with only a namespaceSelector allows every pod of the namespaces it selects.
        const selector = podSelector ? readLabelSelector(podSelector) : namespaceSelector && { requirements: [] };
        const anchor = podSelector ?? namespaceSelector;
        if (selector && anchor) {
          peers.push({
            selector, crossNamespace: !!namespaceSelector, namespaceSelector: readLabelSelector(namespaceSelector),
            span: span(keyOrValue(anchor)),
            ...(namespaceSelector ? { namespaceSpan: span(keyOrValue(namespaceSelector)) } : {}),
          });
        }
      }
    }
  }
  return {
    podSelector: readLabelSelector(selectorNode) ?? { requirements: [] },
    selectorSpan: span(selectorNode ? keyOrValue(selectorNode) : spec ?? ({ offset: 0, length: 0 } as JsonNode)),
    peers,
    types: effectiveTypes,
    egressWithoutDns: effectiveTypes.includes('Egress') && !allowsDns,
    egressSpan: egress ? span(keyOrValue(egress)) : selectorNode ? span(keyOrValue(selectorNode)) : undefined,
  };
}

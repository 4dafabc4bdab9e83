// Kubernetes NetworkPolicies for one namespace: default denies and the usual first exceptions.
import type { ScaffoldResult } from './files';
import type { OptionValues } from './options';
import { yamlFile, type YamlDoc } from './yamlText';

export type PolicyChoice =
  | 'default-deny-ingress' | 'default-deny-egress' | 'default-deny-all'
  | 'allow-dns-egress' | 'allow-from-namespace' | 'allow-from-label';

export interface PolicyRequest {
  policy: PolicyChoice;
  namespace: string;
  name: string;
  /** allow-from-namespace: the namespace allowed in. */
  fromNamespace?: string;
  /** allow-from-label: key=value of the pods allowed in. */
  fromLabel?: string;
}

// The API server labels every namespace with its own name; selecting on it needs no labelling.
const namespaceLabel = 'kubernetes.io/metadata.name';

export function policyDocument(r: PolicyRequest): YamlDoc {
  const { spec, comment } = policySpec(r);
  return {
    comment,
    value: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: r.name, namespace: r.namespace }, spec },
    notes: [{ path: ['spec', 'podSelector'], text: 'An empty podSelector selects every pod of the namespace.' }],
  };
}

function policySpec(r: PolicyRequest): { spec: object; comment: string } {
  switch (r.policy) {
    case 'default-deny-ingress':
      return { comment: `Pods in ${r.namespace} accept no connections unless another policy allows them.`, spec: { podSelector: {}, policyTypes: ['Ingress'] } };
    case 'default-deny-egress':
      return {
        comment: `Pods in ${r.namespace} open no connections unless another policy allows them.\nThat includes DNS: add an allow-dns-egress policy too (cnikit scaffold policy --policy allow-dns-egress).`,
        spec: { podSelector: {}, policyTypes: ['Egress'] },
      };
    case 'default-deny-all':
      return {
        comment: `Nothing reaches or leaves the pods in ${r.namespace} unless another policy allows it.\nThat includes DNS: add an allow-dns-egress policy too (cnikit scaffold policy --policy allow-dns-egress).`,
        spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      };
    case 'allow-dns-egress':
      return {
        comment: `Pods in ${r.namespace} may query the cluster DNS (kube-dns in kube-system) on UDP and TCP port 53.`,
        spec: {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [{
            to: [{ namespaceSelector: { matchLabels: { [namespaceLabel]: 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
            ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
          }],
        },
      };
    case 'allow-from-namespace':
      return {
        comment: `Pods in ${r.namespace} accept connections from every pod in namespace ${r.fromNamespace}.`,
        spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { [namespaceLabel]: r.fromNamespace } } }] }] },
      };
    case 'allow-from-label': {
      const [key, value] = splitLabel(r.fromLabel ?? '');
      return {
        comment: `Pods in ${r.namespace} accept connections from the pods of ${r.namespace} labelled ${key}=${value}.`,
        spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { [key]: value } } }] }] },
      };
    }
  }
}

function splitLabel(label: string): [string, string] {
  const at = label.indexOf('=');
  return [label.slice(0, at), label.slice(at + 1)];
}

export function policyRequestOf(o: OptionValues): PolicyRequest {
  return { policy: o.policy as PolicyChoice, namespace: o.namespace, name: o.name, fromNamespace: o.fromNamespace, fromLabel: o.fromLabel };
}

export function buildPolicy(o: OptionValues): ScaffoldResult {
  const request = policyRequestOf(o);
  return { files: [{ path: `${request.name}.yaml`, content: yamlFile([policyDocument(request)]), format: 'manifest' }] };
}

// Network policies of all three dialects (Kubernetes, Cilium, Calico) in one shape. Pure.
import type { KubeObject } from '../api';
import { arr, rec, str, strings } from '../fields';
import type { NetworkPolicyInfo } from '../model';
import { refTo, apiVersion, type ResourceType } from '../resources';

/** A metav1.LabelSelector in one line: `app=web,tier in (a,b)`; `all pods` when empty. */
export function labelSelectorText(selector: unknown, empty = 'all pods'): string {
  const s = rec(selector);
  const parts = Object.entries(rec(s.matchLabels)).map(([k, v]) => `${k}=${String(v)}`);
  for (const e of arr(s.matchExpressions).map(rec)) {
    const key = str(e.key) ?? '?';
    const op = str(e.operator) ?? '';
    const values = strings(e.values);
    parts.push(op === 'Exists' ? key : op === 'DoesNotExist' ? `!${key}` : `${key} ${op.toLowerCase()} (${values.join(',')})`);
  }
  return parts.length ? parts.join(',') : empty;
}

export function summarisePolicy(policy: KubeObject, resource: ResourceType): NetworkPolicyInfo {
  const spec = rec(policy.spec);
  const base = {
    namespace: resource.namespaced ? (policy.metadata.namespace ?? '') : null,
    name: policy.metadata.name,
    kind: resource.kind,
    apiVersion: apiVersion(resource),
    ref: refTo(resource, policy),
  };
  if (resource.group === 'networking.k8s.io') {
    const declared = strings(spec.policyTypes);
    // the API server defaults policyTypes to Ingress, plus Egress when egress rules exist
    const policyTypes = declared.length ? declared : ['Ingress', ...(spec.egress !== undefined ? ['Egress'] : [])];
    return { ...base, selector: labelSelectorText(spec.podSelector), policyTypes };
  }
  if (resource.group === 'cilium.io') {
    // a policy holds its rule in `spec`, or several in `specs`
    const rules = [spec, ...arr(policy.specs).map(rec)].filter((r) => Object.keys(r).length > 0);
    const selectors = rules.map((r) => (r.nodeSelector ? `nodes: ${labelSelectorText(r.nodeSelector, 'all nodes')}` : labelSelectorText(r.endpointSelector, 'all endpoints')));
    const types = new Set<string>();
    for (const r of rules) {
      if (r.ingress !== undefined || r.ingressDeny !== undefined) types.add('Ingress');
      if (r.egress !== undefined || r.egressDeny !== undefined) types.add('Egress');
    }
    return { ...base, selector: [...new Set(selectors)].join('; ') || 'all endpoints', policyTypes: [...types] };
  }
  // Calico: selectors are expressions; types default like Kubernetes'
  const declared = strings(spec.types);
  const policyTypes = declared.length ? declared : ['Ingress', ...(spec.egress !== undefined ? ['Egress'] : [])];
  return { ...base, selector: str(spec.selector) ?? 'all()', policyTypes };
}

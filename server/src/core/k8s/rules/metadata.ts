// Rules every served kind shares: the object's name and namespace formats, and APIs that the
// target Kubernetes version no longer serves.
import { property, stringValue } from '../../common/json';
import { calicoName, dns1035Label, dns1123Label, dns1123Subdomain } from '../names';
import type { NameRule } from '../kinds';
import { at, firstNullKey, nullNote, setProperty, type K8sRule, type K8sRuleContext } from './context';
import { migrateIngress } from './ingress';
import type { Fix } from '../../common/findings';

const nameChecks: Record<NameRule, (v: string) => string | undefined> = {
  dns1123Subdomain, dns1123Label, dns1035Label, calico: calicoName,
};
const nameFormat: Record<NameRule, string> = {
  dns1123Subdomain: 'a DNS subdomain (RFC 1123)', dns1123Label: 'a DNS label (RFC 1123)', dns1035Label: 'a DNS label that starts with a letter (RFC 1035)', calico: 'a Calico name',
};

export const checkMetadata: K8sRule = (ctx) => {
  const { resource, def } = ctx;
  if (!setProperty(resource.metadata, 'name') && !setProperty(resource.metadata, 'generateName') && resource.kindNode) {
    // A null name or generateName is no name to the API server: point at the null key.
    const nullKey = firstNullKey(resource.metadata, ['name', 'generateName']);
    at(ctx, nullKey ?? (resource.metadata ? ctx.resource.metadata!.parent!.children![0] : resource.kindNode), 'error', 'k8s/missing-name',
      `${nullNote(nullKey)}A ${def.kind} needs metadata.name (or metadata.generateName).`);
  }
  const name = resource.name;
  if (name !== undefined && resource.nameNode) {
    const problem = nameChecks[def.nameRule](name);
    if (problem) at(ctx, resource.nameNode, 'error', 'k8s/invalid-name', `The ${def.kind} name "${name}" is not ${nameFormat[def.nameRule]}: it ${problem}. The API server rejects it.`);
  }
  const namespaceNode = property(resource.metadata, 'namespace');
  const namespace = stringValue(namespaceNode);
  if (namespace !== undefined && namespaceNode) {
    const problem = dns1123Label(namespace);
    if (problem) at(ctx, namespaceNode, 'error', 'k8s/invalid-name', `The namespace "${namespace}" is not a DNS label: it ${problem}.`);
    if (!def.namespaced) at(ctx, namespaceNode, 'warning', 'k8s/cluster-scoped', `${def.kind} is cluster-scoped: metadata.namespace is ignored.`);
  }
};

export const checkRemovedApi: K8sRule = (ctx) => {
  const { def, resource, settings } = ctx;
  if (!def.removed || !resource.apiVersionNode) return;
  const removed = compareMinor(settings.kubernetesVersion, def.removed.in) >= 0;
  at(ctx, resource.apiVersionNode, removed ? 'error' : 'warning', 'k8s/removed-api',
    removed
      ? `${def.apiVersion} ${def.kind} is no longer served since Kubernetes ${def.removed.in} (target ${settings.kubernetesVersion}): the API server rejects it. Use ${def.removed.use}.`
      : `${def.apiVersion} ${def.kind} is deprecated and removed in Kubernetes ${def.removed.in}. Use ${def.removed.use}.`,
    migration(ctx));
};

function migration(ctx: K8sRuleContext): Fix[] | undefined {
  const { def, resource } = ctx;
  if (def.kind === 'Ingress') {
    const fix = migrateIngress(ctx);
    return fix ? [fix] : undefined;
  }
  const node = resource.apiVersionNode!;
  return [{ title: `Change to ${def.removed!.use}`, edits: [{ start: node.offset, end: node.offset + node.length, newText: def.removed!.use }], preferred: true }];
}

/** Compares "1.22" style versions. */
export function compareMinor(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}

// The Network policies section: Kubernetes NetworkPolicies, and Cilium's and Calico's own policies
// when their CRDs are installed.
import { listEverywhere, problemFrom } from '../collect';
import { ClusterError } from '../errors';
import type { NetworkPolicyInfo, Problem, SectionResult } from '../model';
import { resources, type ResourceType } from '../resources';
import type { ClusterSession } from '../session';
import { summarisePolicy } from '../summaries/policies';

export async function loadNetworkPolicies(session: ClusterSession): Promise<SectionResult<NetworkPolicyInfo>> {
  let groups: Set<string> | undefined;
  try {
    groups = await session.servedGroups();
  } catch (error) {
    return { items: [], problems: [problemFrom('networkPolicies', error, session.redact)] };
  }
  // undefined groups (discovery not allowed): try every kind and skip those not served
  const serves = (group: string) => !groups || groups.has(group);
  const kinds: ResourceType[] = [resources.networkPolicies];
  if (serves('cilium.io')) kinds.push(resources.ciliumNetworkPolicies, resources.ciliumClusterwideNetworkPolicies);
  if (groups?.has('projectcalico.org')) kinds.push(resources.calicoNetworkPoliciesV3, resources.calicoGlobalNetworkPoliciesV3);
  else if (serves('crd.projectcalico.org')) kinds.push(resources.calicoNetworkPolicies, resources.calicoGlobalNetworkPolicies);

  const results = await Promise.all(kinds.map((kind) => readKind(session, kind)));
  return { items: results.flatMap((r) => r.items), problems: results.flatMap((r) => r.problems) };
}

async function readKind(session: ClusterSession, kind: ResourceType): Promise<SectionResult<NetworkPolicyInfo>> {
  try {
    const collected = await listEverywhere(session, kind, 'networkPolicies');
    return { items: collected.items.map((p) => summarisePolicy(p, kind)), problems: collected.problems };
  } catch (error) {
    // a policy CRD that is not installed is not a problem: that plugin is simply not in use
    if (error instanceof ClusterError && error.kind === 'notFound' && kind.group !== 'networking.k8s.io') return { items: [], problems: [] };
    const problems: Problem[] = [problemFrom('networkPolicies', error, session.redact)];
    return { items: [], problems };
  }
}

// The CNI section: which plugins run (DaemonSets and Deployments in their usual namespaces), their
// versions and rollout health, and each one's mode from its own configuration.
import { listInNamespaces, problem, problemFrom } from '../collect';
import { CNI_NAMESPACES } from '../detect/catalog';
import { detectCnis, type DetectedCni } from '../detect/detectCnis';
import { calicoPools, ciliumMode, flannelMode, multusMode } from '../detect/modes';
import { ClusterError } from '../errors';
import type { Cni, Problem, SectionResult } from '../model';
import { resources } from '../resources';
import type { ClusterSession } from '../session';

export async function loadCnis(session: ClusterSession): Promise<SectionResult<Cni>> {
  const [daemonSets, deployments] = await Promise.all([
    listInNamespaces(session, resources.daemonSets, CNI_NAMESPACES, 'cnis'),
    listInNamespaces(session, resources.deployments, CNI_NAMESPACES, 'cnis'),
  ]);
  const problems: Problem[] = [...daemonSets.problems, ...deployments.problems];
  const detected = detectCnis([...daemonSets.items, ...deployments.items]);
  const cnis = await Promise.all(detected.map((d) => withMode(session, d, problems)));
  return { items: cnis, problems };
}

async function withMode(session: ClusterSession, { cni, agent }: DetectedCni, problems: Problem[]): Promise<Cni> {
  try {
    switch (cni.name) {
      case 'flannel':
        return { ...cni, mode: flannelMode(await session.api.getObject(resources.configMaps, 'kube-flannel-cfg', cni.namespace)) };
      case 'canal':
        return { ...cni, mode: flannelMode(await session.api.getObject(resources.configMaps, 'canal-config', cni.namespace)) };
      case 'cilium':
        return { ...cni, mode: ciliumMode(await session.api.getObject(resources.configMaps, 'cilium-config', cni.namespace)) };
      case 'calico':
        return { ...cni, mode: { kind: 'calico', pools: await readCalicoPools(session) } };
      case 'multus':
        return { ...cni, mode: multusMode(agent) };
      default:
        return cni;
    }
  } catch (error) {
    if (error instanceof ClusterError && error.kind === 'notFound') {
      problems.push(problem('cnis', `${cni.name}: its configuration was not found (${error.message.replace(/^not found: /, '')}); mode unknown`));
    } else if (error instanceof ClusterError) {
      problems.push(problemFrom('cnis', error, session.redact));
    } else {
      problems.push(problem('cnis', `${cni.name}: ${session.redact(error instanceof Error ? error.message : String(error))}`));
    }
    return cni;
  }
}

/** Calico's pools through its API server (projectcalico.org/v3) when installed, else its CRDs. */
async function readCalicoPools(session: ClusterSession) {
  const groups = await session.servedGroups();
  const resource = groups?.has('projectcalico.org') ? resources.calicoIPPoolsV3 : resources.calicoIPPools;
  const list = await session.api.list(resource);
  return calicoPools(list.items, resource);
}

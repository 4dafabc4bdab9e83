// Reads a cluster's whole network model at once (what `cnikit inspect` prints). The tree loads the
// same sections one at a time, through the same loaders.
import type { ClusterReport, SectionId, SectionResult } from './model';
import { loadNetworkAttachments, loadPodAttachments } from './sections/attachments';
import { loadCnis } from './sections/cnis';
import { loadNodes } from './sections/nodes';
import { loadNetworkPolicies } from './sections/policies';
import { loadIngresses, loadServices } from './sections/services';
import { ClusterSession, type SessionOptions } from './session';

export const sectionLoaders = {
  cnis: loadCnis,
  nodes: loadNodes,
  networkAttachments: loadNetworkAttachments,
  podAttachments: loadPodAttachments,
  networkPolicies: loadNetworkPolicies,
  services: loadServices,
  ingresses: loadIngresses,
} satisfies Record<SectionId, (session: ClusterSession) => Promise<SectionResult<unknown>>>;

/**
 * Connects (a failure to reach the server, TLS trouble, rejected credentials or an unusable
 * kubeconfig throws a ClusterError) and reads every section; what a section cannot read becomes a
 * problem next to what it could.
 */
export async function inspectCluster(options: SessionOptions = {}): Promise<ClusterReport> {
  const session = await ClusterSession.connect(options);
  try {
    const identity = await session.identity();
    await session.servedGroups();
    const [cnis, nodes, networkAttachments, podAttachments, networkPolicies, services, ingresses] = await Promise.all([
      sectionLoaders.cnis(session),
      sectionLoaders.nodes(session),
      sectionLoaders.networkAttachments(session),
      sectionLoaders.podAttachments(session),
      sectionLoaders.networkPolicies(session),
      sectionLoaders.services(session),
      sectionLoaders.ingresses(session),
    ]);
    const sections = [cnis, nodes, networkAttachments, podAttachments, networkPolicies, services, ingresses];
    return {
      context: identity.context,
      cluster: { server: identity.server, version: identity.version },
      cnis: cnis.items,
      nodes: nodes.items,
      networkAttachments: networkAttachments.items,
      podAttachments: podAttachments.items,
      networkPolicies: networkPolicies.items,
      services: services.items,
      ingresses: ingresses.items,
      problems: sections.flatMap((s) => s.problems),
    };
  } finally {
    session.dispose();
  }
}

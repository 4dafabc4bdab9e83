// The Network attachments section: Multus NetworkAttachmentDefinitions by namespace, and pods with
// extra interfaces (from the network-status annotation Multus writes).
import { listEverywhere, problem, problemFrom } from '../collect';
import { ClusterError } from '../errors';
import type { NetworkAttachment, PodAttachments, SectionResult } from '../model';
import { qualifiedName, resources } from '../resources';
import type { ClusterSession } from '../session';
import { summariseNad, summarisePodAttachments } from '../summaries/attachments';

const nads = resources.networkAttachmentDefinitions;
export const MULTUS_CRD_MISSING = `the Multus CRD is not installed: the cluster does not serve ${qualifiedName(nads)}`;

export async function loadNetworkAttachments(session: ClusterSession): Promise<SectionResult<NetworkAttachment>> {
  try {
    const groups = await session.servedGroups();
    if (groups && !groups.has(nads.group)) return { items: [], problems: [problem('networkAttachments', MULTUS_CRD_MISSING)] };
    const collected = await listEverywhere(session, nads, 'networkAttachments');
    return { items: collected.items.map(summariseNad), problems: collected.problems };
  } catch (error) {
    if (error instanceof ClusterError && error.kind === 'notFound') return { items: [], problems: [problem('networkAttachments', MULTUS_CRD_MISSING)] };
    return { items: [], problems: [problemFrom('networkAttachments', error, session.redact)] };
  }
}

export async function loadPodAttachments(session: ClusterSession): Promise<SectionResult<PodAttachments>> {
  try {
    const collected = await listEverywhere(session, resources.pods, 'podAttachments');
    const items = collected.items.map(summarisePodAttachments).filter((p): p is PodAttachments => !!p);
    return { items, problems: collected.problems };
  } catch (error) {
    return { items: [], problems: [problemFrom('podAttachments', error, session.redact)] };
  }
}

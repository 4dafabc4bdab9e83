// The Nodes section.
import { problem, problemFrom } from '../collect';
import type { NodeInfo, SectionResult } from '../model';
import { resources } from '../resources';
import type { ClusterSession } from '../session';
import { summariseNode } from '../summaries/nodes';

export async function loadNodes(session: ClusterSession): Promise<SectionResult<NodeInfo>> {
  try {
    const list = await session.api.list(resources.nodes);
    const problems = list.truncated ? [problem('nodes', `only the first ${list.items.length} nodes were read; the cluster has more`, 'info')] : [];
    return { items: list.items.map(summariseNode), problems };
  } catch (error) {
    return { items: [], problems: [problemFrom('nodes', error, session.redact)] };
  }
}

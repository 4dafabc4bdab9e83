// The Services and Ingresses sections.
import { listEverywhere, problemFrom } from '../collect';
import type { IngressInfo, SectionResult, ServiceInfo } from '../model';
import { resources } from '../resources';
import type { ClusterSession } from '../session';
import { summariseIngress, summariseService } from '../summaries/services';

export async function loadServices(session: ClusterSession): Promise<SectionResult<ServiceInfo>> {
  try {
    const collected = await listEverywhere(session, resources.services, 'services');
    return { items: collected.items.map(summariseService), problems: collected.problems };
  } catch (error) {
    return { items: [], problems: [problemFrom('services', error, session.redact)] };
  }
}

export async function loadIngresses(session: ClusterSession): Promise<SectionResult<IngressInfo>> {
  try {
    const collected = await listEverywhere(session, resources.ingresses, 'ingresses');
    return { items: collected.items.map(summariseIngress), problems: collected.problems };
  } catch (error) {
    return { items: [], problems: [problemFrom('ingresses', error, session.redact)] };
  }
}

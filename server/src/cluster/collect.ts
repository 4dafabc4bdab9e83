// Reading what RBAC allows: a list across all namespaces falls back to namespace by namespace when
// the cluster-wide list is forbidden, and whatever stays unreadable becomes a Problem naming the
// missing permission, next to the objects that could be read.
import type { KubeObject } from './api';
import { ClusterError } from './errors';
import type { Problem, SectionId } from './model';
import { permission, qualifiedName, type ResourceType } from './resources';
import type { ClusterSession } from './session';

export interface Collected {
  items: KubeObject[];
  problems: Problem[];
}

/** Runs `fn` over `values`, at most `limit` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(values: readonly T[], limit: number, fn: (value: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(values.length);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      const index = next++;
      results[index] = await fn(values[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return results;
}

export function problem(section: Problem['section'], message: string, severity: Problem['severity'] = 'warning'): Problem {
  return { section, message, severity };
}

/** A failure as a Problem; errors that are not ClusterErrors are bugs and say so without a stack. */
export function problemFrom(section: Problem['section'], error: unknown, redact: (s: string) => string): Problem {
  if (error instanceof ClusterError) return problem(section, error.message, error.kind === 'forbidden' || error.kind === 'notFound' ? 'warning' : 'error');
  const message = error instanceof Error ? error.message : String(error);
  return problem(section, `internal error: ${redact(message.split('\n')[0])}`, 'error');
}

function truncationProblem(section: SectionId, resource: ResourceType, count: number): Problem {
  return problem(section, `only the first ${count} ${qualifiedName(resource)} were read; the cluster has more`, 'info');
}

/**
 * Lists a resource in all namespaces. Cluster-wide first; when that is forbidden, namespace by
 * namespace (all namespaces when they can be listed, else the context's namespace).
 * A 404 (the API is not served: a CRD not installed) is thrown to the caller, which knows what it means.
 */
export async function listEverywhere(session: ClusterSession, resource: ResourceType, section: SectionId): Promise<Collected> {
  try {
    const list = await session.api.list(resource);
    return { items: list.items, problems: list.truncated ? [truncationProblem(section, resource, list.items.length)] : [] };
  } catch (error) {
    if (!(error instanceof ClusterError && error.kind === 'forbidden' && resource.namespaced)) throw error;
  }

  const problems: Problem[] = [];
  let namespaces: string[];
  try {
    namespaces = await session.namespaceNames();
  } catch (error) {
    if (!(error instanceof ClusterError && error.kind === 'forbidden')) throw error;
    namespaces = [session.defaultNamespace];
    problems.push(problem(section, `forbidden: needs ${permission(resource, 'list')} (or list on namespaces); only namespace ${session.defaultNamespace} was read`));
  }
  const collected = await listInNamespaces(session, resource, namespaces, section);
  return { items: collected.items, problems: [...problems, ...collected.problems] };
}

/** Lists a resource in the given namespaces; forbidden ones are reported together in one Problem. */
export async function listInNamespaces(session: ClusterSession, resource: ResourceType, namespaces: readonly string[], section: SectionId): Promise<Collected> {
  const forbidden: string[] = [];
  const problems: Problem[] = [];
  const items: KubeObject[] = [];
  const results = await mapLimit(namespaces, 4, async (ns) => {
    try {
      return { ns, list: await session.api.list(resource, ns) };
    } catch (error) {
      return { ns, error };
    }
  });
  for (const result of results) {
    if ('list' in result && result.list) {
      items.push(...result.list.items);
      if (result.list.truncated) problems.push(truncationProblem(section, resource, result.list.items.length));
    } else if (result.error instanceof ClusterError && result.error.kind === 'forbidden') {
      forbidden.push(result.ns);
    } else if (result.error instanceof ClusterError && result.error.kind === 'notFound') {
      throw result.error;
    } else {
      problems.push(problemFrom(section, result.error, session.redact));
    }
  }
  if (forbidden.length === 1) problems.unshift(problem(section, `forbidden: needs ${permission(resource, 'list', forbidden[0])}`));
  else if (forbidden.length > 1) {
    const shown = forbidden.slice(0, 8).join(', ') + (forbidden.length > 8 ? ` and ${forbidden.length - 8} more` : '');
    problems.unshift(problem(section, `forbidden: needs list on ${qualifiedName(resource)} in namespaces ${shown}`));
  }
  return { items, problems };
}

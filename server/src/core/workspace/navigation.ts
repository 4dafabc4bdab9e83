// Go to definition and find references between objects: a requested network and its
// NetworkAttachmentDefinition, an Ingress backend and its Service, Services and NetworkPolicies
// and the pod templates they select.
import type { Span } from '../k8s/summary';
import { describeSelector, type LabelSelector } from './selectors';
import { selectedWorkloads } from './crossChecks';
import type { IndexedObject, WorkspaceIndex } from './workspaceIndex';

export interface Target {
  uri: string;
  span: Span;
}

const inside = (span: Span | undefined, offset: number) => !!span && offset >= span.start && offset <= span.end;
const at = (o: IndexedObject): Target => ({ uri: o.uri, span: o.span });
const workloadTarget = (o: IndexedObject): Target => ({ uri: o.uri, span: o.workload!.span });

export function definitions(index: WorkspaceIndex, uri: string, offset: number): Target[] {
  for (const object of index.objectsIn(uri)) {
    for (const request of object.workload?.networks ?? []) {
      if (inside(request.span, offset)) return index.find('NetworkAttachmentDefinition', request.namespace ?? object.namespace, request.name).map(at);
    }
    for (const backend of object.ingress?.backends ?? []) {
      if (inside(backend.span, offset) || inside(backend.portSpan, offset)) return index.find('Service', object.namespace, backend.service).map(at);
    }
    const selector = selectorAt(object, offset);
    if (selector) return selectedWorkloads(index, object.namespace, selector).map(workloadTarget);
  }
  return [];
}

export function references(index: WorkspaceIndex, uri: string, offset: number): Target[] {
  for (const object of index.objectsIn(uri)) {
    if (!inside(object.span, offset) && !inside(object.workload?.span, offset)) continue;
    if (object.kind === 'NetworkAttachmentDefinition') {
      return index.all().flatMap((w) => (w.workload?.networks ?? [])
        .filter((n) => n.name === object.name && (n.namespace ?? w.namespace) === object.namespace)
        .map((n) => ({ uri: w.uri, span: n.span })));
    }
    if (object.kind === 'Service') {
      return index.all().flatMap((i) => (i.ingress?.backends ?? [])
        .filter((b) => b.service === object.name && i.namespace === object.namespace)
        .map((b) => ({ uri: i.uri, span: b.span })));
    }
    if (object.workload) return selectorsOf(index, object).map(at);
  }
  return [];
}

/** Services and NetworkPolicies whose selectors pick this workload's pods. */
export function selectorsOf(index: WorkspaceIndex, workload: IndexedObject): IndexedObject[] {
  const picks = (selector: LabelSelector | undefined) => !!selector && selectedWorkloads(index, workload.namespace, selector).includes(workload);
  return index.all().filter((o) => o.namespace === workload.namespace &&
    ((o.service?.selector?.requirements.length && picks(o.service.selector)) || (o.policy && picks(o.policy.podSelector))));
}

/** "Selects 2 pod templates: Deployment web, StatefulSet db" for a selector under the cursor. */
export function selectorHover(index: WorkspaceIndex, uri: string, offset: number): { span: Span; markdown: string } | undefined {
  for (const object of index.objectsIn(uri)) {
    const selector = selectorAt(object, offset);
    if (!selector) continue;
    const span = object.service?.selectorSpan ?? object.policy!.selectorSpan;
    const selected = selectedWorkloads(index, object.namespace, selector);
    const list = selected.slice(0, 10).map((w) => `- ${w.kind} ${w.name}`).join('\n');
    const summary = selected.length === 0
      ? `Selects no pod template in namespace ${object.namespace} in this workspace.`
      : `Selects ${selected.length} pod template${selected.length === 1 ? '' : 's'} in namespace ${object.namespace}:\n\n${list}${selected.length > 10 ? `\n- and ${selected.length - 10} more` : ''}`;
    return { span, markdown: `**${describeSelector(selector)}**\n\n${summary}` };
  }
  return undefined;
}

function selectorAt(object: IndexedObject, offset: number): LabelSelector | undefined {
  if (object.service?.selector && inside(object.service.selectorSpan, offset)) return object.service.selector;
  if (object.policy && inside(object.policy.selectorSpan, offset)) return object.policy.podSelector;
  return undefined;
}

// Go to definition and find references between objects: a requested network and its
// NetworkAttachmentDefinition, an Ingress backend and its Service, Services and NetworkPolicies
// (their podSelector and the podSelectors of their peers) and the pod templates they select, and a
// Namespace and the policy peers whose namespaceSelector selects it.
import type { Span } from '../k8s/summary';
import { describeSelector, type LabelSelector } from './selectors';
import { namespaceNameLabel, namespaceSelects, peerNamespaces, peerWorkloads, selectedWorkloads } from './crossChecks';
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
    const selection = selectionAt(index, object, offset);
    if (selection) return (selection.selected ?? []).map(workloadTarget);
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
    if (object.workload) return [...selectorsOf(index, object).map(at), ...peersSelecting(index, object)];
    if (object.kind === 'Namespace') return peersSelectingNamespace(index, object.name);
  }
  return [];
}

/** Policy peers whose namespaceSelector certainly selects this namespace (by its labels in the workspace, or its name). */
function peersSelectingNamespace(index: WorkspaceIndex, namespace: string): Target[] {
  return index.all().flatMap((o) => (o.policy?.peers ?? [])
    .filter((p) => p.namespaceSelector && namespaceSelects(index, p.namespaceSelector, namespace) === true)
    .map((p) => ({ uri: o.uri, span: p.namespaceSpan ?? p.span })));
}

/** Services and NetworkPolicies whose selectors pick this workload's pods. */
export function selectorsOf(index: WorkspaceIndex, workload: IndexedObject): IndexedObject[] {
  const picks = (selector: LabelSelector | undefined) => !!selector && selectedWorkloads(index, workload.namespace, selector).includes(workload);
  return index.all().filter((o) => o.namespace === workload.namespace &&
    ((o.service?.selector?.requirements.length && picks(o.service.selector)) || (o.policy && picks(o.policy.podSelector))));
}

/** The podSelectors of policy peers (in any namespace) that pick this workload's pods. */
function peersSelecting(index: WorkspaceIndex, workload: IndexedObject): Target[] {
  return index.all().flatMap((o) => (o.policy?.peers ?? [])
    .filter((p) => peerWorkloads(index, o.namespace, p)?.includes(workload))
    .map((p) => ({ uri: o.uri, span: p.span })));
}

/** "Selects 2 pod templates: Deployment web, StatefulSet db" for a selector under the cursor. */
export function selectorHover(index: WorkspaceIndex, uri: string, offset: number): { span: Span; markdown: string } | undefined {
  for (const object of index.objectsIn(uri)) {
    const selection = selectionAt(index, object, offset);
    if (!selection) continue;
    const { selector, peer, namespaces, selected } = selection;
    const crossNamespace = !!peer?.crossNamespace;
    const title = crossNamespace
      ? `**${describeSelector(selector)}** in ${namespacesOf(peer!.namespaceSelector)}`
      : `**${describeSelector(selector)}**${peer ? ` (a peer of this policy: pods in namespace ${object.namespace})` : ''}`;
    let summary: string;
    if (!namespaces || !selected) {
      const candidates = index.workloadNamespaces().flatMap((ns) => selectedWorkloads(index, ns, selector));
      summary = `${whyUnknown(index, peer?.namespaceSelector)}: the pod templates this peer selects are unknown.`;
      if (candidates.length) summary += ` In any namespace, ${candidates.length} pod template${candidates.length === 1 ? '' : 's'} of the workspace match${candidates.length === 1 ? 'es' : ''} the podSelector:\n\n${listing(candidates, true)}`;
    } else {
      const where = namespaces.length === 1 ? `namespace ${namespaces[0]}` : `namespaces ${namespaces.join(', ')}`;
      summary = namespaces.length === 0
        ? 'Selects no pod template: no namespace holding pod templates in this workspace matches the namespaceSelector.'
        : selected.length === 0
          ? `Selects no pod template in ${where} in this workspace.`
          : `Selects ${selected.length} pod template${selected.length === 1 ? '' : 's'} in ${where}:\n\n${listing(selected, crossNamespace && namespaces.length > 1)}`;
      if (crossNamespace && peer!.namespaceSelector?.requirements.some((r) => r.key !== namespaceNameLabel)) {
        summary += `\n\nNamespaces are matched by the labels their Namespace objects declare in this workspace; labels added only in the cluster are not seen.`;
      }
    }
    return { span: selection.span, markdown: `${title}\n\n${summary}` };
  }
  return undefined;
}

/** "namespaces selected by **team=ops**", or "**every namespace**" for an empty namespaceSelector. */
function namespacesOf(selector: LabelSelector | undefined): string {
  if (!selector) return 'namespaces selected by **a namespaceSelector**';
  return selector.requirements.length === 0 ? '**every namespace**' : `namespaces selected by **${describeSelector(selector)}**`;
}

/** Why a namespaceSelector's namespaces cannot be told: which namespaces' labels are missing or disagree. */
function whyUnknown(index: WorkspaceIndex, selector: LabelSelector | undefined): string {
  if (!selector) return 'This namespaceSelector is not a label selector';
  const open = index.workloadNamespaces().filter((ns) => namespaceSelects(index, selector, ns) === undefined);
  const undeclared = open.filter((ns) => index.namespaceLabels(ns).length === 0);
  const disagreeing = open.filter((ns) => index.namespaceLabels(ns).length > 0);
  const list = (names: string[]) => names.length === 1 ? `namespace ${names[0]}` : `namespaces ${names.join(', ')}`;
  const reasons = [
    undeclared.length ? `no Namespace object in this workspace declares the labels of ${list(undeclared)}` : '',
    disagreeing.length ? `${list(disagreeing)} ${disagreeing.length === 1 ? 'is' : 'are'} declared more than once, with labels that disagree on it` : '',
  ].filter(Boolean);
  return `This namespaceSelector looks at namespace labels, and ${reasons.join('; ')}`;
}

function listing(workloads: IndexedObject[], withNamespace: boolean): string {
  const list = workloads.slice(0, 10).map((w) => `- ${w.kind} ${w.name}${withNamespace ? ` (namespace ${w.namespace})` : ''}`).join('\n');
  return `${list}${workloads.length > 10 ? `\n- and ${workloads.length - 10} more` : ''}`;
}

type Peer = NonNullable<IndexedObject['policy']>['peers'][number];

interface Selection {
  span: Span;
  selector: LabelSelector;
  /** For a policy peer's podSelector. */
  peer?: Peer;
  /** Where the selector looks; undefined when the workspace cannot tell (a namespaceSelector on labels it does not declare). */
  namespaces?: string[];
  selected?: IndexedObject[];
}

/** The selector under the cursor: a Service's, a policy's podSelector, or a policy peer's podSelector or namespaceSelector. */
function selectionAt(index: WorkspaceIndex, object: IndexedObject, offset: number): Selection | undefined {
  const own = (selector: LabelSelector, span: Span): Selection =>
    ({ span, selector, namespaces: [object.namespace], selected: selectedWorkloads(index, object.namespace, selector) });
  if (object.service?.selector && inside(object.service.selectorSpan, offset)) return own(object.service.selector, object.service.selectorSpan!);
  if (!object.policy) return undefined;
  if (inside(object.policy.selectorSpan, offset)) return own(object.policy.podSelector, object.policy.selectorSpan);
  const peer = object.policy.peers.find((p) => inside(p.span, offset) || inside(p.namespaceSpan, offset));
  if (!peer) return undefined;
  const namespaces = peerNamespaces(index, object.namespace, peer);
  const span = inside(peer.span, offset) ? peer.span : peer.namespaceSpan!;
  return { span, selector: peer.selector, peer, namespaces, selected: namespaces && peerWorkloads(index, object.namespace, peer) };
}

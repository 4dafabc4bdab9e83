// Kubernetes label selectors with their full semantics: matchLabels plus matchExpressions
// (In, NotIn, Exists, DoesNotExist). An empty selector selects everything.
import { property, stringValue, type JsonNode } from '../common/json';
import { items, stringMap } from '../k8s/resource';

export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface LabelSelector {
  requirements: Requirement[];
}

/** A `LabelSelector` object ({matchLabels, matchExpressions}). */
export function readLabelSelector(node: JsonNode | undefined): LabelSelector | undefined {
  if (node?.type !== 'object') return undefined;
  const requirements: Requirement[] = [...stringMap(property(node, 'matchLabels'))].map(([key, value]) => ({ key, operator: 'In' as const, values: [value] }));
  for (const expression of items(property(node, 'matchExpressions'))) {
    const key = stringValue(property(expression, 'key'));
    const operator = stringValue(property(expression, 'operator'));
    if (!key || !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(operator ?? '')) continue;
    const values = items(property(expression, 'values')).map((v) => String(v.value));
    requirements.push({ key, operator: operator as Requirement['operator'], values });
  }
  return { requirements };
}

/** A Service's plain `selector` map (equality only). */
export function readMapSelector(node: JsonNode | undefined): LabelSelector | undefined {
  if (node?.type !== 'object') return undefined;
  return { requirements: [...stringMap(node)].map(([key, value]) => ({ key, operator: 'In' as const, values: [value] })) };
}

// A loop rather than every(): the checks across files call this for each selector and pod template
// of a namespace on every edit, and a closure per call is most of what they would allocate.
export function matches(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const r of selector.requirements) {
    if (!meets(r, labels)) return false;
  }
  return true;
}

function meets(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.operator) {
    case 'In': return has && r.values.includes(labels[r.key]);
    case 'NotIn': return !has || !r.values.includes(labels[r.key]);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
  }
}

export function describeSelector(selector: LabelSelector): string {
  if (selector.requirements.length === 0) return 'every pod';
  return selector.requirements.map((r) => {
    if (r.operator === 'Exists') return r.key;
    if (r.operator === 'DoesNotExist') return `!${r.key}`;
    if (r.operator === 'In' && r.values.length === 1) return `${r.key}=${r.values[0]}`;
    return `${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${r.values.join(', ')})`;
  }).join(', ');
}

// How a resolved YAML scalar stands in the tree, whichever way the document was built
// (yamlDocuments.ts composes it through the yaml library, quickCompose.ts from the CST).
import type { TreeNode } from './yamlDocuments';

/**
 * The tree fields of a scalar whose resolved value is `value`, written as `source` (its text once
 * quotes and folding are resolved) in `style`. A timestamp keeps its text; a big integer becomes a number.
 */
export function scalarFields(value: unknown, source: string | undefined, style: string | undefined): Pick<TreeNode, 'type' | 'value' | 'style'> {
  const type = value === null ? 'null' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
  return { type, value: typeof value === 'bigint' ? Number(value) : value instanceof Date ? source : value, style };
}

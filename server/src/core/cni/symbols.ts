// The outline of a CNI config: the network, then its plugin chain, each with its IPAM.
import type { JsonNode } from '../common/json';
import type { CniAnalysis } from './analyze';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: 'network' | 'plugin' | 'ipam';
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: OutlineSymbol[];
}

export function outlineCni(analysis: CniAnalysis): OutlineSymbol[] {
  const model = analysis.model;
  if (!model) return [];
  const plugins = model.plugins.filter((p) => p.node.type === 'object').map((p): OutlineSymbol => {
    const selection = p.typeNode ?? p.node;
    const ipam = p.ipamNode?.type === 'object' ? [symbol(p.ipamType ?? 'ipam', 'IPAM', 'ipam', p.ipamNode.parent ?? p.ipamNode, p.ipamNode, [])] : [];
    // Untyped: named by its list position where there is a list (as pluginLabel words it in
    // messages), and the detail says why rather than repeating "plugin".
    const name = p.type ?? (p.inList ? `plugin ${p.index + 1}` : 'plugin');
    const detail = p.meta ? `${p.meta.kind} plugin` : p.type ? 'plugin' : 'no type';
    return symbol(name, detail, 'plugin', p.node, selection, ipam);
  });
  if (model.shape === 'single') return plugins;
  return [symbol(model.name ?? 'network', model.cniVersion ? `cniVersion ${model.cniVersion}` : undefined, 'network', model.root, model.nameNode ?? model.root, plugins)];
}

function symbol(name: string, detail: string | undefined, kind: OutlineSymbol['kind'], node: JsonNode, selection: JsonNode, children: OutlineSymbol[]): OutlineSymbol {
  return {
    name, detail, kind, children,
    start: node.offset, end: node.offset + node.length,
    selectionStart: selection.offset, selectionEnd: selection.offset + selection.length,
  };
}

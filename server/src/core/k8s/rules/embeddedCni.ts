// Runs the CNI language service on a CNI config embedded in a YAML string and reports its
// findings at the exact places in the YAML. Indexing only reads the config's address pools.
import type { JsonNode } from '../../common/json';
import { analyzeCni, modelOf } from '../../cni/analyze';
import { addressPools } from '../../cni/subnets';
import type { CniModel, ConfigShape } from '../../cni/model';
import { embed, mapFindings } from '../embedded';
import type { K8sRuleContext } from './context';

/** @returns the config's model, for rules that read more of it (so they need not parse it again). */
export function checkEmbeddedCni(ctx: K8sRuleContext, node: JsonNode, shape: ConfigShape | 'auto'): CniModel | undefined {
  const mapping = embed(ctx.text, node);
  const text = mapping?.text ?? String(node.value);
  let model: CniModel | undefined;
  if (ctx.factsOnly) {
    model = modelOf(text, ctx.cni, shape);
  } else {
    const analysis = analyzeCni(text, ctx.cni, { shape, embedded: true });
    for (const f of mapFindings(analysis.findings, node, mapping)) ctx.report(f);
    ctx.embed({ language: 'cni', node, mapping, shape });
    model = analysis.model;
  }
  const source = `${ctx.def.kind} ${ctx.resource.namespace ?? 'default'}/${ctx.resource.name ?? ''}`;
  const pools = addressPools(model).map((p) => ({
    cidr: p.cidr,
    span: mapping ? { start: mapping.toSource(p.start), end: mapping.toSource(p.end - 1) + 1 } : { start: node.offset, end: node.offset + node.length },
    source,
  }));
  ctx.facts.subnets = [...(ctx.facts.subnets ?? []), ...pools];
  return model;
}

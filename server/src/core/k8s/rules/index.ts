// Which rules run for which kind.
import type { KindDef } from '../kinds';
import type { K8sRule } from './context';
import { checkMetadata, checkRemovedApi } from './metadata';
import { checkService } from './service';
import { checkIngress } from './ingress';
import { checkNetworkPolicy } from './networkPolicy';
import { checkNad } from './nad';
import { checkWorkload } from './workload';
import { checkFlannelConfigMap } from './flannel';
import { checkCilium } from './cilium';
import { checkCalico } from './calico';

const byGroup: Record<KindDef['group'], K8sRule[]> = {
  service: [checkService],
  ingress: [checkIngress],
  networkPolicy: [checkNetworkPolicy],
  endpointSlice: [],
  gateway: [],
  networkAttachment: [checkNad],
  workload: [checkWorkload],
  cilium: [checkCilium],
  calico: [checkCalico],
  flannel: [checkFlannelConfigMap],
};

/** The rules that find facts for the checks across files (address ranges, requested networks); the rest only report. */
const findFacts = new Set<K8sRule>([checkNad, checkWorkload, checkCalico, checkFlannelConfigMap]);

/** @param factsOnly only the rules indexing needs (see K8sRuleContext.factsOnly) */
export function rulesFor(def: KindDef, factsOnly = false): K8sRule[] {
  const rules = [checkMetadata, checkRemovedApi, ...byGroup[def.group]];
  return factsOnly ? rules.filter((rule) => findFacts.has(rule)) : rules;
}

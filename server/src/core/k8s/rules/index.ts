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

export function rulesFor(def: KindDef): K8sRule[] {
  return [checkMetadata, checkRemovedApi, ...byGroup[def.group]];
}

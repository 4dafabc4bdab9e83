// The address pools a CNI config hands out from (host-local ranges, whereabouts ranges), for
// checks that compare networks across files.
import { propertyLoose, stringValue, type JsonNode } from '../common/json';
import type { CniModel } from './model';

export interface PoolRange {
  cidr: string;
  /** Offsets of the value in the config text. */
  start: number;
  end: number;
}

export function addressPools(model: CniModel | undefined): PoolRange[] {
  const pools: PoolRange[] = [];
  const add = (node: JsonNode | undefined, cidr = stringValue(node)) => {
    if (node && cidr) pools.push({ cidr, start: node.offset, end: node.offset + node.length });
  };
  for (const plugin of model?.plugins ?? []) {
    const ipam = plugin.ipamNode;
    if (plugin.ipamType === 'host-local') {
      add(propertyLoose(ipam, 'subnet'));
      const ranges = propertyLoose(ipam, 'ranges');
      for (const set of ranges?.type === 'array' ? ranges.children ?? [] : []) {
        for (const range of set.type === 'array' ? set.children ?? [] : []) add(propertyLoose(range, 'subnet'));
      }
    } else if (plugin.ipamType === 'whereabouts') {
      const range = propertyLoose(ipam, 'range');
      // whereabouts also accepts "first-IP-CIDR" (e.g. 10.1.0.10-10.1.0.0/24): the CIDR is after the dash.
      add(range, stringValue(range)?.replace(/^[^/]*-(?=[^-]*\/)/, ''));
      const ipRanges = propertyLoose(ipam, 'ipRanges');
      for (const r of ipRanges?.type === 'array' ? ipRanges.children ?? [] : []) add(propertyLoose(r, 'range'));
    }
  }
  return pools;
}

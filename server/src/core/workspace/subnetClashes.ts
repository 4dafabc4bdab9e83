// Which address ranges of the workspace overlap a range of another object: sorted by start,
// each range is compared with its neighbours only, so thousands of networks stay cheap.
import { parseCidr, type Cidr } from '../common/ip';
import type { SubnetFact } from '../k8s/summary';
import type { IndexedObject } from './workspaceIndex';

export interface Clash {
  text: string;
  source: string;
}

interface Entry {
  owner: IndexedObject;
  fact: SubnetFact;
  cidr: Cidr;
}

export function findClashes(objects: IndexedObject[]): Map<SubnetFact, Clash> {
  const clashes = new Map<SubnetFact, Clash>();
  const all: Entry[] = [];
  for (const owner of objects) {
    for (const fact of owner.subnets) {
      const cidr = subnetRange(fact);
      if (cidr) all.push({ owner, fact, cidr });
    }
  }
  // An IPPool the operator made from an Installation's pool (its label, the same range) is that
  // pool as the cluster holds it: count it as the Installation's own, so the two never clash.
  const installationPools = new Map<string, IndexedObject>();
  for (const e of all) if (e.fact.calico === 'installation') installationPools.set(rangeKey(e.cidr), e.owner);
  for (const e of all) if (e.fact.calico === 'operator') e.owner = installationPools.get(rangeKey(e.cidr)) ?? e.owner;
  for (const family of [4, 6]) {
    const entries = all.filter((e) => e.cidr.address.family === family);
    entries.sort((a, b) => (a.cidr.network < b.cidr.network ? -1 : a.cidr.network > b.cidr.network ? 1 : 0));
    // The two furthest-reaching earlier ranges of different owners: one of them is the best candidate.
    let best: Entry | undefined;
    let second: Entry | undefined;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const earlier = best && best.owner !== e.owner ? best : second;
      let clash = earlier && earlier.cidr.last >= e.cidr.network ? earlier : undefined;
      for (let j = i + 1; !clash && j < entries.length && entries[j].cidr.network <= e.cidr.last; j++) {
        if (entries[j].owner !== e.owner) clash = entries[j];
      }
      if (clash) clashes.set(e.fact, { text: clash.fact.cidr, source: clash.fact.source });
      if (!best || e.cidr.last > best.cidr.last) {
        if (best && best.owner !== e.owner) second = best;
        best = e;
      } else if (e.owner !== best.owner && (!second || e.cidr.last > second.cidr.last)) {
        second = e;
      }
    }
  }
  return clashes;
}

const rangeKey = (cidr: Cidr) => `${cidr.address.family} ${cidr.network}/${cidr.prefix}`;

const ranges = new WeakMap<SubnetFact, Cidr | undefined>();

/** A subnet's parsed range, parsed once per fact: the facts of a file outlive most edits of it. */
export function subnetRange(fact: SubnetFact): Cidr | undefined {
  if (!ranges.has(fact)) ranges.set(fact, parseCidr(fact.cidr));
  return ranges.get(fact);
}

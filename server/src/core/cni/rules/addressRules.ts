// Address checks for IPAM sections that a schema cannot express: host bits, ranges inside
// their subnet, overlapping subnets, address families. host-local rejects most of these.
import { finding, type Severity } from '../../common/findings';
import { keyOrValue, propertyLoose, stringValue, type JsonNode } from '../../common/json';
import { contains, formatNetwork, overlaps, parseCidr, parseIp, width, type Cidr } from '../../common/ip';
import { aboutNullKey, isSet, span, type Rule, type RuleContext } from './context';

interface RangeInfo {
  node: JsonNode;
  subnetNode: JsonNode;
  subnet: Cidr;
}

export const checkHostLocal: Rule = (ctx) => {
  for (const plugin of ctx.model.plugins) {
    if (plugin.ipamType !== 'host-local' || plugin.ipamNode?.type !== 'object') continue;
    const sets: RangeInfo[][] = [];
    const subnet = propertyLoose(plugin.ipamNode, 'subnet');
    const legacy = isSet(subnet) ? checkRange(ctx, plugin.ipamNode) : undefined;
    if (legacy) sets.push([legacy]);
    const ranges = propertyLoose(plugin.ipamNode, 'ranges');
    for (const set of ranges?.type === 'array' ? ranges.children ?? [] : []) {
      if (set.type !== 'array') continue;
      const infos = (set.children ?? []).map((r) => checkRange(ctx, r)).filter((r): r is RangeInfo => !!r);
      checkWithinSet(ctx, infos);
      sets.push(infos);
    }
    checkAcrossSets(ctx, sets);
    checkOnePerFamily(ctx, sets.map((set) => set[0]).filter((r): r is RangeInfo => !!r));
    const runtimeRanges = propertyLoose(propertyLoose(plugin.node, 'capabilities'), 'ipRanges')?.value === true;
    const hasRanges = isSet(ranges) || runtimeRanges;
    const need = 'host-local needs "ranges" (or the older "subnet")';
    if (subnet && (subnet.type === 'null' || subnet.value === '')) {
      // Neither is "not set": host-local decodes subnet into a CIDR type that fails on null and on
      // "", ranges or not. An empty one is reported at its value, where this replaces the schema's
      // plain "not a CIDR"; a null one at its key.
      const state = subnet.type === 'null' ? 'null' : 'empty';
      const at = span(state === 'null' ? keyOrValue(subnet) : subnet);
      const code = state === 'empty' ? 'cni/invalid-address' : hasRanges ? 'cni/wrong-type' : 'cni/missing-key';
      const message = hasRanges
        ? `"subnet" is ${state}, which host-local cannot read: it fails with "invalid CIDR address" instead of ignoring it. Remove "subnet", or give it a CIDR such as "10.22.0.0/16".`
        : `"subnet" is ${state}, which host-local cannot read (it fails with "invalid CIDR address"), and there are no "ranges": ${need}. Give "subnet" a CIDR such as "10.22.0.0/16", or replace it with "ranges".`;
      // a null ranges beside it is part of the same mistake
      ctx.report(aboutNullKey(finding(at.start, at.end, 'error', code, message), ranges ? [ranges] : []));
    } else if (!isSet(subnet) && !hasRanges) {
      // ranges, if there at all, is null here: point at it.
      const at = span(keyOrValue(ranges ?? plugin.ipamNode));
      const f = finding(at.start, at.end, 'error', 'cni/missing-key',
        `${ranges ? '"ranges" is null, which counts as not set: ' : ''}${need}: without them it fails with "no IP ranges specified".`);
      ctx.report(ranges ? aboutNullKey(f) : f);
    }
  }
};

/** Checks one range object (or the legacy top-level fields); returns its subnet when usable. */
function checkRange({ report }: RuleContext, range: JsonNode): RangeInfo | undefined {
  const subnetNode = propertyLoose(range, 'subnet');
  const subnet = parseCidr(stringValue(subnetNode) ?? '');
  if (!subnetNode || !subnet) return undefined; // missing or malformed subnets are schema errors
  const at = span(subnetNode);
  const bits = width(subnet.address.family);
  if (subnet.address.value !== subnet.network) {
    const fixed = formatNetwork(subnet);
    report(finding(at.start, at.end, 'error', 'cni/host-bits',
      `The subnet ${subnetNode.value} has host bits set; host-local rejects it. The network is ${fixed}.`,
      [{ title: `Change to "${fixed}"`, edits: [{ start: at.start, end: at.end, newText: JSON.stringify(fixed) }], preferred: true }]));
  }
  if (bits - subnet.prefix < 2) {
    report(finding(at.start, at.end, 'error', 'cni/subnet-too-small',
      `The subnet /${subnet.prefix} is too small: host-local needs at least four addresses (at most /${bits - 2}).`));
  }
  const start = address(report, range, 'rangeStart', subnet, 'error');
  const end = address(report, range, 'rangeEnd', subnet, 'error');
  address(report, range, 'gateway', subnet, 'warning');
  if (start && end && start.value > end.value) {
    report(finding(span(start.node).start, span(start.node).end, 'error', 'cni/range-order',
      `rangeStart ${start.node.value} comes after rangeEnd ${end.node.value}; host-local rejects the range.`));
  }
  return { node: range, subnetNode, subnet };
}

function address(report: RuleContext['report'], range: JsonNode, key: string, subnet: Cidr, severity: Severity) {
  const node = propertyLoose(range, key);
  const ip = parseIp(stringValue(node) ?? '');
  if (!node || !ip) return undefined;
  if (!contains(subnet, ip)) {
    const at = span(node);
    const consequence = severity === 'error'
      ? 'host-local rejects the range'
      : 'host-local accepts it, but the container gets a gateway it cannot reach directly';
    report(finding(at.start, at.end, severity, 'cni/outside-subnet',
      `${key} ${node.value} is not inside the subnet ${formatNetwork(subnet)}: ${consequence}.`));
  }
  return { node, value: ip.value };
}

/** Alternatives in one range set must share a family and must not overlap. */
function checkWithinSet({ report }: RuleContext, infos: RangeInfo[]): void {
  for (let i = 1; i < infos.length; i++) {
    const at = span(infos[i].subnetNode);
    if (infos[i].subnet.address.family !== infos[0].subnet.address.family) {
      report(finding(at.start, at.end, 'error', 'cni/mixed-families',
        'All ranges in one range set must be of the same IP family; put IPv4 and IPv6 ranges in separate sets.'));
      continue;
    }
    const clash = infos.slice(0, i).find((o) => overlaps(o.subnet, infos[i].subnet));
    if (clash) {
      report(finding(at.start, at.end, 'error', 'cni/overlapping-ranges',
        `${infos[i].subnetNode.value} overlaps ${clash.subnetNode.value} in the same range set; host-local rejects overlapping ranges.`));
    }
  }
}

function checkAcrossSets({ report }: RuleContext, sets: RangeInfo[][]): void {
  const seen: RangeInfo[] = [];
  for (const set of sets) {
    for (const info of set) {
      const clash = seen.find((o) => overlaps(o.subnet, info.subnet));
      if (clash) {
        const at = span(info.subnetNode);
        report(finding(at.start, at.end, 'error', 'cni/overlapping-ranges',
          `${info.subnetNode.value} overlaps ${clash.subnetNode.value} from another range set; host-local rejects range sets that overlap.`));
      }
    }
    seen.push(...set);
  }
}

/** Results before spec 0.3.0 carry one IPv4 and one IPv6 address at most (`ip4`, `ip6`). */
function checkOnePerFamily({ model, report }: RuleContext, firsts: RangeInfo[]): void {
  const version = model.cniVersion ?? '0.1.0';
  if (!['0.1.0', '0.2.0'].includes(version)) return;
  for (const family of [4, 6]) {
    const same = firsts.filter((r) => r.subnet.address.family === family);
    for (const extra of same.slice(1)) {
      const at = span(extra.subnetNode);
      report(finding(at.start, at.end, 'error', 'cni/version-too-old',
        `cniVersion ${version} allows one address per IP family, but this is a second IPv${family} range set; host-local rejects it. Use cniVersion 0.3.0 or later.`));
    }
  }
}

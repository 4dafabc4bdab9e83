// NetworkAttachmentDefinitions and pods' extra interfaces in one line each. Pure.
import type { KubeObject } from '../api';
import { arr, rec, str, strings } from '../fields';
import type { NetworkAttachment, PodAttachments, PodInterface } from '../model';
import { refTo, resources } from '../resources';

export const NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';
export const NETWORK_STATUS_ANNOTATION = 'k8s.v1.cni.cncf.io/network-status';
/** The deprecated predecessor Multus 3.x wrote. */
const LEGACY_STATUS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks-status';

export function summariseNad(nad: KubeObject): NetworkAttachment {
  const base: NetworkAttachment = {
    namespace: nad.metadata.namespace ?? '',
    name: nad.metadata.name,
    plugins: [],
    resourceName: nad.metadata.annotations?.['k8s.v1.cni.cncf.io/resourceName'],
    ref: refTo(resources.networkAttachmentDefinitions, nad),
  };
  const config = str(rec(nad.spec).config);
  // no config: Multus uses the file in its confDir whose network name is the NAD's name
  if (!config?.trim()) return base;
  let parsed: Record<string, unknown>;
  try {
    parsed = rec(JSON.parse(config));
  } catch {
    return { ...base, configError: 'spec.config is not valid JSON' };
  }
  const plugins = Array.isArray(parsed.plugins) ? parsed.plugins.map(rec) : [parsed];
  const types = plugins.map((p) => str(p.type)).filter((t): t is string => !!t);
  const withIpam = plugins.find((p) => Object.keys(rec(p.ipam)).length > 0);
  return {
    ...base,
    type: types[0],
    plugins: types,
    cniVersion: str(parsed.cniVersion),
    ipam: withIpam ? ipamSummary(rec(withIpam.ipam)) : undefined,
  };
}

/** `whereabouts 192.168.2.0/24`, `host-local 10.1.0.0/24 (10.1.0.10-10.1.0.50)`, `static 10.0.0.5/24`, `dhcp`. */
export function ipamSummary(ipam: Record<string, unknown>): string {
  const type = str(ipam.type) ?? 'ipam';
  const span = (r: Record<string, unknown>, cidrKey: string, startKey: string, endKey: string) => {
    const cidr = str(r[cidrKey]);
    if (!cidr) return undefined;
    const start = str(r[startKey]);
    const end = str(r[endKey]);
    return start || end ? `${cidr} (${start ?? ''}-${end ?? ''})` : cidr;
  };
  const parts: (string | undefined)[] = [];
  switch (type) {
    case 'whereabouts':
      parts.push(span(ipam, 'range', 'range_start', 'range_end'));
      for (const r of arr(ipam.ipRanges).map(rec)) parts.push(span(r, 'range', 'range_start', 'range_end'));
      break;
    case 'host-local':
      parts.push(span(ipam, 'subnet', 'rangeStart', 'rangeEnd'));
      for (const set of arr(ipam.ranges)) for (const r of arr(set).map(rec)) parts.push(span(r, 'subnet', 'rangeStart', 'rangeEnd'));
      break;
    case 'static':
      for (const a of arr(ipam.addresses).map(rec)) parts.push(str(a.address));
      break;
    default:
      break;
  }
  const details = parts.filter((p): p is string => !!p);
  return details.length ? `${type} ${details.join(', ')}` : type;
}

/** A pod's interfaces from its network-status annotation, or undefined when it has no extra ones. */
export function summarisePodAttachments(pod: KubeObject): PodAttachments | undefined {
  const annotations = pod.metadata.annotations ?? {};
  const requested = annotations[NETWORKS_ANNOTATION];
  const statusText = annotations[NETWORK_STATUS_ANNOTATION] ?? annotations[LEGACY_STATUS_ANNOTATION];
  const interfaces = statusText ? parseNetworkStatus(statusText) : [];
  if (!requested && !interfaces.some((i) => !i.default)) return undefined;
  return {
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name,
    node: str(rec(pod.spec).nodeName),
    requested: requested?.trim() || undefined,
    interfaces,
    ref: refTo(resources.pods, pod),
  };
}

/** The network-status annotation (Network Plumbing WG spec §5): a JSON list, one entry per interface. */
export function parseNetworkStatus(text: string): PodInterface[] {
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch {
    return [];
  }
  return arr(entries).map(rec).map((e) => ({
    network: str(e.name) ?? '',
    interface: str(e.interface),
    ips: strings(e.ips),
    mac: str(e.mac),
    default: e.default === true,
  }));
}

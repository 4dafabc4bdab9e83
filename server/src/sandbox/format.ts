// Plain-text rendering of a report for terminals and output channels.
import type { SandboxReport, SandboxStep } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function formatStep(s: SandboxStep): string {
  const head = `${s.command} ${s.index + 1} ${s.type}`;
  if (s.ok) return `${head} ok`;
  const e = s.error;
  if (!e) return `${head} failed`;
  return `${head} failed: [${e.code}] ${e.msg}${e.details ? ` (${e.details})` : ''}`;
}

export function formatReport(report: SandboxReport): string {
  const lines: string[] = [];
  const failed = report.steps.find((s) => !s.ok && s.command !== 'DEL');
  lines.push(
    report.verdict === 'accept'
      ? 'verdict: accept — the plugins set up and tore down the network'
      : `verdict: reject — ${failed ? rejectReason(failed, report.single === true) : 'a plugin failed'}`,
  );
  for (const s of report.steps) lines.push(`  ${formatStep(s)}`);
  if (report.result !== undefined) lines.push(...formatResult(report.result));
  return lines.join('\n');
}

function rejectReason(s: SandboxStep, single: boolean): string {
  // A single-plugin config has no list, so "plugin 1" would point at one that is not there.
  const where = single ? `${s.command} failed in the ${s.type} plugin` : `${s.command} failed in plugin ${s.index + 1} (${s.type})`;
  // Worth saying: plugins 1.1.1 have CHECK bugs (portmap, bridge without IPAM) that fail
  // configs whose ADD works, and a runtime that never calls CHECK would be fine with them.
  return s.command === 'CHECK' ? `${where} after every ADD succeeded` : where;
}

/** A CNI result (1.0.0, 0.3.x/0.4.0, or the 0.1.0/0.2.0 ip4/ip6 form) as indented lines. */
export function formatResult(result: unknown): string[] {
  if (!isObj(result)) return ['result: (none)'];
  const lines = [`result (cniVersion ${str(result.cniVersion) ?? 'unknown'}):`];
  const ifaces = arr(result.interfaces).filter(isObj);
  if (ifaces.length > 0) {
    lines.push('  interfaces:');
    ifaces.forEach((i, n) => {
      const parts = [`[${n}] ${str(i.name) ?? '?'}`];
      if (str(i.mac)) parts.push(`mac ${i.mac}`);
      if (typeof i.mtu === 'number') parts.push(`mtu ${i.mtu}`);
      parts.push(str(i.sandbox) ? `in container (${i.sandbox})` : 'on host');
      lines.push(`    ${parts.join('  ')}`);
    });
  }
  const ips = arr(result.ips).filter(isObj);
  const legacy = (['ip4', 'ip6'] as const).map((k) => result[k]).filter(isObj);
  if (ips.length > 0 || legacy.length > 0) {
    lines.push('  ips:');
    for (const ip of ips) {
      const iface = typeof ip.interface === 'number' ? str(ifaces[ip.interface]?.name) ?? `interface ${ip.interface}` : undefined;
      lines.push(`    ${ip.address}${str(ip.gateway) ? ` gateway ${ip.gateway}` : ''}${iface ? ` on ${iface}` : ''}`);
    }
    for (const ip of legacy) lines.push(`    ${ip.ip}${str(ip.gateway) ? ` gateway ${ip.gateway}` : ''}`);
  }
  const routes = [...arr(result.routes), ...legacy.flatMap((l) => arr(l.routes))].filter(isObj);
  if (routes.length > 0) {
    lines.push('  routes:');
    for (const r of routes) {
      const extra = ['mtu', 'advmss', 'priority', 'table', 'scope'].filter((k) => r[k] !== undefined).map((k) => `${k} ${r[k]}`);
      lines.push(`    ${r.dst}${str(r.gw) ? ` via ${r.gw}` : ''}${extra.length ? `  ${extra.join('  ')}` : ''}`);
    }
  }
  const dns = isObj(result.dns) ? result.dns : {};
  const dnsParts = [
    arr(dns.nameservers).length ? `nameservers ${arr(dns.nameservers).join(', ')}` : '',
    str(dns.domain) ? `domain ${dns.domain}` : '',
    arr(dns.search).length ? `search ${arr(dns.search).join(', ')}` : '',
    arr(dns.options).length ? `options ${arr(dns.options).join(', ')}` : '',
  ].filter(Boolean);
  lines.push(`  dns: ${dnsParts.length ? dnsParts.join('; ') : '(none)'}`);
  return lines;
}

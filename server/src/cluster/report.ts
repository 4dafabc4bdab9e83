// `cnikit inspect --format text`: the cluster report as aligned sections people can read.
import {
  attachmentSummary, ingressRuleText, modeFacts, nodeSummary, podInterfacesSummary, rolloutText, servicePorts,
} from './describe';
import { CNI_NAMESPACES } from './detect/catalog';
import type { ClusterReport } from './model';

/** Rows as columns padded to their widest cell (the last column is not padded). */
function table(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('   ').trimEnd());
}

function heading(title: string, count?: number): string {
  return count === undefined ? title : `${title} (${count})`;
}

const where = (namespace: string | null, name: string) => (namespace ? `${namespace}/${name}` : name);

export function formatReport(report: ClusterReport): string {
  const out: string[] = [];
  out.push(`Context  ${report.context}`);
  out.push(`Server   ${report.cluster.server}${report.cluster.version ? `  (Kubernetes ${report.cluster.version})` : ''}`);

  out.push('', heading('CNI'));
  if (!report.cnis.length) out.push(`  none found in namespaces ${CNI_NAMESPACES.join(', ')}`);
  for (const cni of report.cnis) {
    out.push(...table([[cni.name, cni.version ?? '(no tag)', rolloutText(cni.ready, cni.desired), `namespace ${cni.namespace}`]]));
    for (const fact of modeFacts(cni.mode)) out.push(`      ${fact}`);
  }

  out.push('', heading('Nodes', report.nodes.length));
  out.push(...table(report.nodes.map((n) => [n.name, nodeSummary(n)])));

  out.push('', heading('Network attachments', report.networkAttachments.length));
  out.push(...table(report.networkAttachments.map((a) => [where(a.namespace, a.name), attachmentSummary(a)])));

  out.push('', heading('Pods with extra interfaces', report.podAttachments.length));
  out.push(...table(report.podAttachments.map((p) => [where(p.namespace, p.name), podInterfacesSummary(p)])));

  out.push('', heading('Network policies', report.networkPolicies.length));
  out.push(...table(report.networkPolicies.map((p) => [where(p.namespace, p.name), p.kind, p.apiVersion, p.selector, p.policyTypes.join('+')])));

  out.push('', heading('Services', report.services.length));
  out.push(...table(report.services.map((s) => [where(s.namespace, s.name), s.type, s.clusterIP ?? s.externalName ?? '', servicePorts(s), s.selector ?? '(no selector)'])));

  out.push('', heading('Ingresses', report.ingresses.length));
  out.push(...table(report.ingresses.map((i) => [where(i.namespace, i.name), i.className ?? '(no class)', i.rules.map(ingressRuleText).join(', ')])));

  if (report.problems.length) {
    out.push('', heading('Problems', report.problems.length));
    out.push(...table(report.problems.map((p) => [p.severity, p.message])));
  }
  return out.join('\n');
}

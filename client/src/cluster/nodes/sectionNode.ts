// One section of a context (CNI, Nodes, Network attachments, Network policies, Services and
// Ingresses): loads its data when expanded, shows problems first, then objects by namespace.
import * as vscode from 'vscode';
import type { Problem, SectionId, SectionResult } from '../../../../server/src/cluster/model';
import type { ClusterModule } from '../backend';
import { Loadable } from '../loadable';
import {
  attachmentRow, cniRow, emptyTexts, groupByNamespace, ingressRow, nodeRow, podRow, policyRow, problemRow, sectionIcons, sectionTitles, serviceRow,
  type Row, type SectionKey,
} from '../presentation';
import type { ContextNode } from './contextNode';
import { errorMessage, errorNodes } from './errorNodes';
import { GroupNode } from './groupNode';
import { MessageNode } from './messageNode';
import { RowNode } from './rowNode';
import type { ExplorerHost, ExplorerNode } from './types';

const loaders: Record<SectionKey, SectionId[]> = {
  cni: ['cnis'],
  nodes: ['nodes'],
  attachments: ['networkAttachments', 'podAttachments'],
  policies: ['networkPolicies'],
  services: ['services', 'ingresses'],
};

type Results = Partial<Record<SectionId, SectionResult<unknown>>>;

interface Loaded {
  results: Results;
  module: ClusterModule;
  children: ExplorerNode[];
  count: number;
}

export class SectionNode {
  readonly kind = 'section';
  readonly data = new Loadable<Loaded>();

  constructor(
    private readonly host: ExplorerHost,
    readonly parent: ContextNode,
    readonly key: SectionKey,
  ) {}

  get id(): string {
    return `context:${this.parent.name}/${this.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(sectionTitles[this.key], vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(sectionIcons[this.key]);
    if (this.data.value) item.description = String(this.data.value.count);
    item.contextValue = 'cnikit.section';
    return item;
  }

  getChildren(): ExplorerNode[] {
    if (this.data.value) return this.data.value.children;
    if (this.data.error) return errorNodes(this.data.error, this);
    if (!this.data.loading) this.load();
    return [MessageNode.loading()];
  }

  refresh(): void {
    if (this.data.started) this.load();
  }

  private load(): void {
    this.data.load(
      async () => {
        const module = await this.host.module();
        const session = await this.parent.session();
        const entries = await Promise.all(loaders[this.key].map(async (id) => [id, await module.sectionLoaders[id](session)] as const));
        const results: Results = Object.fromEntries(entries);
        const { children, count } = this.build(results, module);
        return { results, module, children, count };
      },
      () => {
        if (this.data.error) this.host.log.warn(`cluster: ${this.parent.name}: ${this.key}: ${errorMessage(this.data.error)}`);
        for (const problem of this.problems()) this.host.log.info(`cluster: ${this.parent.name}: ${problem.message}`);
        this.host.changed(this);
      },
    );
  }

  private problems(): Problem[] {
    return Object.values(this.data.value?.results ?? {}).flatMap((r) => r?.problems ?? []);
  }

  private build(results: Results, module: ClusterModule): { children: ExplorerNode[]; count: number } {
    const problems = Object.values(results).flatMap((r) => r?.problems ?? []);
    const problemNodes = problems.map((p, i) => {
      const row = problemRow(p);
      return new MessageNode(row.label, { icon: row.icon, color: row.color, tooltip: row.tooltip, id: `${this.id}/problem:${i}`, command: { title: 'Retry', command: 'cnikit.cluster.refresh', arguments: [this] } });
    });
    const items = <T>(id: SectionId) => (results[id]?.items ?? []) as T[];
    const row = (prefix: string, r: Row) => new RowNode(`${this.id}/${prefix}:${r.label}`, r, this.parent.name);
    let objects: ExplorerNode[] = [];
    let count = 0;
    switch (this.key) {
      case 'cni': {
        const cnis = items<Parameters<typeof cniRow>[0]>('cnis');
        objects = cnis.map((c) => row('cni', cniRow(c, module)));
        count = cnis.length;
        break;
      }
      case 'nodes': {
        const nodes = items<Parameters<typeof nodeRow>[0]>('nodes');
        objects = nodes.map((n) => row('node', nodeRow(n, module)));
        count = nodes.length;
        break;
      }
      case 'attachments': {
        const nads = items<Parameters<typeof attachmentRow>[0]>('networkAttachments');
        const pods = items<Parameters<typeof podRow>[0]>('podAttachments');
        objects = this.byNamespace('nad', nads, (n) => attachmentRow(n, module));
        if (pods.length) {
          const podGroups = this.byNamespace('pod', pods, (p) => podRow(p, module));
          objects.push(new GroupNode(`${this.id}/pods`, 'Pods with extra interfaces', podGroups, { icon: 'symbol-interface', description: String(pods.length) }));
        }
        count = nads.length;
        break;
      }
      case 'policies': {
        const policies = items<Parameters<typeof policyRow>[0]>('networkPolicies');
        objects = this.byNamespace('policy', policies, policyRow);
        count = policies.length;
        break;
      }
      case 'services': {
        const services = items<Parameters<typeof serviceRow>[0]>('services');
        const ingresses = items<Parameters<typeof ingressRow>[0]>('ingresses');
        const all = [
          ...services.map((s) => ({ namespace: s.namespace, row: serviceRow(s, module), prefix: 'service' })),
          ...ingresses.map((i) => ({ namespace: i.namespace, row: ingressRow(i, module), prefix: 'ingress' })),
        ];
        objects = groupByNamespace(all).map((g) => new GroupNode(
          `${this.id}/ns:${g.namespace ?? ''}`,
          g.namespace ?? 'cluster-wide',
          g.items.map((x) => new RowNode(`${this.id}/${x.prefix}:${g.namespace ?? ''}/${x.row.label}`, x.row, this.parent.name)),
          { icon: 'symbol-namespace' },
        ));
        count = all.length;
        break;
      }
    }
    const empty = !objects.length && !problems.length ? [new MessageNode(emptyTexts[this.key], { icon: 'info' })] : [];
    return { children: [...problemNodes, ...objects, ...empty], count };
  }

  /** Objects in namespace folders (cluster-scoped ones in a "cluster-wide" folder). */
  private byNamespace<T extends { namespace: string | null }>(prefix: string, records: T[], toRow: (r: T) => Row): ExplorerNode[] {
    return groupByNamespace(records).map((group) => new GroupNode(
      `${this.id}/${prefix}-ns:${group.namespace ?? ''}`,
      group.namespace ?? 'cluster-wide',
      group.items.map((r) => {
        const row = toRow(r);
        return new RowNode(`${this.id}/${prefix}:${group.namespace ?? ''}/${row.label}`, row, this.parent.name);
      }),
      { icon: 'symbol-namespace' },
    ));
  }
}

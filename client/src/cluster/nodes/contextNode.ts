// One kubeconfig context. Expanding it connects (GET /version, then discovery); its sections load
// when they are expanded.
import * as vscode from 'vscode';
import type { ClusterIdentity, ClusterSession, ContextInfo, Kubeconfig } from '../../../../server/src/cluster';
import { Loadable } from '../loadable';
import type { SectionKey } from '../presentation';
import { errorMessage, errorNodes } from './errorNodes';
import { MessageNode } from './messageNode';
import { SectionNode } from './sectionNode';
import type { ExplorerHost, ExplorerNode } from './types';

export interface Connection {
  session: ClusterSession;
  identity: ClusterIdentity;
}

const sectionKeys: SectionKey[] = ['cni', 'nodes', 'attachments', 'policies', 'services'];

export class ContextNode {
  readonly kind = 'context';
  readonly connection = new Loadable<Connection>();
  readonly sections: SectionNode[];

  constructor(
    private readonly host: ExplorerHost,
    private readonly kubeconfig: Kubeconfig,
    readonly info: ContextInfo,
    readonly active: boolean,
  ) {
    this.sections = sectionKeys.map((key) => new SectionNode(host, this, key));
  }

  get name(): string {
    return this.info.name;
  }

  getTreeItem(): vscode.TreeItem {
    const state = this.active ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(this.info.name, state);
    item.id = `context:${this.info.name}`;
    const server = this.info.server ?? 'no server';
    const version = this.connection.value?.identity.version;
    item.description = [this.active ? 'current' : undefined, version, server].filter(Boolean).join(' · ');
    item.tooltip = `${this.info.name}${this.active ? ' (current context)' : ''}\ncluster ${this.info.cluster}, user ${this.info.user}\n${server}`;
    item.iconPath = new vscode.ThemeIcon(this.active ? 'vm-active' : 'vm', this.active ? new vscode.ThemeColor('charts.green') : undefined);
    item.contextValue = this.active ? 'cnikit.context.current' : 'cnikit.context';
    return item;
  }

  getChildren(): ExplorerNode[] {
    if (this.connection.value) return this.sections;
    if (this.connection.loading) return [MessageNode.loading(`Connecting to ${this.info.server ?? this.info.name}…`)];
    if (this.connection.error) return errorNodes(this.connection.error, this, ['switchContext', 'settings']);
    this.connect();
    return [MessageNode.loading(`Connecting to ${this.info.server ?? this.info.name}…`)];
  }

  /** A connected session, connecting first if needed (for opening objects as YAML). */
  async session(): Promise<ClusterSession> {
    if (!this.connection.started) this.connect();
    await this.connection.settled();
    if (this.connection.value) return this.connection.value.session;
    throw this.connection.error ?? new Error(`not connected to ${this.info.name}`);
  }

  /** Takes over what a previous node for the same context shows, then reloads it (no flash on refresh). */
  adopt(previous: ContextNode): void {
    if (!previous.connection.started) return;
    this.connection.adopt(previous.connection);
    this.sections.forEach((section, i) => section.data.adopt(previous.sections[i].data));
    this.refresh();
  }

  /** Reconnects; the sections that were loaded reload with the new session. */
  refresh(): void {
    if (!this.connection.started) return;
    this.connect(() => {
      for (const section of this.sections) section.refresh();
    });
  }

  dispose(): void {
    this.connection.value?.session.dispose();
  }

  private connect(then?: () => void): void {
    const previous = this.connection.value?.session;
    this.connection.load(
      async () => {
        const { ClusterSession } = await this.host.module();
        const { timeoutMs } = this.host.settings();
        const session = await ClusterSession.open(this.kubeconfig, { context: this.info.name, timeoutMs });
        try {
          const identity = await session.identity();
          await session.servedGroups();
          return { session, identity };
        } catch (error) {
          session.dispose();
          throw error;
        }
      },
      () => {
        if (this.connection.value) {
          previous?.dispose();
          this.host.log.info(`cluster: connected to ${this.info.name} (${this.connection.value.identity.server}, ${this.connection.value.identity.version ?? 'version unknown'})`);
          then?.();
        } else {
          this.host.log.warn(`cluster: ${this.info.name}: ${errorMessage(this.connection.error)}`);
        }
        this.host.changed(this);
      },
    );
  }
}

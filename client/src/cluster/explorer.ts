// The tree: the contexts of the kubeconfig, each with its sections. Everything loads in the
// background: a node shows "Loading…" (or its previous content) and redraws when its data arrives.
import * as vscode from 'vscode';
import type { Kubeconfig } from '../../../server/src/cluster';
import { loadClusterModule } from './backend';
import { Loadable } from './loadable';
import { ContextNode } from './nodes/contextNode';
import { errorMessage, errorNodes } from './nodes/errorNodes';
import { MessageNode } from './nodes/messageNode';
import type { ExplorerHost, ExplorerNode } from './nodes/types';
import { readClusterSettings } from './settings';
import { kubeconfigWaitingForTrust } from './workspaceKubeconfig';

interface Root {
  kubeconfig: Kubeconfig;
  contexts: ContextNode[];
}

/** Where the context chosen with "Switch context" is remembered (the kubeconfig file is never written). */
const ACTIVE_CONTEXT_KEY = 'cnikit.cluster.activeContext';

export class ClusterExplorer implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly root = new Loadable<Root>();
  private readonly host: ExplorerHost;
  /** When VS Code last asked each node for its children. */
  private readonly asked = new WeakMap<ExplorerNode, number>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();

  constructor(
    log: vscode.LogOutputChannel,
    private readonly memento: vscode.Memento,
  ) {
    this.host = { module: loadClusterModule, settings: readClusterSettings, changed: (node) => this.changed(node), log };
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: ExplorerNode): ExplorerNode[] | Promise<ExplorerNode[]> {
    if (node) this.asked.set(node, Date.now());
    return node ? node.getChildren() : this.rootChildren();
  }

  /**
   * Redraws a node whose data arrived. VS Code drops a change event that comes while it is still
   * fetching that node's children (it then shows the stale "Loading…" line), so when the node has
   * not been asked for its children since, the event is sent again, a few times at most. A
   * collapsed node is not asked: it just gets one spare event.
   */
  private changed(node: ExplorerNode | undefined, retries = 3): void {
    const firedAt = Date.now();
    this.emitter.fire(node);
    if (!node || retries === 0) return;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      if ((this.asked.get(node) ?? 0) < firedAt) this.changed(node, retries - 1);
    }, 1000);
    this.retryTimers.add(timer);
  }

  /** Reloads one node, or everything (keeping what is shown until the new data is in). */
  refresh(node?: ExplorerNode): void {
    if (node?.kind === 'context') {
      node.refresh();
    } else if (node?.kind === 'section') {
      if (node.parent.connection.error) node.parent.refresh();
      else node.refresh();
    } else {
      this.reload(true);
    }
  }

  /** Rereads the kubeconfig; `keep`: contexts still there keep their data on screen while reloading. */
  reload(keep: boolean): void {
    const previous = this.root.value;
    this.root.load(() => this.readRoot(), () => {
      if (this.root.error) this.host.log.warn(`cluster: ${errorMessage(this.root.error)}`);
      const next = this.root.value;
      for (const old of previous?.contexts ?? []) {
        const successor = next?.contexts.find((c) => c.name === old.name && c.info.server === old.info.server);
        if (keep && successor) successor.adopt(old);
        else old.dispose();
      }
      this.emitter.fire(undefined);
    });
  }

  activeContextName(): string | undefined {
    const root = this.root.value;
    return root?.contexts.find((c) => c.active)?.name;
  }

  async contexts(): Promise<{ names: string[]; active?: string; servers: Record<string, string | undefined> }> {
    if (!this.root.started) this.reload(false);
    await this.root.settled();
    const root = this.root.value;
    if (!root) throw this.root.error ?? new Error('the kubeconfig could not be read');
    return {
      names: root.contexts.map((c) => c.name),
      active: this.activeContextName(),
      servers: Object.fromEntries(root.contexts.map((c) => [c.name, c.info.server])),
    };
  }

  async useContext(name: string): Promise<void> {
    await this.memento.update(ACTIVE_CONTEXT_KEY, name);
    this.reload(true);
  }

  /** A connected session for a context (for the YAML documents). */
  async session(context: string) {
    if (!this.root.started) this.reload(false);
    await this.root.settled();
    const node = this.root.value?.contexts.find((c) => c.name === context);
    if (!node) throw new Error(`the kubeconfig has no context "${context}" any more`);
    return node.session();
  }

  dispose(): void {
    for (const timer of this.retryTimers) clearTimeout(timer);
    for (const context of this.root.value?.contexts ?? []) context.dispose();
    this.emitter.dispose();
  }

  /**
   * The contexts. Reading the kubeconfig is quick and local, so the view waits for it (showing its
   * own progress bar) instead of a placeholder: a change event fired while the view is still
   * rendering its first answer can be lost, and the placeholder would then stay.
   */
  private async rootChildren(): Promise<ExplorerNode[]> {
    if (!this.root.started) this.reload(false);
    await this.root.settled();
    const root = this.root.value;
    // Said whether or not the kubeconfig loads: in Restricted Mode the fallback often does not
    // exist, and the error alone would not tell why the workspace's own path was not used. (VS Code
    // itself hides the workspace value from `inspect`; other hosts may not.)
    const notes = restrictedModeNotes(readClusterSettings().ignoredWorkspaceKubeconfig ?? (await kubeconfigWaitingForTrust()));
    if (!root) return [...notes, ...errorNodes(this.root.error ?? new Error('the kubeconfig could not be read'), undefined, ['settings'])];
    if (!root.contexts.length) {
      return [...notes, new MessageNode(`No contexts in ${root.kubeconfig.files.join(', ')}`, { icon: 'info' }), MessageNode.action('Open cluster settings', 'cnikit.cluster.openSettings', [], 'settings-gear')];
    }
    return [...notes, ...root.contexts];
  }

  private async readRoot(): Promise<Root> {
    const settings = readClusterSettings();
    this.host.log.info(`cluster: reading the kubeconfig ${settings.kubeconfig ?? '(KUBECONFIG, else ~/.kube/config)'}`);
    const module = await loadClusterModule();
    const kubeconfig = await module.loadKubeconfig({ path: settings.kubeconfig });
    const chosen = this.memento.get<string>(ACTIVE_CONTEXT_KEY);
    const active = chosen && kubeconfig.contexts.some((c) => c.name === chosen) ? chosen : kubeconfig.currentContext;
    return {
      kubeconfig,
      contexts: kubeconfig.contexts.map((info) => new ContextNode(this.host, kubeconfig, info, info.name === active)),
    };
  }
}

/** The row saying a workspace kubeconfig path waits for trust, when there is one. */
function restrictedModeNotes(ignored: string | undefined): ExplorerNode[] {
  if (!ignored) return [];
  return [new MessageNode('Workspace kubeconfig setting ignored in Restricted Mode', {
    icon: 'shield',
    tooltip: `This workspace sets cnikit.cluster.kubeconfig to ${ignored}. It is used only once you trust the workspace; until then the user setting, KUBECONFIG or ~/.kube/config is used.`,
    command: { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' },
  })];
}

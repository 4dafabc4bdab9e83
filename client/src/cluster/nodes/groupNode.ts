// A folder: a namespace, or "Pods with extra interfaces". Its children are fixed when it is made.
import * as vscode from 'vscode';
import type { ExplorerNode } from './types';

export class GroupNode {
  readonly kind = 'group';

  constructor(
    readonly id: string,
    readonly label: string,
    private readonly children: ExplorerNode[],
    private readonly options: { icon?: string; description?: string; expanded?: boolean } = {},
  ) {}

  getTreeItem(): vscode.TreeItem {
    const state = this.options.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(this.label, this.children.length ? state : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.options.description ?? String(this.children.length);
    item.iconPath = new vscode.ThemeIcon(this.options.icon ?? 'folder');
    item.contextValue = 'cnikit.group';
    return item;
  }

  getChildren(): ExplorerNode[] {
    return this.children;
  }
}

// A cluster object (or one fact about it). Objects open as read-only YAML when clicked; their
// facts (mode, addresses, interfaces) are children.
import * as vscode from 'vscode';
import type { ObjectRef } from '../../../../server/src/cluster/model';
import type { Row } from '../presentation';

export class RowNode {
  readonly kind = 'row';
  private readonly details: RowNode[];

  constructor(
    readonly id: string,
    private readonly row: Row,
    /** The kubeconfig context the object lives in (for opening it). */
    readonly context: string,
  ) {
    this.details = (row.details ?? []).map((d, i) => new RowNode(`${id}/${i}:${d.label}`, d, context));
  }

  get ref(): ObjectRef | undefined {
    return this.row.ref;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.row.label, this.details.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.row.description;
    item.tooltip = this.row.tooltip ?? [this.row.label, this.row.description].filter(Boolean).join('\n');
    if (this.row.icon) item.iconPath = new vscode.ThemeIcon(this.row.icon, this.row.color ? new vscode.ThemeColor(this.row.color) : undefined);
    if (this.row.ref) {
      item.contextValue = 'cnikit.resource';
      item.command = { title: 'Open as YAML', command: 'cnikit.cluster.openResource', arguments: [this] };
    } else {
      item.contextValue = 'cnikit.detail';
    }
    return item;
  }

  getChildren(): RowNode[] {
    return this.details;
  }
}

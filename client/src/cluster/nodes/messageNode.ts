// A line that is not a cluster object: loading, empty, an error or a problem, and the next actions
// (retry, switch context, open settings) as clickable lines.
import * as vscode from 'vscode';

export class MessageNode {
  readonly kind = 'message';

  constructor(
    readonly label: string,
    private readonly options: { icon?: string; color?: string; tooltip?: string; command?: vscode.Command; description?: string; id?: string } = {},
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    if (this.options.id) item.id = this.options.id;
    item.description = this.options.description;
    item.tooltip = this.options.tooltip ?? this.label;
    if (this.options.icon) item.iconPath = new vscode.ThemeIcon(this.options.icon, this.options.color ? new vscode.ThemeColor(this.options.color) : undefined);
    item.command = this.options.command;
    item.contextValue = 'cnikit.message';
    return item;
  }

  getChildren(): [] {
    return [];
  }

  static loading(label = 'Loading…'): MessageNode {
    return new MessageNode(label, { icon: 'loading~spin' });
  }

  static action(label: string, command: string, args: unknown[] = [], icon = 'arrow-right'): MessageNode {
    return new MessageNode(label, { icon, command: { title: label, command, arguments: args } });
  }
}

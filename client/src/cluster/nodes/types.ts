// The explorer's node kinds (one file each) and what they need from the explorer.
import type * as vscode from 'vscode';
import type { ClusterModule } from '../backend';
import type { ClusterSettings } from '../settings';
import type { ContextNode } from './contextNode';
import type { GroupNode } from './groupNode';
import type { MessageNode } from './messageNode';
import type { RowNode } from './rowNode';
import type { SectionNode } from './sectionNode';

export type ExplorerNode = ContextNode | SectionNode | GroupNode | RowNode | MessageNode;

/** The explorer as its nodes see it: no vscode.window calls happen inside nodes. */
export interface ExplorerHost {
  module(): Promise<ClusterModule>;
  settings(): ClusterSettings;
  /** Redraws a node (or the whole tree). */
  changed(node?: ExplorerNode): void;
  log: vscode.LogOutputChannel;
}

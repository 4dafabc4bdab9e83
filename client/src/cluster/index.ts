// The cluster explorer: a sidebar tree of live clusters' networking (filled in by the cluster work).
import type * as vscode from 'vscode';

export function registerClusterExplorer(_context: vscode.ExtensionContext, _output: vscode.LogOutputChannel): void {
  // not yet implemented
}

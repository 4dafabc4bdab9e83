// The "CNIKit: Scaffold…" command (filled in by the scaffold work).
import type * as vscode from 'vscode';

export function registerScaffold(_context: vscode.ExtensionContext, _output: vscode.LogOutputChannel): void {
  // not yet implemented
}

// The "CNIKit: Scaffold…" command. Registering costs nothing at activation; the flow and the
// generators (with the yaml library) load only when the command first runs, from the palette
// or from a folder's context menu (which passes the folder's URI).
import * as vscode from 'vscode';

export function registerScaffold(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(vscode.commands.registerCommand('cnikit.scaffold', async (target?: unknown) => {
    const { runScaffoldFlow } = await import('./flow');
    await runScaffoldFlow(output, target instanceof vscode.Uri ? target : undefined);
  }));
}

// Entry point of the VS Code extension: starts the CNIKit language server and nothing heavy else,
// so activation stays cheap. Feature-specific pieces register themselves from their own modules.
import * as vscode from 'vscode';
import { startLanguageClient } from './languageClient';
import { registerClusterExplorer } from './cluster';
import { registerScaffold } from './scaffold';
import { registerWalkthrough } from './walkthrough';
import { registerSandbox } from './sandbox';
import type { LanguageClient } from 'vscode-languageclient/node';

let clientReady: Promise<LanguageClient | undefined> | undefined;

/**
 * Registers everything and starts the language server in the background: activation returns at
 * once instead of waiting for the server's initialize handshake, which VS Code would count as
 * activation time. The returned API holds the client once it has started.
 */
export function activate(context: vscode.ExtensionContext): { client: Promise<LanguageClient | undefined> } {
  const output = vscode.window.createOutputChannel('CNIKit', { log: true });
  context.subscriptions.push(output);
  registerClusterExplorer(context, output);
  registerScaffold(context, output);
  registerWalkthrough(context);
  registerSandbox(context, output);
  clientReady = startLanguageClient(context, output).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    output.error(`The CNIKit language server did not start: ${reason}`);
    void vscode.window.showErrorMessage(`CNIKit: the language server did not start (${reason}). See the CNIKit output for details.`);
    return undefined;
  });
  return { client: clientReady };
}

export async function deactivate(): Promise<void> {
  const client = await clientReady;
  clientReady = undefined;
  await client?.stop();
}

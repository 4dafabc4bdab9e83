// Entry point of the VS Code extension: starts the CNIKit language server and nothing heavy else,
// so activation stays cheap. Feature-specific pieces register themselves from their own modules.
import * as vscode from 'vscode';
import { startLanguageClient } from './languageClient';
import { registerClusterExplorer } from './cluster';
import { registerScaffold } from './scaffold';
import { registerWalkthrough } from './walkthrough';
import { registerSandbox } from './sandbox';
import type { LanguageClient } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient | undefined }> {
  const output = vscode.window.createOutputChannel('CNIKit', { log: true });
  context.subscriptions.push(output);
  registerClusterExplorer(context, output);
  registerScaffold(context, output);
  registerWalkthrough(context);
  registerSandbox(context, output);
  try {
    client = await startLanguageClient(context, output);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    output.error(`The CNIKit language server did not start: ${reason}`);
    void vscode.window.showErrorMessage(`CNIKit: the language server did not start (${reason}). See the CNIKit output for details.`);
  }
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

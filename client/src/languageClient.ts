// Builds and starts the language client: which documents the server sees and how it is launched.
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { serverNodeOptions } from '../../server/src/node/nodeOptions';

/**
 * Documents the server serves. JSON files count only inside a CNI config folder; YAML files are
 * all sent, and the server stays silent on the ones that hold no networking objects.
 */
export const documentSelector = [
  { language: 'cni' },
  { language: 'json', pattern: '**/net.d/**/*.json' },
  { language: 'yaml' },
];

export async function startLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
): Promise<LanguageClient> {
  // The client library loads here, after activation has returned (it is most of the bundle).
  const { LanguageClient, TransportKind } = await import('vscode-languageclient/node');
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...serverNodeOptions] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...serverNodeOptions, '--nolazy', '--inspect=6029'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    // The server indexes the workspace itself; these events keep its index current.
    synchronize: { configurationSection: ['cnikit', 'files'], fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,conflist,conf,json}') },
  };
  const client = new LanguageClient('cnikit', 'CNIKit', serverOptions, clientOptions);
  await client.start();
  return client;
}

// The explorer's commands. None of them changes the cluster: they refresh, choose the context
// CNIKit shows (kept in VS Code's state, never written to the kubeconfig), and open, copy or save
// an object's YAML. Saving never replaces a file without asking.
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { ClusterExplorer } from './explorer';
import type { ContextNode } from './nodes/contextNode';
import type { ExplorerNode } from './nodes/types';
import { addressOf, objectUri, type ClusterYamlProvider, type ObjectAddress } from './yamlDocuments';

export function registerClusterCommands(explorer: ClusterExplorer, documents: ClusterYamlProvider, output: vscode.LogOutputChannel): vscode.Disposable[] {
  const command = (id: string, run: (...args: any[]) => unknown) => // eslint-disable-line @typescript-eslint/no-explicit-any
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await run(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        output.warn(`cluster: ${id}: ${message}`);
        void vscode.window.showErrorMessage(`CNIKit: ${message}`);
      }
    });

  return [
    command('cnikit.cluster.refresh', (node?: ExplorerNode) => {
      explorer.refresh(node);
      if (!node) documents.refreshOpenDocuments();
    }),
    command('cnikit.cluster.switchContext', async () => {
      const { names, active, servers } = await explorer.contexts();
      if (!names.length) {
        void vscode.window.showInformationMessage('CNIKit: the kubeconfig has no contexts.');
        return;
      }
      const picked = await vscode.window.showQuickPick(
        names.map((name) => ({ label: name, description: name === active ? 'current' : undefined, detail: servers[name], iconPath: new vscode.ThemeIcon(name === active ? 'vm-active' : 'vm') })),
        { title: 'Switch context', placeHolder: 'The context CNIKit shows first (your kubeconfig file is not changed)' },
      );
      if (picked && picked.label !== active) await explorer.useContext(picked.label);
    }),
    command('cnikit.cluster.useContext', (node?: ContextNode) => node && explorer.useContext(node.name)),
    command('cnikit.cluster.openResource', async (target?: ExplorerNode | vscode.Uri) => {
      const address = addressFrom(target);
      if (!address) return;
      const doc = await vscode.workspace.openTextDocument(objectUri(address));
      if (doc.languageId !== 'yaml') await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
    command('cnikit.cluster.copyYaml', async (target?: ExplorerNode | vscode.Uri) => {
      const address = addressFrom(target);
      if (!address) return;
      await vscode.env.clipboard.writeText(await yamlOf(address));
      void vscode.window.showInformationMessage(`CNIKit: copied ${address.ref.kind} ${address.ref.name} as YAML.`);
    }),
    command('cnikit.cluster.saveYaml', async (target?: ExplorerNode | vscode.Uri) => {
      const address = addressFrom(target);
      if (address) await saveToWorkspace(address, await yamlOf(address));
    }),
    command('cnikit.cluster.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', 'cnikit.cluster')),
  ];
}

/** The object a command is about: a tree row, a cluster document's URI, or the active editor. */
function addressFrom(target?: ExplorerNode | vscode.Uri): ObjectAddress | undefined {
  if (target instanceof vscode.Uri) return addressOf(target);
  if (target?.kind === 'row' && target.ref) return { context: target.context, ref: target.ref };
  const active = vscode.window.activeTextEditor?.document.uri;
  return active ? addressOf(active) : undefined;
}

async function yamlOf(address: ObjectAddress): Promise<string> {
  // the open document if there is one (what the user sees), else a fresh read
  return (await vscode.workspace.openTextDocument(objectUri(address))).getText();
}

async function saveToWorkspace(address: ObjectAddress, text: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const name = `${address.ref.name}.${address.ref.kind.toLowerCase()}.yaml`;
  const target = await vscode.window.showSaveDialog({
    title: `Save ${address.ref.kind} ${address.ref.name} into the workspace`,
    saveLabel: 'Save',
    defaultUri: folder ? vscode.Uri.joinPath(folder.uri, name) : undefined,
    filters: { YAML: ['yaml', 'yml'] },
  });
  if (!target) return;
  if (await exists(target)) {
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(
      `${basename(target.path)} already exists. Replace it with ${address.ref.kind} ${address.ref.name} from the cluster?`,
      { modal: true },
      replace,
    );
    if (answer !== replace) return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(target);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

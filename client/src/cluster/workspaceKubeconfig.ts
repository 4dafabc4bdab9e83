// In Restricted Mode VS Code drops a workspace's values of the settings an extension declares
// restricted before the extension can see them (`inspect` included), so the explorer reads the
// workspace's settings files itself to say that a kubeconfig path there waits for trust. The path
// found is only shown, never used.
import * as vscode from 'vscode';
import { kubeconfigInSettingsFile } from './kubeconfigSetting';

/** The workspace's own kubeconfig path while the workspace is not trusted; undefined once it is, or when it sets none. */
export async function kubeconfigWaitingForTrust(): Promise<string | undefined> {
  if (vscode.workspace.isTrusted) return undefined;
  const workspaceFile = vscode.workspace.workspaceFile;
  const files = [
    ...(workspaceFile && workspaceFile.scheme !== 'untitled' ? [{ uri: workspaceFile, workspaceFile: true }] : []),
    ...(vscode.workspace.workspaceFolders ?? []).map((folder) => ({ uri: vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json'), workspaceFile: false })),
  ];
  for (const file of files) {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file.uri));
    } catch {
      continue; // no settings file there
    }
    const path = kubeconfigInSettingsFile(text, file.workspaceFile);
    if (path) return path;
  }
  return undefined;
}

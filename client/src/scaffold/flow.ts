// The "CNIKit: Scaffold…" flow: pick what to scaffold, answer its options (pickers for choices,
// input boxes checked as typed by the same rules as the CLI), pick a folder, confirm before
// replacing anything, write all files or none, and open them.
import * as vscode from 'vscode';
import {
  applies, checkValue, defaultValue, kindSpecs, scaffold, type KindSpec, type OptionSpec, type OptionValues,
} from '../../../server/src/core/scaffold';
import { existingFiles, writeAllOrNothing, ScaffoldWriteError, type FileStore } from './writeFiles';

export async function runScaffoldFlow(output: vscode.LogOutputChannel, target?: vscode.Uri): Promise<void> {
  const spec = await pickKind();
  if (!spec) return;
  const values = await askOptions(spec);
  if (!values) return;
  const folder = target ?? await pickFolder();
  if (!folder) return;
  const { files } = scaffold(spec.kind, values);
  const replaced = await existingFiles(workspaceStore, folder, files);
  if (replaced.length) {
    const answer = await vscode.window.showWarningMessage(
      `Replace ${replaced.length === 1 ? 'a file that exists' : `${replaced.length} files that exist`} in ${folder.fsPath || folder.path}?`,
      { modal: true, detail: replaced.join('\n') },
      'Replace',
    );
    if (answer !== 'Replace') return;
  }
  let written: vscode.Uri[];
  try {
    written = await writeAllOrNothing(workspaceStore, folder, files);
  } catch (error) {
    const message = error instanceof ScaffoldWriteError ? error.message : `Scaffolding failed: ${error instanceof Error ? error.message : String(error)}`;
    output.error(message);
    void vscode.window.showErrorMessage(`CNIKit: ${message}`);
    return;
  }
  output.info(`Scaffolded ${spec.kind}: ${written.map((u) => u.toString()).join(', ')}`);
  // Opened last to first, so that the first file ends up in front.
  for (const uri of [...written].reverse()) await vscode.window.showTextDocument(uri, { preview: false });
}

async function pickKind(): Promise<KindSpec | undefined> {
  const picked = await vscode.window.showQuickPick(
    kindSpecs.map((spec) => ({ label: spec.title, detail: spec.description, spec })),
    { title: 'CNIKit: Scaffold', placeHolder: 'What to scaffold', matchOnDetail: true, ignoreFocusOut: true },
  );
  return picked?.spec;
}

/** Asks every option that applies, in registry order; undefined when the user cancels. */
async function askOptions(spec: KindSpec): Promise<OptionValues | undefined> {
  const chosen: Record<string, string> = {};
  for (const option of spec.options) {
    if (!applies(option, chosen)) continue;
    const fallback = settingOrDefault(option, chosen);
    const answer = option.fromSettings ? fallback : await ask(spec, option, chosen, fallback);
    if (answer === undefined) return undefined;
    chosen[option.name] = answer;
  }
  return chosen;
}

/** An option's setting (such as cnikit.workspace.serviceCidr) when it is set and valid, else its default. */
function settingOrDefault(option: OptionSpec, chosen: OptionValues): string {
  const dot = option.setting?.lastIndexOf('.') ?? -1;
  const configured = option.setting && vscode.workspace.getConfiguration(option.setting.slice(0, dot)).get<string>(option.setting.slice(dot + 1));
  return configured && !checkValue(option, configured, chosen) ? configured : defaultValue(option, chosen);
}

async function ask(spec: KindSpec, option: OptionSpec, chosen: OptionValues, fallback: string): Promise<string | undefined> {
  const title = `Scaffold ${spec.title}: ${option.name}`;
  if (option.choices) {
    const items = option.choices.map((c) => ({ label: c.value, description: c.value === fallback ? '(default)' : undefined, detail: c.description }));
    items.sort((a, b) => Number(b.label === fallback) - Number(a.label === fallback));
    return (await vscode.window.showQuickPick(items, { title, placeHolder: option.description, ignoreFocusOut: true }))?.label;
  }
  const answer = await vscode.window.showInputBox({
    title,
    prompt: option.description,
    value: fallback,
    ignoreFocusOut: true,
    validateInput: (value) => checkValue(option, value.trim(), chosen),
  });
  return answer?.trim();
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const browse = { label: '$(folder-opened) Choose another folder…', uri: undefined as vscode.Uri | undefined };
  const picked = folders.length
    ? await vscode.window.showQuickPick([...folders.map((f) => ({ label: f.name, description: f.uri.fsPath || f.uri.path, uri: f.uri as vscode.Uri | undefined })), browse], { title: 'CNIKit: Scaffold into', ignoreFocusOut: true })
    : browse;
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Scaffold here', defaultUri: folders[0]?.uri });
  return chosen?.[0];
}

const workspaceStore: FileStore<vscode.Uri> = {
  join: (base, relativePath) => vscode.Uri.joinPath(base, ...relativePath.split('/')),
  parent: (uri) => vscode.Uri.joinPath(uri, '..'),
  key: (uri) => uri.toString(),
  stat: async (uri) => {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      return stat.type & vscode.FileType.Directory ? 'folder' : 'file';
    } catch {
      return undefined;
    }
  },
  read: (uri) => Promise.resolve(vscode.workspace.fs.readFile(uri)),
  write: (uri, content) => Promise.resolve(vscode.workspace.fs.writeFile(uri, content)),
  remove: (uri) => Promise.resolve(vscode.workspace.fs.delete(uri, { recursive: false, useTrash: false })),
  createFolder: (uri) => Promise.resolve(vscode.workspace.fs.createDirectory(uri)),
};

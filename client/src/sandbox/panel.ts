// The result panel: a virtual read-only document (scheme `cnikit-try`) opened beside the editor.
// Chosen over a webview because the report is plain text (the same lines `cnikit try` prints), and a
// text document gets for free what a webview would have to rebuild: the user's theme and font,
// find, copy, screen-reader support, no scripts or content-security policy, and it is cheap to show.
// One document per tried file (and NAD document), updated in place by each run.
import * as vscode from 'vscode';

export const PANEL_SCHEME = 'cnikit-try';

export class TryPanel implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(PANEL_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This report is gone; run "CNIKit: Try in Sandbox" again.\n';
  }

  /** Shows `text` for `source` (a file, or one document of it) beside the editor, keeping focus there. */
  async show(source: vscode.Uri, document: number | undefined, text: string): Promise<void> {
    const base = source.path.split('/').pop() || 'config';
    const label = document === undefined ? base : `${base} (document ${document})`;
    // `.txt`: plain text, so that neither the language server nor the CodeLens take a report on
    // `x.conflist` for a CNI config.
    const uri = vscode.Uri.from({ scheme: PANEL_SCHEME, path: `/Try ${label}.txt`, query: `${source.toString()}#${document ?? ''}` });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.texts.clear();
  }
}

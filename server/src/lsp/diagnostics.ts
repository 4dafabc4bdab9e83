// Pushes diagnostics after edits. Work is queued per document and run on the next turn of the
// event loop, so a burst of edits validates only the newest version (superseded work is dropped).
// A refresh after the workspace changed skips documents already validated against that workspace.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, ReturnType<typeof setImmediate>>();
  /** Per document: the version and workspace version its last diagnostics were computed for. */
  private readonly published = new Map<string, { version: number; workspace: number }>();
  onError: (error: unknown) => void = () => {};
  /** Called after each document's diagnostics were sent. */
  onValidated: () => void = () => {};

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly validate: (doc: TextDocument) => Diagnostic[],
    private readonly workspaceVersion: () => number = () => 0,
  ) {}

  schedule(doc: TextDocument): void {
    const queued = this.pending.get(doc.uri);
    if (queued) clearImmediate(queued);
    this.pending.set(doc.uri, setImmediate(() => this.run(doc.uri, doc.version)));
  }

  /** @param changedOnly skip documents whose diagnostics already reflect the current workspace */
  scheduleAll(changedOnly = false): void {
    for (const doc of this.documents.all()) {
      const last = this.published.get(doc.uri);
      if (changedOnly && last?.version === doc.version && last.workspace === this.workspaceVersion()) continue;
      this.schedule(doc);
    }
  }

  clear(uri: string): void {
    const queued = this.pending.get(uri);
    if (queued) clearImmediate(queued);
    this.pending.delete(uri);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private run(uri: string, version: number): void {
    this.pending.delete(uri);
    const doc = this.documents.get(uri);
    if (!doc || doc.version !== version) return;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = this.validate(doc);
      this.published.set(uri, { version, workspace: this.workspaceVersion() });
    } catch (error) {
      this.onError(error);
      diagnostics = [];
    }
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
    this.onValidated();
  }
}

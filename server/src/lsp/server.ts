// Protocol glue: wires LSP requests to the core language service. Each handler is short; every
// unexpected exception is caught here so that one bad document never takes the server down.
import {
  CodeActionKind, TextDocumentSyncKind, TextDocuments,
  type Connection, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, defaultSettings, type ServiceSettings } from '../core';
import { DiagnosticsScheduler } from './diagnostics';

export function startServer(connection: Connection): void {
  const service = createLanguageService();
  const documents = new TextDocuments(TextDocument);
  const diagnostics = new DiagnosticsScheduler(connection, documents, (doc) => service.validate(doc));
  let canPullConfiguration = false;

  const runSafe = <T>(what: string, fallback: T, work: () => T): T => {
    try {
      return work();
    } catch (error) {
      connection.console.error(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    const options = params.initializationOptions as Partial<ServiceSettings> | undefined;
    if (options) service.configure(options);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'cnikit', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => void loadSettings());
  connection.onDidChangeConfiguration(() => void loadSettings());

  async function loadSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    const settings = await connection.workspace.getConfiguration('cnikit').catch(() => undefined);
    service.configure({
      validate: settings?.validate?.enable ?? defaultSettings.validate,
      maxFileSize: settings?.validate?.maxFileSize ?? defaultSettings.maxFileSize,
      kubernetesVersion: settings?.kubernetes?.version ?? defaultSettings.kubernetesVersion,
      disabledKinds: settings?.kubernetes?.disabledKinds ?? defaultSettings.disabledKinds,
    });
    diagnostics.scheduleAll();
  }

  documents.onDidChangeContent((e) => diagnostics.schedule(e.document));
  documents.onDidClose((e) => {
    service.forget(e.document.uri);
    diagnostics.clear(e.document.uri);
  });

  const withDoc = <T>(uri: string, fallback: T, what: string, work: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    return doc ? runSafe(what, fallback, () => work(doc)) : fallback;
  };

  connection.onCompletion((p) => withDoc(p.textDocument.uri, [], 'completion', (doc) => service.complete(doc, p.position)));
  connection.onHover((p) => withDoc(p.textDocument.uri, null, 'hover', (doc) => service.hover(doc, p.position)));
  connection.onCodeAction((p) => withDoc(p.textDocument.uri, [], 'code actions', (doc) => service.codeActions(doc, p.range, p.context.only)));
  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], 'symbols', (doc) => service.symbols(doc)));

  diagnostics.onError = (error) => connection.console.error(`validation failed: ${error instanceof Error ? error.stack : String(error)}`);
  documents.listen(connection);
  connection.listen();
}

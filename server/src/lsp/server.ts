// Protocol glue: wires LSP requests to the core language service. Each handler is short; every
// unexpected exception is caught here so that one bad document never takes the server down.
import {
  CodeActionKind, FileChangeType, TextDocumentSyncKind, TextDocuments,
  type Connection, type InitializeResult,
} from 'vscode-languageserver';
import { fileURLToPath } from 'node:url';
import { excludeMatcher, indexPath, scanFolders, scannedPath } from './workspaceFiles';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, defaultSettings, type ServiceSettings } from '../core';
import { DiagnosticsScheduler } from './diagnostics';

export function startServer(connection: Connection): void {
  const service = createLanguageService();
  const documents = new TextDocuments(TextDocument);
  const diagnostics = new DiagnosticsScheduler(connection, documents, (doc) => service.validate(doc), () => service.workspaceVersion);
  diagnostics.onValidated = () => refreshIfWorkspaceChanged();
  let canPullConfiguration = false;
  let folders: string[] = [];
  let indexedVersion = -1;
  let exclude = excludeMatcher(undefined);
  /** Whether a file on disk belongs in the index (the scan's rules: skipped folders, files.exclude). */
  const scanned = (uri: string) => scannedPath(folders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f)), fileURLToPath(uri), exclude);
  /** Diagnostics of other documents depend on the workspace: refresh them when the index changed. */
  const refreshIfWorkspaceChanged = () => {
    if (service.workspaceVersion === indexedVersion) return;
    indexedVersion = service.workspaceVersion;
    diagnostics.scheduleAll(true);
  };

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
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const options = params.initializationOptions as Partial<ServiceSettings> | undefined;
    if (options) service.configure(options);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
      },
      serverInfo: { name: 'cnikit', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => void loadSettings().then(scanWorkspace));

  let scannedWith: string | undefined;
  let scanning = Promise.resolve();
  /**
   * Scans the folders at start, and again when files.exclude or the settings that decide what the
   * index holds of a file change; then drops from the index the files on disk the rules now leave
   * out. One scan at a time, so a later one has the last word.
   */
  function scanWorkspace(): Promise<void> {
    scanning = scanning.then(async () => {
      const files = canPullConfiguration ? await connection.workspace.getConfiguration('files').catch(() => undefined) : undefined;
      const read = JSON.stringify(files?.exclude ?? {}) + service.indexSettings;
      if (read === scannedWith) return;
      scannedWith = read;
      const started = Date.now();
      exclude = excludeMatcher(files?.exclude);
      const count = await scanFolders(service, folders, {
        exclude,
        maxFileSize: defaultSettings.maxFileSize,
        isOpen: (uri) => !!documents.get(uri),
      }, refreshIfWorkspaceChanged);
      for (const uri of service.indexedFiles()) if (uri.startsWith('file:') && !documents.get(uri) && !scanned(uri)) service.removeFile(uri);
      refreshIfWorkspaceChanged();
      connection.console.info(`indexed ${count} files of the workspace in ${Date.now() - started} ms`);
    }).catch((error) => connection.console.error(`workspace scan failed: ${error instanceof Error ? error.message : String(error)}`));
    return scanning;
  }

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      if (documents.get(change.uri) || !change.uri.startsWith('file:')) continue; // open editors speak for themselves
      if (change.type === FileChangeType.Deleted || !scanned(change.uri)) service.removeFile(change.uri);
      else await indexPath(service, fileURLToPath(change.uri), { maxFileSize: defaultSettings.maxFileSize, isOpen: (uri) => !!documents.get(uri) });
    }
    refreshIfWorkspaceChanged();
  });
  connection.onDidChangeConfiguration(() => void loadSettings().then(scanWorkspace));

  async function loadSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    const settings = await connection.workspace.getConfiguration('cnikit').catch(() => undefined);
    service.configure({
      validate: settings?.validate?.enable ?? defaultSettings.validate,
      maxFileSize: settings?.validate?.maxFileSize ?? defaultSettings.maxFileSize,
      kubernetesVersion: settings?.kubernetes?.version ?? defaultSettings.kubernetesVersion,
      disabledKinds: settings?.kubernetes?.disabledKinds ?? defaultSettings.disabledKinds,
      disabledChecks: settings?.workspace?.disabledChecks ?? defaultSettings.disabledChecks,
      serviceCidr: settings?.workspace?.serviceCidr ?? defaultSettings.serviceCidr,
    });
    diagnostics.scheduleAll();
  }

  documents.onDidChangeContent((e) => diagnostics.schedule(e.document));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    service.forget(uri);
    diagnostics.clear(uri);
    // What is on disk counts again (the editor may have held unsaved changes).
    // An untitled editor, or a file the scan leaves out, leaves the index with its editor.
    if (uri.startsWith('file:') && scanned(uri)) void indexPath(service, fileURLToPath(uri), { maxFileSize: defaultSettings.maxFileSize, isOpen: () => false }).then(refreshIfWorkspaceChanged);
    else {
      service.removeFile(uri);
      refreshIfWorkspaceChanged();
    }
  });

  const withDoc = <T>(uri: string, fallback: T, what: string, work: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    return doc ? runSafe(what, fallback, () => work(doc)) : fallback;
  };

  connection.onCompletion((p) => withDoc(p.textDocument.uri, [], 'completion', (doc) => service.complete(doc, p.position)));
  connection.onHover((p) => withDoc(p.textDocument.uri, null, 'hover', (doc) => service.hover(doc, p.position)));
  connection.onCodeAction((p) => withDoc(p.textDocument.uri, [], 'code actions', (doc) => service.codeActions(doc, p.range, p.context.only)));
  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], 'symbols', (doc) => service.symbols(doc)));
  connection.onDefinition((p) => withDoc(p.textDocument.uri, [], 'definition', (doc) => service.definition(doc, p.position)));
  connection.onReferences((p) => withDoc(p.textDocument.uri, [], 'references', (doc) => service.references(doc, p.position)));
  connection.onWorkspaceSymbol((p) => runSafe('workspace symbols', [], () => service.workspaceSymbols(p.query)));

  diagnostics.onError = (error) => connection.console.error(`validation failed: ${error instanceof Error ? error.stack : String(error)}`);
  documents.listen(connection);
  connection.listen();
}

// Extension activation cost: what VS Code counts for CNIKit (loading dist/extension.js, then
// activate() until it returns), measured in a fresh Node process per sample with a stand-in
// `vscode` module whose every API is a no-op. The language server is started in the background
// by activate(), so its start-up is not part of this figure (it is the "server start" row).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './stats';

// Runs in the child: a recursive no-op proxy stands in for every vscode API the client touches.
const childScript = `
const Module = require('node:module');
const noop = new Proxy(function () {}, {
  get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : noop),
  apply: () => noop,
  construct: () => noop,
});
// own properties, so that esbuild's ESM interop (which copies them) sees every name the bundle
// uses (the list: grep the unminified dist/extension.js for its vscode import's members)
const names = (
  'CallHierarchyIncomingCall CallHierarchyItem CallHierarchyOutgoingCall CancellationError CancellationTokenSource CodeAction CodeActionKind ' +
  'CodeActionTriggerKind CodeLens Color ColorInformation ColorPresentation CompletionItem CompletionItemKind CompletionItemTag CompletionList ' +
  'CompletionTriggerKind Diagnostic DiagnosticRelatedInformation DiagnosticSeverity DiagnosticTag Disposable DocumentHighlight ' +
  'DocumentHighlightKind DocumentLink DocumentSymbol EventEmitter FileType FoldingRange FoldingRangeKind Hover InlayHint InlayHintLabelPart ' +
  'InlineCompletionItem InlineCompletionList InlineCompletionTriggerKind InlineValueEvaluatableExpression InlineValueText ' +
  'InlineValueVariableLookup LinkedEditingRanges Location LogLevel MarkdownString NotebookCellKind ParameterInformation Position ' +
  'ProgressLocation Range RelativePattern SelectionRange SemanticTokens SemanticTokensEdit SemanticTokensEdits SignatureHelp ' +
  'SignatureHelpTriggerKind SignatureInformation SnippetString SnippetTextEdit SymbolInformation SymbolKind SymbolTag TabInputCustom ' +
  'TabInputNotebook TabInputText TabInputTextDiff TextDocumentSaveReason TextEdit ThemeColor ThemeIcon TreeItem TreeItemCollapsibleState ' +
  'TypeHierarchyItem Uri ViewColumn WorkspaceEdit commands env extensions languages l10n window workspace'
);
const vscode = Object.fromEntries(names.split(' ').map((name) => [name, noop]));
vscode.version = '1.100.3';
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};
const context = { subscriptions: [], asAbsolutePath: (p) => require('node:path').join(process.argv[1], p), globalState: noop, workspaceState: noop, extensionPath: process.argv[1] };
const t0 = performance.now();
const extension = require(require('node:path').join(process.argv[1], 'dist/extension.js'));
const t1 = performance.now();
extension.activate(context);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1 }));
process.exit(0);
`;

export interface ActivationResult {
  /** Median of load + activate, in ms. */
  totalMs: number;
  loadMs: number;
  activateMs: number;
  samples: number;
}

export function measureActivation(repoRoot: string, samples = 7): ActivationResult {
  const runs: { loadMs: number; activateMs: number }[] = [];
  for (let i = 0; i < samples; i++) {
    const r = spawnSync(process.execPath, ['-e', childScript, join(repoRoot)], { encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) throw new Error(`activation probe failed: ${(r.stderr || String(r.error)).trim().split('\n').slice(-3).join(' ')}`);
    runs.push(JSON.parse(r.stdout));
  }
  const med = (values: number[]) => median(values) ?? Number.NaN; // samples >= 1, so never NaN in practice
  return {
    totalMs: med(runs.map((r) => r.loadMs + r.activateMs)),
    loadMs: med(runs.map((r) => r.loadMs)),
    activateMs: med(runs.map((r) => r.activateMs)),
    samples,
  };
}

if (require.main === module) {
  const result = measureActivation(join(__dirname, '..', '..'));
  console.log(`extension activation: ${result.totalMs.toFixed(1)} ms median of ${result.samples} (load ${result.loadMs.toFixed(1)} ms, activate() ${result.activateMs.toFixed(1)} ms)`);
}

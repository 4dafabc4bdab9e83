// Plugin errors from the last run, as diagnostics on the plugin entries they came from. They say
// what the plugins made of one version of the text, so they go as soon as the document changes
// or closes.
import * as vscode from 'vscode';
import { SOURCE, type TryProblem } from './report';

export class TryDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly listeners: vscode.Disposable[];

  constructor() {
    this.listeners = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.collection.delete(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.collection.delete(doc.uri)),
    ];
  }

  set(uri: vscode.Uri, problems: TryProblem[]): void {
    this.collection.set(uri, problems.map(toDiagnostic));
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.collection.dispose();
  }
}

function toDiagnostic(p: TryProblem): vscode.Diagnostic {
  const range = new vscode.Range(p.start.line, p.start.character, p.end.line, p.end.character);
  const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = SOURCE;
  d.code = p.code;
  return d;
}

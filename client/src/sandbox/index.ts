// "Try in Sandbox" in the editor: a CodeLens and the `cnikit.try` command run the bundled
// `cnikit try` on the document's current text; the report opens beside the editor and plugin
// errors become diagnostics. Registration is cheap; nothing runs until the user asks.
import * as vscode from 'vscode';
import type { NadTarget } from '../../../server/src/core/cni/tryTargets';
import { lensSelector, TryCodeLensProvider, TRY_COMMAND } from './codeLens';
import { TryDiagnostics } from './diagnostics';
import { TryPanel } from './panel';
import { panelText, tryProblems } from './report';
import { runTry } from './runTry';
import { chooseSandboxSettings, ENABLE_SETTING, sandboxGate } from './settings';

interface Target {
  doc: vscode.TextDocument;
  /** The NAD's document number in a YAML file. */
  document?: number;
  label: string;
}

export function registerSandbox(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  const panel = new TryPanel();
  const diagnostics = new TryDiagnostics();
  const running = new Set<AbortController>();
  context.subscriptions.push(
    panel,
    diagnostics,
    // Closing the window ends runs: the CLI tears its sandbox down on SIGTERM.
    { dispose: () => running.forEach((c) => c.abort()) },
    vscode.languages.registerCodeLensProvider(lensSelector, new TryCodeLensProvider()),
    vscode.commands.registerCommand(TRY_COMMAND, async (uri?: unknown, document?: unknown) => {
      const target = await resolveTarget(uri, document);
      if (!target) return;
      const config = vscode.workspace.getConfiguration('cnikit.sandbox', target.doc.uri);
      const trusted = vscode.workspace.isTrusted;
      const settings = chooseSandboxSettings(config.inspect('enable'), config.inspect('cniPath'), trusted);
      const gate = sandboxGate(settings, trusted);
      if (!gate.run) {
        if (gate.reason === 'untrusted') {
          const manage = 'Manage Workspace Trust';
          if ((await vscode.window.showWarningMessage(gate.message, manage)) === manage) await vscode.commands.executeCommand('workbench.trust.manage');
        } else {
          const open = 'Open Setting';
          if ((await vscode.window.showInformationMessage(gate.message, open)) === open) await vscode.commands.executeCommand('workbench.action.openSettings', ENABLE_SETTING);
        }
        return;
      }

      const version = target.doc.version;
      const controller = new AbortController();
      running.add(controller);
      const outcome = await vscode.window
        .withProgress(
          { location: vscode.ProgressLocation.Notification, title: `CNIKit: trying ${target.label} in the sandbox…`, cancellable: true },
          (_progress, token) => {
            token.onCancellationRequested(() => controller.abort());
            return runTry({
              cliPath: context.asAbsolutePath('dist/cli.js'),
              text: target.doc.getText(),
              fileName: target.doc.fileName,
              document: target.document,
              cniPath: settings.cniPath,
              signal: controller.signal,
            });
          },
        )
        .then(
          (o) => o,
          (error: unknown) => ({ kind: 'failed' as const, summary: 'the sandbox could not be started', detail: String(error) }),
        );
      running.delete(controller);

      switch (outcome.kind) {
        case 'cancelled':
          output.info(`Try in Sandbox: ${target.label} cancelled`);
          return;
        case 'unavailable':
          output.warn(`Try in Sandbox: ${target.label}: ${outcome.reason}`);
          void vscode.window.showErrorMessage(`CNIKit: cannot try ${target.label}: ${outcome.reason}`);
          return;
        case 'failed': {
          output.error(`Try in Sandbox: ${target.label}: ${outcome.summary}\n${outcome.detail}`);
          const show = 'Show Output';
          if ((await vscode.window.showErrorMessage(`CNIKit: ${outcome.summary}. See the CNIKit output for details.`, show)) === show) output.show();
          return;
        }
        case 'report': {
          output.info(`Try in Sandbox: ${target.label}: ${outcome.report.verdict}`);
          // Problems found on an older text would point at the wrong places.
          if (target.doc.version === version && !target.doc.isClosed) diagnostics.set(target.doc.uri, tryProblems(outcome.report));
          else diagnostics.clear(target.doc.uri);
          await panel.show(target.doc.uri, target.document, panelText(outcome.report, target.label));
        }
      }
    }),
  );
}

/** The document to try: the one a CodeLens names, else the active editor's (its NAD under the cursor). */
async function resolveTarget(uri: unknown, document: unknown): Promise<Target | undefined> {
  const editor = vscode.window.activeTextEditor;
  const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage('CNIKit: open a CNI config or a YAML file with a NetworkAttachmentDefinition to try it in the sandbox.');
    return undefined;
  }
  const base = doc.uri.path.split('/').pop() || doc.fileName;
  const yaml = doc.languageId === 'yaml' || /\.ya?ml$/i.test(doc.fileName);
  if (!yaml) {
    if (!['cni', 'json', 'jsonc'].includes(doc.languageId)) {
      void vscode.window.showInformationMessage(`CNIKit: ${base} is not a CNI config or a YAML file with a NetworkAttachmentDefinition.`);
      return undefined;
    }
    return { doc, label: base };
  }
  const { findNads } = await import('../../../server/src/core/cni/tryTargets'); // loaded on first use
  const nads = findNads(doc.getText());
  const label = (nad: NadTarget) => `${nad.name ? `"${nad.name}"` : `document ${nad.document}`} in ${base}`;
  if (typeof document === 'number') {
    const nad = nads.find((n) => n.document === document);
    return { doc, document, label: nad ? label(nad) : `document ${document} of ${base}` };
  }
  if (nads.length === 0) {
    void vscode.window.showInformationMessage(`CNIKit: ${base} has no NetworkAttachmentDefinition to try.`);
    return undefined;
  }
  // From the palette: the NAD under the cursor (even one without a config: the CLI says why it cannot run).
  const offset = editor?.document === doc ? doc.offsetAt(editor.selection.active) : -1;
  const underCursor = nads.find((n) => n.start <= offset && offset <= n.end);
  const withConfig = nads.filter((n) => n.config);
  let chosen = underCursor ?? (withConfig.length === 1 ? withConfig[0] : undefined);
  if (!chosen) {
    const picked = await vscode.window.showQuickPick(
      (withConfig.length ? withConfig : nads).map((n) => ({ label: n.name ?? `document ${n.document}`, description: `document ${n.document}`, nad: n })),
      { title: 'CNIKit: Try in Sandbox', placeHolder: 'Which NetworkAttachmentDefinition?' },
    );
    chosen = picked?.nad;
  }
  return chosen && { doc, document: chosen.document, label: label(chosen) };
}

// "Try in sandbox" above a CNI config, and above each NetworkAttachmentDefinition with a spec.config
// in a YAML file. The lens shows whatever the settings say; running checks trust and the setting.
import * as vscode from 'vscode';

export const TRY_COMMAND = 'cnikit.try';

export const lensSelector: vscode.DocumentSelector = [{ language: 'cni' }, { language: 'yaml' }];

/** Above this many characters a YAML file gets no lenses (the server skips such files too). */
const MAX_YAML = 5_000_000;

export class TryCodeLensProvider implements vscode.CodeLensProvider {
  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (document.languageId === 'cni') {
      return [lens(new vscode.Range(0, 0, 0, 0), document.uri)];
    }
    if (document.languageId !== 'yaml') return [];
    const text = document.getText();
    // most YAML files hold no NAD: skip the parse for them
    if (text.length > MAX_YAML || !text.includes('NetworkAttachmentDefinition')) return [];
    // the parser (the yaml library) loads on first use, not at activation
    const { findNads } = await import('../../../server/src/core/cni/tryTargets');
    return findNads(text)
      .filter((nad) => nad.config)
      .map((nad) => {
        const at = document.positionAt(nad.start);
        return lens(new vscode.Range(at, at), document.uri, nad.document, nad.name);
      });
  }
}

function lens(range: vscode.Range, uri: vscode.Uri, document?: number, name?: string): vscode.CodeLens {
  return new vscode.CodeLens(range, {
    title: 'Try in sandbox',
    tooltip: `Run ${name ? `the NetworkAttachmentDefinition "${name}"` : 'this config'} through the real CNI plugins in throwaway network namespaces`,
    command: TRY_COMMAND,
    arguments: document === undefined ? [uri] : [uri, document],
  });
}

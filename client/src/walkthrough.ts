// The "Get started with CNIKit" walkthrough's one command of its own: a sample CNI config with
// a few mistakes in a new, unsaved editor, so diagnostics, hovers and quick fixes show at once
// even without a folder of configs.
import * as vscode from 'vscode';

const SAMPLE = `{
  "cniVersion": "1.0.0",
  "name": "sample network",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "cni0",
      "isGateway": "true",
      "ipMasq": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{ "subnet": "10.22.0.0/16", "rangeStart": "10.23.0.10" }]],
        "routes": [{ "dst": "0.0.0.0/0" }]
      }
    },
    { "type": "portmap", "capabilities": { "portMappings": true } }
  ]
}
`;

export function registerWalkthrough(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('cnikit.walkthrough.openSample', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'cni', content: SAMPLE });
      await vscode.window.showTextDocument(document);
    }),
  );
}

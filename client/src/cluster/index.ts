// The cluster explorer: a sidebar tree of live clusters' networking (CNI plugins and modes, nodes,
// Multus attachments, policies, Services and Ingresses), objects as read-only YAML. It only reads.
//
// Activation only registers things: the cluster code and the Kubernetes client library load when
// the view first asks for its content.
import * as vscode from 'vscode';
import { registerClusterCommands } from './commands';
import { ClusterExplorer } from './explorer';
import { startAutoRefresh } from './refresh';
import { CLUSTER_SCHEME, ClusterYamlProvider } from './yamlDocuments';

export const CLUSTER_VIEW_ID = 'cnikit.clusterExplorer';

export function registerClusterExplorer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  const explorer = new ClusterExplorer(output, context.globalState);
  const view = vscode.window.createTreeView(CLUSTER_VIEW_ID, { treeDataProvider: explorer, showCollapseAll: true });
  const documents = new ClusterYamlProvider(explorer);
  context.subscriptions.push(
    explorer,
    view,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(CLUSTER_SCHEME, documents),
    startAutoRefresh(view, (keep) => {
      explorer.reload(keep);
      documents.refreshOpenDocuments();
    }),
    ...registerClusterCommands(explorer, documents, output),
  );
}

// The one place automatic refreshes come from: an optional interval (only while the view is
// visible), and the settings and trust changes that alter what the tree should show.
import * as vscode from 'vscode';
import { readClusterSettings } from './settings';

export function startAutoRefresh(view: vscode.TreeView<unknown>, refresh: (keep: boolean) => void): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    const interval = readClusterSettings().refreshIntervalMs;
    if (interval > 0 && view.visible) timer = setInterval(() => refresh(true), interval);
  };
  schedule();
  const subscriptions = [
    view.onDidChangeVisibility(schedule),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cnikit.cluster.refreshInterval')) schedule();
      // another kubeconfig or time limit: start over rather than show the old cluster's data
      if (e.affectsConfiguration('cnikit.cluster.kubeconfig') || e.affectsConfiguration('cnikit.cluster.timeout')) refresh(false);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => refresh(false)),
  ];
  return {
    dispose() {
      if (timer) clearInterval(timer);
      for (const s of subscriptions) s.dispose();
    },
  };
}

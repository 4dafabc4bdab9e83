// The explorer's settings. The kubeconfig path follows Workspace Trust: in Restricted Mode a path
// from workspace or folder settings is ignored (a repository could point it at a kubeconfig whose
// exec plugin runs any command), so only the user's own setting, KUBECONFIG or ~/.kube/config count.
import * as vscode from 'vscode';
import { chooseKubeconfig } from './kubeconfigSetting';

export interface ClusterSettings {
  /** Undefined: KUBECONFIG, else ~/.kube/config. */
  kubeconfig?: string;
  /** A workspace value not used because the workspace is not trusted (shown in the tree). */
  ignoredWorkspaceKubeconfig?: string;
  timeoutMs: number;
  /** 0: refresh only on request. */
  refreshIntervalMs: number;
}

export function readClusterSettings(): ClusterSettings {
  const config = vscode.workspace.getConfiguration('cnikit.cluster');
  const seconds = (key: string, fallback: number, min: number) => {
    const value = config.get<number>(key, fallback);
    return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;
  };
  const refresh = seconds('refreshInterval', 0, 0);
  return {
    ...chooseKubeconfig(config.inspect<string>('kubeconfig'), vscode.workspace.isTrusted),
    timeoutMs: Math.round(seconds('timeout', 10, 0.1) * 1000),
    // a few seconds at least: each refresh lists every section that is open
    refreshIntervalMs: refresh > 0 ? Math.max(5, refresh) * 1000 : 0,
  };
}

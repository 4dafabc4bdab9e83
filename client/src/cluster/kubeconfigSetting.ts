// Which kubeconfig path setting counts, by Workspace Trust. Pure (no vscode import), so the trust
// rule is unit-tested without a workbench.

export interface SettingValues<T> {
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/** The kubeconfig path to use; pure, so the trust rule is tested without VS Code. */
export function chooseKubeconfig(values: SettingValues<string> | undefined, trusted: boolean): { kubeconfig?: string; ignoredWorkspaceKubeconfig?: string } {
  const clean = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const workspace = clean(values?.workspaceFolderValue) ?? clean(values?.workspaceValue);
  const user = clean(values?.globalValue);
  if (trusted) return { kubeconfig: workspace ?? user };
  return { kubeconfig: user, ignoredWorkspaceKubeconfig: workspace };
}

// The Workspace Trust rule for settings that could let a repository run code (a kubeconfig with an
// exec plugin, plugin binaries run as root): in a trusted workspace a folder or workspace value
// wins over the user's; in Restricted Mode only the user's own value counts, and the workspace
// value is reported as ignored. Pure (no vscode import), so it is unit-tested without a workbench.

/** What `WorkspaceConfiguration.inspect` reports for one setting. */
export interface SettingValues<T> {
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * `read` turns a raw value into a usable one, or undefined for a missing or malformed value (which
 * then counts as not set). `ignored`: the workspace value, when trust kept it from counting.
 */
export function trustedSetting<T>(
  values: SettingValues<unknown> | undefined,
  trusted: boolean,
  read: (raw: unknown) => T | undefined,
): { value?: T; ignored?: T } {
  const workspace = read(values?.workspaceFolderValue) ?? read(values?.workspaceValue);
  const user = read(values?.globalValue);
  return trusted ? { value: workspace ?? user } : { value: user, ignored: workspace };
}

// Which kubeconfig path setting counts, by Workspace Trust (see trustedSetting.ts). Pure, so it is
// unit-tested without a workbench.
import { parse } from 'jsonc-parser';
import { trustedSetting, type SettingValues } from '../trustedSetting';

const KUBECONFIG_SETTING = 'cnikit.cluster.kubeconfig';

/** A usable path, or undefined for a missing, empty or non-string value. */
const asPath = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The kubeconfig path to use; a workspace path ignored in Restricted Mode is reported (shown in the tree). */
export function chooseKubeconfig(values: SettingValues<string> | undefined, trusted: boolean): { kubeconfig?: string; ignoredWorkspaceKubeconfig?: string } {
  const { value, ignored } = trustedSetting(values, trusted, asPath);
  return trusted ? { kubeconfig: value } : { kubeconfig: value, ignoredWorkspaceKubeconfig: ignored };
}

/**
 * The kubeconfig path a settings file sets: a folder's `.vscode/settings.json`, or the `settings`
 * of a `.code-workspace` file (`workspaceFile`). Comments and trailing commas are allowed, as VS
 * Code allows them; anything unreadable counts as not set.
 */
export function kubeconfigInSettingsFile(text: string, workspaceFile: boolean): string | undefined {
  const parsed: unknown = parse(text, [], { allowTrailingComma: true });
  const settings = workspaceFile ? (parsed as { settings?: unknown } | undefined)?.settings : parsed;
  if (!settings || typeof settings !== 'object') return undefined;
  return asPath((settings as Record<string, unknown>)[KUBECONFIG_SETTING]);
}

// Which kubeconfig path setting counts, by Workspace Trust (see trustedSetting.ts). Pure, so it is
// unit-tested without a workbench.
import { trustedSetting, type SettingValues } from '../trustedSetting';

/** The kubeconfig path to use; a workspace path ignored in Restricted Mode is reported (shown in the tree). */
export function chooseKubeconfig(values: SettingValues<string> | undefined, trusted: boolean): { kubeconfig?: string; ignoredWorkspaceKubeconfig?: string } {
  const path = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const { value, ignored } = trustedSetting(values, trusted, path);
  return trusted ? { kubeconfig: value } : { kubeconfig: value, ignoredWorkspaceKubeconfig: ignored };
}

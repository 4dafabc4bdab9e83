// The sandbox's settings and when it may run. Pure (no `vscode` import), so the trust rule is
// tested without VS Code. It runs plugin binaries as root: a repository must not be able to switch
// it on or point it at binaries of its choosing, so in Restricted Mode (an untrusted workspace)
// values from workspace or folder settings are ignored, and the sandbox does not run at all.
import { trustedSetting, type SettingValues } from '../trustedSetting';

export interface SandboxSettings {
  enabled: boolean;
  /** Folders with plugin binaries; empty: the CLI's defaults. */
  cniPath: string[];
  /** Settings given in workspace or folder settings and ignored because the workspace is not trusted. */
  ignored: string[];
}

export const ENABLE_SETTING = 'cnikit.sandbox.enable';
export const CNI_PATH_SETTING = 'cnikit.sandbox.cniPath';

/** The effective settings from what `config.inspect` reports for each. */
export function chooseSandboxSettings(
  enable: SettingValues<unknown> | undefined,
  cniPath: SettingValues<unknown> | undefined,
  trusted: boolean,
): SandboxSettings {
  const ignored: string[] = [];
  const pick = <T>(name: string, values: SettingValues<unknown> | undefined, valid: (v: unknown) => v is T): T | undefined => {
    const chosen = trustedSetting(values, trusted, (v) => (valid(v) ? v : undefined));
    if (chosen.ignored !== undefined) ignored.push(name);
    return chosen.value;
  };
  const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
  const isPathList = (v: unknown): v is string[] => Array.isArray(v) && v.every((p) => typeof p === 'string');
  return {
    enabled: pick(ENABLE_SETTING, enable, isBoolean) ?? false,
    cniPath: (pick(CNI_PATH_SETTING, cniPath, isPathList) ?? []).map((p) => p.trim()).filter(Boolean),
    ignored,
  };
}

export type Gate =
  | { run: true }
  | { run: false; reason: 'untrusted' | 'disabled'; message: string };

/** Whether a run may start; when not, the message says why and what to do. */
export function sandboxGate(settings: SandboxSettings, trusted: boolean): Gate {
  if (!trusted) {
    return {
      run: false,
      reason: 'untrusted',
      message:
        'CNIKit: Try in Sandbox does not run in Restricted Mode. It runs the CNI plugin binaries as root, and this workspace is not trusted.',
    };
  }
  if (!settings.enabled) {
    return {
      run: false,
      reason: 'disabled',
      message: `CNIKit: Try in Sandbox is off. It runs the CNI plugin binaries as root in throwaway network namespaces; turn it on with the setting ${ENABLE_SETTING}.`,
    };
  }
  return { run: true };
}

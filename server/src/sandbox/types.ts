// The shapes runInSandbox returns. Kept free of Node imports so that editor code can use them.

export type CniCommand = 'ADD' | 'CHECK' | 'DEL';

/** A CNI error as the plugin printed it (or as the sandbox describes a run that produced none). */
export interface StepError {
  code: number;
  msg: string;
  details?: string;
}

/** One plugin call. `index` is the plugin's 0-based position in `plugins` (display adds 1). */
export interface SandboxStep {
  index: number;
  type: string;
  command: CniCommand;
  ok: boolean;
  error?: StepError;
  /** The JSON the plugin printed on success (ADD results; CHECK and DEL normally print nothing). */
  result?: unknown;
}

export interface SandboxReport {
  /** `reject` when any ADD or CHECK failed; DEL failures are reported but do not change it. */
  verdict: 'accept' | 'reject';
  steps: SandboxStep[];
  /** The result of the last ADD when the whole ADD phase succeeded. */
  result?: unknown;
  /** The config was one plugin object, not a list: its plugin has no list position to name. */
  single?: true;
}

/** What a run created, for callers that want to show or verify it. Gone again after the run. */
export interface SandboxInfo {
  id: string;
  hostNetns: string;
  containerNetns: string;
  containerId: string;
  stateDir: string;
}

export interface SandboxOptions {
  /** Directories searched for plugin binaries, in order (the runtime's CNI_PATH). */
  cniPath: string[];
  /** Aborting kills the running plugin, removes the sandbox and rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Per plugin call; the plugin (and its children) are killed when it runs longer. Default 20 s. */
  timeoutMs?: number;
  /** Parent of the temporary state dir (IPAM leases, tuning backups). Default os.tmpdir(). */
  tmpDir?: string;
  /** Called once the namespaces exist, before the first plugin runs. */
  onStart?: (sandbox: SandboxInfo) => void;
}

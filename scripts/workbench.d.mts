// Types for scripts/workbench.mjs (used by the TypeScript e2e harness).
export declare const DEFAULT_SETTINGS: Readonly<Record<string, unknown>>;
export declare function isPortFree(port: number): Promise<boolean>;
export declare function freePort(): Promise<number>;

export interface WorkbenchOptions {
  /** The .vsix to install into the fresh extensions dir (none: a plain workbench). */
  vsix?: string;
  /** The folder the workbench opens. */
  folder: string;
  /** Defaults to a free port. */
  port?: number;
  /** Defaults to a fresh temporary dir, removed by stop(). */
  userDataDir?: string;
  /** Defaults to a fresh temporary dir, removed by stop(). */
  extensionsDir?: string;
  /** Merged over DEFAULT_SETTINGS into User/settings.json. */
  settings?: Record<string, unknown>;
  /** code-server's stdout and stderr are also written here. */
  logFile?: string;
  /** How long to wait for the HTTP endpoint (default 60 s). */
  timeoutMs?: number;
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface Workbench {
  /** http://127.0.0.1:PORT/?folder=/abs/folder */
  url: string;
  baseUrl: string;
  port: number;
  folder: string;
  userDataDir: string;
  extensionsDir: string;
  pid: number;
  output(): string;
  exited: Promise<{ code: number | null; signal: string | null; error?: Error }>;
  collectLogs(dest: string): void;
  /** Kills code-server and its process tree and removes the temporary dirs. */
  stop(): Promise<void>;
}

export declare function startWorkbench(options: WorkbenchOptions): Promise<Workbench>;

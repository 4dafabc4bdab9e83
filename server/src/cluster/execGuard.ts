// Keeps exec credential plugins (aws eks get-token, gke-gcloud-auth-plugin, kubelogin, ...) on a
// leash. @kubernetes/client-node spawns them and waits for them to exit, with no time limit; one
// that hangs would hold a request, and the CLI process, forever. Here every plugin run is killed
// (with its children) after the request timeout or when the session ends, and the credentials it
// prints are added to the session's secrets so they are redacted like the kubeconfig's own.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { ClientLibrary, KubeConfigInstance } from './library';
import type { SecretSet } from './secrets';

export interface ExecGuard {
  dispose(): void;
}

type ExecFn = (command: string, args: readonly string[] | undefined, options: SpawnOptions) => ChildProcess;

export function guardExecPlugins(kc: KubeConfigInstance, lib: ClientLibrary, secrets: SecretSet, timeoutMs: number): ExecGuard {
  // The authenticators list and execFn are private in the library's typings, not at runtime.
  const authenticators = (kc as unknown as { authenticators?: unknown[] }).authenticators ?? [];
  const execAuth = authenticators.find((a) => a instanceof lib.ExecAuth) as { execFn?: ExecFn } | undefined;
  if (!execAuth || typeof execAuth.execFn !== 'function') return { dispose: () => {} };

  const running = new Set<ChildProcess>();
  const groups = process.platform !== 'win32';
  const kill = (child: ChildProcess) => {
    try {
      if (groups && child.pid) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
    // a grandchild may still hold the pipes open; stop waiting on them
    child.stdout?.destroy();
    child.stderr?.destroy();
  };

  execAuth.execFn = (command, args, options) => {
    // stdin is closed: there is nobody to answer an interactive prompt
    const child = spawn(command, args ?? [], { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: groups });
    running.add(child);
    let printed = '';
    child.stdout?.on('data', (chunk) => (printed += String(chunk)));
    const timer = setTimeout(() => kill(child), timeoutMs);
    child.once('close', () => {
      clearTimeout(timer);
      running.delete(child);
      learnCredentials(printed, secrets);
    });
    child.once('error', () => {
      clearTimeout(timer);
      running.delete(child);
    });
    return child;
  };

  return {
    dispose() {
      for (const child of running) kill(child);
      running.clear();
    },
  };
}

/** An ExecCredential's secrets (client.authentication.k8s.io): the token and the client key. */
function learnCredentials(printed: string, secrets: SecretSet): void {
  try {
    const status = (JSON.parse(printed) as { status?: Record<string, unknown> })?.status ?? {};
    secrets.add(status.token);
    secrets.add(status.clientKeyData);
  } catch {
    /* not JSON: the library reports the failure */
  }
}

// Process-wide safety net: while any sandbox exists, SIGINT/SIGTERM (and a plain process exit)
// tear every sandbox down synchronously before the process goes.

export interface Teardown {
  /** Must be synchronous: it runs inside signal and exit handlers. */
  teardownSync(): void;
}

const active = new Set<Teardown>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

function onSignal(signal: NodeJS.Signals): void {
  teardownAll();
  // We only wanted to clean up, not to swallow the signal: if nobody else handles it,
  // deliver it again so the process ends as it would have without us.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function teardownAll(): void {
  for (const t of [...active]) {
    try {
      t.teardownSync();
    } catch {
      // keep going: the other sandboxes still need removing
    }
  }
  active.clear();
  detach();
}

function attach(): void {
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', teardownAll);
}

function detach(): void {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.removeListener('exit', teardownAll);
}

export function register(t: Teardown): void {
  if (active.size === 0) attach();
  active.add(t);
}

export function unregister(t: Teardown): void {
  if (active.delete(t) && active.size === 0) detach();
}

// Starts the VS Code workbench (code-server) with CNIKit installed from its .vsix, on loopback only.
// Shared by `npm start` (scripts/start.mjs) and the end-to-end tests (test/e2e/harness.ts).
//
//   const wb = await startWorkbench({ vsix: 'dist/cnikit.vsix', folder: 'examples' });
//   console.log(wb.url);   // http://127.0.0.1:PORT/?folder=/abs/examples
//   await wb.stop();       // kills code-server and everything it started, removes its temp dirs
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { provisionCodeServer } from './provision-code-server.mjs';

const HOST = '127.0.0.1';

/** Settings written to the fresh user-data dir; `settings` passed to startWorkbench override them. */
export const DEFAULT_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'editor.accessibilitySupport': 'off',
  'git.openRepositoryInParentFolders': 'never',
  'window.restoreWindows': 'none',
});

/** Resolves true when `port` can be bound on 127.0.0.1 right now. */
export function isPortFree(port) {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolvePromise(true)));
  });
}

/** A port that is free on 127.0.0.1 (chosen by the kernel). */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: HOST, exclusive: true }, () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/** Pids of all descendants of `pid` (Linux /proc; empty elsewhere). */
function descendants(pid) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const children = new Map();
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // the command name may contain spaces and parentheses: the fields after the last ')' are fixed
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      /* process went away */
    }
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of children.get(queue.shift()) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

function killTree(pid, signal) {
  const pids = [...descendants(pid), pid];
  try {
    process.kill(-pid, signal); // the process group (the server was spawned detached)
  } catch {
    /* already gone */
  }
  for (const p of pids) {
    try {
      process.kill(p, signal); // children that left the group (terminals run in their own sessions)
    } catch {
      /* already gone */
    }
  }
}

// code-server runs detached (its own process group), so it would outlive a test run that is
// interrupted: kill what is still running when this process exits or is signalled.
const live = new Map(); // pid -> synchronous removal of its temporary dirs
const killAll = () => {
  for (const [pid, cleanup] of live) {
    killTree(pid, 'SIGKILL');
    try {
      cleanup();
    } catch {
      /* best effort */
    }
  }
  live.clear();
};
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  const onSignal = () => {
    // someone else (scripts/start.mjs) handles this signal and stops the workbench gracefully
    if (process.listenerCount(signal) > 1) return;
    killAll();
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal); // then die of it as we would have
  };
  process.on(signal, onSignal);
}

async function waitFor(what, timeoutMs, check, failed) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = failed?.();
    if (why) throw new Error(why);
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100)); // polling interval, not a fixed wait
  }
}

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000), redirect: 'manual' });
    await response.arrayBuffer();
    return response.status >= 200 && response.status < 400;
  } catch {
    return false;
  }
}

/** Runs the code-server CLI to completion (used for --install-extension). */
function runCli(bin, args, env, timeoutMs) {
  const r = spawnSync(bin, args, { encoding: 'utf8', env, timeout: timeoutMs });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim() };
}

/**
 * Starts code-server on 127.0.0.1 with the .vsix installed, serving `folder`.
 * @param {{
 *   vsix?: string, folder: string, port?: number, userDataDir?: string, extensionsDir?: string,
 *   settings?: Record<string, unknown>, logFile?: string, timeoutMs?: number,
 *   env?: Record<string, string>, log?: (line: string) => void
 * }} options
 */
export async function startWorkbench(options) {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const folder = resolve(options.folder);
  if (!existsSync(folder)) throw new Error(`workbench: folder ${folder} does not exist`);
  const vsix = options.vsix ? resolve(options.vsix) : undefined;
  if (vsix && !existsSync(vsix)) throw new Error(`workbench: ${vsix} does not exist (build it with npm run package)`);
  const timeoutMs = options.timeoutMs ?? 60_000;

  const bin = await provisionCodeServer({ log });
  const tempRoot = mkdtempSync(join(tmpdir(), 'cnikit-workbench-'));
  const userDataDir = resolve(options.userDataDir ?? join(tempRoot, 'user-data'));
  const extensionsDir = resolve(options.extensionsDir ?? join(tempRoot, 'extensions'));
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settings = { ...DEFAULT_SETTINGS, ...(options.settings ?? {}) };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  // A config file of our own keeps code-server from writing ~/.config/code-server/config.yaml.
  const configFile = join(tempRoot, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');

  const env = { ...process.env, ...(options.env ?? {}) };
  // PORT would override --bind-addr's port in code-server; the others would change its auth or proxying
  for (const name of ['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'VSCODE_IPC_HOOK_CLI', 'VSCODE_PROXY_URI', 'CS_DISABLE_PROXY']) delete env[name];
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  const cleanupDirs = () => rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });

  if (vsix) {
    const t0 = Date.now();
    const r = runCli(bin, [...common, '--install-extension', vsix, '--force'], env, 120_000);
    if (r.status !== 0 || !/successfully installed|already installed/i.test(r.output)) {
      cleanupDirs();
      throw new Error(`workbench: installing ${vsix} failed (exit ${r.status}): ${r.output.split('\n').slice(-5).join(' | ')}`);
    }
    log(`workbench: installed ${vsix} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  }

  const port = options.port ?? (await freePort());
  const args = [
    ...common,
    '--bind-addr', `${HOST}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    folder,
  ];
  const child = spawn(bin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.set(child.pid, cleanupDirs);
  let output = '';
  const logStream = options.logFile ? (mkdirSync(resolve(options.logFile, '..'), { recursive: true }), createWriteStream(options.logFile)) : undefined;
  const onData = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
    logStream?.write(chunk);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited;
  const exitPromise = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      live.delete(child.pid);
      resolveExit(exited);
    });
    child.on('error', (error) => {
      exited = { code: -1, signal: null, error };
      live.delete(child.pid);
      resolveExit(exited);
    });
  });

  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      if (!exited) {
        killTree(child.pid, 'SIGTERM');
        const timer = setTimeout(() => killTree(child.pid, 'SIGKILL'), 5000);
        await exitPromise;
        clearTimeout(timer);
        killTree(child.pid, 'SIGKILL'); // stragglers of the group (extension host, language server)
      }
      await new Promise((r) => (logStream ? logStream.end(r) : r()));
      cleanupDirs();
    })());

  const base = `http://${HOST}:${port}`;
  try {
    await waitFor(
      `code-server to answer on ${base}`,
      timeoutMs,
      async () => (await answers(`${base}/healthz`)) && (await answers(`${base}/`)),
      () =>
        exited &&
        `workbench: code-server exited (${exited.error ?? exited.signal ?? `code ${exited.code}`}) before answering on ${base}: ${output.trim().split('\n').slice(-5).join(' | ')}`,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `${base}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
  log(`workbench: code-server answering on ${base} after ${((Date.now() - started) / 1000).toFixed(1)}s`);

  return {
    url,
    baseUrl: base,
    port,
    folder,
    userDataDir,
    extensionsDir,
    pid: child.pid,
    /** The last 20 kB code-server printed. */
    output: () => output,
    /** Resolves when code-server exits on its own or is stopped. */
    exited: exitPromise,
    /** Copies VS Code's logs (extension host, CNIKit output channel, ...) into `dest`. */
    collectLogs(dest) {
      const logs = join(userDataDir, 'logs');
      if (!existsSync(logs)) return;
      mkdirSync(dest, { recursive: true });
      cpSync(logs, dest, { recursive: true });
    },
    stop,
  };
}

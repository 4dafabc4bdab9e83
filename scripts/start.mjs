#!/usr/bin/env node
// `npm start`: builds the .vsix, provisions VS Code for the browser (code-server) on first use,
// installs CNIKit into it and opens the bundled examples/ workspace on http://127.0.0.1:PORT
// (PORT from the environment, else 8080, else a free port), with the cluster explorer pointed at
// three local test clusters. Ctrl+C stops it and cleans up.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ProvisionError, provisionCodeServer, repoRoot } from './provision-code-server.mjs';
import { freePort, isPortFree, startWorkbench } from './workbench.mjs';

const fail = (message) => {
  console.error(`npm start: ${message}`);
  process.exit(1);
};

// 1. The .vsix, exactly as users install it.
const started = Date.now();
console.log('CNIKit: building the extension (npm run package)...');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'package'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
const vsix = join(repoRoot, 'dist', 'cnikit.vsix');
if (build.status !== 0 || !existsSync(vsix)) {
  const output = `${build.stdout ?? ''}${build.stderr ?? ''}`
    .split('\n')
    .filter((line) => line.trim() && !/Unknown (user|env) config "nodedir"/.test(line))
    .slice(-25)
    .join('\n');
  console.error(output || String(build.error ?? ''));
  fail(`npm run package failed (exit ${build.status ?? build.error}), so there is no dist/cnikit.vsix to install`);
}

// 2. code-server, provisioned into .vscode-test/code-server on first use.
try {
  await provisionCodeServer({ log: (line) => console.log(line) });
} catch (error) {
  fail(error instanceof ProvisionError ? error.message : String(error?.stack ?? error));
}

// 3. The port: $PORT, else 8080, else whatever is free.
const wanted = process.env.PORT ? Number(process.env.PORT) : 8080;
if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) fail(`PORT=${process.env.PORT} is not a port number`);
let port = wanted;
if (!(await isPortFree(wanted))) {
  port = await freePort();
  console.log(`CNIKit: port ${wanted} is busy, using ${port} instead`);
}

// 4. The local test clusters, so the cluster explorer has something to show (optional: without
// them the explorer reads the user's KUBECONFIG as usual).
const clusters = await startLocalClusters();

// 5. The workbench on the bundled examples.
let workbench;
try {
  workbench = await startWorkbench({
    vsix,
    folder: join(repoRoot, 'examples'),
    port,
    settings: clusters ? { 'cnikit.cluster.kubeconfig': clusters.kubeconfig } : {},
    log: (line) => console.log(line),
  });
} catch (error) {
  clusters?.stop();
  fail(error instanceof Error ? error.message : String(error));
}
console.log(`\nCNIKit is running in VS Code at ${workbench.url}`);
console.log(`(ready in ${((Date.now() - started) / 1000).toFixed(1)}s; 127.0.0.1 only, no password. Press Ctrl+C to stop.)\n`);

let stopping = false;
const shutdown = async (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`\nCNIKit: stopping (${signal})...`);
  await workbench.stop();
  clusters?.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
workbench.exited.then(async (how) => {
  if (stopping) return;
  console.error(`npm start: code-server exited on its own (${how.signal ?? `code ${how.code}`}); its last output:`);
  console.error(workbench.output().split('\n').slice(-20).join('\n'));
  await workbench.stop();
  clusters?.stop();
  process.exit(1);
});

/** Starts scripts/local-clusters.ts; resolves to its kubeconfig, or undefined (with a note) when it cannot. */
async function startLocalClusters() {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'local-clusters.ts')], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'], // our end of stdin closing tells it to stop
  });
  let errors = '';
  child.stderr.on('data', (d) => (errors += d));
  const firstLine = once(createInterface({ input: child.stdout }), 'line').then(([line]) => line);
  const exited = once(child, 'exit').then(() => undefined);
  const line = await Promise.race([firstLine, exited]);
  if (!line) {
    console.log(`CNIKit: the local test clusters did not start (${errors.trim().split('\n').pop() || 'no output'}); the cluster explorer reads your KUBECONFIG instead`);
    return undefined;
  }
  const { kubeconfig, contexts } = JSON.parse(line);
  console.log(`CNIKit: local test clusters ${contexts.join(', ')} (kubeconfig ${kubeconfig})`);
  return { kubeconfig, stop: () => child.kill('SIGTERM') };
}

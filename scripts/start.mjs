#!/usr/bin/env node
// `npm start`: builds the .vsix, provisions VS Code for the browser (code-server) on first use,
// installs CNIKit into it and opens the bundled examples/ workspace on http://127.0.0.1:PORT
// (PORT from the environment, else 8080, else a free port). Ctrl+C stops it and cleans up.
import { spawnSync } from 'node:child_process';
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

// 4. The workbench on the bundled examples.
let workbench;
try {
  workbench = await startWorkbench({
    vsix,
    folder: join(repoRoot, 'examples'),
    port,
    log: (line) => console.log(line),
  });
} catch (error) {
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
  process.exit(1);
});

#!/usr/bin/env node
// Provisions VS Code for the browser (code-server from npm) into the ignored cache folder
// .vscode-test/code-server/, the way @vscode/test-electron caches desktop VS Code in .vscode-test/.
// It is kept out of the project's dependencies so that a plain `npm ci` needs no Debian packages.
//
// On these machines only the npm registry and Debian packages are reachable, so:
//   - code-server's post-install builds native modules (needs build-essential, pkg-config, python3
//     and libkrb5-dev from Debian) through `npx node-gyp` (needs npm_config_yes=true) and refuses to
//     run as root unless npm_config_unsafe_perm=true;
//   - @vscode/ripgrep would download `rg` from GitHub; its installer first looks for a cached
//     archive under os.tmpdir(), which we build from Debian's /usr/bin/rg beforehand.
//
// Usage as a CLI:   node scripts/provision-code-server.mjs [--force] [--print-path]
// Usage as module:  import { provisionCodeServer } from './provision-code-server.mjs';
//                   const bin = await provisionCodeServer();   // path of the code-server binary
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const SETUP_HINT = 'sudo bash scripts/setup-system.sh';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..');
export const cacheDir = join(repoRoot, '.vscode-test', 'code-server');
const markerFile = join(cacheDir, '.provisioned.json');
const binPath = join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const binLink = join(cacheDir, 'node_modules', '.bin', 'code-server');

/** A prerequisite is missing or the install failed; `message` is one line meant for the user. */
export class ProvisionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ProvisionError';
  }
}

/** Path of the code-server launcher script, or undefined when it is not (completely) provisioned. */
export function codeServerPath() {
  if (!existsSync(markerFile) || !existsSync(binLink) || !existsSync(binPath)) return undefined;
  try {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8'));
    if (marker.version !== CODE_SERVER_VERSION) return undefined;
  } catch {
    return undefined;
  }
  return binLink;
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  if (r.error) return undefined; // not a Debian system: cannot tell
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Throws a ProvisionError naming what to install when a prerequisite is missing. */
export function checkPrerequisites() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20 && major !== 22) {
    // code-server 4.100.3 requires Node 20 (newer code-server releases need Node 22+).
    throw new ProvisionError(`code-server@${CODE_SERVER_VERSION} needs Node.js 20 (this is ${process.version})`);
  }
  const missing = [];
  if (!which('rg')) missing.push('ripgrep');
  for (const tool of ['make', 'g++', 'python3', 'pkg-config']) {
    if (!which(tool)) missing.push(tool === 'g++' || tool === 'make' ? 'build-essential' : tool);
  }
  const krb = debInstalled('libkrb5-dev');
  if (krb === false || (krb === undefined && !existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/gssapi/gssapi.h'))) {
    missing.push('libkrb5-dev');
  }
  if (missing.length) {
    const unique = [...new Set(missing)];
    throw new ProvisionError(`code-server needs Debian's ${unique.join(', ')}: install with ${SETUP_HINT}`);
  }
}

/** Puts a tar.gz of Debian's rg where @vscode/ripgrep's installer looks before downloading. */
export function prepareRipgrepCache() {
  const rg = which('rg');
  if (!rg) throw new ProvisionError(`code-server needs Debian's ripgrep: install with ${SETUP_HINT}`);
  const dir = join(tmpdir(), RIPGREP_CACHE_DIR);
  const archive = join(dir, RIPGREP_ARCHIVE);
  if (existsSync(archive) && statSync(archive).size > 0) return archive;
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'cnikit-rg-'));
  try {
    copyFileSync(rg, join(staging, 'rg'));
    const tmpArchive = `${archive}.${process.pid}.tmp`;
    const r = spawnSync('tar', ['-czf', tmpArchive, '-C', staging, 'rg'], { encoding: 'utf8' });
    if (r.status !== 0) throw new ProvisionError(`could not build the ripgrep archive: ${(r.stderr || r.error?.message || '').trim()}`);
    // rename is atomic: a concurrent installer never sees half an archive
    spawnSync('mv', ['-f', tmpArchive, archive]);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return archive;
}

function run(cmd, args, options) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, options);
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk.toString()).slice(-20000);
      if (options.verbose) process.stderr.write(chunk);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('error', (error) => resolvePromise({ code: -1, tail: String(error) }));
    child.on('close', (code) => resolvePromise({ code, tail }));
  });
}

let inFlight;

/**
 * Returns the path of the code-server binary, installing code-server on first use.
 * @param {{ force?: boolean, log?: (line: string) => void, verbose?: boolean }} [options]
 */
export function provisionCodeServer(options = {}) {
  if (!options.force) {
    const existing = codeServerPath();
    if (existing) return Promise.resolve(existing);
  }
  inFlight ??= withInstallLock(() => (!options.force && codeServerPath()) || doProvision(options)).finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

const lockFile = join(repoRoot, '.vscode-test', 'code-server.lock');
const LOCK_STALE_MS = 15 * 60_000; // an install takes a minute or two; older locks are from killed runs

/**
 * Runs `work` while holding a lock file, so that test files run in parallel processes install
 * code-server once: the others wait, then find it provisioned.
 */
async function withInstallLock(work) {
  mkdirSync(dirname(lockFile), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockFile);
      break;
    } catch (error) {
      if (error?.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lockFile).mtimeMs > LOCK_STALE_MS) rmSync(lockFile, { recursive: true, force: true });
      } catch {
        /* removed by its owner meanwhile */
      }
      await new Promise((r) => setTimeout(r, 500)); // polling interval
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { recursive: true, force: true });
  }
}

async function doProvision({ force = false, log = (line) => console.error(line), verbose = false } = {}) {
  checkPrerequisites();
  const archive = prepareRipgrepCache();
  if (force || existsSync(cacheDir)) rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  // Its own package.json keeps npm from walking up into the project's package.json.
  writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'cnikit-code-server-cache', private: true }, null, 2) + '\n');
  const started = Date.now();
  log(`provision: installing code-server@${CODE_SERVER_VERSION} into ${cacheDir} (about 300 MB, a minute or two; ripgrep from ${archive})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const env = {
    ...process.env,
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  const { code, tail } = await run(
    npm,
    ['install', '--prefix', cacheDir, '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: cacheDir, env, stdio: ['ignore', 'pipe', 'pipe'], verbose },
  );
  if (code !== 0 || !existsSync(binPath) || !existsSync(binLink)) {
    const logFile = join(repoRoot, '.vscode-test', 'code-server-install.log');
    try {
      writeFileSync(logFile, tail);
    } catch {
      /* best effort */
    }
    const hint = /krb5|gssapi/i.test(tail)
      ? `libkrb5-dev is missing: ${SETUP_HINT}`
      : /ripgrep|github\.com/i.test(tail)
        ? `the ripgrep download was attempted: install Debian's ripgrep (${SETUP_HINT}) and retry`
        : /gyp|make|g\+\+|python/i.test(tail)
          ? `native build failed: install Debian's build-essential, pkg-config, python3 (${SETUP_HINT})`
          : 'see the log';
    rmSync(cacheDir, { recursive: true, force: true });
    throw new ProvisionError(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${code}): ${hint}; log in ${logFile}`);
  }
  // Sanity check: the binary runs.
  const v = spawnSync(process.execPath, [binPath, '--version'], { encoding: 'utf8', timeout: 60_000 });
  if (v.status !== 0 || !v.stdout.includes(CODE_SERVER_VERSION)) {
    throw new ProvisionError(`code-server was installed but does not run: ${(v.stderr || v.stdout || String(v.error)).trim().split('\n')[0]}`);
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  writeFileSync(markerFile, JSON.stringify({ version: CODE_SERVER_VERSION, node: process.version, installedAt: new Date().toISOString(), seconds }, null, 2) + '\n');
  log(`provision: code-server@${CODE_SERVER_VERSION} ready in ${seconds}s`);
  return binLink;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log('usage: node scripts/provision-code-server.mjs [--force] [--print-path] [--verbose]');
    process.exit(0);
  }
  const started = Date.now();
  const reused = !args.includes('--force') && codeServerPath();
  provisionCodeServer({ force: args.includes('--force'), verbose: args.includes('--verbose') }).then(
    (bin) => {
      if (args.includes('--print-path')) console.log(bin);
      else console.log(`code-server@${CODE_SERVER_VERSION}: ${bin}${reused ? ' (already provisioned)' : ` (provisioned in ${((Date.now() - started) / 1000).toFixed(1)}s)`}`);
    },
    (error) => {
      console.error(`provision-code-server: ${error instanceof ProvisionError ? error.message : error?.stack ?? error}`);
      process.exit(1);
    },
  );
}

// Runs a CommonJS bundle through V8's code cache. The first run compiles the bundle as usual and,
// a few seconds in (once the functions a session needs have been compiled too), saves V8's
// bytecode; later runs read it back instead of parsing and compiling again: a faster start and
// first answer, and none of the compiler's scratch memory. Node 22 has this built in
// (module.enableCompileCache); Node 20, our floor, does not. Whatever goes wrong with the cache
// (no folder, unreadable, rejected by V8), the bundle still runs, compiled the ordinary way.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What happened to the cache, for tests and the curious. */
export type CacheOutcome = 'off' | 'used' | 'made' | 'rejected';

/**
 * The per-user cache folder (never a shared one: V8 trusts what it reads back). CNIKIT_CODE_CACHE
 * names another folder, or turns the cache off when empty.
 */
export function codeCacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CNIKIT_CODE_CACHE !== undefined) return env.CNIKIT_CODE_CACHE || undefined;
  if (process.platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'cnikit', 'code-cache') : undefined;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'cnikit', 'code-cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cnikit', 'code-cache');
}

/**
 * Runs `bundle` as Node would `require` it, with the code cache in `folder`.
 * @param saveAfterMs when to save a missing or rejected cache (the timer does not keep the process alive)
 */
export function runCached(bundle: string, folder: string | undefined, saveAfterMs: number): CacheOutcome {
  const source = readFileSync(bundle, 'utf8');
  const file = folder ? cacheFileName(folder, bundle) : undefined;
  const cachedData = file ? readIfThere(file) : undefined;
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const outcome: CacheOutcome = !file ? 'off' : !cachedData ? 'made' : script.cachedDataRejected ? 'rejected' : 'used';
  if (file && outcome !== 'used') setTimeout(() => save(script, file, bundle), saveAfterMs).unref();
  const module = new Module(bundle);
  module.filename = bundle;
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return outcome;
}

/**
 * One file per bundle and runtime: `<bundle name>.<runtime>.<build>.bin`. The runtime part keeps
 * the caches of different Node or Electron versions apart; the build part changes with each build.
 */
function cacheFileName(folder: string, bundle: string): string {
  const { size, mtimeMs } = statSync(bundle);
  return join(folder, `${runtimePrefix(bundle)}${shortHash(`${bundle}|${size}|${mtimeMs}`)}.bin`);
}

function runtimePrefix(bundle: string): string {
  return `${basename(bundle, '.js')}.${shortHash(`${process.version}|${process.arch}`)}.`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache whole (a reader never sees half a file) and drops this runtime's caches of older builds. */
function save(script: Script, file: string, bundle: string): void {
  try {
    const folder = dirname(file);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
    const older = runtimePrefix(bundle);
    for (const name of readdirSync(folder)) {
      if (name.startsWith(older) && name.endsWith('.bin') && name !== basename(file)) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // a cache is an optimisation: a read-only or full disk only means compiling again next time
  }
}

// The server bundle runs through V8's code cache (server/src/node/codeCache.ts): the first start
// saves it, later starts use it, and a missing, corrupt or unwritable cache never stops the bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeCacheFolder } from '../../server/src/node/codeCache';
import { startServer } from '../helpers/lspClient';

/** Runs `bundle` through the cache in a fresh Node process (V8 would answer a second compile in this one from memory). */
function runInChild(bundle: string, cache: string | undefined): { outcome: string; output: string } {
  const script = `const { runCached } = require(${JSON.stringify(codeCacheModule)});
console.log(runCached(${JSON.stringify(bundle)}, ${JSON.stringify(cache)}, 0));
setTimeout(() => {}, 100);`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const [output, outcome] = result.stdout.trim().split('\n');
  return { outcome, output };
}
const codeCacheModule = join(__dirname, '../../server/src/node/codeCache.ts');

test('a bundle runs every time; its cache is made once, then used; a corrupt one is replaced', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnikit-cc-'));
  const bundle = join(dir, 'tiny.js');
  writeFileSync(bundle, 'console.log(\'ran \' + require(\'node:path\').basename(__filename));\n');
  const cache = join(dir, 'cache');
  assert.deepEqual(runInChild(bundle, cache), { output: 'ran tiny.js', outcome: 'made' });
  const files = readdirSync(cache);
  assert.equal(files.length, 1);
  assert.match(files[0], /^tiny\.\w+\.\w+\.bin$/);
  assert.deepEqual(runInChild(bundle, cache), { output: 'ran tiny.js', outcome: 'used' });
  writeFileSync(join(cache, files[0]), 'not a code cache');
  assert.deepEqual(runInChild(bundle, cache), { output: 'ran tiny.js', outcome: 'rejected' });
  assert.deepEqual(runInChild(bundle, cache), { output: 'ran tiny.js', outcome: 'used' });
  assert.deepEqual(runInChild(bundle, undefined), { output: 'ran tiny.js', outcome: 'off' });
  // a folder that cannot be made (a file is in its way): the bundle still runs
  const blocked = join(dir, 'blocked');
  writeFileSync(blocked, '');
  assert.deepEqual(runInChild(bundle, join(blocked, 'cache')), { output: 'ran tiny.js', outcome: 'made' });
});

test('a new build of the bundle replaces the cache of the old one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnikit-cc-'));
  const bundle = join(dir, 'tiny.js');
  const cache = join(dir, 'cache');
  writeFileSync(bundle, 'console.log(1);\n');
  runInChild(bundle, cache);
  const old = readdirSync(cache);
  writeFileSync(bundle, 'console.log(22);\n');
  assert.deepEqual(runInChild(bundle, cache), { output: '22', outcome: 'made' });
  const now = readdirSync(cache);
  assert.equal(now.length, 1);
  assert.notDeepEqual(now, old);
});

test('the cache folder is per user, can be moved, and can be turned off', () => {
  assert.equal(codeCacheFolder({ CNIKIT_CODE_CACHE: '' }), undefined);
  assert.equal(codeCacheFolder({ CNIKIT_CODE_CACHE: '/x/y' }), '/x/y');
  if (process.platform === 'linux') assert.equal(codeCacheFolder({ XDG_CACHE_HOME: '/home/u/.cache' }), '/home/u/.cache/cnikit/code-cache');
});

test('the bundled server saves its code cache on the first start and uses it, unchanged, on the next', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'cnikit-cc-server-'));
  const uri = 'file:///cc/10-net.conflist';
  const text = JSON.stringify({ cniVersion: '1.0.0', name: 'n', plugins: [{ type: 'bridge', bogus: 1 }] });
  const first = await startServer(undefined, undefined, {}, { CNIKIT_CODE_CACHE: cache });
  const waiting = first.diagnostics(uri);
  first.open(uri, text);
  const expected = await waiting;
  assert.ok(expected.length > 0);
  let saved: string[] = [];
  for (let i = 0; i < 60 && saved.length === 0; i++) {
    await sleep(100);
    saved = readdirSync(cache).filter((f) => f.endsWith('.bin'));
  }
  await first.stop();
  assert.equal(saved.length, 1, 'the first start saved a cache');
  const made = statSync(join(cache, saved[0])).mtimeMs;

  const second = await startServer(undefined, undefined, {}, { CNIKIT_CODE_CACHE: cache });
  const again = second.diagnostics(uri);
  second.open(uri, text);
  assert.deepEqual(await again, expected);
  await sleep(3500); // past the moment a rejected cache would be saved again
  await second.stop();
  assert.deepEqual(readdirSync(cache), saved);
  assert.equal(statSync(join(cache, saved[0])).mtimeMs, made, 'V8 accepted the cache, so it was not written again');
});

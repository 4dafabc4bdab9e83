// Issue 8, "nothing lost": a running `cnikit try` (the bundled CLI, as the editor runs it) killed
// with SIGTERM or SIGINT while a plugin runs removes its namespaces and temp dir, kills the
// plugin's processes, and still ends by the signal. Needs Linux, root and the plugins.
//   npm run build && node --import tsx --test test/plugins/tryKilled.test.ts
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertRunGone, sandboxSkip, sleepingPlugin } from '../sandbox/sleepingPlugin';

const work = mkdtempSync(join(tmpdir(), 'cnikit-try-killed-'));
after(() => rmSync(work, { recursive: true, force: true }));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`cnikit try killed by ${signal} mid-run leaves nothing behind`, { skip: sandboxSkip }, async () => {
    // The CLI's temp dirs go to TMPDIR: a private one, so that "nothing left" is checkable.
    const privateTmp = join(work, `tmp-${signal}`);
    mkdirSync(privateTmp);
    const plugin = sleepingPlugin(work);
    const config = join(work, `${signal}.conflist`);
    writeFileSync(config, JSON.stringify({ cniVersion: '1.0.0', name: 'killed', plugins: [{ type: 'ptp', ipam: { type: 'host-local', subnet: '10.71.0.0/24' } }, { type: 'sbr' }] }));
    const child = spawn(process.execPath, ['dist/cli.js', 'try', '--format', 'json', '--cni-path', `${plugin.dir}:/usr/lib/cni`, config], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: privateTmp },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('close', (code, sig) => res({ code, signal: sig })));
    const started = await plugin.started();
    assert.ok(readdirSync(privateTmp).some((n) => n.startsWith('cnikit-sandbox-')), 'the run has its state dir');
    child.kill(signal);
    const end = await exit;
    assert.deepEqual(end, { code: null, signal }, stderr);
    assertRunGone(started);
    assert.deepEqual(readdirSync(privateTmp), [], 'temp dirs left behind');
  });
}

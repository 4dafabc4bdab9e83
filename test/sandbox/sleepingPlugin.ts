// Test helpers for killing runs mid-way: a stand-in plugin that never finishes, and checks that a
// run left no network namespace, temp file or process behind.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const canRunSandbox = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/lib/cni/ptp');
if (!canRunSandbox && process.env.CI === 'true') throw new Error('sandbox tests need root and containernetworking-plugins in CI (bash scripts/setup-system.sh)');
export const sandboxSkip = canRunSandbox ? false : 'needs Linux, root and Debian containernetworking-plugins (bash scripts/setup-system.sh)';

export interface SleepingPlugin {
  /** Put it first in the CNI path: it stands in for `type`. */
  dir: string;
  /** Resolves once the plugin runs: its pid and its child's, and the CNI_NETNS it was given. */
  started(): Promise<{ pids: number[]; netns: string }>;
}

/** A plugin under a reference plugin's name that records where it runs, then sleeps forever. */
export function sleepingPlugin(parent: string, type = 'sbr'): SleepingPlugin {
  const dir = mkdtempSync(join(parent, `sleeping-${type}-`));
  const info = join(dir, 'started.json');
  writeFileSync(
    join(dir, type),
    `#!${process.execPath}
const fs = require('fs');
process.stdin.resume();
process.stdin.on('end', () => {
  const child = require('child_process').spawn('sleep', ['300'], { stdio: 'ignore' });
  fs.writeFileSync(${JSON.stringify(info)} + '.tmp', JSON.stringify({ pids: [process.pid, child.pid], netns: process.env.CNI_NETNS }));
  fs.renameSync(${JSON.stringify(info)} + '.tmp', ${JSON.stringify(info)});
});
`,
  );
  chmodSync(join(dir, type), 0o755);
  return {
    dir,
    async started() {
      // Bounded only so that a broken run fails instead of hanging; nothing asserts on the time.
      for (let i = 0; i < 600 && !existsSync(info); i++) await new Promise((r) => setTimeout(r, 50));
      return JSON.parse(readFileSync(info, 'utf8'));
    },
  };
}

export function netnsNames(): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter(Boolean);
}

/** Alive = exists and is not a zombie. */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The container netns path the plugin got names the run's id; its sandbox host netns shares it. */
export function assertRunGone(started: { pids: number[]; netns: string }): void {
  const container = started.netns.split('/').pop()!;
  assert.match(container, /^cnikit-c-[0-9a-f]+$/);
  const host = container.replace('cnikit-c-', 'cnikit-h-');
  const names = netnsNames();
  assert.ok(!names.includes(container), `netns ${container} left behind`);
  assert.ok(!names.includes(host), `netns ${host} left behind`);
  for (const pid of started.pids) assert.ok(!alive(pid), `process ${pid} still running`);
}

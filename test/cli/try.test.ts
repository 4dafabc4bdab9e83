// `cnikit try` against the real plugins (Linux, root, Debian's containernetworking-plugins).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const canRun = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/lib/cni/bridge');
if (!canRun && process.env.CI === 'true') throw new Error('cnikit try tests need root and containernetworking-plugins in CI (bash scripts/setup-system.sh)');
const skip = canRun ? false : 'needs Linux, root and Debian containernetworking-plugins (bash scripts/setup-system.sh)';

function cnikit(...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('an accepted chain exits 0 and shows the result', { skip }, () => {
  const result = cnikit('try', 'test/corpus/cni/accept/ptp-hostlocal.conflist');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^verdict: accept/);
  assert.match(result.stdout, /ADD 1 ptp ok/);
});

test('a rejected chain exits 1; JSON carries the plugin\'s own error at its step', { skip }, () => {
  const result = cnikit('try', '--format', 'json', 'test/corpus/cni/reject/portmap-first.conflist');
  assert.equal(result.status, 1, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(report.verdict, 'reject');
  const failed = report.steps.find((s: { ok: boolean }) => !s.ok);
  // range: the plugin entry in the file (1-based, end exclusive), lines 5-10 of the corpus file.
  assert.deepEqual(failed, {
    index: 0, type: 'portmap', command: 'ADD', ok: false, error: { code: 999, msg: 'must be called as chained plugin' },
    range: { line: 5, column: 5, endLine: 10, endColumn: 6 },
  });
});

test('a NetworkAttachmentDefinition in YAML runs its spec.config; --document picks one', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnikit-try-'));
  const file = join(dir, 'nads.yaml');
  writeFileSync(file, [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n',
    'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: ptp-net\nspec:\n  config: |\n    { "cniVersion": "1.0.0", "type": "ptp", "ipam": { "type": "host-local", "subnet": "10.77.0.0/24" } }\n',
    'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: bad-net\nspec:\n  config: \'{ "cniVersion": "1.0.0", "type": "bridge", "vlan": 5000 }\'\n',
  ].join('---\n'));
  const ambiguous = cnikit('try', file);
  assert.equal(ambiguous.status, 2);
  assert.match(ambiguous.stderr, /pick one with --document N/);
  assert.equal(cnikit('try', '--document', '2', file).status, 0);
  const bad = cnikit('try', '--document', '3', '--format', 'json', file);
  assert.equal(bad.status, 1);
  const step = JSON.parse(bad.stdout).steps[0];
  assert.match(step.error.msg, /invalid VLAN ID 5000/);
  // The plugin entry is the whole config, inside the quotes of spec.config in document 3 (line 19).
  const json = '{ "cniVersion": "1.0.0", "type": "bridge", "vlan": 5000 }';
  assert.deepEqual(step.range, { line: 19, column: 12, endLine: 19, endColumn: 12 + json.length });
  assert.equal(readFileSync(file, 'utf8').split('\n')[18].slice(11, 11 + json.length), json);
  const notNad = cnikit('try', '--document', '1', file);
  assert.equal(notNad.status, 2);
  assert.match(notNad.stderr, /^cnikit: document 1 of .* is not a NetworkAttachmentDefinition\n$/);
});

test('it never half-runs: a missing plugin binary is exit 2 with what to install', () => {
  const result = cnikit('try', '--cni-path', mkdtempSync(join(tmpdir(), 'empty-cni-')), 'test/corpus/cni/accept/loopback.conf');
  assert.equal(result.status, 2);
  assert.equal(result.stderr.trim().split('\n').length, 1);
  assert.match(result.stderr, /^cnikit: /);
});

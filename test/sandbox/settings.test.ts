// Sandbox settings and Workspace Trust: in Restricted Mode nothing from workspace or folder
// settings switches the sandbox on or chooses its plugin binaries, and it never runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseSandboxSettings, sandboxGate } from '../../client/src/sandbox/settings';

test('off by default, with the CLI default plugin folders', () => {
  assert.deepEqual(chooseSandboxSettings(undefined, undefined, true), { enabled: false, cniPath: [], ignored: [] });
  assert.deepEqual(chooseSandboxSettings({}, {}, false), { enabled: false, cniPath: [], ignored: [] });
});

test('trusted: folder beats workspace beats user', () => {
  const s = chooseSandboxSettings(
    { globalValue: false, workspaceValue: true },
    { globalValue: ['/user'], workspaceValue: ['/ws'], workspaceFolderValue: ['/folder'] },
    true,
  );
  assert.deepEqual(s, { enabled: true, cniPath: ['/folder'], ignored: [] });
});

test('untrusted: workspace and folder values are ignored and named; the user\'s own count', () => {
  const s = chooseSandboxSettings(
    { workspaceValue: true },
    { globalValue: ['/opt/cni/bin'], workspaceFolderValue: ['./evil-bin'] },
    false,
  );
  assert.deepEqual(s, { enabled: false, cniPath: ['/opt/cni/bin'], ignored: ['cnikit.sandbox.enable', 'cnikit.sandbox.cniPath'] });
  assert.equal(chooseSandboxSettings({ globalValue: true, workspaceValue: false }, undefined, false).enabled, true);
});

test('values of the wrong type are ignored; blank folders dropped', () => {
  const s = chooseSandboxSettings({ globalValue: 'yes' as unknown as boolean }, { globalValue: [' /a ', '', '  '], workspaceValue: '/b' }, true);
  assert.deepEqual(s, { enabled: false, cniPath: ['/a'], ignored: [] });
});

test('the gate: untrusted never runs (even when enabled), disabled says how to enable', () => {
  const on = { enabled: true, cniPath: [], ignored: [] };
  const off = { enabled: false, cniPath: [], ignored: [] };
  const untrusted = sandboxGate(on, false);
  assert.equal(untrusted.run, false);
  assert.ok(!untrusted.run && untrusted.reason === 'untrusted' && /Restricted Mode/.test(untrusted.message) && /as root/.test(untrusted.message));
  const disabled = sandboxGate(off, true);
  assert.ok(!disabled.run && disabled.reason === 'disabled' && disabled.message.includes('cnikit.sandbox.enable') && /as root in throwaway network namespaces/.test(disabled.message));
  assert.deepEqual(sandboxGate(on, true), { run: true });
});

// End-to-end: Restricted Mode in the real workbench. Workspace Trust is on and the fixture folder
// is not trusted (no startup prompt), and its .vscode/settings.json asks for a kubeconfig of its
// own and turns the sandbox on. Editing features must work as in a trusted folder; the two
// things a repository could abuse (running plugin binaries as root, a kubeconfig whose exec
// plugin runs commands) must wait for trust, and say so.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import * as h from './harness';

const TEST_TIMEOUT = 240_000;

async function notifications(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-toast').allInnerTexts();
}

async function sidebarRows(page: Page): Promise<string[]> {
  return page.locator('.sidebar .monaco-list-row .label-name').allInnerTexts();
}

describe('CNIKit in the VS Code workbench: Restricted Mode', () => {
  const shared = h.sharedSession(join(__dirname, 'fixtures', 'restricted'), {
    name: 'restricted',
    settings: {
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      // a user-level path that does not exist: the explorer falls back to it and fails to load
      'cnikit.cluster.kubeconfig': '/nonexistent/cnikit-e2e/user.kubeconfig',
    },
  });
  after(() => shared.close());

  it('the workbench is in Restricted Mode, and a .conflist still gets diagnostics', { timeout: TEST_TIMEOUT }, async (t) => {
    const session = await shared.get(t);
    if (!session) return;
    const { page } = session;
    await h.step(page, 'the status bar says Restricted Mode', () =>
      h.waitUntil(page, 'the Restricted Mode status bar item', async () => page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().isVisible()));
    await h.step(page, 'open broken.conflist', () => h.openFile(page, 'broken.conflist'));
    await h.step(page, 'language indicator', () => h.waitForLanguage(page, 'CNI Network Config'));
    const row = await h.step(page, 'the bad network name is reported', () => h.waitForProblem(page, /^error: .*name.*\(cni\/[\w-]+\)/i));
    assert.match(row, /\[Ln 3, Col \d+\]/, `the problem points at the name on line 3: ${row}`);
  });

  it('Try in Sandbox does not run, says why and offers to manage trust', { timeout: TEST_TIMEOUT }, async (t) => {
    const session = await shared.get(t);
    if (!session) return;
    const { page } = session;
    await h.step(page, 'open broken.conflist', () => h.openFile(page, 'broken.conflist'));
    await h.step(page, 'run Try in Sandbox', () => h.runCommand(page, 'CNIKit: Try in Sandbox'));
    const toast = await h.step(page, 'the warning', () =>
      h.waitUntil(page, 'a notification that the sandbox waits for trust', async () => (await notifications(page)).find((n) => /does not run in Restricted Mode/.test(n)), {
        seen: async () => JSON.stringify(await notifications(page)),
      }));
    assert.match(toast, /Manage Workspace Trust/, `the notification offers the way out: ${toast}`);
    assert.equal(await page.locator('.editor-instance', { hasText: 'CNIKit: Try in Sandbox' }).count(), 0, 'no sandbox report opened');
  });

  it('the cluster explorer ignores the workspace kubeconfig and says so, beside why the fallback failed', { timeout: TEST_TIMEOUT }, async (t) => {
    const session = await shared.get(t);
    if (!session) return;
    const { page } = session;
    await h.step(page, 'open the cluster explorer', () => h.runCommand(page, 'CNIKit: Focus on Cluster Networks View', { timeout: 60_000 }));
    const rows = await h.step(page, 'the note and the error', () =>
      h.waitUntil(page, 'the Restricted Mode note and the load error', async () => {
        const labels = await sidebarRows(page);
        return labels.includes('Workspace kubeconfig setting ignored in Restricted Mode') && labels.some((l) => l.includes('/nonexistent/cnikit-e2e/user.kubeconfig')) ? labels : undefined;
      }, { timeout: 60_000, seen: async () => JSON.stringify(await sidebarRows(page)) }));
    assert.ok(!rows.some((l) => l.includes('cluster.kubeconfig') && !l.includes('user.kubeconfig')), `nothing read the workspace's kubeconfig: ${JSON.stringify(rows)}`);
  });
});

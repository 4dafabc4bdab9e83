// End-to-end: Try in Sandbox in the real workbench. With cnikit.sandbox.enable in the user
// settings, the CodeLens above a bridge conflist runs it through the real plugins and the report
// opens beside the editor; a config the plugin rejects gets the plugin's error in Problems.
// Needs what test/e2e needs, plus root and Debian's containernetworking-plugins (code-server runs
// as this user, and the sandbox needs root).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { sandboxSkip } from '../sandbox/sleepingPlugin';
import * as h from './harness';

const TEST_TIMEOUT = 240_000;

/** Text of every editor pane that shows some, by the lines it renders. */
async function editorPanes(page: Page): Promise<string[]> {
  return page.locator('.editor-instance').evaluateAll((els) =>
    els.map((el) =>
      [...el.querySelectorAll<HTMLElement>('.view-lines .view-line')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
        .join('\n'),
    ),
  );
}

async function clickTryLens(page: Page): Promise<void> {
  const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Try in sandbox' }).first();
  await h.waitUntil(page, 'the "Try in sandbox" CodeLens', async () => lens.isVisible(), {
    seen: async () => JSON.stringify(await page.locator('.codelens-decoration').allInnerTexts()),
  });
  await lens.click();
}

describe('CNIKit in the VS Code workbench: Try in Sandbox', { skip: sandboxSkip }, () => {
  const shared = h.sharedSession(join(__dirname, 'fixtures', 'sandbox'), { name: 'sandbox', settings: { 'cnikit.sandbox.enable': true } });
  after(() => shared.close());

  it('the CodeLens on a bridge conflist runs it and shows the accepted report beside the editor', { timeout: TEST_TIMEOUT }, async (t) => {
    const session = await shared.get(t);
    if (!session) return;
    const { page } = session;
    await h.step(page, 'open bridge.conflist', () => h.openFile(page, 'bridge.conflist'));
    await h.step(page, 'click Try in sandbox', () => clickTryLens(page));
    const report = await h.step(page, 'the report opens beside the editor', () =>
      h.waitUntil(page, 'an editor showing "verdict: accept"', async () => (await editorPanes(page)).find((text) => text.includes('verdict: accept')), {
        timeout: 90_000,
        seen: async () => JSON.stringify(await editorPanes(page)),
      }),
    );
    for (const line of ['CNIKit: Try in Sandbox — bridge.conflist', 'ADD 1 bridge ok', 'DEL 1 bridge ok', '10.23.0.2/24 gateway 10.23.0.1 on eth0']) {
      assert.ok(report.includes(line), `missing "${line}" in the report:\n${report}`);
    }
    const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
    assert.ok(tabs.some((tab) => tab.includes('Try bridge.conflist.txt')), JSON.stringify(tabs));
  });

  it('a plugin\'s rejection shows in Problems on the plugin entry it came from', { timeout: TEST_TIMEOUT }, async (t) => {
    const session = await shared.get(t);
    if (!session) return;
    const { page } = session;
    await h.step(page, 'open vlan.conflist', () => h.openFile(page, 'vlan.conflist'));
    await h.step(page, 'click Try in sandbox', () => clickTryLens(page));
    const row = await h.step(page, 'the plugin error in Problems', () =>
      h.waitForProblem(page, /^error: The bridge plugin \(plugin 2\) failed ADD in the sandbox: .*invalid VLAN ID 5000.* cnikit try\(try\/plugin-error\) \[Ln 8, Col 5\]$/, { timeout: 90_000 }),
    );
    assert.ok(row);
    // The reports are plain text: no diagnostics and no lenses of their own.
    const rows = await h.problems(page);
    assert.deepEqual(rows.filter((r) => r.startsWith('Try ')), [], JSON.stringify(rows));
    assert.equal(await page.locator('.editor-instance', { hasText: 'CNIKit: Try in Sandbox' }).locator('.codelens-decoration').count(), 0);
  });
});

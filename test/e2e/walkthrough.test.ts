// End-to-end: the "Get started with CNIKit" walkthrough opens from the Welcome page's command, lists
// its steps, and its first button opens a sample config whose mistakes show in the Problems panel.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import * as h from './harness';

const TEST_TIMEOUT = 240_000;

describe('CNIKit in the VS Code workbench: the walkthrough', () => {
  const shared = h.sharedSession(join(__dirname, 'fixtures', 'empty'), { name: 'walkthrough' });
  after(() => shared.close());

  it('Get started with CNIKit lists its steps; "Open a Sample Config" shows a config with problems', { timeout: TEST_TIMEOUT }, async (t) => {
    const session = await shared.get(t);
    if (!session) return;
    const { page } = session;
    await h.step(page, 'open the walkthrough', async () => {
      await h.runCommand(page, 'Welcome: Open Walkthrough...', { opensQuickInput: true });
      const rows = page.locator('.quick-input-widget .monaco-list-row');
      const ours = rows.filter({ hasText: 'Get started with CNIKit' });
      await h.waitUntil(page, 'the walkthrough picker to list CNIKit', async () => (await ours.count()) > 0, {
        seen: async () => JSON.stringify(await rows.allInnerTexts()),
      });
      await ours.first().click();
    });
    const steps = page.locator('.gettingStartedContainer .getting-started-step .step-title');
    await h.step(page, 'the steps show', () =>
      h.waitUntil(page, 'the walkthrough steps', async () => (await steps.count()) >= 5, { seen: async () => JSON.stringify(await steps.allInnerTexts()) }));
    const titles = (await steps.allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(titles.slice(0, 5), [
      'Open your network configs',
      'Fix a mistake with a quick fix',
      "See your cluster's network",
      'Scaffold a CNI setup',
      'The same checks in CI',
    ]);
    await h.step(page, 'click "Open a Sample Config"', async () => {
      const button = page.locator('.gettingStartedContainer').getByRole('button', { name: 'Open a Sample Config' });
      await h.waitUntil(page, 'the "Open a Sample Config" button', async () => button.first().isVisible());
      await button.first().click();
    });
    await h.waitForLanguage(page, 'CNI Network Config');
    const problem = await h.step(page, 'its mistakes are reported', () => h.waitForProblem(page, /cni\/invalid-name/));
    assert.match(problem, /^error: .*sample network/);
  });
});

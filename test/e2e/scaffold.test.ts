// End-to-end: the "CNIKit: Scaffold…" quick-pick flow in the real workbench creates files that
// then show no problems.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import * as h from './harness';

const TEST_TIMEOUT = 240_000;

describe('CNIKit in the VS Code workbench: scaffolding', () => {
  const shared = h.sharedSession(join(__dirname, 'fixtures', 'empty'), { name: 'scaffold' });
  after(() => shared.close());

  it('Scaffold… → Flannel with the defaults writes the files, opens them, and they show no problems', { timeout: TEST_TIMEOUT }, async (t) => {
    const session = await shared.get(t);
    if (!session) return;
    const { page } = session;
    await h.step(page, 'run the scaffold command', () => h.runCommand(page, 'CNIKit: Scaffold…', { opensQuickInput: true }));
    const quickInput = page.locator('.quick-input-widget');
    const title = page.locator('.quick-input-widget .quick-input-title');
    await h.step(page, 'pick Flannel', async () => {
      await h.waitUntil(page, 'the scaffold kind picker', async () => (await title.innerText().catch(() => '')).includes('CNIKit: Scaffold'));
      await page.keyboard.type('Flannel');
      await page.keyboard.press('Enter');
    });
    // Accept every option's default (pickers list the default first, input boxes are prefilled),
    // until the flow writes the files and opens them.
    const seen: string[] = [];
    const tabs = page.locator('.tabs-container .tab');
    const nextQuestion = async () => {
      const visible = await quickInput.isVisible().catch(() => false);
      const text = visible ? await title.innerText().catch(() => '') : '';
      return visible && text !== '' && text !== seen[seen.length - 1] ? text : undefined;
    };
    await h.step(page, 'accept the defaults and pick the folder', async () => {
      for (let i = 0; i < 20; i++) {
        let question: string | undefined;
        await h.waitUntil(page, 'the next scaffold question or the generated files', async () => {
          question = await nextQuestion();
          return !!question || (await tabs.count()) > 0;
        }, { seen: async () => JSON.stringify(seen) });
        if (!question) break;
        seen.push(question);
        await page.keyboard.press('Enter');
      }
    });
    assert.ok(seen.some((s) => s.includes('Scaffold into')), `the flow asked for a folder: ${JSON.stringify(seen)}`);
    await h.step(page, 'generated files open', () =>
      h.waitUntil(page, 'an editor tab of a generated file', async () => (await tabs.count()) > 0, { seen: async () => String(await tabs.count()) }));
    const names = await tabs.allInnerTexts();
    assert.ok(names.some((n) => /flannel/i.test(n)), `a flannel file is open: ${JSON.stringify(names)}`);
    await h.runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    // Diagnostics arrive after the files open; errors or warnings in them would fail the test.
    const problems = await h.problems(page);
    assert.deepEqual(problems.filter((p) => /^(error|warning):/.test(p)), []);
  });
});

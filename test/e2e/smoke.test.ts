// End-to-end smoke tests: CNIKit installed from its .vsix into the real VS Code workbench
// (code-server), driven in headless Chromium. See harness.ts for how, and for the skip/CI rules.
//
//   node --import tsx --test test/e2e/smoke.test.ts
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import * as h from './harness';

const TEST_TIMEOUT = 240_000;
const examples = join(h.repoRoot, 'examples');
const fixtureWorkspace = join(__dirname, 'fixtures', 'workspace');

/** The first .conflist under `dir` (sorted, recursive), relative to it. */
function firstConflist(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const inner = firstConflist(path);
      if (inner) return relative(dir, join(path, inner));
    } else if (name.endsWith('.conflist')) {
      return name;
    }
  }
  return undefined;
}

describe('CNIKit in the VS Code workbench: the bundled examples', () => {
  // examples/ is what `npm start` opens; the fixture stands in while it has no .conflist
  const inExamples = firstConflist(examples);
  const folder = inExamples ? examples : fixtureWorkspace;
  const file = inExamples ?? 'basic.conflist';
  const shared = h.sharedSession(folder, { name: 'smoke-examples' });
  after(() => shared.close());

  it(`installs ${h.EXTENSION_ID} from the .vsix and gives ${file} the CNI language`, { timeout: TEST_TIMEOUT }, async (t) => {
    const session = await shared.get(t);
    if (!session) return; // skipped: the reason was printed
    const { page } = session;
    assert.ok(h.installedExtensions(session).includes(h.EXTENSION_ID), `${h.EXTENSION_ID} is installed in the workbench's extensions dir`);
    await h.step(page, `open ${file}`, () => h.openFile(page, file));
    // the language indicator switches from Plain Text once the extension's contribution is known
    await h.step(page, 'language indicator', () => h.waitForLanguage(page, 'CNI Network Config'));
    assert.equal(await h.statusBarLanguage(page), 'CNI Network Config');
  });
});

describe('CNIKit in the VS Code workbench: language features in a .conflist', () => {
  // test/e2e/fixtures/workspace/basic.conflist, whose lines the tests below address:
  //  3:   "name": "e2e-bridge",
  //  7:       "bridge": "cni0",
  //  8:       "isGateway": true,
  const file = 'basic.conflist';
  const shared = h.sharedSession(fixtureWorkspace, { name: 'smoke-features' });
  after(() => shared.close());

  /** The fixture open, as on disk, with no widget showing; undefined when the test is skipped. */
  const fresh = (t: TestContext) => h.openFresh(shared, t, file, 'CNI Network Config');

  it('hover on a key shows its docs', { timeout: TEST_TIMEOUT }, async (t) => {
    const page = await fresh(t);
    if (!page) return;
    const text = await h.step(page, 'hover isGateway', () => h.waitForHover(page, 8, 10, /gateway/i));
    assert.match(text, /gateway/i);
    assert.ok(text.length > 40, `the hover explains the key, not just names it: ${JSON.stringify(text)}`);
  });

  it('a wrong value shows in the Problems panel with its code, and its quick fix repairs it', { timeout: TEST_TIMEOUT }, async (t) => {
    const page = await fresh(t);
    if (!page) return;
    // "e2e-bridge" -> "e2e bridge": a space is not allowed in a network name
    await h.step(page, 'break the name', async () => {
      await h.setCursor(page, 3, 15);
      await page.keyboard.press('Delete');
      await page.keyboard.type(' ');
    });
    const row = await h.step(page, 'problem shows', () => h.waitForProblem(page, /^error: .*name.*\(cni\/[\w-]+\)/i));
    assert.match(row, /cnikit\(cni\/[\w-]+\)/, `the Problems row names source and code: ${row}`);
    assert.match(row, /\[Ln 3, Col \d+\]/, `the Problems row points at line 3: ${row}`);

    await h.step(page, 'apply quick fix', async () => {
      await h.setCursor(page, 3, 15);
      await h.applyQuickFix(page, /e2e-bridge/);
    });
    const text = await h.editorText(page);
    assert.match(text, /"name": "e2e-bridge"/, 'the quick fix puts a valid name back');
    await h.step(page, 'problem gone', () =>
      h.waitUntil(page, 'the name problem to leave the Problems panel', async () => !(await h.problems(page)).some((r) => /^error: .*name/i.test(r)), {
        seen: async () => JSON.stringify(await h.problems(page)),
      }),
    );
  });

  it('completion inside a plugin object offers that plugin\'s keys', { timeout: TEST_TIMEOUT }, async (t) => {
    const page = await fresh(t);
    if (!page) return;
    // a new line after  "bridge": "cni0",  then an opening quote (the editor closes it)
    await h.step(page, 'type a quote in the bridge plugin', async () => {
      await h.setCursor(page, 7, 24);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('"');
    });
    const wanted = ['hairpinMode', 'promiscMode', 'isDefaultGateway'];
    const labels = await h.step(page, 'completion', () =>
      h.waitForCompletion(page, `bridge keys ${wanted.join(', ')}`, (l) => wanted.every((w) => l.some((label) => label.replace(/"/g, '') === w))),
    );
    for (const w of wanted) assert.ok(labels.some((l) => l.replace(/"/g, '') === w), `completion offers ${w}: ${JSON.stringify(labels)}`);
    assert.ok(!labels.some((l) => l.replace(/"/g, '') === 'bridge'), `a key already present is not offered again: ${JSON.stringify(labels)}`);
    await page.keyboard.press('Escape');
  });
});

// End-to-end: Kubernetes YAML in the real workbench — the CNI JSON inside a
// NetworkAttachmentDefinition, and the migration of a removed Ingress API.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import * as h from './harness';

const TEST_TIMEOUT = 240_000;
const fixtureWorkspace = join(__dirname, 'fixtures', 'workspace');

describe('CNIKit in the VS Code workbench: Kubernetes YAML', () => {
  const shared = h.sharedSession(fixtureWorkspace, { name: 'yaml' });
  after(() => shared.close());

  const fresh = (t: TestContext, file: string) => h.openFresh(shared, t, file);

  it('a NetworkAttachmentDefinition: completion and a diagnostic inside the embedded spec.config', { timeout: TEST_TIMEOUT }, async (t) => {
    const page = await fresh(t, 'nad.yaml');
    if (!page) return;
    // nad.yaml line 11:       "mode": "bridge",  → break the mode
    await h.step(page, 'break the macvlan mode', async () => {
      await h.setCursor(page, 11, 22);
      await page.keyboard.press('Delete');
    });
    const row = await h.step(page, 'problem in the embedded config', () => h.waitForProblem(page, /"mode" must be one of .*\(cni\/invalid-value\)/));
    assert.match(row, /\[Ln 11, Col 15\]/, `the problem points at the value inside the YAML string: ${row}`);
    await h.step(page, 'type a new key', async () => {
      await h.setCursor(page, 10, 24);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('"');
    });
    const labels = await h.step(page, 'completion in the embedded config', () =>
      h.waitForCompletion(page, 'macvlan keys', (l) => l.some((label) => label.replace(/"/g, '') === 'mtu')),
    );
    assert.ok(labels.some((l) => l.replace(/"/g, '') === 'linkInContainer'), `macvlan keys are offered: ${JSON.stringify(labels)}`);
    assert.ok(!labels.some((l) => l.replace(/"/g, '') === 'master'), `keys already present are not offered: ${JSON.stringify(labels)}`);
    await page.keyboard.press('Escape');
  });

  it('an extensions/v1beta1 Ingress: the migration quick fix rewrites it to networking.k8s.io/v1', { timeout: TEST_TIMEOUT }, async (t) => {
    const page = await fresh(t, 'legacy-ingress.yaml');
    if (!page) return;
    await h.step(page, 'removed API problem', () => h.waitForProblem(page, /no longer served.*\(k8s\/removed-api\)/));
    await h.step(page, 'apply the migration', async () => {
      await h.setCursor(page, 1, 15);
      await h.applyQuickFix(page, /Migrate to networking\.k8s\.io\/v1/);
    });
    const text = await h.editorText(page);
    assert.match(text, /^apiVersion: networking\.k8s\.io\/v1\n/);
    assert.match(text, /pathType: ImplementationSpecific/);
    assert.match(text, /service:\n\s+name: web\n\s+port:\n\s+number: 80/);
    await h.step(page, 'problem gone', () =>
      h.waitUntil(page, 'the removed-API problem to leave the Problems panel', async () => !(await h.problems(page)).some((r) => /removed-api/.test(r)), {
        seen: async () => JSON.stringify(await h.problems(page)),
      }),
    );
  });
});

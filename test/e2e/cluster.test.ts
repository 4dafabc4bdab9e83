// End-to-end: the cluster explorer in the real workbench, on the local test clusters (fake API
// servers over HTTPS, reached through a kubeconfig by the real client library): it lists the
// cluster's CNIs, nodes and attachments, opens an object as YAML, sends only GET requests, and
// nothing of the client key reaches VS Code's logs.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import type { Page } from 'playwright-core';
import { assertNoSecrets, assertOnlyGets } from '../cluster/harness';
import { startLocalClusters, type LocalClusters } from '../cluster/localClusters';
import * as h from './harness';

const TEST_TIMEOUT = 240_000;

/** The sidebar row whose label is exactly `label`. */
function treeRow(page: Page, label: string) {
  return page
    .locator('.sidebar .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }) });
}

async function sidebarRows(page: Page): Promise<string[]> {
  return page.locator('.sidebar .monaco-list-row .label-name').allInnerTexts();
}

/** Waits for a row and expands it (a click toggles; rows already expanded are left alone). */
async function expand(page: Page, label: string): Promise<void> {
  const row = treeRow(page, label).first();
  await h.waitUntil(page, `the tree row "${label}"`, async () => row.isVisible(), { timeout: 60_000, seen: async () => JSON.stringify(await sidebarRows(page)) });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await h.waitUntil(page, `the tree row "${label}" to expand`, async () => (await row.getAttribute('aria-expanded')) === 'true');
}

async function waitForRows(page: Page, labels: string[]): Promise<void> {
  await h.waitUntil(page, `the tree rows ${labels.join(', ')}`, async () => {
    for (const label of labels) if (!(await treeRow(page, label).first().isVisible())) return false;
    return true;
  }, { timeout: 60_000, seen: async () => JSON.stringify(await sidebarRows(page)) });
}

/** A port nothing listens on: bound once to learn a free one, then closed. */
function closedPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(dir);
  return out;
}

describe('CNIKit in the VS Code workbench: the cluster explorer', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cnikit-e2e-clusters-'));
  let clusters: LocalClusters | undefined;
  // the kubeconfig path is only known once the clusters run, so the session opens lazily
  let shared: ReturnType<typeof h.sharedSession> | undefined;
  before(async () => {
    clusters = await startLocalClusters(temp);
    // one more context, whose server is a closed port: the tree must say so and offer a retry
    const kubeconfig = parse(readFileSync(clusters.kubeconfig, 'utf8'));
    kubeconfig.clusters.push({ name: 'offline', cluster: { server: `https://127.0.0.1:${await closedPort()}` } });
    kubeconfig.contexts.push({ name: 'offline', context: { cluster: 'offline', user: 'local-admin' } });
    const withOffline = join(temp, 'with-offline.kubeconfig');
    writeFileSync(withOffline, stringify(kubeconfig), { mode: 0o600 });
    shared = h.sharedSession(join(__dirname, 'fixtures', 'workspace'), { name: 'cluster', settings: { 'cnikit.cluster.kubeconfig': withOffline } });
  });
  after(async () => {
    await shared?.close();
    await clusters?.close();
    rmSync(temp, { recursive: true, force: true });
  });

  it('the tree lists the current cluster\'s CNIs, nodes and attachments; an attachment opens as YAML', { timeout: TEST_TIMEOUT }, async (t) => {
    const session = await shared!.get(t);
    if (!session) return;
    const { page } = session;
    await h.step(page, 'open the cluster explorer', () => h.runCommand(page, 'CNIKit: Focus on Cluster Networks View', { timeout: 60_000 }));
    // the current context is expanded on its own and connects
    await h.step(page, 'the contexts and the current one\'s sections', () =>
      waitForRows(page, ['local-cilium-multus', 'local-flannel', 'local-calico', 'CNI', 'Nodes', 'Network attachments']));
    await h.step(page, 'CNI lists cilium and multus', async () => {
      await expand(page, 'CNI');
      await waitForRows(page, ['cilium', 'multus']);
    });
    await h.step(page, 'Nodes lists the nodes', async () => {
      await expand(page, 'Nodes');
      await waitForRows(page, ['cnikit-control-plane', 'cnikit-worker', 'cnikit-worker2']);
    });
    await h.step(page, 'Network attachments lists NADs by namespace', async () => {
      await expand(page, 'Network attachments');
      await expand(page, 'tenant-a');
      await waitForRows(page, ['ipvlan-l3', 'from-file']);
    });
    await h.step(page, 'an attachment opens as read-only YAML', async () => {
      await treeRow(page, 'ipvlan-l3').first().click();
      await h.waitUntil(page, 'an editor with the NAD', async () => /kind: NetworkAttachmentDefinition/.test((await h.editorText(page).catch(() => '')) ?? ''), {
        timeout: 60_000,
        seen: async () => (await h.editorText(page).catch(() => '')).slice(0, 200),
      });
    });
    const text = await h.editorText(page);
    const object = parse(text);
    assert.equal(object.metadata.name, 'ipvlan-l3');
    assert.equal(object.metadata.namespace, 'tenant-a');
    assert.ok(!('managedFields' in object.metadata), 'managedFields are left out of the YAML shown');
  });

  it('a context whose server is down shows why, with Retry and Switch context', { timeout: TEST_TIMEOUT }, async (t) => {
    const session = await shared!.get(t);
    if (!session) return;
    const { page } = session;
    await h.step(page, 'expand the offline context', () => expand(page, 'offline'));
    await h.step(page, 'the error and what to do next', () =>
      h.waitUntil(page, 'a "cannot reach" row with Retry', async () => {
        const rows = await sidebarRows(page);
        return rows.some((r) => /cannot reach https:\/\/127\.0\.0\.1:\d+: connection refused/.test(r)) && rows.includes('Retry') && rows.includes('Switch context…');
      }, { timeout: 60_000, seen: async () => JSON.stringify(await sidebarRows(page)) }));
  });

  it('only GET requests reached the clusters, and no log holds the client key', { timeout: TEST_TIMEOUT }, async (t) => {
    const session = await shared!.get(t);
    if (!session) return;
    assertOnlyGets(clusters!.servers[0]);
    const key = Buffer.from(parse(readFileSync(clusters!.kubeconfig, 'utf8')).users[0].user['client-key-data'], 'base64').toString();
    const logs = filesUnder(join(session.workbench.userDataDir, 'logs')).map((f) => readFileSync(f, 'utf8'));
    assert.ok(logs.some((l) => l.includes('cluster: connected to local-cilium-multus')), 'the CNIKit log says it connected');
    assertNoSecrets(logs, { keys: [key] });
  });
});

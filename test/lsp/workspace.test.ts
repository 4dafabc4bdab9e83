// The server indexes the workspace folders from disk and follows file events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type TestServer } from '../helpers/lspClient';

const nad = 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: storage-net\nspec:\n  config: \'{"cniVersion": "1.0.0", "type": "loopback"}\'\n';
const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    k8s.v1.cni.cncf.io/networks: storage-net, backup-net\nspec:\n  containers: [{name: c, image: busybox}]\n';

/** The networks a pod's diagnostics call unknown, sorted. */
const unknownNetworks = (diagnostics: { message: unknown }[]) => diagnostics.map((d) => /"([^"]+)"/.exec(String(d.message))![1]).sort();

/** The pod's unknown networks, from `next` and the publishes after it, once `done` holds for them (fails after 5 s). */
async function unknownNetworksOnceDone(server: TestServer, podUri: string, next: Promise<{ message: unknown }[]>, done: (names: string[]) => boolean, what: string): Promise<string[]> {
  const deadline = Date.now() + 5000;
  let names: string[] = [];
  for (let published = next; ; published = server.diagnostics(podUri)) {
    const timedOut = new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`timed out waiting for ${what}; last: ${names.join(', ')}`)), Math.max(deadline - Date.now(), 0)).unref());
    names = unknownNetworks(await Promise.race([published, timedOut]));
    if (done(names)) return names;
  }
}

test('files on disk are indexed at start; a new file on disk is picked up from file events', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnikit-ws-'));
  writeFileSync(join(dir, 'nads.yaml'), nad);
  const server = await startServer(undefined, [{ uri: pathToFileURL(dir).toString(), name: 'ws' }]);
  try {
    const podUri = pathToFileURL(join(dir, 'pod.yaml')).toString();
    // The scan may finish after the first publish: wait until only backup-net is unknown.
    const first = server.diagnostics(podUri);
    server.open(podUri, pod, 'yaml');
    let diagnostics = await first;
    for (let i = 0; i < 20 && !(diagnostics.length === 1 && /backup-net/.test(String(diagnostics[0].message))); i++) {
      diagnostics = await server.diagnostics(podUri);
    }
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['multus/unknown-network', 5, 46]]);
    const definition: any[] = await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: podUri }, position: { line: 5, character: 36 } });
    assert.deepEqual(definition.map((l) => [l.uri, l.range.start.line]), [[pathToFileURL(join(dir, 'nads.yaml')).toString(), 3]]);
    const backupUri = pathToFileURL(join(dir, 'backup.yaml')).toString();
    writeFileSync(join(dir, 'backup.yaml'), nad.replace('storage-net', 'backup-net'));
    const cleared = server.diagnostics(podUri);
    void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: backupUri, type: 1 }] });
    assert.deepEqual(await cleared, []);
    const symbols: any[] = await server.connection.sendRequest('workspace/symbol', { query: 'backup' });
    assert.deepEqual(symbols.map((s) => s.name), ['backup-net']);
  } finally {
    await server.stop();
  }
});

test('Attach network: a NAD on disk is offered in a pod template, and the edited pod validates clean', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnikit-ws-'));
  writeFileSync(join(dir, 'nads.yaml'), nad);
  const server = await startServer(undefined, [{ uri: pathToFileURL(dir).toString(), name: 'ws' }]);
  try {
    const podUri = pathToFileURL(join(dir, 'plain-pod.yaml')).toString();
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox\n';
    server.open(podUri, text, 'yaml');
    const request = () => server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: podUri }, range: { start: { line: 6, character: 10 }, end: { line: 6, character: 10 } }, context: { diagnostics: [], only: ['refactor'] },
    }) as Promise<any[]>;
    // The folder scan may finish after the file opens.
    let actions = await request();
    for (let i = 0; i < 40 && !actions.some((a) => a.title === 'Attach network storage-net'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      actions = await request();
    }
    const attach = actions.find((a) => a.title === 'Attach network storage-net');
    assert.ok(attach, actions.map((a) => a.title).join(' | '));
    assert.equal(attach.kind, 'refactor.rewrite');
    const edited = TextDocument.applyEdits(TextDocument.create(podUri, 'yaml', 1, text), attach.edit.changes[podUri]);
    assert.equal(edited, text.replace('  name: p\n', '  name: p\n  annotations:\n    k8s.v1.cni.cncf.io/networks: storage-net\n'));
    const diagnostics = server.diagnostics(podUri, 2);
    server.change(podUri, 2, edited);
    assert.deepEqual(await diagnostics, []);
  } finally {
    await server.stop();
  }
});

test('file events and closed editors follow the scan: node_modules and files.exclude stay out, a closed untitled editor leaves the index', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnikit-ws-'));
  const server = await startServer(undefined, [{ uri: pathToFileURL(dir).toString(), name: 'ws' }], { files: { exclude: { '**/generated': true } } });
  // files.exclude is read when the scan starts: wait until the scan is done.
  const scanDone = new Promise<void>((done) => server.connection.onNotification('window/logMessage', (p: { message: string }) => {
    if (/^indexed \d+ files/.test(p.message)) done();
  }));
  const defines = (name: string) => nad.replace('storage-net', name);
  const podUri = pathToFileURL(join(dir, 'pod.yaml')).toString();
  const until = (next: Promise<{ message: unknown }[]>, done: (names: string[]) => boolean, what: string) => unknownNetworksOnceDone(server, podUri, next, done, what);
  try {
    const first = server.diagnostics(podUri);
    server.open(podUri, pod.replace('storage-net, backup-net', 'vendored-net, generated-net, real-net'), 'yaml');
    assert.deepEqual(unknownNetworks(await first), ['generated-net', 'real-net', 'vendored-net']);
    await scanDone;
    // Files the scan skips do not come in through file events either.
    mkdirSync(join(dir, 'node_modules', 'chart'), { recursive: true });
    mkdirSync(join(dir, 'generated'));
    const files = { 'node_modules/chart/nad.yaml': 'vendored-net', 'generated/nad.yaml': 'generated-net', 'real.yaml': 'real-net' };
    for (const [path, name] of Object.entries(files)) writeFileSync(join(dir, path), defines(name));
    const afterEvents = server.diagnostics(podUri);
    void server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: Object.keys(files).map((path) => ({ uri: pathToFileURL(join(dir, path)).toString(), type: 1 })),
    });
    assert.deepEqual(await until(afterEvents, (names) => !names.includes('real-net'), 'real.yaml to be indexed'), ['generated-net', 'vendored-net']);
    // An untitled editor counts while it is open, and no longer once closed.
    const untitled = 'untitled:Untitled-1';
    const whileOpen = server.diagnostics(podUri);
    server.open(untitled, defines('vendored-net'), 'yaml');
    assert.deepEqual(await until(whileOpen, (names) => !names.includes('vendored-net'), 'the untitled editor to be indexed'), ['generated-net']);
    const afterClose = server.diagnostics(podUri);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: untitled } });
    assert.deepEqual(await until(afterClose, (names) => names.includes('vendored-net'), 'the closed untitled editor to leave the index'), ['generated-net', 'vendored-net']);
  } finally {
    await server.stop();
  }
});

test('a change of files.exclude re-scans the folders: newly excluded files leave the index, newly included ones come in', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnikit-ws-'));
  for (const name of ['a', 'b']) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'nad.yaml'), nad.replace('storage-net', `${name}-net`));
  }
  const configuration: Record<string, unknown> = { files: { exclude: { '**/b': true } } };
  const server = await startServer(undefined, [{ uri: pathToFileURL(dir).toString(), name: 'ws' }], configuration);
  const podUri = pathToFileURL(join(dir, 'pod.yaml')).toString();
  /** The pod's unknown networks once they are exactly `expected` (fails after 5 s). */
  const until = (next: Promise<{ message: unknown }[]>, expected: string[]) =>
    unknownNetworksOnceDone(server, podUri, next, (names) => names.join() === expected.join(), `[${expected.join(', ')}]`);
  try {
    const first = server.diagnostics(podUri);
    server.open(podUri, pod.replace('storage-net, backup-net', 'a-net, b-net'), 'yaml');
    assert.deepEqual(await until(first, ['b-net']), ['b-net']);
    configuration.files = { exclude: { '**/a': true } };
    const swapped = server.diagnostics(podUri);
    void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await until(swapped, ['a-net']), ['a-net']);
  } finally {
    await server.stop();
  }
});

test('a change of cnikit.kubernetes settings reads the files on disk again: a kind turned off leaves the index', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnikit-ws-'));
  writeFileSync(join(dir, 'nads.yaml'), nad);
  const configuration: Record<string, unknown> = { cnikit: {} };
  const server = await startServer(undefined, [{ uri: pathToFileURL(dir).toString(), name: 'ws' }], configuration);
  const symbols = async () => ((await server.connection.sendRequest('workspace/symbol', { query: 'storage' })) as { name: string }[]).map((s) => s.name);
  const until = async (expected: string[]) => {
    const deadline = Date.now() + 5000;
    let names = await symbols();
    while (names.join() !== expected.join() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      names = await symbols();
    }
    return names;
  };
  try {
    assert.deepEqual(await until(['storage-net']), ['storage-net']);
    configuration.cnikit = { kubernetes: { disabledKinds: ['networkAttachment'] } };
    void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await until([]), []);
    configuration.cnikit = {};
    void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await until(['storage-net']), ['storage-net']);
  } finally {
    await server.stop();
  }
});

test('completion in the Multus networks annotation offers the NADs on disk, replacing the partial name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnikit-ws-'));
  writeFileSync(join(dir, 'nads.yaml'), nad);
  const server = await startServer(undefined, [{ uri: pathToFileURL(dir).toString(), name: 'ws' }]);
  try {
    const podUri = pathToFileURL(join(dir, 'pod.yaml')).toString();
    const text = pod.replace('storage-net, backup-net', 'backup-net, sto');
    server.open(podUri, text, 'yaml');
    const line = text.split('\n')[5];
    const request = async () => {
      const result: any = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: podUri }, position: { line: 5, character: line.length } });
      return (Array.isArray(result) ? result : result?.items ?? []) as any[];
    };
    // The folder scan may finish after the file opens.
    let items = await request();
    for (let i = 0; i < 40 && !items.some((c) => c.label === 'storage-net'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      items = await request();
    }
    const item = items.find((c) => c.label === 'storage-net');
    assert.ok(item, items.map((c) => c.label).join(' | '));
    assert.deepEqual(item.textEdit, { range: { start: { line: 5, character: line.length - 3 }, end: { line: 5, character: line.length } }, newText: 'storage-net' });
  } finally {
    await server.stop();
  }
});

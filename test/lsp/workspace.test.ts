// The server indexes the workspace folders from disk and follows file events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../helpers/lspClient';

const nad = 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: storage-net\nspec:\n  config: \'{"cniVersion": "1.0.0", "type": "loopback"}\'\n';
const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    k8s.v1.cni.cncf.io/networks: storage-net, backup-net\nspec:\n  containers: [{name: c, image: busybox}]\n';

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

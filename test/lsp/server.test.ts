// Protocol tests: the bundled server over stdio, real JSON-RPC messages. Run `npm run build` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../helpers/lspClient';

let server: TestServer;
before(async () => (server = await startServer()));
after(async () => server.stop());

const valid = '{\n  "cniVersion": "1.0.0",\n  "name": "cbr0",\n  "plugins": [\n    { "type": "bridge", "bridge": "cni0" }\n  ]\n}';

test('initialize announces the features the server implements', () => {
  const caps = server.capabilities as any;
  assert.equal(caps.textDocumentSync, 2);
  assert.equal(caps.hoverProvider, true);
  assert.equal(caps.documentSymbolProvider, true);
  assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'refactor.rewrite']);
  assert.ok(caps.completionProvider.triggerCharacters.includes('"'));
});

test('didOpen publishes diagnostics with codes and exact ranges; fixing the file clears them', async () => {
  const uri = 'file:///ws/net.d/10-bad.conflist';
  const published = server.diagnostics(uri);
  server.open(uri, valid.replace('"cni0"', '"cni0", "mtu": "1500"'));
  const diagnostics = await published;
  assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.source]), [['cni/wrong-type', 4, 49, 'cnikit']]);
  const cleared = server.diagnostics(uri, 2);
  server.change(uri, 2, valid);
  assert.deepEqual(await cleared, []);
});

test('completion, hover, code actions and symbols answer over the protocol', async () => {
  const uri = 'file:///ws/net.d/20-features.conflist';
  const text = '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "macvlan", "mode": "bridg", "ipam": {} }\n  ]\n}';
  const published = server.diagnostics(uri);
  server.open(uri, text);
  const diagnostic = (await published).find((d) => d.code === 'cni/invalid-value')!;
  const completion: any = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 25 } });
  const labels = (Array.isArray(completion) ? completion : completion.items).map((i: any) => i.label);
  assert.ok(labels.includes('master'), labels.join());
  const hover: any = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 28 } });
  assert.match(hover.contents.value, /\*\*mode\*\*/);
  const actions: any[] = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  assert.equal(actions[0].title, 'Change to "bridge"');
  assert.equal(actions[0].edit.changes[uri][0].newText, '"bridge"');
  const symbols: any[] = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols[0].children.map((s: any) => s.name), ['macvlan']);
});

test('bad input gets diagnostics and the server keeps serving', async () => {
  const inputs: [string, string][] = [
    ['file:///ws/binary.conflist', '\u0000\u0001\u0002\u00ff garbage'],
    ['file:///ws/truncated.conflist', '{ "cniVersion": "1.0.0", "plugins": [ { "type": "bridge", "ipam": { "ranges": [[{'],
    ['file:///ws/big.conflist', `{ "cniVersion": "1.0.0", "name": "big", "plugins": [${Array.from({ length: 40000 }, () => '{ "type": "bridge", "bridge": "cni0", "mtu": "x" }').join(',')}] }`],
    ['file:///ws/deep.conflist', '['.repeat(10000) + ']'.repeat(10000)],
  ];
  for (const [uri, text] of inputs) {
    const published = server.diagnostics(uri);
    server.open(uri, text);
    const diagnostics = await published;
    assert.ok(diagnostics.length > 0, `${uri} got no diagnostics`);
  }
  const hover: any = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///ws/truncated.conflist' }, position: { line: 0, character: 40 } });
  assert.ok(hover === null || typeof hover === 'object');
  // Still alive: a normal document still gets answered.
  const uri = 'file:///ws/after.conflist';
  const published = server.diagnostics(uri);
  server.open(uri, valid);
  assert.deepEqual(await published, []);
  assert.equal(server.process.exitCode, null);
});

test('requests for unknown documents and positions out of range get empty answers, not errors', async () => {
  const completion = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///nope.conflist' }, position: { line: 0, character: 0 } });
  assert.deepEqual(completion, []);
  const uri = 'file:///ws/short.conflist';
  const published = server.diagnostics(uri);
  server.open(uri, '{}');
  await published;
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 99, character: 99 } });
  assert.equal(hover, null);
});

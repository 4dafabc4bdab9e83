// The editor's run: the bundled CLI on a document's text through a private temp file, as
// Try in Sandbox does it. Real plugins; needs `npm run build`, Linux, root and the plugins.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tryProblems } from '../../client/src/sandbox/report';
import { runTry, tempFileName, type TryRequest } from '../../client/src/sandbox/runTry';
import { assertRunGone, sandboxSkip, sleepingPlugin } from './sleepingPlugin';

const work = mkdtempSync(join(tmpdir(), 'cnikit-runtry-test-'));
// Every temp dir (ours and the sandbox's) goes here, so that "removed afterwards" is checkable.
const privateTmp = join(work, 'tmp');
mkdirSync(privateTmp);
const savedTmp = process.env.TMPDIR;
process.env.TMPDIR = privateTmp;
after(() => {
  process.env.TMPDIR = savedTmp;
  rmSync(work, { recursive: true, force: true });
});

const cliPath = resolve('dist/cli.js');
const request = (extra: Partial<TryRequest> & Pick<TryRequest, 'text' | 'fileName'>): TryRequest => ({ cliPath, cniPath: [], ...extra });
const assertNoTemp = () => assert.deepEqual(readdirSync(privateTmp), [], 'temp files left behind');

test('temp file names keep YAML as YAML and JSON out of it', () => {
  assert.equal(tempFileName('/w/net.d/10-bridge.conf', false), '10-bridge.conf');
  assert.equal(tempFileName('Untitled-1', true), 'Untitled-1.yaml');
  assert.equal(tempFileName('/w/nads.yml', true), 'nads.yml');
  assert.equal(tempFileName('/w/odd.yaml', false), 'odd.yaml.json');
  assert.equal(tempFileName('C:\\w\\my file.conflist', false), 'my_file.conflist');
});

test('an accepted conflist: the report with the result', { skip: sandboxSkip }, async () => {
  const text = readFileSync('test/corpus/cni/accept/bridge-hostlocal-portmap.conflist', 'utf8');
  const outcome = await runTry(request({ text, fileName: '/somewhere/bridge.conflist' }));
  assert.equal(outcome.kind, 'report', JSON.stringify(outcome));
  if (outcome.kind !== 'report') return;
  assert.equal(outcome.report.verdict, 'accept');
  assert.ok(JSON.stringify(outcome.report.result).includes('10.244.1.2/24'));
  assert.deepEqual(tryProblems(outcome.report), []);
  assertNoTemp();
});

test('a NAD\'s rejection lands on its plugin entry in the YAML (the unsaved text is what runs)', { skip: sandboxSkip }, async () => {
  const text = [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n',
    'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: bad-net\nspec:\n  config: |\n    { "cniVersion": "1.0.0", "plugins": [\n      { "type": "bridge", "vlan": 5000 },\n      { "type": "portmap", "capabilities": { "portMappings": true } } ] }\n',
  ].join('---\n');
  const outcome = await runTry(request({ text, fileName: 'Untitled-2', document: 2 }));
  assert.equal(outcome.kind, 'report', JSON.stringify(outcome));
  if (outcome.kind !== 'report') return;
  const [problem] = tryProblems(outcome.report);
  assert.equal(problem.code, 'try/plugin-error');
  assert.match(problem.message, /^The bridge plugin \(plugin 1\) failed ADD in the sandbox: \[\d+\] invalid VLAN ID 5000/);
  const lines = text.split('\n');
  assert.deepEqual([problem.start, problem.end], [{ line: 12, character: 6 }, { line: 12, character: 40 }]);
  assert.equal(lines[12].slice(6, 40), '{ "type": "bridge", "vlan": 5000 }');
  assertNoTemp();
});

test('exit 2: the CLI\'s one-line reason, without its prefix or the temp path', { skip: sandboxSkip }, async () => {
  const empty = mkdtempSync(join(work, 'empty-cni-'));
  const outcome = await runTry(request({ text: '{"cniVersion":"1.0.0","name":"l","type":"loopback"}', fileName: 'lo.conf', cniPath: [empty] }));
  assert.equal(outcome.kind, 'unavailable', JSON.stringify(outcome));
  if (outcome.kind === 'unavailable') {
    assert.ok(!outcome.reason.includes('\n') && !outcome.reason.startsWith('cnikit:'), outcome.reason);
    assert.match(outcome.reason, /loopback/);
  }
  const notNad = await runTry(request({ text: 'kind: Namespace\n', fileName: 'ns.yaml', document: 1 }));
  assert.deepEqual(notNad, { kind: 'unavailable', reason: 'document 1 of ns.yaml is not a NetworkAttachmentDefinition' });
  assertNoTemp();
});

test('cancelling kills the run; the sandbox and the temp file are gone', { skip: sandboxSkip }, async () => {
  const plugin = sleepingPlugin(work);
  const controller = new AbortController();
  const text = JSON.stringify({ cniVersion: '1.0.0', name: 'cancelled', plugins: [{ type: 'ptp', ipam: { type: 'host-local', subnet: '10.72.0.0/24' } }, { type: 'sbr' }] });
  const run = runTry(request({ text, fileName: 'cancel.conflist', cniPath: [plugin.dir, '/usr/lib/cni'], signal: controller.signal }));
  const started = await plugin.started();
  controller.abort();
  assert.deepEqual(await run, { kind: 'cancelled' });
  assertRunGone(started);
  assertNoTemp();
});

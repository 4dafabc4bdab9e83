// What the editor makes of `cnikit try --format json`: diagnostics on plugin entries and the panel text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { panelText, parseTryOutput, tryProblems, type TryJson } from '../../client/src/sandbox/report';
import { toNetworkList } from '../../server/src/sandbox/chain';
import { formatReport } from '../../server/src/sandbox/format';
import { runChain } from '../../server/src/sandbox/runner';

const rejected: TryJson = {
  verdict: 'reject',
  steps: [
    { index: 0, type: 'bridge', command: 'ADD', ok: true, range: { line: 5, column: 5, endLine: 9, endColumn: 6 } },
    { index: 1, type: 'tuning', command: 'ADD', ok: false, error: { code: 999, msg: 'invalid args c2:b0 for MAC addr' }, range: { line: 10, column: 5, endLine: 13, endColumn: 6 } },
    { index: 0, type: 'bridge', command: 'DEL', ok: false, error: { code: 11, msg: 'busy', details: 'try again' }, range: { line: 5, column: 5, endLine: 9, endColumn: 6 } },
  ],
  result: null,
};

test('parses the CLI\'s report and refuses anything else', () => {
  assert.deepEqual(parseTryOutput(JSON.stringify(rejected)), rejected);
  assert.deepEqual(parseTryOutput('{"verdict":"accept","steps":[]}'), { verdict: 'accept', steps: [], result: null });
  for (const bad of ['', 'cnikit: needs root', '{"verdict":"maybe","steps":[]}', '{"verdict":"accept"}', 'null']) assert.equal(parseTryOutput(bad), undefined, bad);
});

test('each failed step is a problem on its plugin entry: ADD/CHECK errors, DEL warnings', () => {
  assert.deepEqual(tryProblems(rejected), [
    {
      start: { line: 9, character: 4 },
      end: { line: 12, character: 5 },
      severity: 'error',
      code: 'try/plugin-error',
      message: 'The tuning plugin (plugin 2) failed ADD in the sandbox: [999] invalid args c2:b0 for MAC addr',
    },
    {
      start: { line: 4, character: 4 },
      end: { line: 8, character: 5 },
      severity: 'warning',
      code: 'try/cleanup-error',
      message: 'The bridge plugin (plugin 1) failed DEL in the sandbox: [11] busy (try again)',
    },
  ]);
  const noRange = tryProblems({ verdict: 'reject', steps: [{ index: 0, type: 'x', command: 'CHECK', ok: false }], result: null });
  assert.deepEqual(noRange[0].start, { line: 0, character: 0 });
  assert.match(noRange[0].message, /failed CHECK in the sandbox: failed without an error message/);
  assert.deepEqual(tryProblems({ verdict: 'accept', steps: [{ index: 0, type: 'ptp', command: 'ADD', ok: true }], result: {} }), []);
});

test('the panel: what ran, verdict, every step, where failures stand', () => {
  assert.equal(
    panelText(rejected, 'mac.conflist'),
    [
      'CNIKit: Try in Sandbox — mac.conflist',
      '',
      'verdict: reject — ADD failed in plugin 2 (tuning)',
      '  ADD 1 bridge ok',
      '  ADD 2 tuning failed: [999] invalid args c2:b0 for MAC addr',
      '  DEL 1 bridge failed: [11] busy (try again)',
      '',
      'failed plugins in the file:',
      '  line 10: tuning (plugin 2), ADD',
      '  line 5: bridge (plugin 1), DEL',
      '',
      'No result: the chain did not get through ADD.',
      '',
    ].join('\n'),
  );
});

test('a single-plugin config has no list: the verdict names its plugin, not "plugin 1"', () => {
  const single: TryJson = {
    verdict: 'reject',
    steps: [{ index: 0, type: 'bridge', command: 'ADD', ok: false, error: { code: 999, msg: 'invalid VLAN ID 5000' } }],
    result: null,
    single: true,
  };
  assert.deepEqual(parseTryOutput(JSON.stringify(single)), single);
  assert.equal(parseTryOutput(JSON.stringify({ ...single, single: 'yes' }))!.single, undefined);
  const text = panelText(single, 'bridge.conf');
  assert.ok(text.includes('verdict: reject — ADD failed in the bridge plugin\n  ADD 1 bridge failed: [999] invalid VLAN ID 5000'), text);
  const check = panelText({ ...single, steps: [{ index: 0, type: 'bridge', command: 'CHECK', ok: false }] }, 'bridge.conf');
  assert.ok(check.includes('verdict: reject — CHECK failed in the bridge plugin after every ADD succeeded'), check);
  // The problem on the plugin and the panel's list of failures do not count plugins either.
  const located = { ...single, steps: [{ ...single.steps[0], range: { line: 1, column: 1, endLine: 4, endColumn: 2 } }] };
  assert.equal(tryProblems(located)[0].message, 'The bridge plugin failed ADD in the sandbox: [999] invalid VLAN ID 5000');
  assert.ok(panelText(located, 'bridge.conf').includes('failed plugins in the file:\n  line 1: bridge, ADD\n'));
});

test('the sandbox marks a single-plugin config in its report, and a one-plugin list not', async () => {
  const failAdd = async () => ({ ok: false, error: { code: 11, msg: 'no' } });
  const single = await runChain(toNetworkList('{ "cniVersion": "1.0.0", "name": "n", "type": "ptp" }'), '/nonexistent', failAdd);
  assert.equal(single.single, true);
  assert.match(formatReport(single), /^verdict: reject — ADD failed in the ptp plugin\n/);
  const list = await runChain(toNetworkList('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "ptp" }] }'), '/nonexistent', failAdd);
  assert.equal(list.single, undefined);
  assert.match(formatReport(list), /^verdict: reject — ADD failed in plugin 1 \(ptp\)\n/);
});

test('the panel shows the final result: interfaces, IPs, routes, DNS', () => {
  const text = panelText(
    {
      verdict: 'accept',
      steps: [{ index: 0, type: 'ptp', command: 'ADD', ok: true }, { index: 0, type: 'ptp', command: 'DEL', ok: true }],
      result: {
        cniVersion: '1.0.0',
        interfaces: [{ name: 'eth0', mac: '0a:58:0a:f4:01:02', sandbox: '/var/run/netns/c' }],
        ips: [{ address: '10.244.1.2/24', gateway: '10.244.1.1', interface: 0 }],
        routes: [{ dst: '0.0.0.0/0' }],
        dns: { nameservers: ['10.96.0.10'] },
      },
    },
    '"ptp-net" in nads.yaml',
  );
  for (const line of ['verdict: accept', 'ADD 1 ptp ok', 'DEL 1 ptp ok', '[0] eth0  mac 0a:58:0a:f4:01:02  in container', '10.244.1.2/24 gateway 10.244.1.1 on eth0', '0.0.0.0/0', 'dns: nameservers 10.96.0.10']) {
    assert.ok(text.includes(line), `missing "${line}" in:\n${text}`);
  }
  assert.ok(!text.includes('failed plugins'));
});

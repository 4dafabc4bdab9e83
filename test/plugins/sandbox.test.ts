// The sandbox against the real CNI plugins (Debian containernetworking-plugins): the corpus
// verdicts, libcni's calling protocol, unavailability, and cleanup in every way a run can end.
// Needs Linux, root and the plugins; elsewhere every test is skipped loudly, or fails when CI=true.
//   node --import tsx --test test/plugins/sandbox.test.ts
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it, type TestContext } from 'node:test';
import {
  findCniPath,
  formatReport,
  runInSandbox,
  SAMPLE_CAPABILITY_ARGS,
  SandboxConfigError,
  SandboxUnavailable,
  type SandboxInfo,
  type SandboxOptions,
  type SandboxReport,
} from '../../server/src/sandbox';
import { corpusCases, expectedFrom, readCase, readExpected, type CorpusCase } from './cniCorpus';

const SANDBOX_MODULE = resolve(__dirname, '../../server/src/sandbox');
const cniPath = findCniPath();
const work = mkdtempSync(join(tmpdir(), 'cnikit-sandbox-test-'));
/** Parent of every run's state dir, so that "nothing left behind" is checkable. */
const stateParent = join(work, 'state');
mkdirSync(stateParent);
/** Every sandbox any test created, checked again at the very end. */
const started: SandboxInfo[] = [];

function opts(extra: Partial<SandboxOptions> = {}): SandboxOptions {
  return {
    cniPath,
    tmpDir: stateParent,
    ...extra,
    onStart: (info) => {
      started.push(info);
      extra.onStart?.(info);
    },
  };
}

// ---- can this machine run the sandbox at all? --------------------------------------------

const availability: Promise<string | undefined> = runInSandbox({ cniVersion: '1.0.0', name: 'probe', type: 'loopback' }, opts()).then(
  () => undefined,
  (err) => (err instanceof SandboxUnavailable ? err.message : `probe failed: ${String(err)}`),
);
let warned = false;

/** False (test skipped) when the sandbox cannot run here; under CI=true that is a failure instead. */
async function sandboxReady(t: TestContext): Promise<boolean> {
  const why = await availability;
  if (why === undefined) return true;
  if (process.env.CI === 'true') assert.fail(`CI=true but the CNI sandbox cannot run on this machine: ${why}`);
  if (!warned) {
    warned = true;
    console.warn(`\n${'!'.repeat(78)}\n!!! SANDBOX TESTS SKIPPED: ${why}\n!!! Run as root with containernetworking-plugins installed (scripts/setup-system.sh).\n${'!'.repeat(78)}\n`);
  }
  t.skip(`sandbox unavailable: ${why}`);
  return false;
}

// ---- helpers -----------------------------------------------------------------------------

function netnsNames(): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter(Boolean);
}

function assertGone(info: SandboxInfo): void {
  const names = netnsNames();
  assert.ok(!names.includes(info.hostNetns), `netns ${info.hostNetns} left behind`);
  assert.ok(!names.includes(info.containerNetns), `netns ${info.containerNetns} left behind`);
  assert.ok(!existsSync(info.stateDir), `state dir ${info.stateDir} left behind`);
}

/** Alive = exists and is not a zombie. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitForFile(path: string): Promise<string> {
  // Bounded only so that a broken run fails instead of hanging; nothing asserts on the time.
  for (let i = 0; i < 600; i++) {
    if (existsSync(path)) return readFileSync(path, 'utf8');
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${path} never appeared`);
}

/**
 * A stand-in plugin under a reference plugin's name (the sandbox runs only those), in its own
 * directory put before the real ones in cniPath. `record` logs stdin, env and its netns and
 * passes prevResult on; `sleep` writes its pid and its child's pid, then never finishes.
 */
function fakePlugin(type: string, mode: 'record' | 'sleep'): { dir: string; log: string; pids: string } {
  const dir = mkdtempSync(join(work, `fake-${type}-`));
  const log = join(dir, 'calls.jsonl');
  const pids = join(dir, 'pids.json');
  const script = `#!${process.execPath}
const fs = require('fs');
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const conf = JSON.parse(input);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('CNI_')));
  fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ type: ${JSON.stringify(type)}, command: process.env.CNI_COMMAND, env, conf, netns: fs.readlinkSync('/proc/self/ns/net') }) + '\\n');
  if (${JSON.stringify(mode)} === 'sleep') {
    const child = require('child_process').spawn('sleep', ['300'], { stdio: 'inherit' });
    fs.writeFileSync(${JSON.stringify(pids)} + '.tmp', JSON.stringify([process.pid, child.pid]));
    fs.renameSync(${JSON.stringify(pids)} + '.tmp', ${JSON.stringify(pids)});
    return;
  }
  if (process.env.CNI_COMMAND === 'ADD') process.stdout.write(JSON.stringify(conf.prevResult ?? { cniVersion: conf.cniVersion }));
});
`;
  writeFileSync(join(dir, type), script);
  chmodSync(join(dir, type), 0o755);
  return { dir, log, pids };
}

const readLog = (log: string) =>
  readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; command: string; env: Record<string, string>; conf: Record<string, any>; netns: string });

const ptp = (subnet = '10.70.0.0/24') => ({ type: 'ptp', ipam: { type: 'host-local', subnet, routes: [{ dst: '0.0.0.0/0' }] } });
const commands = (r: SandboxReport) => r.steps.map((s) => `${s.command} ${s.index} ${s.type}${s.ok ? '' : ' failed'}`);

// ---- the corpus --------------------------------------------------------------------------

describe('corpus: every file gets the verdict of its folder from the real plugins', { concurrency: 4 }, () => {
  for (const c of corpusCases()) {
    it(`${c.folder}/${c.name}`, async (t) => {
      if (!(await sandboxReady(t))) return;
      let report: SandboxReport;
      try {
        report = await runInSandbox(readCase(c), opts());
      } catch (err) {
        if (err instanceof SandboxUnavailable && err.reason === 'kernel') {
          assert.match(err.message, /CONFIG_\w+ is not set/);
          console.warn(`!!! NOT VERIFIED here: ${c.folder}/${c.name}: ${err.message}`);
          t.skip(`kernel: ${err.message}`);
          return;
        }
        throw err;
      }
      checkVerdict(c, report);
    });
  }
});

function checkVerdict(c: CorpusCase, report: SandboxReport): void {
  if (c.folder === 'accept') {
    assert.equal(report.verdict, 'accept', formatReport(report));
    assert.ok(report.steps.every((s) => s.ok), formatReport(report));
    assert.notEqual(report.result, undefined);
    return;
  }
  assert.equal(report.verdict, 'reject', formatReport(report));
  const expected = readExpected(c);
  assert.ok(expected, `${c.expectedPath} is missing: run node --import tsx scripts/record-corpus.ts`);
  assert.deepEqual(expectedFrom(report), expected);
  if (c.folder === 'version-1.1.0') assert.equal(expected.code, 1);
  if (c.folder === 'check-bug') assert.equal(expected.command, 'CHECK');
}

// ---- libcni's calling protocol -----------------------------------------------------------

describe('chain protocol (as libcni runs a list)', () => {
  it('injects name, cniVersion, prevResult, runtimeConfig and sandbox state dirs; runs ADD, CHECK, DEL in libcni order', async (t) => {
    if (!(await sandboxReady(t))) return;
    const tuning = fakePlugin('tuning', 'record');
    const sbr = fakePlugin('sbr', 'record');
    let info!: SandboxInfo;
    let hostNetnsInode = 0;
    const report = await runInSandbox(
      {
        cniVersion: '1.0.0',
        name: 'proto-net',
        plugins: [
          ptp(),
          { type: 'tuning', name: 'not-this', cniVersion: '0.3.1', dataDir: '/var/lib/cni/tuning', capabilities: { portMappings: true, mac: true, ips: false } },
          { type: 'sbr', ipam: { type: 'host-local', subnet: '10.9.0.0/24', dataDir: '/var/lib/cni/networks' }, runtimeConfig: { kept: true } },
        ],
      },
      opts({
        cniPath: [tuning.dir, sbr.dir, ...cniPath],
        onStart: (i) => {
          info = i;
          hostNetnsInode = statSync(`/var/run/netns/${i.hostNetns}`).ino;
        },
      }),
    );
    assert.equal(report.verdict, 'accept', formatReport(report));
    assert.deepEqual(commands(report), [
      'ADD 0 ptp', 'ADD 1 tuning', 'ADD 2 sbr',
      'CHECK 0 ptp', 'CHECK 1 tuning', 'CHECK 2 sbr',
      'DEL 2 sbr', 'DEL 1 tuning', 'DEL 0 ptp',
    ]);
    const ptpResult = report.steps[0].result;
    assert.deepEqual(report.result, ptpResult, 'the fakes pass prevResult on, so the final result is ptp’s');

    const calls = [...readLog(tuning.log), ...readLog(sbr.log)];
    const call = (type: string, command: string) => calls.find((c) => c.type === type && c.command === command)!;
    const addTuning = call('tuning', 'ADD');
    assert.equal(addTuning.conf.name, 'proto-net');
    assert.equal(addTuning.conf.cniVersion, '1.0.0');
    assert.deepEqual(addTuning.conf.prevResult, ptpResult);
    assert.deepEqual(addTuning.conf.runtimeConfig, { portMappings: SAMPLE_CAPABILITY_ARGS.portMappings });
    assert.equal(addTuning.conf.dataDir, join(info.stateDir, 'tuning'));
    const addSbr = call('sbr', 'ADD');
    assert.deepEqual(addSbr.conf.prevResult, ptpResult);
    assert.equal(addSbr.conf.ipam.dataDir, join(info.stateDir, 'host-local'));
    assert.deepEqual(addSbr.conf.runtimeConfig, { kept: true }, 'no capability argument: the file’s runtimeConfig stays');
    for (const cmd of ['CHECK', 'DEL']) assert.deepEqual(call('sbr', cmd).conf.prevResult, report.result, `${cmd} gets the final result`);

    for (const c of calls) {
      assert.equal(c.env.CNI_NETNS, `/var/run/netns/${info.containerNetns}`);
      assert.equal(c.env.CNI_IFNAME, 'eth0');
      assert.equal(c.env.CNI_CONTAINERID, info.containerId);
      assert.equal(c.env.CNI_PATH, [tuning.dir, sbr.dir, ...cniPath].join(':'));
      assert.equal(c.netns, `net:[${hostNetnsInode}]`, 'plugins run inside the sandbox host netns');
    }
    assertGone(info);
  });

  it('below 0.4.0 there is no CHECK and DEL gets no prevResult; a .conf is upconverted with its own name', async (t) => {
    if (!(await sandboxReady(t))) return;
    const sbr = fakePlugin('sbr', 'record');
    const report = await runInSandbox({ cniVersion: '0.3.1', name: 'old-net', ...ptp(), type: 'ptp' }, opts());
    assert.deepEqual(commands(report), ['ADD 0 ptp', 'DEL 0 ptp']);
    const list = await runInSandbox({ cniVersion: '0.3.1', name: 'old-net', plugins: [ptp(), { type: 'sbr' }] }, opts({ cniPath: [sbr.dir, ...cniPath] }));
    assert.deepEqual(commands(list), ['ADD 0 ptp', 'ADD 1 sbr', 'DEL 1 sbr', 'DEL 0 ptp']);
    const del = readLog(sbr.log).find((c) => c.command === 'DEL')!;
    assert.equal(del.conf.prevResult, undefined);
    assert.equal(del.conf.name, 'old-net');
  });

  it('disableCheck skips CHECK', async (t) => {
    if (!(await sandboxReady(t))) return;
    const report = await runInSandbox({ cniVersion: '1.0.0', name: 'nocheck', disableCheck: true, plugins: [ptp()] }, opts());
    assert.deepEqual(commands(report), ['ADD 0 ptp', 'DEL 0 ptp']);
  });

  it('a failed ADD stops the chain; only the plugins already added are deleted, in reverse, without prevResult', async (t) => {
    if (!(await sandboxReady(t))) return;
    const sbr = fakePlugin('sbr', 'record');
    const report = await runInSandbox(
      { cniVersion: '1.0.0', name: 'stops', plugins: [ptp(), { type: 'sbr' }, { type: 'tuning', mac: 'not-a-mac' }, { type: 'portmap' }] },
      opts({ cniPath: [sbr.dir, ...cniPath] }),
    );
    assert.equal(report.verdict, 'reject');
    assert.equal(report.result, undefined);
    assert.deepEqual(commands(report), ['ADD 0 ptp', 'ADD 1 sbr', 'ADD 2 tuning failed', 'DEL 1 sbr', 'DEL 0 ptp']);
    assert.equal(readLog(sbr.log).find((c) => c.command === 'DEL')!.conf.prevResult, undefined);
    assert.deepEqual(report.steps[2].error, { code: 999, msg: 'invalid args not-a-mac for MAC addr: address not-a-mac: invalid MAC address' });
  });
});

// ---- unavailability ----------------------------------------------------------------------

describe('unavailable: says why and runs nothing', () => {
  const neverStarts = () => opts({ onStart: () => assert.fail('no sandbox may be created') });

  it('a cniPath without the binaries names each missing plugin and what to install', async (t) => {
    if (!(await sandboxReady(t))) return;
    const empty = mkdtempSync(join(work, 'empty-bin-'));
    const before = netnsNames();
    await assert.rejects(
      runInSandbox({ cniVersion: '1.0.0', name: 'n', plugins: [ptp(), { type: 'portmap' }] }, { ...neverStarts(), cniPath: [empty] }),
      (err: unknown) => {
        assert.ok(err instanceof SandboxUnavailable);
        assert.equal(err.reason, 'plugin');
        for (const name of ['"ptp"', '"host-local"', '"portmap"', empty, 'apt-get install containernetworking-plugins']) {
          assert.ok(err.message.includes(name), `message names ${name}: ${err.message}`);
        }
        return true;
      },
    );
    assert.deepEqual(netnsNames(), before);
  });

  it('one missing binary among present ones is named alone', async (t) => {
    if (!(await sandboxReady(t))) return;
    const only = mkdtempSync(join(work, 'only-ptp-'));
    writeFileSync(join(only, 'ptp'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    await assert.rejects(runInSandbox({ cniVersion: '1.0.0', name: 'n', plugins: [ptp()] }, { ...neverStarts(), cniPath: [only] }), {
      name: 'SandboxUnavailable',
      message: /^plugin binary "host-local" not found in .*only-ptp-/,
    });
  });

  it('plugins that reach outside the sandbox (dhcp, third-party) are refused', async (t) => {
    if (!(await sandboxReady(t))) return;
    await assert.rejects(
      runInSandbox({ cniVersion: '1.0.0', name: 'n', type: 'macvlan', master: 'eth1', ipam: { type: 'dhcp' } }, neverStarts()),
      (err: unknown) => err instanceof SandboxUnavailable && err.reason === 'unsupported-plugin' && /"dhcp".*DHCP daemon/.test(err.message),
    );
    await assert.rejects(runInSandbox({ cniVersion: '1.0.0', name: 'n', type: 'calico' }, neverStarts()), /not "calico"/);
  });

  it('without root it says so', async () => {
    // Pretend to be an ordinary user (as the platform test below pretends to be macOS): running a
    // real child as nobody would need the whole checkout readable by nobody, which CI clones are not.
    const real = process.getuid;
    process.getuid = () => 1000;
    try {
      await assert.rejects(
        runInSandbox({ cniVersion: '1.0.0', name: 'n', type: 'loopback' }, { cniPath: ['/usr/lib/cni'] }),
        (err: unknown) => err instanceof SandboxUnavailable && err.reason === 'privileges' && /root/.test(err.message),
      );
    } finally {
      process.getuid = real;
    }
  });

  it('on a non-Linux platform it says so', async () => {
    const real = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    try {
      await assert.rejects(runInSandbox({ cniVersion: '1.0.0', name: 'n', type: 'loopback' }, neverStarts()), (err: unknown) => {
        return err instanceof SandboxUnavailable && err.reason === 'platform' && /Linux.*darwin/.test(err.message);
      });
    } finally {
      Object.defineProperty(process, 'platform', real);
    }
  });

  it('a config with no plugin to hand it to is a SandboxConfigError', async (t) => {
    if (!(await sandboxReady(t))) return;
    for (const bad of [[], 'not json at all {', { name: 'n', plugins: [] }, { name: 'n', plugins: {} }, { name: 'n' }, { name: 'n', plugins: [{ type: '../bridge' }] }]) {
      await assert.rejects(runInSandbox(bad, neverStarts()), SandboxConfigError, JSON.stringify(bad));
    }
  });
});

// ---- cleanup -----------------------------------------------------------------------------

describe('cleanup: namespaces and temp dir are gone however the run ends', () => {
  it('after an accepted and a rejected run', async (t) => {
    if (!(await sandboxReady(t))) return;
    for (const [config, verdict] of [
      [{ cniVersion: '1.0.0', name: 'ok', plugins: [ptp()] }, 'accept'],
      [{ cniVersion: '1.0.0', name: 'bad', plugins: [ptp('10.9.0.0/31')] }, 'reject'],
    ] as const) {
      let info: SandboxInfo | undefined;
      const report = await runInSandbox(config, opts({ onStart: (i) => (info = i) }));
      assert.equal(report.verdict, verdict);
      assert.ok(info);
      assertGone(info);
    }
  });

  it('after an abort while a plugin runs: the plugin and its children are killed', async (t) => {
    if (!(await sandboxReady(t))) return;
    const sleeper = fakePlugin('sbr', 'sleep');
    const controller = new AbortController();
    let info: SandboxInfo | undefined;
    const run = runInSandbox(
      { cniVersion: '1.0.0', name: 'aborted', plugins: [ptp(), { type: 'sbr' }] },
      opts({ cniPath: [sleeper.dir, ...cniPath], signal: controller.signal, onStart: (i) => (info = i) }),
    );
    const pids = JSON.parse(await waitForFile(sleeper.pids)) as number[];
    assert.ok(pids.every(alive));
    controller.abort();
    await assert.rejects(run, { name: 'AbortError' });
    assert.ok(info);
    assertGone(info);
    for (const pid of pids) assert.ok(!alive(pid), `process ${pid} still running`);
  });

  it('an already aborted signal creates nothing', async (t) => {
    if (!(await sandboxReady(t))) return;
    await assert.rejects(
      runInSandbox({ cniVersion: '1.0.0', name: 'n', plugins: [ptp()] }, opts({ signal: AbortSignal.abort(), onStart: () => assert.fail('created') })),
      { name: 'AbortError' },
    );
  });

  it('after a plugin times out: the step fails, the rest is torn down', async (t) => {
    if (!(await sandboxReady(t))) return;
    const sleeper = fakePlugin('sbr', 'sleep');
    let info: SandboxInfo | undefined;
    const report = await runInSandbox(
      { cniVersion: '1.0.0', name: 'slow', plugins: [ptp(), { type: 'sbr' }] },
      opts({ cniPath: [sleeper.dir, ...cniPath], timeoutMs: 1500, onStart: (i) => (info = i) }),
    );
    assert.equal(report.verdict, 'reject');
    assert.deepEqual(commands(report), ['ADD 0 ptp', 'ADD 1 sbr failed', 'DEL 0 ptp']);
    assert.match(report.steps[1].error!.msg, /did not finish within 1500 ms and was killed/);
    const pids = JSON.parse(readFileSync(sleeper.pids, 'utf8')) as number[];
    for (const pid of pids) assert.ok(!alive(pid), `process ${pid} still running`);
    assert.ok(info);
    assertGone(info);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`after ${signal} to the process during a run, and the process still ends by the signal`, async (t) => {
      if (!(await sandboxReady(t))) return;
      const sleeper = fakePlugin('sbr', 'sleep');
      const script = join(work, `signal-${signal}.ts`);
      writeFileSync(
        script,
        `import { runInSandbox } from ${JSON.stringify(SANDBOX_MODULE)};
runInSandbox({ cniVersion: '1.0.0', name: 'signalled', plugins: [{ type: 'ptp', ipam: { type: 'host-local', subnet: '10.70.0.0/24' } }, { type: 'sbr' }] },
  { cniPath: ${JSON.stringify([sleeper.dir, ...cniPath])}, tmpDir: ${JSON.stringify(stateParent)}, onStart: (i) => console.log(JSON.stringify(i)) });
`,
      );
      const child = startNode([script]);
      const pids = JSON.parse(await waitForFile(sleeper.pids)) as number[];
      child.kill(signal);
      const out = await child.done;
      assert.equal(out.signal, signal, `exit: ${JSON.stringify(out)}`);
      const info = JSON.parse(out.stdout.trim().split('\n')[0]) as SandboxInfo;
      assertGone(info);
      for (const pid of pids) assert.ok(!alive(pid), `process ${pid} still running`);
    });
  }
});

// ---- formatting --------------------------------------------------------------------------

describe('formatReport', () => {
  it('shows the verdict, every step and the result of a real run', async (t) => {
    if (!(await sandboxReady(t))) return;
    const c = corpusCases().find((x) => x.name === 'bridge-hostlocal-portmap.conflist')!;
    const text = formatReport(await runInSandbox(readCase(c), opts()));
    assert.match(text, /^verdict: accept/);
    for (const line of ['ADD 1 bridge ok', 'ADD 2 portmap ok', 'DEL 2 portmap ok', 'DEL 1 bridge ok', '10.244.1.2/24 gateway 10.244.1.1 on eth0', '0.0.0.0/0']) {
      assert.ok(text.includes(line), `missing "${line}" in:\n${text}`);
    }
    assert.match(text, /\[2\] eth0 {2}mac ([0-9a-f]{2}:){5}[0-9a-f]{2} {2}in container \(\/var\/run\/netns\/cnikit-c-/);
  });

  it('shows the failing plugin with its code and message', async (t) => {
    if (!(await sandboxReady(t))) return;
    const c = corpusCases().find((x) => x.name === 'tuning-mac-invalid.conflist')!;
    const text = formatReport(await runInSandbox(readCase(c), opts()));
    assert.match(text, /^verdict: reject — ADD failed in plugin 2 \(tuning\)/);
    assert.ok(text.includes('ADD 2 tuning failed: [999] invalid args c2:b0:57:49:47 for MAC addr'), text);
    assert.ok(text.includes('DEL 1 bridge ok'), text);
  });

  it('names the plugin of a single-plugin config without a list position, in text and in the CLI\'s JSON', async (t) => {
    if (!(await sandboxReady(t))) return;
    const c = corpusCases().find((x) => x.name === 'missing-name.conf')!;
    const text = formatReport(await runInSandbox(readCase(c), opts()));
    assert.match(text, /^verdict: reject — ADD failed in the bridge plugin\n {2}ADD 1 bridge failed: \[7\] missing network name/);
    // The editor's panel renders the CLI's JSON, so the JSON carries it too (lists leave it out).
    const json = (file: string) => JSON.parse(spawnSync(process.execPath, ['dist/cli.js', 'try', '--format', 'json', '--cni-path', cniPath.join(':'), file], { encoding: 'utf8' }).stdout);
    assert.equal(json(c.path).single, true);
    assert.equal('single' in json(corpusCases().find((x) => x.name === 'portmap-first.conflist')!.path), false);
  });

  it('renders legacy 0.2.0 results, routes, DNS and error details', () => {
    const text = formatReport({
      verdict: 'reject',
      steps: [
        { index: 0, type: 'bridge', command: 'ADD', ok: true },
        { index: 1, type: 'firewall', command: 'ADD', ok: false, error: { code: 1, msg: 'incompatible CNI versions', details: 'config is "0.2.0"' } },
      ],
      result: { cniVersion: '0.2.0', ip4: { ip: '10.1.0.2/24', gateway: '10.1.0.1', routes: [{ dst: '0.0.0.0/0', gw: '10.1.0.1' }] }, dns: { nameservers: ['10.96.0.10'], search: ['svc.cluster.local'] } },
    });
    assert.equal(
      text,
      [
        'verdict: reject — ADD failed in plugin 2 (firewall)',
        '  ADD 1 bridge ok',
        '  ADD 2 firewall failed: [1] incompatible CNI versions (config is "0.2.0")',
        'result (cniVersion 0.2.0):',
        '  ips:',
        '    10.1.0.2/24 gateway 10.1.0.1',
        '  routes:',
        '    0.0.0.0/0 via 10.1.0.1',
        '  dns: nameservers 10.96.0.10; search svc.cluster.local',
      ].join('\n'),
    );
  });
});

// ---- child processes ---------------------------------------------------------------------

interface NodeExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function startNode(args: string[], extra: { uid?: number; gid?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...extra });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<NodeExit>((res) => child.on('close', (code, signal) => res({ code, signal, stdout, stderr })));
  return { kill: (s: NodeJS.Signals) => child.kill(s), done };
}

// ---- the end: nothing any test started is left -------------------------------------------

after(() => {
  try {
    for (const info of started) assertGone(info);
    assert.deepEqual(readdirSync(stateParent), [], 'state dirs left behind');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

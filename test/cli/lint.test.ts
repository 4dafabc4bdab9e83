// CLI tests: run the bundled `dist/cli.js lint` on fixtures and check output and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function cnikit(...args: string[]) {
  return cnikitIn(process.cwd(), ...args);
}

function cnikitIn(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [resolve('dist/cli.js'), ...args], { encoding: 'utf8', cwd });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnikit-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const good = '{\n  "cniVersion": "1.0.0",\n  "name": "good",\n  "plugins": [{ "type": "loopback" }]\n}\n';
const bad = '{\n  "cniVersion": "1.0.0",\n  "name": "bad",\n  "plugins": [{ "type": "bridge", "mtu": "1500" }]\n}\n';
const warnOnly = '{\n  "cniVersion": "1.0.0",\n  "name": "w",\n  "plugins": [{ "type": "bridge", "isGatway": true }]\n}\n';

test('exit 0 and no output for clean files', () => {
  const dir = workspace({ 'a.conflist': good });
  const result = cnikit('lint', join(dir, 'a.conflist'));
  assert.equal(result.status, 0);
  assert.equal(result.stdout, '');
});

test('exit 1 with errors; json format gives 1-based positions and the documented fields', () => {
  const dir = workspace({ 'bad.conflist': bad });
  const file = join(dir, 'bad.conflist');
  const result = cnikit('lint', '--format', 'json', file);
  assert.equal(result.status, 1);
  assert.deepEqual(JSON.parse(result.stdout), {
    diagnostics: [{
      file, line: 4, column: 42, endLine: 4, endColumn: 48, severity: 'error', code: 'cni/wrong-type',
      message: '"mtu" must be an integer, not a string: the bridge plugin fails to decode the config otherwise.',
    }],
  });
});

test('warnings alone exit 0; stylish output names file, position, severity and code', () => {
  const dir = workspace({ 'w.conflist': warnOnly });
  const result = cnikit('lint', dir);
  assert.equal(result.status, 0);
  assert.match(result.stdout, /w\.conflist\n {2}4:35 +warning +Unknown key "isGatway".*cni\/unknown-key/);
  assert.match(result.stdout, /1 problem \(0 errors, 1 warning, 0 info, 0 hints\)/);
});

test('folders are searched recursively for CNI files; JSON only when it is a CNI config; node_modules and .git skipped', () => {
  const dir = workspace({
    'net.d/10-a.conflist': bad,
    'net.d/sub/20-b.conf': '{ "cniVersion": "1.0.0", "name": "b", "type": "bridge", "vlan": 5000 }',
    'net.d/99-c.json': '{ "cniVersion": "1.0.0", "name": "c", "type": "ptp" }',
    'package.json': '{ "name": "not-cni", "version": "1.0.0" }',
    'node_modules/x/bad.conflist': bad,
    '.git/bad.conflist': bad,
    'README.md': '# nothing',
  });
  const result = cnikit('lint', '--format', 'json', dir);
  assert.equal(result.status, 1);
  const files = [...new Set(JSON.parse(result.stdout).diagnostics.map((d: { file: string }) => d.file.slice(dir.length + 1)))];
  assert.deepEqual(files, ['net.d/10-a.conflist', 'net.d/99-c.json', 'net.d/sub/20-b.conf']);
});

test('sarif output is SARIF 2.1.0 with rules and regions', () => {
  const dir = workspace({ 'bad.conflist': bad });
  const result = cnikit('lint', '--format', 'sarif', join(dir, 'bad.conflist'));
  assert.equal(result.status, 1);
  const sarif = JSON.parse(result.stdout);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'cnikit');
  assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), ['cni/wrong-type']);
  assert.deepEqual(run.results[0].locations[0].physicalLocation.region, { startLine: 4, startColumn: 42, endLine: 4, endColumn: 48 });
  assert.equal(run.results[0].level, 'error');
});

test('sarif locations are URIs: relative paths percent-encoded, absolute ones as file: URLs', () => {
  const dir = workspace({ 'my net.d/bad #1.conflist': bad });
  const uri = (result: { stdout: string }) => JSON.parse(result.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
  assert.equal(uri(cnikitIn(dir, 'lint', '--format', 'sarif', 'my net.d/bad #1.conflist')), 'my%20net.d/bad%20%231.conflist');
  const absolute = join(dir, 'my net.d', 'bad #1.conflist');
  assert.equal(uri(cnikit('lint', '--format', 'sarif', absolute)), pathToFileURL(absolute).href);
});

test('a symbolic link back to a folder being searched is not followed again', () => {
  const dir = workspace({ 'net.d/bad.conflist': bad });
  symlinkSync('..', join(dir, 'net.d', 'loop'));
  symlinkSync('net.d', join(dir, 'alias'));
  const result = cnikit('lint', '--format', 'json', dir);
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stderr, '');
  const files = JSON.parse(result.stdout).diagnostics.map((d: { file: string }) => d.file.slice(dir.length + 1));
  assert.equal(files.length, 1, files.join(', '));
});

test('usage and I/O problems exit 2 with one line on stderr and no stack trace', () => {
  const dir = workspace({ 'a.conflist': good, 'latin1.conflist': Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]) });
  symlinkSync(join(dir, 'missing-target.conflist'), join(dir, 'dangling.conflist'));
  const cases = [
    cnikit('lint', join(dir, 'nope.conflist')),
    cnikit('lint', '--format', 'xml', join(dir, 'a.conflist')),
    cnikit('lint'),
    cnikit('frobnicate'),
    cnikit('lint', dir),
    cnikit('lint', join(dir, 'latin1.conflist')),
  ];
  for (const result of cases) {
    assert.equal(result.status, 2, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0], /^cnikit: /);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  }
  assert.match(cases[0].stderr, /cannot read .*nope\.conflist: no such file or directory/);
  assert.match(cases[4].stderr, /dangling\.conflist \(a symbolic link whose target is missing\)/);
  assert.match(cases[5].stderr, /cannot decode .*latin1\.conflist: it is not UTF-8 text/);
});

test('an option given twice is a usage error that names it; given once, an option with a default still works', () => {
  const file = join(workspace({ 'a.conflist': good }), 'a.conflist');
  const cases = [
    cnikit('lint', '--format', 'json', '--format', 'sarif', file),
    cnikit('try', file, '--document', '1', '--document', '2'),
    cnikit('inspect', '--timeout', '5', '--timeout', '6'),
  ];
  for (const result of cases) {
    assert.equal(result.status, 2, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^cnikit: option '--[a-z]+' given twice \('[^']+', then '[^']+'\); give it once\n$/);
  }
  assert.match(cases[0].stderr, /'--format' given twice \('json', then 'sarif'\)/);
  assert.equal(JSON.parse(cnikit('lint', '--format', 'json', file).stdout).diagnostics.length, 0);
});

test('--help lists the lint command and its formats', () => {
  const result = cnikit('lint', '--help');
  assert.equal(result.status, 0);
  assert.match(result.stdout, /--format <format>.*\(choices: "stylish", "json", "sarif"/s);
});

test('a large folder is linted in worker threads with the same results, checks across files included', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 600; i++) {
    files[`apps/app-${String(i).padStart(3, '0')}.yaml`] = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app-${i}\n  annotations:\n    k8s.v1.cni.cncf.io/networks: net-${i % 7}\nspec:\n  containers: [{name: c, image: busybox}]\n`;
  }
  for (let n = 0; n < 6; n++) { // net-6 is missing on purpose
    files[`nads/net-${n}.yaml`] = `apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: net-${n}\nspec:\n  config: '{"cniVersion": "1.0.0", "type": "loopback"}'\n`;
  }
  const dir = workspace(files);
  const result = cnikit('lint', '--format', 'json', dir);
  assert.equal(result.status, 0, result.stderr);
  const diagnostics = JSON.parse(result.stdout).diagnostics as { file: string; code: string; line: number; column: number }[];
  const expected = Object.keys(files).filter((f) => f.startsWith('apps/') && Number(/(\d+)\.yaml$/.exec(f)![1]) % 7 === 6).sort();
  assert.deepEqual(diagnostics.map((d) => d.file.slice(dir.length + 1)).sort(), expected);
  assert.ok(diagnostics.every((d) => d.code === 'multus/unknown-network' && d.line === 6 && d.column === 34));
});

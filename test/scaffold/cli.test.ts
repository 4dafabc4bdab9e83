// `cnikit scaffold` through the bundled CLI (run `npm run build` first): help per kind, one-line
// usage errors with exit 2, no overwriting without --force, and all-or-nothing writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { kindSpecs, flagOf } from '../../server/src/core/scaffold';
import { problemsOf } from './lintFiles';

function cnikit(...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cnikit-scaffold-'));
}

/** Every file and folder below a folder, relative, with file contents. */
function snapshot(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        found[`${relative(dir, path)}/`] = '';
        walk(path);
      } else {
        found[relative(dir, path)] = readFileSync(path, 'utf8');
      }
    }
  };
  walk(dir);
  return found;
}

function assertOneLineUsageError(result: ReturnType<typeof cnikit>, pattern: RegExp): void {
  assert.equal(result.status, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^cnikit: [^\n]+\n$/, `one line: ${JSON.stringify(result.stderr)}`);
  assert.match(result.stderr, pattern);
}

test('--help lists the options of each kind, with their values and defaults', () => {
  for (const spec of kindSpecs) {
    const result = cnikit('scaffold', spec.kind, '--help');
    assert.equal(result.status, 0, spec.kind);
    for (const option of spec.options) assert.ok(result.stdout.includes(flagOf(option.name)), `${spec.kind} --help lists ${flagOf(option.name)}`);
    assert.match(result.stdout, /--out <dir>/);
    assert.match(result.stdout, /--force/);
  }
  const flannel = cnikit('scaffold', 'flannel', '--help').stdout;
  assert.match(flannel, /--backend <value>\s+How flannel carries pod traffic between\s+nodes\. One of: vxlan, host-gw, wireguard\.\s+\(default: vxlan\)/);
  assert.match(flannel, /host-gw\s+Routes through the nodes themselves/);
  const overview = cnikit('scaffold', '--help').stdout;
  for (const spec of kindSpecs) assert.match(overview, new RegExp(`^  ${spec.kind} \\[options\\]`, 'm'));
});

test('writes the files into --out and they lint clean', () => {
  const out = join(tempDir(), 'new', 'folder');
  const result = cnikit('scaffold', 'calico', '--pod-cidr', '10.50.0.0/16', '--encapsulation', 'VXLAN', '--out', out);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  assert.match(result.stdout, /^Wrote 2 files to .*:\n {2}tigera-operator\/kustomization\.yaml\n {2}calico-installation\.yaml\n$/);
  const files = snapshot(out);
  assert.deepEqual(Object.keys(files).sort(), ['calico-installation.yaml', 'tigera-operator/', 'tigera-operator/kustomization.yaml']);
  assert.match(files['calico-installation.yaml'], /cidr: 10\.50\.0\.0\/16\n\s+blockSize: 26\n\s+encapsulation: VXLAN\n/);
  const lint = cnikit('lint', out);
  assert.equal(lint.status, 0, lint.stdout);
  assert.deepEqual(problemsOf(Object.entries(files).filter(([p]) => !p.endsWith('/')).map(([path, content]) => ({ path, content }))), []);
});

test('a bad option or value: exit 2 with one line, nothing written', () => {
  const out = join(tempDir(), 'out');
  assertOneLineUsageError(cnikit('scaffold', 'flannel', '--bakend', 'vxlan', '--out', out), /unknown option '--bakend'.*--backend/);
  assertOneLineUsageError(cnikit('scaffold', 'flannel', '--backend', 'udp', '--out', out), /--backend: "udp" is not one of vxlan, host-gw, wireguard\./);
  assertOneLineUsageError(cnikit('scaffold', 'flannel', '--pod-cidr', '10.244.0.0/33', '--out', out), /--pod-cidr: "10\.244\.0\.0\/33" is not a CIDR/);
  assertOneLineUsageError(cnikit('scaffold', 'calico', '--pod-cidr', '10.100.0.0/16', '--out', out), /overlaps the Service CIDR 10\.96\.0\.0\/12/);
  assertOneLineUsageError(cnikit('scaffold', 'nad', '--plugin', 'bridge', '--master', 'eth0', '--out', out), /--master applies only with --plugin macvlan or ipvlan or vlan or host-device/);
  assertOneLineUsageError(cnikit('scaffold', 'flannel', '--pod-cidr', '10.96.0.0/16', '--backend', 'nope', '--out', out), /\(and 1 more problem\)/);
  assertOneLineUsageError(cnikit('scaffold', 'weave', '--out', out), /unknown scaffold "weave"; use one of flannel, calico/);
  assertOneLineUsageError(cnikit('scaffold'), /name what to scaffold/);
  assertOneLineUsageError(cnikit('scaffold', 'policy'), /required option '--out <dir>' not specified/);
  assert.throws(() => readdirSync(out), /ENOENT/, 'nothing was written');
});

test('an option given twice: exit 2 naming it, nothing written, for every kind', () => {
  const out = join(tempDir(), 'out');
  assertOneLineUsageError(cnikit('scaffold', 'flannel', '--pod-cidr', '10.1.0.0/16', '--pod-cidr', '10.2.0.0/16', '--out', out),
    /^cnikit: option '--pod-cidr' given twice \('10\.1\.0\.0\/16', then '10\.2\.0\.0\/16'\); give it once\n$/);
  for (const spec of kindSpecs) {
    const flag = flagOf(spec.options[0].name);
    assertOneLineUsageError(cnikit('scaffold', spec.kind, flag, 'a', flag, 'b', '--out', out), new RegExp(`option '${flag}' given twice`));
  }
  assertOneLineUsageError(cnikit('scaffold', 'policy', '--out', out, '--out', `${out}2`), /option '--out' given twice/);
  assert.throws(() => readdirSync(out), /ENOENT/, 'nothing was written');
  // A flag may be repeated: it says the same thing twice.
  assert.equal(cnikit('scaffold', 'policy', '--out', out, '--force', '--force').status, 0);
});

test('an existing file: exit 2 and the file unchanged; --force replaces it', () => {
  const out = tempDir();
  writeFileSync(join(out, 'kube-flannel.yaml'), 'mine\n');
  assertOneLineUsageError(cnikit('scaffold', 'flannel', '--out', out), /kube-flannel\.yaml already exists; nothing was written \(use --force to replace\)/);
  assert.deepEqual(snapshot(out), { 'kube-flannel.yaml': 'mine\n' });

  const forced = cnikit('scaffold', 'flannel', '--backend', 'host-gw', '--out', out, '--force');
  assert.equal(forced.status, 0, forced.stderr);
  const files = snapshot(out);
  assert.deepEqual(Object.keys(files), ['kube-flannel.yaml'], 'no temporary or backup files remain');
  assert.match(files['kube-flannel.yaml'], /"Type": "host-gw"/);
});

test('a failure half way leaves nothing behind and restores a replaced file', () => {
  // multus writes multus-thick.yaml, then macvlan-net.yaml, then whereabouts/kustomization.yaml;
  // a folder where the second file goes makes the second rename fail after the first succeeded.
  const out = tempDir();
  writeFileSync(join(out, 'multus-thick.yaml'), 'old multus\n');
  mkdirSync(join(out, 'macvlan-net.yaml'));
  const before = snapshot(out);
  const result = cnikit('scaffold', 'multus', '--out', out, '--force');
  assertOneLineUsageError(result, /cannot write .*macvlan-net\.yaml: a folder is in the way; nothing was written/);
  assert.deepEqual(snapshot(out), before);
});

test('a failure while preparing the files leaves nothing behind either', () => {
  // A file named like the folder the third file needs.
  const out = tempDir();
  writeFileSync(join(out, 'whereabouts'), 'not a folder\n');
  const before = snapshot(out);
  assertOneLineUsageError(cnikit('scaffold', 'multus', '--out', out), /cannot write .*whereabouts.*: a file is in the way of a folder; nothing was written/);
  assert.deepEqual(snapshot(out), before);
});

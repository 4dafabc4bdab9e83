// The .vsix holds what the extension needs and nothing it should not: no tests, sources,
// source maps or node_modules; and it stays small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const allowed = [/^dist\/extension\.js$/, /^dist\/server(-main)?\.js$/, /^dist\/cli\.js$/, /^dist\/cluster\.js$/, /^dist\/validators\.pack$/, /^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^syntaxes\/[^/]+\.json$/, /^images\/[^/]+\.(png|svg)$/, /^walkthrough\/.+\.(md|svg|png|conflist|yaml)$/];

test('the package lists only the bundles, grammars, images and metadata', () => {
  const result = spawnSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const files = result.stdout.trim().split('\n').filter(Boolean);
  const unexpected = files.filter((f) => !allowed.some((r) => r.test(f)));
  assert.deepEqual(unexpected, []);
  for (const needed of ['dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/cluster.js', 'dist/validators.pack', 'package.json', 'README.md', 'LICENSE', 'syntaxes/cni.tmLanguage.json']) {
    assert.ok(files.includes(needed), `${needed} is missing from the package`);
  }
});

test('the built .vsix is at most 2 MB', { skip: !existsSync('dist/cnikit.vsix') && 'run npm run package first' }, () => {
  const size = statSync('dist/cnikit.vsix').size;
  assert.ok(size <= 2 * 1024 * 1024, `dist/cnikit.vsix is ${(size / 1024 / 1024).toFixed(2)} MB`);
});

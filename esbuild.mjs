// Bundles the entry points: the VS Code client, the language server, the CLI, and the cluster
// code the client loads on first use (kept out of extension.js so activation stays cheap).
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  logOverride: { 'import-is-undefined': 'error' },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/cluster/index.ts'], outfile: 'dist/cluster.js' },
  // dist/server.js only starts dist/server-main.js through V8's code cache (server/src/node/launch.ts).
  { entryPoints: ['server/src/node/launch.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server-main.js' },
  // The CLI loads the cluster bundle above only for `inspect` (see server/src/cli/clusterModule.ts).
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, define: { 'process.env.CNIKIT_CLUSTER_BUNDLE': '"cluster.js"' } },
];

if (watch) {
  // No precompiled validators while watching: they would not follow edits to the schemas, and
  // compiling at run time (as under tsx) gives the same validators.
  for (const b of builds) await (await esbuild.context({ ...common, ...b, plugins: [yamlWithoutDebugSwitches()] })).watch();
  console.log('esbuild: watching');
} else {
  const plugins = [yamlWithoutDebugSwitches(), await precompiledValidators()];
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b, plugins })));
}

/**
 * The yaml library's parser reads the environment (its LOG_TOKENS debug switch) for every token it
 * yields, and reading process.env is a call into C++ each time: several percent of parsing a large
 * file. The bundles drop the switch; the library's behaviour is otherwise untouched.
 */
function yamlWithoutDebugSwitches() {
  return {
    name: 'yaml-without-debug-switches',
    setup(b) {
      b.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const contents = source.replace(/node_process\.env\.LOG_(TOKENS|STREAM)/g, 'false');
        if (contents === source) throw new Error(`${args.path}: the yaml library's debug switch was not found; check yamlWithoutDebugSwitches in esbuild.mjs`);
        return { contents, loader: 'js' };
      });
    },
  };
}

/**
 * Generates ajv's standalone code for every schema validator (scripts/build/precompileValidators.ts,
 * bundled to out/ and run here) into dist/validators.pack, and returns the plugin that bundles a
 * loader of that file in place of server/src/core/common/precompiledValidators.ts (the stand-in
 * tests under tsx see). The loader takes the file only if it comes from this very build.
 *
 * The file is one JSON line, `{ build, index: { key: [offset, length] } }` (byte offsets after that
 * line), then the sources one after another: a process reads the few validators it uses, not the
 * whole 2 MB of them, which it would keep in memory for as long as it runs.
 */
async function precompiledValidators() {
  // Per-process file names: builds running at the same time must not read each other's half-written files.
  const generator = resolve(`out/build/precompileValidators.${process.pid}.cjs`);
  await esbuild.build({ ...common, sourcemap: false, minify: false, packages: 'external', entryPoints: ['scripts/build/precompileValidators.ts'], outfile: generator });
  const { generateValidators } = createRequire(import.meta.url)(generator);
  rmSync(generator);
  const validators = generateValidators();
  const build = createHash('sha256').update(JSON.stringify(validators)).digest('hex').slice(0, 16);
  const index = {};
  const sources = [];
  let offset = 0;
  for (const [key, source] of Object.entries(validators)) {
    const bytes = Buffer.from(source, 'utf8');
    index[key] = [offset, bytes.length];
    sources.push(bytes);
    offset += bytes.length;
  }
  mkdirSync('dist', { recursive: true });
  writeFileSync(`dist/validators.pack.${process.pid}`, Buffer.concat([Buffer.from(JSON.stringify({ build, index }) + '\n'), ...sources]));
  renameSync(`dist/validators.pack.${process.pid}`, 'dist/validators.pack');
  const stub = resolve('server/src/core/common/precompiledValidators.ts');
  const loader = `
    const { closeSync, openSync, readSync } = require('node:fs');
    const { join } = require('node:path');
    exports.loadPrecompiled = () => {
      let fd;
      try {
        // kept open: a rebuild replaces the file, and this process goes on reading the one it started with
        fd = openSync(join(__dirname, 'validators.pack'), 'r');
        let head = Buffer.alloc(0);
        let newline = -1;
        while (newline < 0) {
          const chunk = Buffer.alloc(65536);
          const read = readSync(fd, chunk, 0, chunk.length, head.length);
          if (read === 0) throw new Error('no index');
          head = Buffer.concat([head, chunk.subarray(0, read)]);
          newline = head.indexOf(10);
        }
        const { build, index } = JSON.parse(head.toString('utf8', 0, newline));
        if (build !== ${JSON.stringify(build)}) throw new Error('another build');
        const bodyStart = newline + 1;
        return (key) => {
          const at = index[key];
          if (!at) return undefined;
          const source = Buffer.alloc(at[1]);
          // a file cut short (a broken install) leaves the key to run-time compilation
          if (readSync(fd, source, 0, at[1], bodyStart + at[0]) !== at[1]) return undefined;
          return source.toString('utf8');
        };
      } catch {
        if (fd !== undefined) closeSync(fd);
        return undefined;
      }
    };`;
  return {
    name: 'precompiled-validators',
    setup(b) {
      b.onLoad({ filter: /precompiledValidators\.ts$/ }, (args) => (args.path === stub ? { contents: loader, loader: 'js', resolveDir: dirname(stub) } : undefined));
    },
  };
}

// The two servers under test: CNIKit's bundled server and the peer, Red Hat's yaml-language-server
// (pinned as a dev dependency), given the project's Kubernetes JSON Schemas for Service, Ingress,
// NetworkPolicy and Deployment.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverNodeOptions } from '../../server/src/node/nodeOptions';
import type { ServerSpec } from './lspClient';

export const repoRoot = resolve(__dirname, '../..');

export interface Bundles { server: string; cli: string; /** 'development' (npm run build) or 'production' (minified, npm run package). */ build: string }

/**
 * Copies dist/server.js, dist/server-main.js and dist/cli.js (with their source maps) and dist/validators.pack into the
 * bench folder, so that a rebuild by someone else during the run cannot change the code under test
 * half-way.
 */
export function snapshotBundles(benchDir: string): Bundles {
  const target = join(benchDir, 'dist');
  mkdirSync(target, { recursive: true });
  for (const name of ['server.js', 'server-main.js', 'cli.js']) {
    const from = join(repoRoot, 'dist', name);
    if (!existsSync(from)) throw new Error(`dist/${name} is missing: run \`npm run build\` first`);
    copyFileSync(from, join(target, name));
    if (existsSync(from + '.map')) copyFileSync(from + '.map', join(target, name + '.map'));
  }
  // The validators the build precompiled (without them the bundles compile schemas at run time).
  if (existsSync(join(repoRoot, 'dist/validators.pack'))) copyFileSync(join(repoRoot, 'dist/validators.pack'), join(target, 'validators.pack'));
  const server = join(target, 'server.js');
  const build = readFileSync(join(target, 'server-main.js'), 'utf8').includes('//# sourceMappingURL=') ? 'development' : 'production';
  return { server, cli: join(target, 'cli.js'), build };
}

export function cnikitSpec(server = join(repoRoot, 'dist/server.js')): ServerSpec {
  if (!existsSync(server)) throw new Error(`${server} is missing: run \`npm run build\` first`);
  return {
    name: 'CNIKit',
    command: process.execPath,
    // Started as the extension starts it.
    args: [...serverNodeOptions, server, '--stdio'],
    cwd: repoRoot,
    languageId: 'yaml',
    settings: { cnikit: {} },
    configuration: (section) => (section === 'cnikit' ? {} : section === 'files' ? { exclude: {} } : null),
    configuredSection: 'cnikit',
  };
}

/** The kinds the peer gets schemas for (as the issue states its measurement). */
export const peerKinds = [
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
  { apiVersion: 'apps/v1', kind: 'Deployment' },
];

interface IndexEntry { apiVersion: string; kind: string; file: string }

/**
 * yaml-language-server combines several schemas mapped to one file with `allOf`, which would hold
 * every document to every kind's schema. So the peer gets one small dispatching schema that
 * applies the project's schema of a document's kind (`if` kind/apiVersion `then` `$ref` the
 * project's schema file), the way a user would wire per-kind schemas to a multi-kind file.
 */
export function writePeerSchema(benchDir: string): { path: string; schemas: string[] } {
  const schemaDir = join(repoRoot, 'schemas/k8s');
  const indexPath = join(schemaDir, 'index.json');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing: the peer needs the project's Kubernetes schemas`);
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as IndexEntry[];
  const schemas: string[] = [];
  const allOf = peerKinds.map(({ apiVersion, kind }) => {
    const entry = index.find((e) => e.apiVersion === apiVersion && e.kind === kind);
    if (!entry) throw new Error(`schemas/k8s/index.json has no schema for ${apiVersion} ${kind}`);
    const file = join(schemaDir, entry.file);
    if (!existsSync(file)) throw new Error(`${file} (from schemas/k8s/index.json) is missing`);
    schemas.push(file);
    return {
      if: { properties: { apiVersion: { const: apiVersion }, kind: { const: kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: pathToFileURL(file).toString() },
    };
  });
  const path = join(benchDir, 'peer-schema.json');
  writeFileSync(path, JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'Kubernetes networking objects', allOf }, null, 2) + '\n');
  return { path, schemas };
}

export function peerSpec(schemaPath: string, fileMatch: string[]): ServerSpec {
  const bin = join(repoRoot, 'node_modules/yaml-language-server/bin/yaml-language-server');
  if (!existsSync(bin)) throw new Error('node_modules/yaml-language-server is missing: run `npm ci`');
  const yaml = {
    schemas: { [pathToFileURL(schemaPath).toString()]: fileMatch },
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    // No network: no schema store, no CRD catalogue.
    schemaStore: { enable: false, url: '' },
    kubernetesCRDStore: { enable: false },
    maxItemsComputed: 5000,
    yamlVersion: '1.2',
  };
  return {
    name: 'peer',
    command: process.execPath,
    args: [bin, '--stdio'],
    cwd: repoRoot,
    languageId: 'yaml',
    settings: { yaml, http: { proxy: '', proxyStrictSSL: false } },
    configuration: (section) => {
      switch (section) {
        case 'yaml': return yaml;
        case 'http': return { proxy: '', proxyStrictSSL: false };
        case '[yaml]': return {};
        case 'editor': return { detectIndentation: true };
        default: return null;
      }
    },
    configuredSection: 'yaml',
  };
}

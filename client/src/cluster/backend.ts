// The cluster code (server/src/cluster, with @kubernetes/client-node) is a bundle of its own,
// dist/cluster.js, loaded the first time the view needs it: it is large and activation must stay
// cheap. The path is computed so that esbuild leaves the require alone.
import { join } from 'node:path';

export type ClusterModule = typeof import('../../../server/src/cluster');

let loaded: ClusterModule | undefined;

export async function loadClusterModule(): Promise<ClusterModule> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, on purpose
  loaded ??= require(join(__dirname, 'cluster.js')) as ClusterModule;
  return loaded;
}

// The cluster code (the Kubernetes client library with it) is over half of what the CLI would
// weigh, and only `inspect` needs it. The bundled CLI loads it from dist/cluster.js, the bundle the
// extension loads too, so `lint` and its worker threads start without it. esbuild.mjs sets
// CNIKIT_CLUSTER_BUNDLE for the CLI bundle; under tsx the source module is loaded.
import { join } from 'node:path';

export type ClusterModule = typeof import('../cluster');

export function loadClusterModule(): ClusterModule {
  // Written out in full so that esbuild, which replaces the variable with a constant, drops the other branch.
  return process.env.CNIKIT_CLUSTER_BUNDLE ? require(join(__dirname, process.env.CNIKIT_CLUSTER_BUNDLE)) : require('../cluster');
}

// Runs the local test clusters (see test/cluster/localClusters.ts) until stopped. Prints one JSON
// line when they are up: {"kubeconfig": PATH, "contexts": [...]}. SIGINT/SIGTERM stop them and
// remove the kubeconfig. Started by `npm start`; by hand: `npx tsx scripts/local-clusters.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalClusters } from '../test/cluster/localClusters';

const dir = mkdtempSync(join(tmpdir(), 'cnikit-local-clusters-'));
const removeDir = () => rmSync(dir, { recursive: true, force: true });

startLocalClusters(dir).then(
  (clusters) => {
    process.stdout.write(JSON.stringify({ kubeconfig: clusters.kubeconfig, contexts: clusters.contexts }) + '\n');
    const stop = async () => {
      await clusters.close();
      removeDir();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
    process.on('SIGHUP', () => void stop());
    // also stop when the parent goes away (its end of stdin closes)
    process.stdin.on('end', () => void stop());
    process.stdin.resume();
  },
  (error) => {
    removeDir();
    console.error(`local clusters: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

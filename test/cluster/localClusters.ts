// The local test clusters as one kubeconfig with three contexts (Flannel, Calico, Cilium + Multus),
// each context a fake API server over HTTPS with a throwaway CA and client certificate. Used by
// `npm start` (so the cluster explorer has something to show) and by the end-to-end tree test.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startFakeApiServer, type FakeApiServer } from './fakeApiServer';
import { calicoCluster } from './fixtures/calico';
import { ciliumMultusCluster } from './fixtures/ciliumMultus';
import type { Fixture } from './fixtures/fixture';
import { flannelCluster } from './fixtures/flannel';
import { makePki } from './pki';

export interface LocalClusters {
  kubeconfig: string;
  /** Context names, the current one first. */
  contexts: string[];
  servers: FakeApiServer[];
  close(): Promise<void>;
}

const fixtures: Fixture[] = [ciliumMultusCluster, flannelCluster, calicoCluster];

/** Starts the clusters and writes their kubeconfig into `dir` (which the caller removes). */
export async function startLocalClusters(dir: string): Promise<LocalClusters> {
  const pki = makePki();
  const servers: FakeApiServer[] = [];
  try {
    for (const fixture of fixtures) {
      servers.push(await startFakeApiServer({ fixture, tls: pki.server, clientCA: pki.ca.cert }));
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    pki.remove();
    throw error;
  }
  const b64 = (pem: string) => Buffer.from(pem).toString('base64');
  const contexts = fixtures.map((f) => `local-${f.name}`);
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': contexts[0],
    clusters: fixtures.map((f, i) => ({ name: contexts[i], cluster: { server: servers[i].url, 'certificate-authority-data': b64(pki.ca.cert) } })),
    users: [{ name: 'local-admin', user: { 'client-certificate-data': b64(pki.client.cert), 'client-key-data': b64(pki.client.key) } }],
    contexts: contexts.map((name) => ({ name, context: { cluster: name, user: 'local-admin' } })),
  }), { mode: 0o600 });
  pki.remove(); // the PEMs now live in the kubeconfig and in the servers' memory
  return {
    kubeconfig,
    contexts,
    servers,
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

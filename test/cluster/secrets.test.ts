// Credentials never reach output: the redactor on its own, and credential plugins whose tokens
// were never in the kubeconfig.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectSecrets, redactShapes, SecretSet } from '../../server/src/cluster/secrets';
import { flannelCluster } from './fixtures/flannel';
import { assertNoSecrets, assertOnlyGets, clusterTestSetup, runCli, startTestCluster, TEST_TOKEN } from './harness';

const setup = clusterTestSetup();
const temp = setup.temp;

describe('redaction', () => {
  test('known secrets, in any form the kubeconfig holds them, are replaced', () => {
    const keyData = Buffer.from(setup.pki.client.key).toString('base64');
    const secrets = new SecretSet(collectSecrets([{ token: 'not-a-jwt-but-secret', keyData, password: 'hunter2hunter2' }]));
    const line = setup.pki.client.key.split('\n')[1];
    const text = `token not-a-jwt-but-secret, password hunter2hunter2, key ${keyData.slice(0, 60)}… line ${line}`;
    const out = secrets.redact(text);
    for (const leaked of ['not-a-jwt-but-secret', 'hunter2hunter2', line]) assert.ok(!out.includes(leaked), out);
    assertNoSecrets([out], { keys: [setup.pki.client.key] });
  });

  test('credential-shaped text is replaced even when unknown: PEM blocks, bearer tokens, JWTs, long mixed base64', () => {
    const out = redactShapes(`a ${setup.pki.client.key.trim()} b Authorization: Bearer abc.def c ${TEST_TOKEN} d ${'Ab1'.repeat(20)}`);
    assert.equal(out, 'a [redacted] b Authorization: Bearer [redacted] c [redacted] d [redacted]');
  });

  test('paths, names and digests stay readable', () => {
    const text = 'GET /apis/k8s.cni.cncf.io/v1/namespaces/kube-system/network-attachment-definitions sha256:6aa840986a3a9722cd967ef63248d675a87add7e1704740902d5d3162f0c0def';
    assert.equal(redactShapes(text), text);
  });
});

describe('credential plugins', () => {
  test('a plugin that fails printing its secret on stderr: exit 2, the failure said, the secret not', async () => {
    const plugin = join(temp.dir, 'failing-plugin.sh');
    writeFileSync(plugin, '#!/bin/sh\necho "error: refresh token $REFRESH_TOKEN was revoked" >&2\nexit 1\n');
    chmodSync(plugin, 0o755);
    const refresh = 'rt-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
    const cluster = await startTestCluster(flannelCluster, setup.pki, temp.dir, { user: { exec: { command: plugin, env: [{ name: 'REFRESH_TOKEN', value: refresh }] } }, name: 'exec-fail' });
    try {
      const result = await runCli(['inspect', '--kubeconfig', cluster.kubeconfig]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^cnikit: the exec credential plugin ".+failing-plugin\.sh" failed: error: refresh token \[redacted\] was revoked\n$/);
      assertNoSecrets([result.stdout, result.stderr], { token: refresh });
    } finally {
      await cluster.close();
    }
  });

  test('a plugin that issues a token: requests carry it, output does not', async () => {
    const plugin = join(temp.dir, 'token-plugin.sh');
    const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: TEST_TOKEN } });
    writeFileSync(plugin, `#!/bin/sh\ncat <<'EOF'\n${credential}\nEOF\n`);
    chmodSync(plugin, 0o755);
    const cluster = await startTestCluster(flannelCluster, setup.pki, temp.dir, { user: { exec: { command: plugin } }, name: 'exec-token' });
    try {
      for (const format of ['text', 'json']) {
        const result = await runCli(['inspect', '--kubeconfig', cluster.kubeconfig, '--format', format]);
        assert.equal(result.status, 0, result.stderr);
        assertNoSecrets([result.stdout, result.stderr], { token: TEST_TOKEN });
      }
      assert.deepEqual([...new Set(cluster.server.requests.map((r) => r.user))], ['token-user']);
      assertOnlyGets(cluster.server);
    } finally {
      await cluster.close();
    }
  });
});

// Throwaway certificates for the fake API server, made with the openssl CLI into a temp folder at
// test time (never committed): a CA, a server certificate for 127.0.0.1 signed by it, a client
// certificate, an expired server certificate and a self-signed one no kubeconfig trusts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyPair {
  cert: string;
  key: string;
}

export interface Pki {
  dir: string;
  ca: KeyPair;
  server: KeyPair;
  /** Signed by `ca`, but its validity ended in 2020. */
  expiredServer: KeyPair;
  /** Self-signed for 127.0.0.1: valid, but not issued by `ca`. */
  selfSignedServer: KeyPair;
  /** CN=cnikit-tester, O=system:masters, signed by `ca`. */
  client: KeyPair;
  remove(): void;
}

const serverExtensions = 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n';
const clientExtensions = 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n';

export function makePki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'cnikit-pki-'));
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

  openssl('req', '-x509', ...newKey, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=cnikit-test-ca');
  writeFileSync(path('server.ext'), serverExtensions);
  writeFileSync(path('client.ext'), clientExtensions);

  const signed = (name: string, subject: string, ext: string) => {
    openssl('req', ...newKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', ext);
  };
  signed('server', '/CN=127.0.0.1', 'server.ext');
  signed('client', '/O=system:masters/CN=cnikit-tester', 'client.ext');

  // `openssl x509 -req` cannot date a certificate in the past; `openssl ca` can
  writeFileSync(path('index.txt'), '');
  writeFileSync(path('serial'), '1000\n');
  writeFileSync(path('ca.cnf'), [
    '[ca]', 'default_ca = test', '[test]', `dir = ${dir}`, 'database = $dir/index.txt', 'new_certs_dir = $dir', 'serial = $dir/serial',
    'default_md = sha256', 'policy = any', 'unique_subject = no', 'copy_extensions = none', '[any]', 'commonName = supplied',
    '[server]', ...serverExtensions.trim().split('\n'),
  ].join('\n') + '\n');
  openssl('req', ...newKey, '-keyout', 'expired.key', '-out', 'expired.csr', '-subj', '/CN=127.0.0.1');
  openssl('ca', '-batch', '-config', 'ca.cnf', '-extensions', 'server', '-cert', 'ca.crt', '-keyfile', 'ca.key', '-in', 'expired.csr', '-out', 'expired.crt',
    '-startdate', '20200101000000Z', '-enddate', '20200102000000Z', '-notext');

  openssl('req', '-x509', ...newKey, '-keyout', 'self.key', '-out', 'self.crt', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1');

  const pair = (name: string): KeyPair => ({ cert: readFileSync(path(`${name}.crt`), 'utf8'), key: readFileSync(path(`${name}.key`), 'utf8') });
  return {
    dir,
    ca: pair('ca'),
    server: pair('server'),
    expiredServer: pair('expired'),
    selfSignedServer: pair('self'),
    client: pair('client'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

import https from 'node:https';
import { readFileSync } from 'node:fs';
export async function main() {
  const { KubeConfig } = await import('@kubernetes/client-node/dist/config.js');
  const { RequestContext, HttpMethod } = await import('@kubernetes/client-node/dist/gen/http/http.js');
  const { IsomorphicFetchHttpLibrary } = await import('@kubernetes/client-node/dist/gen/http/isomorphic-fetch.js');
  const cert = readFileSync('/tmp/kb/cert.pem', 'utf8');
  const server = https.createServer({ key: readFileSync('/tmp/kb/key.pem'), cert }, (req, res) => { res.setHeader('content-type','application/json'); res.end(JSON.stringify({ path: req.url, auth: req.headers.authorization })); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as any).port;
  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters: [{ name: 'c', server: `https://127.0.0.1:${port}`, caData: Buffer.from(cert).toString('base64'), skipTLSVerify: false }], users: [{ name: 'u', token: 'SECRET' }], contexts: [{ name: 'x', cluster: 'c', user: 'u' }], currentContext: 'x' });
  const ctx = new RequestContext(`https://127.0.0.1:${port}/version?limit=2`, HttpMethod.GET);
  await kc.applySecurityAuthentication(ctx);
  ctx.setSignal(AbortSignal.timeout(3000));
  const res = await new IsomorphicFetchHttpLibrary().send(ctx).toPromise();
  console.log(res.httpStatusCode, await res.body.text());
  (ctx.getDispatcher() as any)?.close();
  server.close();
}
main().catch((e) => { console.error('ERR', e); process.exitCode = 1; });

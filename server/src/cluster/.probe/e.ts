import type { KubeConfig as KC } from '@kubernetes/client-node/dist/config.js';
async function main() {
  const { KubeConfig } = await import('@kubernetes/client-node/dist/config.js');
  const { RequestContext, HttpMethod } = await import('@kubernetes/client-node/dist/gen/http/http.js');
  const kc: KC = new KubeConfig();
  console.log(typeof KubeConfig, typeof RequestContext, HttpMethod.GET, Object.keys(kc));
}
main();

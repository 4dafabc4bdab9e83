// Loads the parts of @kubernetes/client-node the cluster code uses, on first use only.
//
// The package is ESM-only; dynamic import() works both in the esbuild CJS bundles and under
// `node --import tsx`. Importing its modules directly (rather than the package index, which
// pulls in every generated API client) keeps the bundle about a third of the size.
import { ClusterError } from './errors';

export type KubeConfigClass = typeof import('@kubernetes/client-node/dist/config.js').KubeConfig;
export type KubeConfigInstance = import('@kubernetes/client-node/dist/config.js').KubeConfig;

export interface ClientLibrary {
  KubeConfig: KubeConfigClass;
  RequestContext: typeof import('@kubernetes/client-node/dist/gen/http/http.js').RequestContext;
  HttpMethod: typeof import('@kubernetes/client-node/dist/gen/http/http.js').HttpMethod;
  IsomorphicFetchHttpLibrary: typeof import('@kubernetes/client-node/dist/gen/http/isomorphic-fetch.js').IsomorphicFetchHttpLibrary;
  ExecAuth: typeof import('@kubernetes/client-node/dist/exec_auth.js').ExecAuth;
}

export async function loadClientLibrary(): Promise<ClientLibrary> {
  try {
    const [config, http, fetchLibrary, exec] = await Promise.all([
      import('@kubernetes/client-node/dist/config.js'),
      import('@kubernetes/client-node/dist/gen/http/http.js'),
      import('@kubernetes/client-node/dist/gen/http/isomorphic-fetch.js'),
      import('@kubernetes/client-node/dist/exec_auth.js'),
    ]);
    return {
      KubeConfig: config.KubeConfig,
      RequestContext: http.RequestContext,
      HttpMethod: http.HttpMethod,
      IsomorphicFetchHttpLibrary: fetchLibrary.IsomorphicFetchHttpLibrary,
      ExecAuth: exec.ExecAuth,
    };
  } catch (error) {
    // e.g. undici 8 (a dependency of client-node 2.x) needs Node 22; see the package.json override
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ClusterError('config', `the Kubernetes client library cannot load on Node.js ${process.version}: ${reason}`);
  }
}

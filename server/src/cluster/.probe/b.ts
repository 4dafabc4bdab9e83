import { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import { RequestContext, HttpMethod } from '@kubernetes/client-node/dist/gen/http/http.js';
import { IsomorphicFetchHttpLibrary } from '@kubernetes/client-node/dist/gen/http/isomorphic-fetch.js';
export const x = [KubeConfig, RequestContext, HttpMethod, IsomorphicFetchHttpLibrary];

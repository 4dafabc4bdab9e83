// One GET to the API server, through @kubernetes/client-node's own authentication (client
// certificates, tokens, exec and OIDC plugins) and TLS settings, with a time limit covering both
// getting credentials and the request. GET is the only method this module can send.
import { ClusterError, describeTransportFailure, innermostMessage, seconds } from './errors';
import type { ClientLibrary, KubeConfigInstance } from './library';
import type { Redactor } from './secrets';

export interface ApiResponse {
  status: number;
  body: string;
}

interface Closable {
  close?(): Promise<void>;
  destroy?(): Promise<void>;
}

export class Transport {
  constructor(
    private readonly lib: ClientLibrary,
    private readonly kc: KubeConfigInstance,
    /** The server URL as the kubeconfig gives it (no trailing slash). */
    readonly server: string,
    private readonly timeoutMs: number,
    private readonly redact: Redactor,
  ) {}

  async get(path: string, query: Record<string, string | number | undefined> = {}): Promise<ApiResponse> {
    const url = new URL(this.server + path);
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    const request = new this.lib.RequestContext(url.toString(), this.lib.HttpMethod.GET);
    request.setHeaderParam('Accept', 'application/json');

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let phase: 'credentials' | 'request' = 'credentials';
    try {
      await abortable(this.kc.applySecurityAuthentication(request), controller.signal);
      phase = 'request';
      request.setSignal(controller.signal);
      const response = await new this.lib.IsomorphicFetchHttpLibrary().send(request).toPromise();
      const body = await abortable(response.body.text(), controller.signal);
      return { status: response.httpStatusCode, body };
    } catch (error) {
      if (controller.signal.aborted) throw this.timeout(phase, path);
      throw phase === 'credentials' ? this.credentialFailure(error) : describeTransportFailure(error, this.server, this.redact);
    } finally {
      clearTimeout(timer);
      // the library makes a connection pool per request; let it go
      const dispatcher = request.getDispatcher() as Closable | undefined;
      void (controller.signal.aborted ? dispatcher?.destroy?.() : dispatcher?.close?.())?.catch(() => {});
    }
  }

  private timeout(phase: 'credentials' | 'request', path: string): ClusterError {
    const limit = seconds(this.timeoutMs);
    if (phase === 'credentials') {
      const plugin = this.kc.getCurrentUser()?.exec?.command;
      const what = plugin ? `the exec credential plugin "${plugin}"` : 'credentials from the kubeconfig';
      return new ClusterError('timeout', `timed out after ${limit} waiting for ${what}`);
    }
    return new ClusterError('timeout', `timed out after ${limit} waiting for ${this.server} (GET ${path})`);
  }

  private credentialFailure(error: unknown): ClusterError {
    if (error instanceof ClusterError) return error;
    const message = this.redact(innermostMessage(error));
    const plugin = this.kc.getCurrentUser()?.exec?.command;
    if (/HTTP protocol is not allowed/.test(message)) {
      return new ClusterError('config', `the server URL ${this.server} is plain http://; the kubeconfig must say insecure-skip-tls-verify: true to use it`);
    }
    if (plugin) {
      const code = (error as { code?: string })?.code;
      if (code === 'ENOENT') return new ClusterError('auth', `the exec credential plugin "${plugin}" was not found`);
      return new ClusterError('auth', `the exec credential plugin "${plugin}" failed${message ? `: ${message}` : ''}`);
    }
    return new ClusterError('auth', `cannot get credentials from the kubeconfig: ${message || 'unknown error'}`);
  }
}

/** Rejects as soon as the signal aborts, even if the promise never settles (a hung credential plugin). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

// A connection to one kubeconfig context: the API client plus what is worth asking only once per
// session (server version, the API groups served, the namespaces). Open one per refresh; dispose it
// to stop any credential plugin still running.
import { ClusterApi } from './api';
import { ClusterError } from './errors';
import { guardExecPlugins, type ExecGuard } from './execGuard';
import { DEFAULT_CHUNK_SIZE, DEFAULT_MAX_ITEMS, DEFAULT_TIMEOUT_MS } from './limits';
import { chooseContext, loadKubeconfig, type Kubeconfig, type KubeconfigOptions } from './kubeconfig';
import { loadClientLibrary } from './library';
import type { ClusterIdentity } from './model';
import { resources } from './resources';
import { SecretSet, type Redactor } from './secrets';
import { Transport } from './transport';

export interface SessionOptions extends KubeconfigOptions {
  /** The kubeconfig context; defaults to its current-context. */
  context?: string;
  /** Per request, credential plugins included. Default 10 s. */
  timeoutMs?: number;
  /** Objects per list page. Default 250. */
  chunkSize?: number;
  /** Objects read per list at most. Default 10,000. */
  maxItems?: number;
}

export { DEFAULT_TIMEOUT_MS, DEFAULT_CHUNK_SIZE, DEFAULT_MAX_ITEMS };

export class ClusterSession {
  private identityPromise?: Promise<ClusterIdentity>;
  private groupsPromise?: Promise<Set<string> | undefined>;
  private namespacesPromise?: Promise<string[]>;

  private constructor(
    readonly context: string,
    readonly api: ClusterApi,
    readonly redact: Redactor,
    /** The context's default namespace, searched when namespaces cannot be listed. */
    readonly defaultNamespace: string,
    private readonly guard: ExecGuard,
  ) {}

  /** Opens a session on a context of an already loaded kubeconfig (the tree loads it once for all contexts). */
  static async open(config: Kubeconfig, options: SessionOptions = {}): Promise<ClusterSession> {
    const context = chooseContext(config, options.context);
    const kc = config.forContext(context);
    const lib = await loadClientLibrary();
    const secrets = new SecretSet(config.secrets);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const server = kc.getCurrentCluster()?.server;
    if (!server) throw new ClusterError('config', `context "${context}" has no server URL`);
    const guard = guardExecPlugins(kc, lib, secrets, timeoutMs);
    const transport = new Transport(lib, kc, server, timeoutMs, secrets.redact);
    const api = new ClusterApi(transport, secrets.redact, {
      chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
      maxItems: options.maxItems ?? DEFAULT_MAX_ITEMS,
      userName: kc.getCurrentUser()?.name,
    });
    const namespace = config.contexts.find((c) => c.name === context)?.namespace ?? 'default';
    return new ClusterSession(context, api, secrets.redact, namespace, guard);
  }

  /** Loads the kubeconfig and opens a session on one context (what `cnikit inspect` does). */
  static async connect(options: SessionOptions = {}): Promise<ClusterSession> {
    return ClusterSession.open(await loadKubeconfig(options), options);
  }

  get server(): string {
    return this.api.server;
  }

  /**
   * GET /version: the first request, so an unreachable server, a TLS problem or rejected
   * credentials surface as one clear error before anything else is tried.
   */
  identity(): Promise<ClusterIdentity> {
    this.identityPromise ??= (async () => {
      try {
        const version = await this.api.getJson<{ gitVersion?: string }>('/version');
        return { context: this.context, server: this.server, version: typeof version.gitVersion === 'string' ? version.gitVersion : undefined };
      } catch (error) {
        // some clusters hide /version; the server answered, so it is reachable
        if (error instanceof ClusterError && (error.kind === 'forbidden' || error.kind === 'notFound')) return { context: this.context, server: this.server };
        throw error;
      }
    })();
    return this.identityPromise;
  }

  /** The API groups the server serves (from /apis); undefined when discovery is not allowed. */
  servedGroups(): Promise<Set<string> | undefined> {
    this.groupsPromise ??= this.api.getJson<{ groups?: { name?: string }[] }>('/apis').then(
      (list) => new Set((list.groups ?? []).map((g) => g.name).filter((n): n is string => typeof n === 'string')),
      (error) => {
        if (error instanceof ClusterError && (error.kind === 'forbidden' || error.kind === 'notFound' || error.kind === 'server')) return undefined;
        throw error;
      },
    );
    return this.groupsPromise;
  }

  /** Every namespace's name; throws a ClusterError (e.g. forbidden) when they cannot be listed. */
  namespaceNames(): Promise<string[]> {
    this.namespacesPromise ??= this.api.list(resources.namespaces).then((list) => list.items.map((n) => n.metadata.name));
    return this.namespacesPromise;
  }

  dispose(): void {
    this.guard.dispose();
  }
}

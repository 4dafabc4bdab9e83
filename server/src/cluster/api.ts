// Reads from the API server: JSON GETs with answers turned into ClusterErrors that say what to do,
// and lists read page by page (limit/continue), never as one unbounded request.
import { ClusterError } from './errors';
import { apiVersion, collectionPath, objectPath, permission, type ResourceType } from './resources';
import type { Redactor } from './secrets';
import type { Transport } from './transport';

/** The fields of a Kubernetes object the model reads; everything else is passed through untouched. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  // Shapes differ per kind and come from a server we do not control: readers go through fields.ts.
  spec?: unknown;
  status?: unknown;
  data?: Record<string, string>;
  [key: string]: unknown;
}

export interface ListResult {
  items: KubeObject[];
  /** True when the list was cut at maxItems (more objects exist). */
  truncated: boolean;
}

export interface ApiOptions {
  /** Objects per page (`limit`). */
  chunkSize: number;
  /** Stop reading a list after this many objects. */
  maxItems: number;
  /** The kubeconfig user, named in "unauthorized" messages. */
  userName?: string;
}

export class ClusterApi {
  constructor(
    private readonly transport: Transport,
    private readonly redact: Redactor,
    private readonly options: ApiOptions,
  ) {}

  get server(): string {
    return this.transport.server;
  }

  /** GET a path and parse the JSON answer. `need` names the permission for a 403 message. */
  async getJson<T>(path: string, query: Record<string, string | number | undefined> = {}, need?: string): Promise<T> {
    const { status, body } = await this.transport.get(path, query);
    if (status >= 200 && status < 300) {
      try {
        return JSON.parse(body) as T;
      } catch {
        throw new ClusterError('server', `the API server's answer to GET ${path} is not JSON`);
      }
    }
    const reason = this.redact(statusMessage(body));
    if (status === 401) {
      const who = this.options.userName ? ` of user "${this.options.userName}"` : '';
      throw new ClusterError('auth', `unauthorized: ${this.server} rejected the credentials${who} (401)`);
    }
    if (status === 403) throw new ClusterError('forbidden', need ? `forbidden: needs ${need}` : `forbidden: GET ${path}`);
    if (status === 404) throw new ClusterError('notFound', `not found: GET ${path}`);
    throw new ClusterError('server', `the API server answered ${status} to GET ${path}${reason ? `: ${reason}` : ''}`);
  }

  /** One object, with apiVersion and kind as the server sends them. */
  getObject(resource: ResourceType, name: string, namespace?: string): Promise<KubeObject> {
    return this.getJson<KubeObject>(objectPath(resource, name, namespace), {}, permission(resource, 'get', namespace));
  }

  /** Every object of a resource (in one namespace, or all), page by page. */
  async list(resource: ResourceType, namespace?: string): Promise<ListResult> {
    const path = collectionPath(resource, namespace);
    const need = permission(resource, 'list', namespace);
    const items: KubeObject[] = [];
    let token: string | undefined;
    do {
      const page = await this.getJson<{ items?: KubeObject[]; metadata?: { continue?: string } }>(
        path, { limit: this.options.chunkSize, continue: token }, need,
      );
      // list items carry no apiVersion/kind; the YAML view and the kind columns want them
      for (const item of page.items ?? []) items.push({ apiVersion: apiVersion(resource), kind: resource.kind, ...item });
      token = page.metadata?.continue || undefined;
      if (token && items.length >= this.options.maxItems) return { items, truncated: true };
    } while (token);
    return { items, truncated: false };
  }
}

/** The `message` of a Kubernetes Status body, first line only. */
function statusMessage(body: string): string {
  try {
    const status = JSON.parse(body) as { message?: unknown };
    if (typeof status?.message === 'string') return status.message.split('\n')[0].slice(0, 300);
  } catch {
    /* not a Status */
  }
  return '';
}

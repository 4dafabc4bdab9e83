// Cluster objects as read-only YAML documents (scheme `cnikit-cluster`). The path ends in .yaml, so
// the document's language is YAML and CNIKit's diagnostics apply to it like to any manifest.
import * as vscode from 'vscode';
import type { ObjectRef } from '../../../server/src/cluster/model';
import { loadClusterModule } from './backend';
import type { ClusterExplorer } from './explorer';

export const CLUSTER_SCHEME = 'cnikit-cluster';

export interface ObjectAddress {
  context: string;
  ref: ObjectRef;
}

export function objectUri({ context, ref }: ObjectAddress): vscode.Uri {
  const where = ref.namespace ? `${encodeURIComponent(ref.namespace)}/` : '';
  const query = new URLSearchParams({ context, path: ref.path, kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) });
  return vscode.Uri.from({ scheme: CLUSTER_SCHEME, path: `/${encodeURIComponent(context)}/${where}${ref.kind}/${encodeURIComponent(ref.name)}.yaml`, query: query.toString() });
}

export function addressOf(uri: vscode.Uri): ObjectAddress | undefined {
  if (uri.scheme !== CLUSTER_SCHEME) return undefined;
  const q = new URLSearchParams(uri.query);
  const [context, path, kind, name] = ['context', 'path', 'kind', 'name'].map((k) => q.get(k));
  if (!context || !path || !kind || !name) return undefined;
  return { context, ref: { path, kind, name, namespace: q.get('namespace') ?? undefined } };
}

export class ClusterYamlProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly explorer: ClusterExplorer) {}

  /** Fetched fresh from the cluster each time VS Code asks (on open, and after a refresh). */
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const address = addressOf(uri);
    if (!address) throw new Error(`not a cluster object: ${uri.toString()}`);
    const [module, session] = await Promise.all([loadClusterModule(), this.explorer.session(address.context)]);
    return module.readObjectYaml(session, address.ref);
  }

  /** Re-reads every open cluster document. */
  refreshOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === CLUSTER_SCHEME) this.emitter.fire(doc.uri);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

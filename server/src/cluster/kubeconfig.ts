// Finds and reads the kubeconfig the way kubectl does: an explicit file, else every file named in
// KUBECONFIG merged (the first file to define a name or current-context wins; missing files are
// skipped), else ~/.kube/config.
//
// @kubernetes/client-node's loadFromDefault() does not merge like kubectl: a later file's
// current-context wins and a name defined twice throws. So each file is read on its own and
// merged here; relative paths inside a file are still resolved against that file's folder.
import { accessSync, constants, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { ClusterError } from './errors';
import { loadClientLibrary, type KubeConfigInstance } from './library';
import { collectSecrets, redactShapes, SecretSet, type Redactor } from './secrets';

export interface KubeconfigOptions {
  /** An explicit kubeconfig file (`--kubeconfig`, the `cnikit.cluster.kubeconfig` setting); wins over KUBECONFIG. */
  path?: string;
  /** Defaults to process.env (read for KUBECONFIG). */
  env?: NodeJS.ProcessEnv;
  /** Defaults to the user's home folder (for ~/.kube/config and a leading `~/`). */
  home?: string;
}

export interface ContextInfo {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  /** The cluster's server URL; undefined when the context names a cluster the kubeconfig lacks. */
  server?: string;
}

export interface Kubeconfig {
  /** The files read, in merge order. */
  files: string[];
  contexts: ContextInfo[];
  currentContext?: string;
  /** Every credential the kubeconfig holds (tokens, passwords, keys), to be kept out of messages. */
  secrets: readonly string[];
  /** Replaces every credential this kubeconfig holds (and anything credential-shaped) in a text. */
  redact: Redactor;
  /** A client configuration for one context (each call gets its own, so sessions share no state). */
  forContext(name: string): KubeConfigInstance;
}

/** Which files make up the kubeconfig, before reading them. */
export function kubeconfigFiles(options: KubeconfigOptions = {}): { files: string[]; origin: string } {
  const home = options.home ?? homedir();
  const env = options.env ?? process.env;
  if (options.path) {
    const path = resolve(options.path.replace(/^~(?=$|[\\/])/, home));
    return { files: [path], origin: path };
  }
  const list = (env.KUBECONFIG ?? '').split(delimiter).filter(Boolean);
  if (list.length) {
    const unique = [...new Set(list.map((p) => resolve(p)))];
    const present = unique.filter((p) => existsSync(p));
    if (!present.length) throw new ClusterError('config', `no kubeconfig found: none of the files in KUBECONFIG exists (${unique.join(delimiter)})`);
    return { files: present, origin: 'KUBECONFIG' };
  }
  const fallback = join(home, '.kube', 'config');
  if (!existsSync(fallback)) throw new ClusterError('config', `no kubeconfig found: ${fallback} does not exist and KUBECONFIG is not set`);
  return { files: [fallback], origin: fallback };
}

export async function loadKubeconfig(options: KubeconfigOptions = {}): Promise<Kubeconfig> {
  const { files } = kubeconfigFiles(options);
  const { KubeConfig } = await loadClientLibrary();
  const parts = files.map((file) => {
    const kc = new KubeConfig();
    try {
      kc.loadFromFile(file);
    } catch (error) {
      throw new ClusterError('config', describeLoadError(file, error));
    }
    return { file, kc };
  });

  // kubectl's merge: the first file to define a name wins, and the first current-context wins.
  const firstByName = <T extends { name: string }>(lists: T[][]): T[] => {
    const byName = new Map<string, T>();
    for (const list of lists) for (const item of list) if (!byName.has(item.name)) byName.set(item.name, item);
    return [...byName.values()];
  };
  const clusters = firstByName(parts.map((p) => p.kc.clusters));
  const users = firstByName(parts.map((p) => p.kc.users));
  const contextList = firstByName(parts.map((p) => p.kc.contexts));
  const currentContext = parts.map((p) => p.kc.currentContext).find((c) => typeof c === 'string' && c.length > 0);
  const secrets = collectSecrets(users);
  const redact = new SecretSet(secrets).redact;

  const contexts: ContextInfo[] = contextList.map((c) => ({
    name: c.name,
    cluster: c.cluster,
    user: c.user,
    namespace: c.namespace || undefined,
    server: clusters.find((cl) => cl.name === c.cluster)?.server,
  }));

  return {
    files,
    contexts,
    currentContext,
    secrets,
    redact,
    forContext(name: string): KubeConfigInstance {
      const context = contexts.find((c) => c.name === name);
      const names = contexts.map((c) => c.name).join(', ') || 'none';
      if (!context) throw new ClusterError('config', `no context named "${name}" in the kubeconfig (contexts: ${names})`);
      const cluster = clusters.find((c) => c.name === context.cluster);
      if (!cluster) throw new ClusterError('config', `context "${name}" refers to cluster "${context.cluster}", which the kubeconfig does not define`);
      const user = users.find((u) => u.name === context.user);
      if (context.user && !user) throw new ClusterError('config', `context "${name}" refers to user "${context.user}", which the kubeconfig does not define`);
      for (const [what, file] of [['certificate-authority', cluster.caFile], ['client-certificate', user?.certFile], ['client-key', user?.keyFile]] as const) {
        if (file && !readable(file)) throw new ClusterError('config', `the kubeconfig's ${what} ${file} cannot be read`);
      }
      const kc = new KubeConfig();
      kc.loadFromOptions({ clusters, users, contexts: contextList, currentContext: name });
      return kc;
    },
  };
}

/** The context to use: the one asked for, else the kubeconfig's current-context. */
export function chooseContext(config: Kubeconfig, requested?: string): string {
  if (requested) return requested;
  if (config.currentContext) return config.currentContext;
  const names = config.contexts.map((c) => c.name);
  if (!names.length) throw new ClusterError('config', `the kubeconfig (${config.files.join(', ')}) defines no contexts`);
  throw new ClusterError('config', `the kubeconfig sets no current-context; choose one with --context (contexts: ${names.join(', ')})`);
}

function readable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

function describeLoadError(file: string, error: unknown): string {
  const e = error as { name?: string; code?: string; reason?: string; mark?: { line: number; column: number }; message?: string };
  if (e?.code === 'ENOENT') return `cannot read kubeconfig ${file}: no such file`;
  if (e?.code === 'EACCES') return `cannot read kubeconfig ${file}: permission denied`;
  if (e?.code === 'EISDIR') return `cannot read kubeconfig ${file}: it is a folder`;
  // js-yaml's message quotes the offending lines, which may hold a token: use only reason and position
  if (e?.name === 'YAMLException' && /input is empty/.test(e.reason ?? '')) return `kubeconfig ${file} is empty`;
  if (e?.name === 'YAMLException') {
    const where = e.mark ? ` (line ${e.mark.line + 1}, column ${e.mark.column + 1})` : '';
    return `kubeconfig ${file} is not valid YAML: ${e.reason ?? 'syntax error'}${where}`;
  }
  if (error instanceof TypeError) return `kubeconfig ${file} is empty or not a YAML mapping`;
  const message = redactShapes(String(e?.message ?? error).split('\n')[0]);
  return `kubeconfig ${file} is not usable: ${message}`;
}

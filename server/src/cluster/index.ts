// Cluster access and the network model, for `cnikit inspect` and the VS Code cluster explorer.
// Node only; reads only (every request is a GET).
export { ClusterError, type ClusterErrorKind } from './errors';
export { loadKubeconfig, chooseContext, kubeconfigFiles, type Kubeconfig, type KubeconfigOptions, type ContextInfo } from './kubeconfig';
export { ClusterSession, DEFAULT_TIMEOUT_MS, DEFAULT_CHUNK_SIZE, DEFAULT_MAX_ITEMS, type SessionOptions } from './session';
export { inspectCluster, sectionLoaders } from './inspect';
export { formatReport } from './report';
export { readObjectYaml, objectToYaml } from './objectYaml';
export * from './describe';
export type * from './model';

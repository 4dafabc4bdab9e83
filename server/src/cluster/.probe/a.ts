export async function load() {
  const k = await import('@kubernetes/client-node');
  return [k.KubeConfig, k.RequestContext, k.HttpMethod, k.IsomorphicFetchHttpLibrary];
}

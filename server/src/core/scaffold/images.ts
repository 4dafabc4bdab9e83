// Image names under a registry mirror: the upstream registry host is replaced, the repository
// path and tag stay, which is how mirrors for air-gapped clusters are usually filled.

/** The image reference as pulled through the mirror (unchanged when there is no mirror). */
export function mirrored(image: string, registry: string): string {
  if (!registry) return image;
  return `${registry}/${repositoryPath(image)}`;
}

/** The reference without its registry host: ghcr.io/flannel-io/flannel:v1 → flannel-io/flannel:v1. */
export function repositoryPath(image: string): string {
  const [first, ...rest] = image.split('/');
  // Docker's rule: the first part names a registry when it has a dot or a port, or is localhost.
  const isHost = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  return isHost ? rest.join('/') : image;
}

// Container image references: `quay.io/cilium/cilium:v1.15.6@sha256:...` → repository, tag, digest.

export interface ImageRef {
  /** Registry host, when the reference names one (`quay.io`, `localhost:5000`). */
  registry?: string;
  /** The path after the registry: `cilium/cilium`, `amazon-k8s-cni`. */
  path: string;
  tag?: string;
  digest?: string;
}

export function parseImage(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const segments = rest.split('/');
  // the first segment is a registry when it looks like a host (docker's own rule)
  const first = segments[0];
  const hasRegistry = segments.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  return {
    registry: hasRegistry ? first : undefined,
    path: (hasRegistry ? segments.slice(1) : segments).join('/'),
    tag: tag || undefined,
    digest,
  };
}

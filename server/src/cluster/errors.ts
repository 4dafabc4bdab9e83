// Cluster failures as one-line messages people can act on. Every message that leaves this module
// has gone through a Redactor, so no token, password or key reaches a log, the tree or the CLI.
import type { Redactor } from './secrets';

export type ClusterErrorKind =
  /** The kubeconfig is missing, unreadable or does not describe a usable context. */
  | 'config'
  /** No connection: refused, unknown host, reset, network unreachable. */
  | 'unreachable'
  | 'timeout'
  | 'tls'
  /** 401, or a credential plugin that failed. */
  | 'auth'
  | 'forbidden'
  | 'notFound'
  /** Any other answer the API server should not have given (5xx, not JSON, ...). */
  | 'server';

export class ClusterError extends Error {
  constructor(readonly kind: ClusterErrorKind, message: string) {
    super(message);
    this.name = 'ClusterError';
  }

  /** True when nothing on the cluster can be read with this configuration. */
  get fatal(): boolean {
    return this.kind === 'config' || this.kind === 'unreachable' || this.kind === 'tls' || this.kind === 'auth';
  }
}

/** Node/undici error codes as words. */
const connectionCodes: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed by the server',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CLOSED: 'connection closed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};

const tlsCodes: Record<string, string> = {
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  CERT_NOT_YET_VALID: "the server's certificate is not valid yet",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed and the kubeconfig's certificate-authority does not trust it",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate chain ends in a CA the kubeconfig's certificate-authority does not trust",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate is signed by a CA the kubeconfig's certificate-authority does not trust",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server's certificate is signed by a CA the kubeconfig's certificate-authority does not trust",
  UNABLE_TO_GET_ISSUER_CERT: "the server's certificate is signed by a CA the kubeconfig's certificate-authority does not trust",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate does not name this host (set tls-server-name in the kubeconfig if it is known under another name)",
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS on this port (is the URL http:// rather than https://?)',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'the server requires a client certificate, which the kubeconfig does not provide',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'the server rejected the client certificate',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'the server does not trust the client certificate',
  ERR_OSSL_PEM_NO_START_LINE: 'the client certificate or key in the kubeconfig is not valid PEM',
  ERR_OSSL_X509_KEY_VALUES_MISMATCH: 'the client key in the kubeconfig does not match its certificate',
};

/** Codes anywhere in an error's cause chain (undici wraps the socket error in `TypeError: fetch failed`). */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): void => {
    if (!e || typeof e !== 'object' || seen.has(e) || depth > 6) return;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    visit((e as { cause?: unknown }).cause, depth + 1);
    const inner = (e as { errors?: unknown }).errors; // AggregateError (several addresses tried)
    if (Array.isArray(inner)) for (const x of inner) visit(x, depth + 1);
  };
  visit(error, 0);
  return codes;
}

/** The innermost message of an error chain, first line only. */
export function innermostMessage(error: unknown): string {
  let e: unknown = error;
  for (let i = 0; i < 6 && e && typeof e === 'object' && (e as { cause?: unknown }).cause; i++) e = (e as { cause: unknown }).cause;
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0].trim();
}

/** A failed request (no HTTP answer) as a ClusterError. */
export function describeTransportFailure(error: unknown, server: string, redact: Redactor): ClusterError {
  if (error instanceof ClusterError) return error;
  const codes = errorCodes(error);
  for (const code of codes) {
    if (tlsCodes[code]) return new ClusterError('tls', `TLS error talking to ${server}: ${tlsCodes[code]}`);
  }
  for (const code of codes) {
    if (connectionCodes[code]) return new ClusterError('unreachable', `cannot reach ${server}: ${connectionCodes[code]}`);
  }
  const tlsLike = codes.find((c) => c.startsWith('ERR_SSL_') || c.startsWith('ERR_TLS_') || c.startsWith('ERR_OSSL_') || /CERT/.test(c));
  if (tlsLike) return new ClusterError('tls', `TLS error talking to ${server}: ${tlsLike}`);
  const detail = redact(innermostMessage(error)) || 'unknown error';
  return new ClusterError('unreachable', `cannot reach ${server}: ${detail}${codes[0] ? ` (${codes[0]})` : ''}`);
}

export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

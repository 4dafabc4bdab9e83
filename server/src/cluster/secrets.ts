// Keeps credentials out of every message: the kubeconfig's own secrets are replaced wherever they
// appear, and anything shaped like a credential (PEM blocks, bearer tokens, JWTs, long base64) too,
// because error text can come from places we do not control (a credential plugin's stderr).
import { readFileSync } from 'node:fs';

export type Redactor = (text: string) => string;

const REDACTED = '[redacted]';

/** The secret-bearing fields of a kubeconfig user, as @kubernetes/client-node parses them. */
export interface UserSecrets {
  token?: string | null;
  password?: string | null;
  keyData?: string | null;
  keyFile?: string | null;
  certData?: string | null;
  authProvider?: { config?: Record<string, unknown> } | null;
  exec?: { env?: { name: string; value: string }[] | null } | null;
}

/** Every secret string a set of kubeconfig users carries (decoded forms included). */
export function collectSecrets(users: UserSecrets[]): string[] {
  const secrets = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value !== 'string') return;
    const v = value.trim();
    if (v.length < 6) return; // too short to recognise without false hits; also too short to be a real secret
    secrets.add(v);
    if (/^[A-Za-z0-9+/=\s]+$/.test(v) && v.length >= 16) {
      const decoded = Buffer.from(v, 'base64').toString('utf8');
      if (decoded.includes('-----BEGIN')) addPem(decoded);
    }
    if (v.includes('-----BEGIN')) addPem(v);
  };
  const addPem = (pem: string) => {
    secrets.add(pem.trim());
    for (const line of pem.split(/\r?\n/)) if (line.trim().length >= 16 && !line.startsWith('-----')) secrets.add(line.trim());
  };
  for (const user of users) {
    add(user.token);
    add(user.password);
    add(user.keyData);
    add(user.certData);
    if (user.keyFile) {
      try {
        add(readFileSync(user.keyFile, 'utf8'));
      } catch {
        /* unreadable: the request will fail with its own message */
      }
    }
    for (const value of Object.values(user.authProvider?.config ?? {})) add(value);
    for (const entry of user.exec?.env ?? []) add(entry?.value);
  }
  return [...secrets];
}

/**
 * The secrets one kubeconfig (and the credential plugins it runs) carries. A session adds what its
 * exec plugin prints, so a token that was never in the file is still redacted.
 */
export class SecretSet {
  private readonly values = new Set<string>();

  constructor(initial: Iterable<string> = []) {
    for (const v of initial) this.values.add(v);
  }

  add(value: unknown): void {
    for (const v of collectSecrets([{ keyData: typeof value === 'string' ? value : undefined }])) this.values.add(v);
  }

  readonly redact: Redactor = (text: string) => {
    let out = text;
    // longest first, so a PEM block goes before its lines
    for (const secret of [...this.values].sort((a, b) => b.length - a.length)) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return redactShapes(out);
  };
}

/** Anything that looks like a credential, known or not. */
export function redactShapes(text: string): string {
  return text
    .replace(/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g, REDACTED)
    .replace(/\b(Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`)
    .replace(/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED)
    .replace(/[A-Za-z0-9+/_-]{32,}={0,2}/g, (run) => (looksLikeKeyMaterial(run) ? REDACTED : run));
}

// Long runs of mixed case and digits are key or token material; Kubernetes paths and names are
// lower case, and hex digests have no upper case, so they stay readable.
function looksLikeKeyMaterial(run: string): boolean {
  return /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run);
}

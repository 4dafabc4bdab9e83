// CNI version arithmetic as libcni does it (pkg/version): "" means 0.1.0, at most three parts.

export function parseCniVersion(v: unknown): [number, number, number] | undefined {
  if (v === undefined || v === '') return [0, 1, 0];
  if (typeof v !== 'string' || !/^\d+(\.\d+){0,2}$/.test(v)) return undefined;
  const [major = 0, minor = 0, micro = 0] = v.split('.').map(Number);
  return [major, minor, micro];
}

/** False for versions libcni cannot parse: such chains never get past ADD anyway. */
export function versionAtLeast(v: unknown, min: string): boolean {
  const a = parseCniVersion(v);
  const b = parseCniVersion(min);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

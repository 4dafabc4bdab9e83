// Defensive readers for objects from the API server: a field of an unexpected type reads as absent
// instead of throwing, so one odd object cannot break a whole section.

export type Json = unknown;

export function rec(value: Json): Record<string, Json> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : {};
}

export function arr(value: Json): Json[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: Json): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: Json): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Reads a nested field: `at(obj, 'spec', 'template', 'spec')`. */
export function at(value: Json, ...path: (string | number)[]): Json {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, Json>)[key];
  }
  return current;
}

export function strings(value: Json): string[] {
  return arr(value).filter((x): x is string => typeof x === 'string');
}

/** `app=web,tier=db` from a label map; '' when empty. */
export function labelsText(labels: Json): string {
  return Object.entries(rec(labels)).map(([k, v]) => `${k}=${String(v)}`).join(',');
}

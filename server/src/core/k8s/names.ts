// Kubernetes name formats (apimachinery's validation), as predicates with a sentence each.

const label1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const label1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export function dns1123Label(value: string): string | undefined {
  if (value.length > 63) return 'must be at most 63 characters';
  if (!label1123.test(value)) return "must consist of lower-case letters, digits and '-', and start and end with a letter or digit";
  return undefined;
}

export function dns1035Label(value: string): string | undefined {
  if (value.length > 63) return 'must be at most 63 characters';
  if (!label1035.test(value)) return "must consist of lower-case letters, digits and '-', start with a letter and end with a letter or digit";
  return undefined;
}

export function dns1123Subdomain(value: string): string | undefined {
  if (value.length > 253) return 'must be at most 253 characters';
  if (!value.split('.').every((part) => label1123.test(part))) {
    return "must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit";
  }
  return undefined;
}

export function wildcardSubdomain(value: string): string | undefined {
  return value.startsWith('*.') ? dns1123Subdomain(value.slice(2)) : dns1123Subdomain(value);
}

/** IANA service names: container port names and named target ports. */
export function ianaServiceName(value: string): string | undefined {
  if (value.length > 15) return 'must be at most 15 characters';
  if (!/^[-a-z0-9]+$/.test(value)) return "must consist of lower-case letters, digits and '-'";
  if (!/[a-z]/.test(value)) return 'must contain at least one letter';
  if (value.includes('--')) return "must not contain '--'";
  if (value.startsWith('-') || value.endsWith('-')) return "must not start or end with '-'";
  return undefined;
}

/** Calico resource names: letters, digits, '.', '_' and '-'. */
export function calicoName(value: string): string | undefined {
  return /^[a-zA-Z0-9._-]+$/.test(value) ? undefined : "must consist of letters, digits, '.', '_' and '-'";
}

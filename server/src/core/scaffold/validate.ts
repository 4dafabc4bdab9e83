// Checks for scaffold option values, one plain function per kind of value. Each returns a
// sentence saying what is wrong and what to write instead, or undefined when the value is fine;
// the CLI and the editor's input boxes show the same sentences.
import { formatNetwork, overlaps, parseCidr, parseIp } from '../common/ip';
import { dns1123Label, dns1123Subdomain } from '../k8s/names';

/** An IPv4 network in CIDR notation without host bits, such as 10.244.0.0/16. */
export function cidrProblem(value: string): string | undefined {
  const cidr = parseCidr(value);
  if (!cidr) return `"${value}" is not a CIDR: write an IPv4 network such as 10.244.0.0/16.`;
  if (cidr.address.family !== 4) return `${value} is an IPv6 network: the scaffolds set up IPv4 networks, such as 10.244.0.0/16.`;
  if (cidr.address.value !== cidr.network) return `${value} has host bits set: write ${formatNetwork(cidr)}.`;
  return undefined;
}

/** The prefix length must lie in a range (e.g. flannel needs room for a /24 per node). */
export function prefixProblem(value: string, shortest: number, longest: number, why: string): string | undefined {
  const cidr = parseCidr(value);
  if (!cidr || (cidr.prefix >= shortest && cidr.prefix <= longest)) return undefined;
  return `${value} is a /${cidr.prefix}: ${why}`;
}

/** Pod and secondary networks must not share addresses with the cluster's Services. */
export function serviceOverlapProblem(value: string, serviceCidr: string): string | undefined {
  const mine = parseCidr(value);
  const services = parseCidr(serviceCidr);
  if (!mine || !services || !overlaps(mine, services)) return undefined;
  return `${value} overlaps the Service CIDR ${serviceCidr}: pods and Services would share addresses. Pick a range outside it.`;
}

/** A Linux interface name, as the kernel accepts it (dev_valid_name). */
export function interfaceNameProblem(value: string): string | undefined {
  if (value === '') return 'An interface name is needed, such as eth0.';
  if (value.length > 15) return `"${value}" is longer than 15 characters, the limit for Linux interface names.`;
  if (value === '.' || value === '..' || /[/:\s]/.test(value)) return `"${value}" is not a Linux interface name: it cannot contain '/', ':' or spaces.`;
  return undefined;
}

/** A Kubernetes object or namespace name (DNS-1123 label). */
export function objectNameProblem(value: string): string | undefined {
  const problem = dns1123Label(value);
  return problem && `"${value}" ${problem}.`;
}

/** A CNI network name: letters, digits, '_', '.' and '-' (what the CNI spec allows). */
export function cniNameProblem(value: string): string | undefined {
  return /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(value) ? undefined
    : `"${value}" is not a CNI network name: use letters, digits, '_', '.' and '-', starting with a letter or digit.`;
}

export function integerProblem(value: string, min: number, max: number): string | undefined {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) return `"${value}" must be a whole number from ${min} to ${max}.`;
  return undefined;
}

export function enumProblem(value: string, allowed: readonly string[]): string | undefined {
  return allowed.includes(value) ? undefined : `"${value}" is not one of ${allowed.join(', ')}.`;
}

/** An image registry mirror: a host with an optional port and path, without a scheme. Empty means none. */
export function registryProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (/^[a-z]+:\/\//i.test(value)) return `Write the registry without a scheme, such as ${value.replace(/^[a-z]+:\/\//i, '')}.`;
  if (value.endsWith('/')) return `Write the registry without a trailing '/', such as ${value.replace(/\/+$/, '')}.`;
  const [hostPort, ...path] = value.split('/');
  const [host, port, extra] = hostPort.split(':');
  const hostOk = host === 'localhost' || !!parseIp(host) || (host.includes('.') && !dns1123Subdomain(host));
  const portOk = port === undefined || (extra === undefined && !integerProblem(port, 1, 65535));
  const pathOk = path.every((part) => /^[a-z0-9]+([._-][a-z0-9]+)*$/.test(part));
  if (!hostOk || !portOk || !pathOk) return `"${value}" is not a registry such as registry.example.com:5000/mirror.`;
  return undefined;
}

/** A host name or IP address (for the API server address Cilium connects to). */
export function hostProblem(value: string): string | undefined {
  if (value === '') return 'The API server address is needed (a host name or IP address, such as 192.168.1.10).';
  if (parseIp(value) || !dns1123Subdomain(value)) return undefined;
  return `"${value}" is not a host name or IP address.`;
}

/** A label as key=value, with the API server's rules for both halves. */
export function labelProblem(value: string): string | undefined {
  const match = /^([^=]+)=(.*)$/.exec(value);
  if (!match) return `Write the label as key=value, such as app=frontend.`;
  const [, key, labelValue] = match;
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = key.slice(slash + 1);
  if ((prefix !== undefined && dns1123Subdomain(prefix)) || !/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(name)) {
    return `"${key}" is not a label key: use letters, digits, '-', '_' and '.', optionally after a DNS prefix and '/'.`;
  }
  if (labelValue !== '' && !/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(labelValue)) {
    return `"${labelValue}" is not a label value: at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit.`;
  }
  return undefined;
}

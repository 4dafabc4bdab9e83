// Strict IP and CIDR parsing with the same acceptance as Go's net.ParseIP / net.ParseCIDR,
// which is what CNI plugins use: dotted-decimal IPv4 without leading zeros, standard IPv6, no zones.
import ipaddr from 'ipaddr.js';

export type Family = 4 | 6;

export interface Address {
  family: Family;
  /** The address as an unsigned integer (32 or 128 bits). */
  value: bigint;
}

export interface Cidr {
  address: Address;
  prefix: number;
  /** The network address (host bits cleared). */
  network: bigint;
  /** The last address of the network. */
  last: bigint;
}

const ipv4Pattern = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function parseIp(text: string): Address | undefined {
  if (ipv4Pattern.test(text)) return { family: 4, value: toBigInt(ipaddr.IPv4.parse(text).toByteArray()) };
  if (!text.includes(':') || text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
  const v6 = ipaddr.IPv6.parse(text);
  // Go accepts IPv4-mapped forms like ::ffff:10.0.0.1 as IPv4 addresses.
  if (v6.isIPv4MappedAddress() && /\d+\.\d+/.test(text)) return { family: 4, value: toBigInt(v6.toIPv4Address().toByteArray()) };
  return { family: 6, value: toBigInt(v6.toByteArray()) };
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const bits = width(address.family);
  if (prefix > bits) return undefined;
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const network = address.value & ~hostMask;
  return { address, prefix, network, last: network | hostMask };
}

export function width(family: Family): number {
  return family === 4 ? 32 : 128;
}

export function contains(cidr: Cidr, address: Address): boolean {
  return cidr.address.family === address.family && address.value >= cidr.network && address.value <= cidr.last;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.address.family === b.address.family && a.network <= b.last && b.network <= a.last;
}

/** The network written back in CIDR notation, e.g. 10.1.0.0/16. */
export function formatNetwork(cidr: Cidr): string {
  return `${formatAddress({ family: cidr.address.family, value: cidr.network })}/${cidr.prefix}`;
}

export function formatAddress(address: Address): string {
  const bytes: number[] = [];
  let v = address.value;
  for (let i = 0; i < width(address.family) / 8; i++) {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

export function isMac(text: string): boolean {
  // Go's net.ParseMAC: 6, 8 or 20 octets separated by ':' or '-', or dotted groups of four hex digits.
  return /^([0-9a-fA-F]{2})([:-][0-9a-fA-F]{2}){5}$/.test(text) ||
    /^([0-9a-fA-F]{2})([:-][0-9a-fA-F]{2}){7}$/.test(text) ||
    /^([0-9a-fA-F]{2})([:-][0-9a-fA-F]{2}){19}$/.test(text) ||
    /^[0-9a-fA-F]{4}(\.[0-9a-fA-F]{4}){2}$/.test(text);
}

function toBigInt(bytes: number[]): bigint {
  return bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
}

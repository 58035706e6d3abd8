/**
 * The one wrapper around IPv4 CIDR arithmetic. The rest of the code speaks in these verbs (`parseCidr`,
 * `contains`, `overlaps`, `usableAddressCount`, `nextFreeCidr`) rather than in string surgery.
 *
 * Parsed ranges are plain numbers (unsigned 32-bit values held in JS numbers) so the hot paths — validation of
 * thousands of subnets, longest-prefix route lookup in traces — stay allocation-light. Addresses are classified
 * (private, public) against a few fixed ranges here too: a library for that (ip-num, ~30 KB gzip of CommonJS
 * evaluated on every start) cost more of the first visit than the canvas needed (issue 7 item 10).
 */

export interface Cidr {
  /** Canonical text, e.g. `10.0.0.0/16`. */
  readonly text: string;
  /** First address as an unsigned 32-bit integer. */
  readonly first: number;
  /** Last address as an unsigned 32-bit integer. */
  readonly last: number;
  readonly prefix: number;
}

export type CidrResult = { ok: true; cidr: Cidr } | { ok: false; error: string };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses a dotted-quad IPv4 address to an unsigned 32-bit integer, or undefined. */
export function parseIp(text: string): number | undefined {
  const m = IPV4.exec(text.trim());
  if (!m) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i]!;
    if (part.length > 1 && part.startsWith('0')) return undefined; // no octal-looking octets
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIp(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

function maskSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

const cache = new Map<string, CidrResult>();

/**
 * Parses `a.b.c.d/n`, checking the address, the prefix length and the alignment (the address must be the
 * network address: `10.0.0.1/16` is refused, as the EC2 API refuses it).
 *
 * @example parseCidr('10.0.0.0/16') // { ok: true, cidr: { text: '10.0.0.0/16', first: 167772160, ... } }
 * @example parseCidr('10.0.0.1/16') // { ok: false, error: '10.0.0.1/16 is not a network address: did you mean 10.0.0.0/16?' }
 */
export function parseCidr(input: string): CidrResult {
  if (typeof input !== 'string') return { ok: false, error: 'A CIDR block must be text like 10.0.0.0/16.' };
  const cached = cache.get(input);
  if (cached) return cached;
  const result = parseUncached(input);
  if (cache.size > 50_000) cache.clear();
  cache.set(input, result);
  return result;
}

function parseUncached(input: string): CidrResult {
  const text = input.trim();
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, error: `"${clip(text)}" is not a CIDR block: write it like 10.0.0.0/16.` };
  const address = parseIp(text.slice(0, slash));
  if (address === undefined) return { ok: false, error: `"${clip(text.slice(0, slash))}" is not an IPv4 address.` };
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) {
    return { ok: false, error: `/${clip(prefixText)} is not a prefix length: use /0 to /32.` };
  }
  const prefix = Number(prefixText);
  const size = maskSize(prefix);
  const first = Math.floor(address / size) * size;
  if (first !== address) {
    return {
      ok: false,
      error: `${text} is not a network address: did you mean ${formatIp(first)}/${prefix}?`,
    };
  }
  return { ok: true, cidr: { text: `${formatIp(first)}/${prefix}`, first, last: first + size - 1, prefix } };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Parses or returns undefined: for code that has already reported bad CIDRs elsewhere. */
export function tryCidr(text: string | undefined): Cidr | undefined {
  if (text === undefined) return undefined;
  const r = parseCidr(text);
  return r.ok ? r.cidr : undefined;
}

export function contains(outer: Cidr, inner: Cidr | number): boolean {
  if (typeof inner === 'number') return inner >= outer.first && inner <= outer.last;
  return inner.first >= outer.first && inner.last <= outer.last;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function addressCount(cidr: Cidr): number {
  return cidr.last - cidr.first + 1;
}

/**
 * AWS reserves five addresses in every subnet: the network address, the VPC router (+1), the DNS server (+2),
 * one for future use (+3) and the last address (broadcast is unsupported, so it is reserved).
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
export const RESERVED_ADDRESSES_PER_SUBNET = 5;

export function usableAddressCount(cidr: Cidr): number {
  return Math.max(0, addressCount(cidr) - RESERVED_ADDRESSES_PER_SUBNET);
}

export type ReservedRole =
  'network address' | 'VPC router' | 'DNS server' | 'reserved for future use' | 'broadcast address';

/** Which reserved role an address plays in a subnet, if any. */
export function reservedRole(subnet: Cidr, address: number): ReservedRole | undefined {
  const offset = address - subnet.first;
  if (offset === 0) return 'network address';
  if (offset === 1) return 'VPC router';
  if (offset === 2) return 'DNS server';
  if (offset === 3) return 'reserved for future use';
  if (address === subnet.last) return 'broadcast address';
  return undefined;
}

/** First and last usable host address of a subnet (after the five AWS reserves). */
export function usableRange(subnet: Cidr): { first: number; last: number } | undefined {
  if (usableAddressCount(subnet) === 0) return undefined;
  return { first: subnet.first + 4, last: subnet.last - 1 };
}

/**
 * The next free block of the given prefix length inside `within`, avoiding `taken`: the lowest aligned block
 * that overlaps nothing taken. (A library pool allocator gives up on fragmented space, so this is a sweep over the sorted
 * taken blocks instead: O(t log t) for t taken blocks.)
 *
 * @example nextFreeCidr(['10.0.0.0/16'], ['10.0.0.0/24'], 24) // '10.0.1.0/24'
 */
export function nextFreeCidr(within: string[], taken: string[], prefix: number): string | undefined {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  const size = maskSize(prefix);
  const used = taken
    .map(tryCidr)
    .filter((c): c is Cidr => c !== undefined)
    .sort((a, b) => a.first - b.first);
  for (const outer of within.map(tryCidr)) {
    if (!outer || outer.prefix > prefix) continue;
    let start = outer.first;
    let i = 0;
    while (start + size - 1 <= outer.last) {
      const end = start + size - 1;
      while (i < used.length && used[i]!.last < start) i++;
      // Any taken block starting at or before `end` that reaches `start` overlaps; find the furthest such end.
      let blockedUntil = -1;
      for (let j = i; j < used.length && used[j]!.first <= end; j++) {
        if (used[j]!.last >= start) blockedUntil = Math.max(blockedUntil, used[j]!.last);
      }
      if (blockedUntil < 0) return `${formatIp(start)}/${prefix}`;
      start = Math.ceil((blockedUntil + 1) / size) * size;
    }
  }
  return undefined;
}

/** Several suggestions at once, each free of the others. */
export function nextFreeCidrs(within: string[], taken: string[], prefix: number, count: number): string[] {
  const out: string[] = [];
  const used = [...taken];
  for (let i = 0; i < count; i++) {
    const next = nextFreeCidr(within, used, prefix);
    if (!next) break;
    out.push(next);
    used.push(next);
  }
  return out;
}

/**
 * Finds overlapping pairs among many CIDRs by sorting (O(n log n + overlaps)), not by comparing every pair.
 * Each item carries a key the caller uses to name what overlaps.
 */
export function findOverlaps<T>(items: Array<{ cidr: Cidr; item: T }>): Array<[T, T]> {
  const sorted = [...items].sort((a, b) => a.cidr.first - b.cidr.first || b.cidr.last - a.cidr.last);
  const out: Array<[T, T]> = [];
  // Active ranges whose end is at or past the current start; a sweep line.
  const active: Array<{ cidr: Cidr; item: T }> = [];
  for (const cur of sorted) {
    for (let i = active.length - 1; i >= 0; i--) {
      if (active[i]!.cidr.last < cur.cidr.first) active.splice(i, 1);
    }
    for (const a of active) out.push([a.item, cur.item]);
    active.push(cur);
  }
  return out;
}

/** `[first, last]` of a fixed range, from its CIDR text (the tables below are written as AWS and the RFCs write them). */
function span(text: string): readonly [number, number] {
  const cidr = tryCidr(text)!;
  return [cidr.first, cidr.last];
}

/** RFC 1918: https://datatracker.ietf.org/doc/html/rfc1918 */
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(span);

/**
 * Not routable on the internet besides the private ranges (RFC 6890,
 * https://datatracker.ietf.org/doc/html/rfc6890): the unspecified address, loopback, link-local, multicast, and the
 * shared address space carriers use for NAT.
 */
const NOT_PUBLIC = [
  ...PRIVATE,
  ...['0.0.0.0/32', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/4', '100.64.0.0/10'].map(span),
];

const within = (ranges: ReadonlyArray<readonly [number, number]>, address: number) =>
  ranges.some(([first, last]) => address >= first && address <= last);

/**
 * Whether an address is private (RFC 1918) — the ranges an internet gateway will not route to.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
 */
export function isPrivateIp(address: number): boolean {
  return within(PRIVATE, address);
}

/** Whether an address is publicly routable on the internet (not private, loopback, link-local or reserved). */
export function isPublicIp(address: number): boolean {
  return !within(NOT_PUBLIC, address);
}

/**
 * Checks for what a user types into the inspector, field by field. Each check returns the value to store
 * (canonical text or a number) or one plain sentence saying what is wrong; the inspector stores only values
 * that pass, so the model keeps the user's last good value while they type.
 */
import {
  type Cidr,
  contains,
  formatIp,
  overlaps,
  parseCidr,
  parseIp,
  RESERVED_ADDRESSES_PER_SUBNET,
  reservedRole,
  tryCidr,
  usableAddressCount,
} from '../cidr/cidr.ts';
import { getOfKind, subnetsOf } from './queries.ts';
import type { Design, Subnet, Vpc } from './types.ts';

/**
 * `warning`: the value is well formed and is stored, but AWS would refuse it or traffic would break (an overlapping
 * subnet, a block outside the VPC). The model keeps it so the rule engine can report it where the user sees every
 * other problem — the Findings panel and the marked resource — exactly as it would for an imported design.
 */
export type Check<T> = { ok: true; value: T; warning?: string } | { ok: false; error: string };

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const warn = <T>(value: T, warning: string): Check<T> => ({ ok: true, value, warning });
const fail = <T>(error: string): Check<T> => ({ ok: false, error });

/** What a valid CIDR block covers, in the words the inspector shows under the field. */
export interface CidrSummary {
  cidr: Cidr;
  /** The first and last address, e.g. `10.0.1.0 – 10.0.1.255`. */
  range: string;
  addresses: number;
  /** Addresses left for hosts after AWS's five reserved ones (subnets only). */
  usable: number;
}

/**
 * Summarises a CIDR block, or returns parseCidr's message for malformed or unaligned text.
 *
 * @example describeCidr('10.0.1.0/24') // { ok: true, value: { range: '10.0.1.0 – 10.0.1.255', addresses: 256, usable: 251, ... } }
 */
export function describeCidr(text: string): Check<CidrSummary> {
  const parsed = parseCidr(text);
  if (!parsed.ok) return fail(parsed.error);
  const cidr = parsed.cidr;
  return ok({
    cidr,
    range: `${formatIp(cidr.first)} – ${formatIp(cidr.last)}`,
    addresses: cidr.last - cidr.first + 1,
    usable: usableAddressCount(cidr),
  });
}

/**
 * The note under a subnet's CIDR field. AWS reserves the first four addresses and the last one in every subnet.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
export function usableNote(summary: CidrSummary): string {
  return `${summary.usable.toLocaleString('en-US')} usable — AWS reserves ${RESERVED_ADDRESSES_PER_SUBNET} per subnet: network, VPC router, DNS, future use, broadcast`;
}

/**
 * VPC and subnet IPv4 blocks must be between /16 and /28.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
export const MIN_BLOCK_PREFIX = 16;
export const MAX_BLOCK_PREFIX = 28;

function checkBlockSize(cidr: Cidr, what: string): string | undefined {
  if (cidr.prefix < MIN_BLOCK_PREFIX)
    return `A ${what} can be at most a /${MIN_BLOCK_PREFIX} (65,536 addresses); /${cidr.prefix} is too large.`;
  if (cidr.prefix > MAX_BLOCK_PREFIX)
    return `A ${what} must be at least a /${MAX_BLOCK_PREFIX} (16 addresses); /${cidr.prefix} is too small.`;
  return undefined;
}

/**
 * A VPC holds up to five IPv4 CIDR blocks by default (the primary and four secondary; the quota can be raised).
 * https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html
 */
export const MAX_VPC_CIDR_BLOCKS = 5;

/**
 * Checks a new value for one of a VPC's CIDR blocks (`index` is its position; `cidrBlocks.length` for a new one).
 * Malformed or unaligned text is refused; a block that is not /16–/28, overlaps the VPC's other blocks or strands a
 * subnet is stored with a warning (the rule engine reports it).
 */
export function checkVpcCidr(design: Design, vpc: Vpc, text: string, index: number): Check<string> {
  const parsed = parseCidr(text);
  if (!parsed.ok) return fail(parsed.error);
  const cidr = parsed.cidr;
  const size = checkBlockSize(cidr, 'VPC CIDR block');
  if (size) return warn(cidr.text, `${size} AWS will refuse it.`);
  const others = vpc.cidrBlocks.filter((_, i) => i !== index);
  for (const other of others) {
    const o = tryCidr(other);
    if (o && overlaps(o, cidr))
      return warn(cidr.text, `${cidr.text} overlaps this VPC's other block ${o.text}: AWS will refuse it.`);
  }
  const blocks = [...others.map(tryCidr), cidr].filter((c): c is Cidr => c !== undefined);
  for (const subnet of subnetsOf(design, vpc.id)) {
    const s = tryCidr(subnet.cidrBlock);
    if (s && !blocks.some((b) => contains(b, s))) {
      return warn(cidr.text, `Subnet ${subnet.name} (${s.text}) no longer fits in the VPC: change the subnet too.`);
    }
  }
  return ok(cidr.text);
}

/** Whether a VPC block can be removed: not the primary, and no subnet lives only in it. */
export function checkRemoveVpcCidr(design: Design, vpc: Vpc, index: number): Check<string[]> {
  if (index === 0) return fail('The primary CIDR block cannot be removed.');
  const remaining = vpc.cidrBlocks.filter((_, i) => i !== index);
  const blocks = remaining.map(tryCidr).filter((c): c is Cidr => c !== undefined);
  for (const subnet of subnetsOf(design, vpc.id)) {
    const s = tryCidr(subnet.cidrBlock);
    if (s && !blocks.some((b) => contains(b, s))) return fail(`Subnet ${subnet.name} uses ${vpc.cidrBlocks[index]}.`);
  }
  return ok(remaining);
}

/**
 * Checks a subnet's CIDR block. Malformed or unaligned text is refused; a well-formed block that is not /16–/28,
 * lies outside the VPC or overlaps another subnet (all refused by the EC2 API) is stored with a warning, and the
 * rule engine reports it as an error finding.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
export function checkSubnetCidr(design: Design, subnet: Subnet, text: string): Check<string> {
  const parsed = parseCidr(text);
  if (!parsed.ok) return fail(parsed.error);
  const cidr = parsed.cidr;
  const size = checkBlockSize(cidr, 'subnet');
  if (size) return warn(cidr.text, `${size} AWS will refuse it.`);
  const vpc = getOfKind(design, subnet.vpcId, 'vpc');
  if (vpc) {
    const blocks = vpc.cidrBlocks.map(tryCidr).filter((c): c is Cidr => c !== undefined);
    if (!blocks.some((b) => contains(b, cidr))) {
      return warn(
        cidr.text,
        `${cidr.text} is outside the VPC ${vpc.name} (${vpc.cidrBlocks.join(', ')}): AWS will refuse it.`,
      );
    }
  }
  for (const other of subnetsOf(design, subnet.vpcId)) {
    if (other.id === subnet.id) continue;
    const o = tryCidr(other.cidrBlock);
    if (o && overlaps(o, cidr))
      return warn(cidr.text, `${cidr.text} overlaps subnet ${other.name} (${o.text}): AWS will refuse it.`);
  }
  return ok(cidr.text);
}

/** Any well-formed CIDR block (route destinations, rule sources, on-premises ranges). */
export function checkCidr(text: string): Check<string> {
  const parsed = parseCidr(text);
  return parsed.ok ? ok(parsed.cidr.text) : fail(parsed.error);
}

const ROLE_OFFSET: Record<string, string> = {
  'network address': 'the network address',
  'VPC router': 'the VPC router (+1)',
  'DNS server': 'the DNS server (+2)',
  'reserved for future use': 'reserved for future use (+3)',
  'broadcast address': 'the broadcast address (last)',
};

/**
 * Checks a private IPv4 address for something in a subnet: inside the subnet, not one of the five addresses AWS
 * reserves (saying which), and not already held by another resource (`taken` maps addresses to their holder).
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
export function checkPrivateIp(
  subnet: Subnet,
  text: string,
  taken: ReadonlyMap<string, string> = new Map(),
): Check<string> {
  const address = parseIp(text);
  if (address === undefined) return fail(`"${clip(text.trim())}" is not an IPv4 address: write it like 10.0.1.25.`);
  const cidr = tryCidr(subnet.cidrBlock);
  if (!cidr) return fail(`Subnet ${subnet.name} has no valid CIDR block yet.`);
  const ip = formatIp(address);
  if (!contains(cidr, address)) return fail(`${ip} is outside subnet ${subnet.name} (${cidr.text}).`);
  const role = reservedRole(cidr, address);
  if (role) return fail(`${ip} is reserved by AWS: it is ${ROLE_OFFSET[role]} of ${cidr.text}.`);
  const holder = taken.get(ip);
  if (holder) return fail(`${ip} is already used by ${holder}.`);
  return ok(ip);
}

/** Any IPv4 address (customer gateways, Elastic IPs). */
export function checkIpv4(text: string): Check<string> {
  const address = parseIp(text);
  return address === undefined
    ? fail(`"${clip(text.trim())}" is not an IPv4 address: write it like 203.0.113.10.`)
    : ok(formatIp(address));
}

/** The private addresses already held in a subnet, by whom: instances, NAT gateways and interfaces. */
export function addressesInSubnet(design: Design, subnetId: string, except?: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of Object.values(design.resources)) {
    if (r.id === except) continue;
    if ((r.kind === 'instance' || r.kind === 'natGateway') && r.subnetId === subnetId && r.privateIp)
      out.set(r.privateIp, r.name);
    if (r.kind === 'networkInterface' && r.subnetId === subnetId) for (const ip of r.privateIps) out.set(ip, r.name);
  }
  return out;
}

function checkInteger(text: string, min: number, max: number, what: string): Check<number> {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) return fail(`${what} must be a whole number from ${min} to ${max}.`);
  const n = Number(t);
  if (n < min || n > max) return fail(`${what} must be from ${min} to ${max}; ${t} is out of range.`);
  return ok(n);
}

/**
 * A TCP or UDP port range: `443`, `1024-65535`, or `all`. Ports run from 0 to 65535.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
 */
export function checkPortRange(text: string): Check<{ from: number; to: number }> {
  const t = text.trim().toLowerCase();
  if (t === 'all' || t === '0-65535') return ok({ from: 0, to: 65535 });
  const m = /^(\d+)\s*(?:-\s*(\d+))?$/.exec(t);
  if (!m) return fail(`"${clip(text.trim())}" is not a port range: write 443, 1024-65535 or all.`);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from > 65535 || to > 65535) return fail('Ports run from 0 to 65535.');
  if (from > to) return fail(`The range ${from}-${to} runs backwards: put the lower port first.`);
  return ok({ from, to });
}

export function formatPortRange(from: number | undefined, to: number | undefined): string {
  if (from === undefined || to === undefined || from < 0 || (from === 0 && to === 65535)) return 'all';
  return from === to ? String(from) : `${from}-${to}`;
}

/**
 * An ICMP type and code: `all`, `8` (type 8, any code) or `3:4`. -1 means any, as in the EC2 API.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
 */
export function checkIcmpTypeCode(text: string): Check<{ from: number; to: number }> {
  const t = text.trim().toLowerCase();
  if (t === 'all' || t === '-1' || t === '') return ok({ from: -1, to: -1 });
  const m = /^(\d+)(?:\s*:\s*(-1|\d+))?$/.exec(t);
  if (!m) return fail(`"${clip(text.trim())}" is not an ICMP type: write all, 8 (echo request) or 3:4 (type:code).`);
  const type = Number(m[1]);
  const code = m[2] === undefined ? -1 : Number(m[2]);
  if (type > 255 || code > 255) return fail('ICMP types and codes run from 0 to 255.');
  return ok({ from: type, to: code });
}

export function formatIcmpTypeCode(from: number | undefined, to: number | undefined): string {
  if (from === undefined || from < 0) return 'all';
  return to === undefined || to < 0 ? String(from) : `${from}:${to}`;
}

/** An IANA protocol number, for rules on protocols other than TCP, UDP and ICMP (e.g. 50 for ESP). */
export function checkProtocolNumber(text: string): Check<number> {
  return checkInteger(text, 0, 255, 'A protocol number');
}

/**
 * A network ACL rule number: 1 to 32766, unique within its direction (inbound or outbound).
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkAclEntry.html
 */
export const MAX_NACL_RULE_NUMBER = 32766;

export function checkRuleNumber(text: string, others: readonly number[]): Check<number> {
  const n = checkInteger(text, 1, MAX_NACL_RULE_NUMBER, 'A rule number');
  if (!n.ok) return n;
  if (others.includes(n.value))
    return fail(`Rule ${n.value} already exists in this direction: numbers must be unique.`);
  return n;
}

/**
 * A customer gateway's BGP ASN: 1 to 4,294,967,295 (AWS takes 2-byte and 4-byte ASNs).
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateCustomerGateway.html
 */
export function checkCustomerAsn(text: string): Check<number> {
  return checkInteger(text, 1, 4_294_967_295, 'A BGP ASN');
}

/**
 * The Amazon side ASN of a virtual private gateway or Direct Connect gateway: a private ASN, 64512–65534 or
 * 4200000000–4294967294.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpnGateway.html
 */
export function checkAmazonSideAsn(text: string): Check<number> {
  const n = checkInteger(text, 1, 4_294_967_294, 'An ASN');
  if (!n.ok) return n;
  const v = n.value;
  if ((v >= 64512 && v <= 65534) || (v >= 4_200_000_000 && v <= 4_294_967_294)) return n;
  return fail('The Amazon side ASN must be private: 64512–65534 or 4200000000–4294967294.');
}

/** A 12-digit AWS account id. */
export function checkAccountId(text: string): Check<string> {
  const t = text.trim();
  return /^\d{12}$/.test(t) ? ok(t) : fail('An AWS account id is 12 digits, like 111111111111.');
}

/** A region code such as `us-east-1` or `ap-southeast-2`. */
export function checkRegion(text: string): Check<string> {
  const t = text.trim();
  return /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(t)
    ? ok(t)
    : fail(`"${clip(t)}" is not a region code: write it like us-east-1.`);
}

/**
 * S3 bucket naming rules for general purpose buckets (the common ones).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
export function checkBucketName(text: string): Check<string> {
  const t = text.trim();
  if (t.length < 3 || t.length > 63) return fail('A bucket name is 3 to 63 characters long.');
  if (!/^[a-z0-9.-]+$/.test(t)) return fail('A bucket name uses only lowercase letters, numbers, dots and hyphens.');
  if (!/^[a-z0-9]/.test(t) || !/[a-z0-9]$/.test(t))
    return fail('A bucket name begins and ends with a letter or number.');
  if (t.includes('..')) return fail('A bucket name cannot contain two adjacent dots.');
  if (parseIp(t) !== undefined) return fail('A bucket name cannot look like an IP address.');
  if (t.startsWith('xn--') || t.startsWith('sthree-')) return fail('A bucket name cannot start with xn-- or sthree-.');
  if (t.endsWith('-s3alias') || t.endsWith('--ol-s3'))
    return fail('A bucket name cannot end with -s3alias or --ol-s3.');
  return ok(t);
}

/** An availability zone name in the VPC's region: the region followed by one letter (`us-east-1c`). */
export function checkZoneName(region: string, text: string, existing: readonly string[]): Check<string> {
  const t = text.trim();
  if (!new RegExp(`^${region.replace(/[-]/g, '\\-')}[a-z]$`).test(t))
    return fail(`Zones in ${region} are named ${region}a, ${region}b, …`);
  if (existing.includes(t)) return fail(`${t} is already in the list.`);
  return ok(t);
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

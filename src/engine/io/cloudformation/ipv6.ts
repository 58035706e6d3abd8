/**
 * `Fn::Cidr` over an IPv6 block. The model is IPv4-only, but dual-stack templates carve each subnet's IPv6 block
 * out of the VPC's (`!Select [0, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]]`); the import must
 * evaluate that like CloudFormation does, without modelling the result.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-cidr.html
 */
import { TemplateError } from './intrinsics.ts';

/** Whether a value is written as an IPv6 CIDR block (it holds a colon; IPv4 blocks never do). */
export function isIpv6Cidr(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\/\d{1,3}$/.test(value.trim());
}

/** An IPv6 address as a 128-bit number, or undefined when it is not one. */
function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  let value = 0n;
  for (const group of [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]) {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

/** The shortest text of an IPv6 address: lower case, the longest run of zero groups (two or more) as `::`. */
function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
}

/**
 * The first `count` blocks of `128 - cidrBits` prefix length inside an IPv6 block, in address order.
 *
 * @example cidrSplitIpv6('2001:db8::/56', 2, 64) // ['2001:db8::/64', '2001:db8:0:1::/64']
 */
export function cidrSplitIpv6(block: string, count: number, cidrBits: number): string[] {
  const [address, prefixText] = block.trim().split('/');
  const prefix = Number(prefixText);
  const base = parseIpv6(address!);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 128)
    throw new TemplateError(`Fn::Cidr: ${block} is not an IPv6 CIDR block.`);
  if (!Number.isInteger(count) || count < 1 || count > 256)
    throw new TemplateError(`Fn::Cidr: count must be 1 to 256, not ${count}.`);
  const length = 128 - cidrBits;
  if (!Number.isInteger(cidrBits) || length < prefix || length > 128)
    throw new TemplateError(`Fn::Cidr: ${cidrBits} subnet bits do not fit inside ${block}.`);
  if (length - prefix < 64 && count > 2 ** (length - prefix))
    throw new TemplateError(
      `Fn::Cidr: ${block} holds only ${2 ** (length - prefix)} blocks of /${length}, not ${count}.`,
    );
  const mask = ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - prefix)) - 1n);
  const first = base & mask;
  const size = 1n << BigInt(cidrBits);
  return Array.from({ length: count }, (_, i) => `${formatIpv6(first + BigInt(i) * size)}/${length}`);
}

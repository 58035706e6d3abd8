/**
 * Ranges a VPC can never use, and the secondary blocks AWS refuses depending on where the primary block lies
 * (the "IPv4 CIDR block association restrictions" table: e.g. a VPC whose primary block is in 10.0.0.0/8
 * cannot add a block from 172.16.0.0/12, 192.168.0.0/16 or 198.19.0.0/16).
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html#add-cidr-block-restrictions
 */
import { contains, overlaps, tryCidr } from '../../cidr/cidr.ts';
import type { Cidr } from '../../cidr/cidr.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

const range = (text: string): Cidr => tryCidr(text)!;

/** Special-purpose ranges that can't be routed inside a VPC. */
const NEVER: Array<{ cidr: Cidr; what: string }> = [
  { cidr: range('0.0.0.0/8'), what: '"this network" range 0.0.0.0/8' },
  { cidr: range('127.0.0.0/8'), what: 'loopback range 127.0.0.0/8' },
  { cidr: range('169.254.0.0/16'), what: 'link-local range 169.254.0.0/16' },
  { cidr: range('224.0.0.0/4'), what: 'multicast range 224.0.0.0/4' },
  { cidr: range('240.0.0.0/4'), what: 'reserved range 240.0.0.0/4' },
];

const TEN = range('10.0.0.0/8');
const ONE_SEVEN_TWO = range('172.16.0.0/12');
const ONE_NINE_TWO = range('192.168.0.0/16');
const BENCHMARK = range('198.19.0.0/16');
const TEN_ZERO_15 = range('10.0.0.0/15');
const TEN_ZERO_16 = range('10.0.0.0/16');
const ONE_SEVEN_TWO_THIRTY_ONE = range('172.31.0.0/16');

type Family = '10.0.0.0/8' | '172.16.0.0/12' | '192.168.0.0/16' | '198.19.0.0/16' | 'public';

function familyOf(cidr: Cidr): Family {
  if (contains(TEN, cidr)) return '10.0.0.0/8';
  if (contains(ONE_SEVEN_TWO, cidr)) return '172.16.0.0/12';
  if (contains(ONE_NINE_TWO, cidr)) return '192.168.0.0/16';
  if (contains(BENCHMARK, cidr)) return '198.19.0.0/16';
  return 'public';
}

const isRfc1918 = (f: Family) => f === '10.0.0.0/8' || f === '172.16.0.0/12' || f === '192.168.0.0/16';

/** Why AWS refuses `secondary` next to `primary`, or undefined when the table permits it. */
export function secondaryRestriction(primary: Cidr, secondary: Cidr): string | undefined {
  const p = familyOf(primary);
  const s = familyOf(secondary);
  if (s === '198.19.0.0/16' && p !== '198.19.0.0/16')
    return `a block from 198.19.0.0/16 cannot be added to a VPC whose primary block is ${primary.text}`;
  if (isRfc1918(s) && p !== s) {
    const primaryRange = p === 'public' ? 'a publicly routable or 100.64.0.0/10 range' : p;
    return `${secondary.text} is from the RFC 1918 range ${s}, but the primary block ${primary.text} is from ${primaryRange}`;
  }
  if (p === '10.0.0.0/8' && contains(TEN_ZERO_15, primary) && overlaps(TEN_ZERO_16, secondary)) {
    return `a primary block inside 10.0.0.0/15 rules out secondary blocks from 10.0.0.0/16`;
  }
  if (p === '172.16.0.0/12' && overlaps(ONE_SEVEN_TWO_THIRTY_ONE, secondary)) {
    return `a VPC whose primary block is in 172.16.0.0/12 cannot add a block from 172.31.0.0/16`;
  }
  return undefined;
}

export const vpcCidrRestricted: Rule = {
  id: 'vpc-cidr-restricted',
  severity: 'error',
  title: 'VPC CIDR blocks avoid restricted ranges',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html#add-cidr-block-restrictions',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const vpc of index.vpcs) {
      const blocks = vpc.cidrBlocks.map(tryCidr);
      const primary = blocks[0];
      blocks.forEach((cidr, i) => {
        if (!cidr) return;
        const never = NEVER.find((n) => overlaps(n.cidr, cidr));
        if (never) {
          out.push(
            finding(
              vpcCidrRestricted,
              [vpc.id],
              `${Label(vpc)} uses ${cidr.text}, which lies in the ${never.what}; AWS does not allow it in a VPC.`,
              'Use a private range such as 10.0.0.0/16, 172.16.0.0/16 or 192.168.0.0/16.',
            ),
          );
          return;
        }
        if (i === 0 || !primary) return;
        const why = secondaryRestriction(primary, cidr);
        if (why) {
          out.push(
            finding(
              vpcCidrRestricted,
              [vpc.id],
              `${Label(vpc)} cannot add the secondary block ${cidr.text}: ${why}.`,
              `Pick a secondary block from the same range as the primary block ${primary.text}, or from 100.64.0.0/10.`,
            ),
          );
        }
      });
    }
    return out;
  },
};

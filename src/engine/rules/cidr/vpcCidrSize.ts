/**
 * A VPC CIDR block is between /16 (65,536 addresses) and /28 (16 addresses).
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
 */
import { tryCidr } from '../../cidr/cidr.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const MIN_PREFIX = 16;
export const MAX_PREFIX = 28;

export const vpcCidrSize: Rule = {
  id: 'vpc-cidr-size',
  severity: 'error',
  title: 'VPC CIDR blocks are /16 to /28',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const vpc of index.vpcs) {
      for (const text of vpc.cidrBlocks) {
        const cidr = tryCidr(text);
        if (!cidr || (cidr.prefix >= MIN_PREFIX && cidr.prefix <= MAX_PREFIX)) continue;
        const why = cidr.prefix < MIN_PREFIX ? 'larger than /16' : 'smaller than /28';
        out.push(
          finding(
            vpcCidrSize,
            [vpc.id],
            `${Label(vpc)} uses ${cidr.text}, which is ${why}; AWS accepts VPC blocks from /16 to /28 only.`,
            'Pick a prefix length between /16 and /28.',
          ),
        );
      }
    }
    return out;
  },
};

/**
 * A subnet's CIDR block is between /16 and /28.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { MAX_PREFIX, MIN_PREFIX } from './vpcCidrSize.ts';

export const subnetCidrSize: Rule = {
  id: 'subnet-cidr-size',
  severity: 'error',
  title: 'Subnet CIDR blocks are /16 to /28',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const subnet of index.subnets) {
      const cidr = index.subnetCidr.get(subnet.id);
      if (!cidr || (cidr.prefix >= MIN_PREFIX && cidr.prefix <= MAX_PREFIX)) continue;
      const why = cidr.prefix < MIN_PREFIX ? 'larger than /16' : 'smaller than /28';
      out.push(
        finding(
          subnetCidrSize,
          [subnet.id],
          `${Label(subnet)} uses ${cidr.text}, which is ${why}; AWS accepts subnet blocks from /16 to /28 only.`,
          'Pick a prefix length between /16 and /28.',
        ),
      );
    }
    return out;
  },
};

/**
 * A subnet's CIDR block is a valid network address (`10.0.1.7/24` is refused).
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
import { parseCidr } from '../../cidr/cidr.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal, isUnknownValue } from '../../model/unknown.ts';

export const subnetCidrInvalid: Rule = {
  id: 'subnet-cidr-invalid',
  severity: 'error',
  title: 'Subnet CIDR blocks are valid network addresses',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const subnet of index.subnets) {
      // An existing subnet's block, or one given by a parameter without a value, is unknown, not missing.
      if (isUnknownValue(subnet.cidrBlock)) continue;
      if (typeof subnet.cidrBlock !== 'string' || subnet.cidrBlock.trim() === '') {
        // An existing subnet's block is unknown; an IPv6-only subnet has none.
        if (isExternal(subnet) || subnet.ipv6Native === true) continue;
        out.push(
          finding(
            subnetCidrInvalid,
            [subnet.id],
            `${Label(subnet)} has no CIDR block; every subnet needs one.`,
            'Give the subnet a block inside its VPC, e.g. 10.0.1.0/24.',
          ),
        );
        continue;
      }
      const parsed = parseCidr(subnet.cidrBlock);
      if (parsed.ok) continue;
      out.push(
        finding(
          subnetCidrInvalid,
          [subnet.id],
          `${Label(subnet)} has an invalid CIDR block. ${parsed.error}`,
          'Write the block as a network address and prefix inside the VPC, e.g. 10.0.1.0/24.',
        ),
      );
    }
    return out;
  },
};

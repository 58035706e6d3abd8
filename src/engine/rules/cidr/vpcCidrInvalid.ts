/**
 * Every VPC needs at least one IPv4 CIDR block, written as a network address (`10.0.0.1/16` is refused).
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
 */
import { parseCidr } from '../../cidr/cidr.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal, isUnknownValue } from '../../model/unknown.ts';

export const vpcCidrInvalid: Rule = {
  id: 'vpc-cidr-invalid',
  severity: 'error',
  title: 'VPC CIDR blocks are valid network addresses',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const vpc of index.vpcs) {
      // An existing VPC's blocks, or one given by a parameter without a value, are unknown, not missing.
      if (vpc.cidrBlocks.length === 0 && !isExternal(vpc)) {
        out.push(
          finding(
            vpcCidrInvalid,
            [vpc.id],
            `${Label(vpc)} has no IPv4 CIDR block; every VPC needs one.`,
            'Give the VPC a CIDR block such as 10.0.0.0/16.',
          ),
        );
        continue;
      }
      for (const text of vpc.cidrBlocks) {
        if (isUnknownValue(text)) continue;
        const parsed = parseCidr(text);
        if (!parsed.ok) {
          out.push(
            finding(
              vpcCidrInvalid,
              [vpc.id],
              `${Label(vpc)} has an invalid CIDR block. ${parsed.error}`,
              'Write the block as a network address and prefix, e.g. 10.0.0.0/16.',
            ),
          );
        }
      }
    }
    return out;
  },
};

/**
 * A VPC holds at most 5 IPv4 CIDR blocks, the primary included (a quota that can be raised to 50).
 * https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-vpcs-subnets
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const CIDR_BLOCKS_PER_VPC = 5;

export const vpcCidrCount: Rule = {
  id: 'vpc-cidr-count',
  severity: 'error',
  title: 'At most 5 CIDR blocks per VPC',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-vpcs-subnets',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const vpc of index.vpcs) {
      const n = vpc.cidrBlocks.length;
      if (n <= CIDR_BLOCKS_PER_VPC) continue;
      out.push(
        finding(
          vpcCidrCount,
          [vpc.id],
          `${Label(vpc)} has ${n} IPv4 CIDR blocks; the default quota is ${CIDR_BLOCKS_PER_VPC} per VPC, primary included.`,
          'Remove blocks, or request a higher "IPv4 CIDR blocks per VPC" quota (up to 50).',
        ),
      );
    }
    return out;
  },
};

/**
 * A network interface (an instance's primary one included) can have at most 5 security groups by default.
 * https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const SG_PER_INTERFACE = 5;

export const sgPerInterfaceQuota: Rule = {
  id: 'sg-per-interface-quota',
  severity: 'error',
  title: 'At most 5 security groups per network interface',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const owner of [...index.instances, ...index.networkInterfaces]) {
      const n = new Set(owner.securityGroupIds).size;
      if (n <= SG_PER_INTERFACE) continue;
      out.push(
        finding(
          sgPerInterfaceQuota,
          [owner.id],
          `${Label(owner)} has ${n} security groups; a network interface can have at most ${SG_PER_INTERFACE} by default.`,
          'Combine groups, or request a higher "Security groups per network interface" quota (up to 16).',
        ),
      );
    }
    return out;
  },
};

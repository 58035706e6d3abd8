/**
 * A security group holds at most 60 inbound and 60 outbound rules (the default quota, per direction).
 * https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const SG_RULES_PER_DIRECTION = 60;

export const sgRuleQuota: Rule = {
  id: 'sg-rule-quota',
  severity: 'error',
  title: 'At most 60 rules per security group and direction',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const group of index.securityGroups) {
      for (const [direction, rules] of [
        ['inbound', group.ingress],
        ['outbound', group.egress],
      ] as const) {
        if (rules.length <= SG_RULES_PER_DIRECTION) continue;
        out.push(
          finding(
            sgRuleQuota,
            [group.id],
            `${Label(group)} has ${rules.length} ${direction} rules; the quota is ${SG_RULES_PER_DIRECTION} per direction.`,
            'Merge rules (port ranges, prefix lists), split the group, or request a higher quota.',
          ),
        );
      }
    }
    return out;
  },
};

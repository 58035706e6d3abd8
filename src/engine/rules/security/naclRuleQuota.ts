/**
 * A network ACL holds at most 20 rules per direction (the default quota; it can be raised to 40).
 * https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-nacls
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const NACL_RULES_PER_DIRECTION = 20;

export const naclRuleQuota: Rule = {
  id: 'nacl-rule-quota',
  severity: 'error',
  title: 'At most 20 network ACL rules per direction',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-nacls',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const acl of index.networkAcls) {
      for (const [direction, rules] of [
        ['inbound', acl.inbound],
        ['outbound', acl.outbound],
      ] as const) {
        if (rules.length <= NACL_RULES_PER_DIRECTION) continue;
        out.push(
          finding(
            naclRuleQuota,
            [acl.id],
            `${Label(acl)} has ${rules.length} ${direction} rules; the quota is ${NACL_RULES_PER_DIRECTION} per direction.`,
            'Merge rules with wider ranges, or request a higher quota (up to 40).',
          ),
        );
      }
    }
    return out;
  },
};

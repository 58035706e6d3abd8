/**
 * Network ACL rule numbers run from 1 to 32766 and are unique within each direction; rules are evaluated in
 * number order and the first match wins.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const NACL_RULE_NUMBER_MAX = 32766;

export const naclRuleNumbers: Rule = {
  id: 'nacl-rule-numbers',
  severity: 'error',
  title: 'Network ACL rule numbers are unique and 1–32766',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const acl of index.networkAcls) {
      for (const [direction, rules] of [
        ['inbound', acl.inbound],
        ['outbound', acl.outbound],
      ] as const) {
        const seen = new Set<number>();
        const reported = new Set<number>();
        for (const rule of rules) {
          const n = rule.ruleNumber;
          if (!Number.isInteger(n) || n < 1 || n > NACL_RULE_NUMBER_MAX) {
            out.push(
              finding(
                naclRuleNumbers,
                [acl.id],
                `${Label(acl)} has an ${direction} rule numbered ${JSON.stringify(n)?.slice(0, 20) ?? 'nothing'}; rule numbers run from 1 to ${NACL_RULE_NUMBER_MAX}.`,
                `Renumber the rule between 1 and ${NACL_RULE_NUMBER_MAX} (leave gaps, e.g. 100, 200, …).`,
              ),
            );
          } else if (seen.has(n)) {
            if (!reported.has(n))
              out.push(
                finding(
                  naclRuleNumbers,
                  [acl.id],
                  `${Label(acl)} has two ${direction} rules numbered ${n}; each number is used once per direction.`,
                  'Give one of the rules another number.',
                ),
              );
            reported.add(n);
          } else {
            seen.add(n);
          }
        }
      }
    }
    return out;
  },
};

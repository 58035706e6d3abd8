/** Lesson 12: the deny before the allow, and ephemeral ports both ways for replies. */
import type { Design } from '../../../model/types.ts';
import { applyAll } from './apply.ts';
import { setAclRules } from './edits.ts';

export default function solve(start: Design): Design {
  const tcp = (ruleNumber: number, action: 'allow' | 'deny', cidr: string, from: number, to: number) => ({
    ruleNumber,
    action,
    protocol: 'tcp',
    cidr,
    fromPort: from,
    toPort: to,
  });
  return applyAll(
    start,
    setAclRules(
      'acl-public',
      [
        tcp(90, 'deny', '198.51.100.0/24', 443, 443),
        tcp(100, 'allow', '0.0.0.0/0', 443, 443),
        tcp(120, 'allow', '0.0.0.0/0', 1024, 65535),
      ],
      [tcp(100, 'allow', '0.0.0.0/0', 443, 443), tcp(110, 'allow', '0.0.0.0/0', 1024, 65535)],
    ),
  );
}

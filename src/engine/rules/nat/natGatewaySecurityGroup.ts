/**
 * Security groups cannot be associated with a NAT gateway; control its traffic with the security groups of the
 * instances behind it and the network ACL of its subnet.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-comparison.html
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const natGatewaySecurityGroup: Rule = {
  id: 'nat-gateway-security-group',
  severity: 'error',
  title: 'NAT gateways have no security groups',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-comparison.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const nat of index.natGateways) {
      const groups = nat.securityGroupIds ?? [];
      if (groups.length === 0) continue;
      out.push(
        finding(
          natGatewaySecurityGroup,
          [nat.id, ...groups],
          `${Label(nat)} has security groups (${groups.join(', ')}), but a NAT gateway cannot have any.`,
          "Remove the security groups; use the instances' security groups and the subnet's network ACL instead.",
        ),
      );
    }
    return out;
  },
};

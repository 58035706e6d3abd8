/**
 * A VPC has at most one internet gateway attached at a time.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const igwOnePerVpc: Rule = {
  id: 'igw-one-per-vpc',
  severity: 'error',
  title: 'At most one internet gateway per VPC',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const [vpcId, gateways] of index.internetGatewaysByVpc) {
      const vpc = index.get(vpcId);
      if (gateways.length < 2 || vpc?.kind !== 'vpc') continue;
      const ids = gateways.map((g) => g.id);
      out.push(
        finding(
          igwOnePerVpc,
          [ids[1], vpcId, ...ids],
          `${Label(vpc)} has ${gateways.length} internet gateways attached (${ids.join(', ')}); a VPC can have only one.`,
          'Detach or delete the extra internet gateways and route through the one that stays.',
        ),
      );
    }
    return out;
  },
};

/**
 * A public NAT gateway needs an Elastic IP address; a private NAT gateway cannot have one.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const natGatewayElasticIp: Rule = {
  id: 'nat-gateway-elastic-ip',
  severity: 'error',
  title: 'Public NAT gateways have an Elastic IP',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const nat of index.natGateways) {
      const hasEip = nat.elasticIpId !== undefined && nat.elasticIpId !== '';
      if (nat.connectivityType === 'private') {
        if (hasEip)
          out.push(
            finding(
              natGatewayElasticIp,
              [nat.id],
              `${Label(nat)} is a private NAT gateway but has an Elastic IP; private NAT gateways cannot use one.`,
              'Remove the Elastic IP, or make the NAT gateway public.',
            ),
          );
        continue;
      }
      if (!hasEip) {
        out.push(
          finding(
            natGatewayElasticIp,
            [nat.id],
            `${Label(nat)} is a public NAT gateway without an Elastic IP; AWS requires one to create it.`,
            'Allocate an Elastic IP and associate it with the NAT gateway.',
          ),
        );
      } else if (index.get(nat.elasticIpId)?.kind !== 'elasticIp') {
        out.push(
          finding(
            natGatewayElasticIp,
            [nat.id],
            `${Label(nat)} uses the Elastic IP ${String(nat.elasticIpId).slice(0, 60)}, which does not exist.`,
            'Allocate an Elastic IP and associate it with the NAT gateway.',
          ),
        );
      }
    }
    return out;
  },
};

/**
 * A public NAT gateway sits in a public subnet: it forwards traffic to the internet through the internet
 * gateway its own subnet routes to. In a private subnet it has no way out.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
 */
import { Label, label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';

export const natGatewayPublicSubnet: Rule = {
  id: 'nat-gateway-public-subnet',
  severity: 'error',
  title: 'Public NAT gateways sit in a public subnet',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const nat of index.natGateways) {
      if (nat.connectivityType === 'private') continue;
      const subnet = index.get(nat.subnetId);
      if (subnet?.kind !== 'subnet' || index.isPublic(subnet) || isExternal(subnet)) continue; // an existing subnet's routes are unknown
      out.push(
        finding(
          natGatewayPublicSubnet,
          [nat.id, subnet.id],
          `${Label(nat)} is a public NAT gateway in ${label(subnet)}, which has no route to an internet gateway, so nothing it forwards reaches the internet.`,
          'Move the NAT gateway to a public subnet (one whose route table sends 0.0.0.0/0 to the internet gateway).',
        ),
      );
    }
    return out;
  },
};

/**
 * A NAT gateway serves the subnets whose route tables send traffic to it (a private subnet's 0.0.0.0/0); with no
 * route to it, it translates nothing — and it is billed by the hour all the same.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-scenarios.html
 */
import { routeTargetIds } from '../internet/publicAddress.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';
import { hasUnknownRoutes, isUsedOutsideModel } from './unknownRoutes.ts';

export const natGatewayUnused: Rule = {
  id: 'nat-gateway-unused',
  severity: 'info',
  title: 'NAT gateways are routed to',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-scenarios.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    const routed = routeTargetIds(index);
    for (const nat of index.natGateways) {
      if (routed.has(nat.id) || isExternal(nat) || isUsedOutsideModel(nat)) continue;
      const subnet = index.get(nat.subnetId);
      if (subnet?.kind !== 'subnet' || hasUnknownRoutes(index, subnet.vpcId)) continue;
      out.push(
        finding(
          natGatewayUnused,
          [nat.id],
          `${Label(nat)} is not the target of any route, so no subnet sends traffic through it (it is still billed by the hour).`,
          `Open a private subnet in ${subnet.availabilityZone} and choose "Route to the NAT gateway" (0.0.0.0/0 → the NAT gateway), or delete it.`,
        ),
      );
    }
    return out;
  },
};

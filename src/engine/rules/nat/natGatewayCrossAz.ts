/**
 * A subnet routed to a NAT gateway in another Availability Zone loses its internet access when that zone fails,
 * and pays for cross-AZ data transfer. AWS recommends a NAT gateway in each zone, used by that zone's subnets.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html
 */
import type { NatGateway, Subnet } from '../../model/types.ts';
import { Label, label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';

export const natGatewayCrossAz: Rule = {
  id: 'nat-gateway-cross-az',
  severity: 'warning',
  title: 'Subnets use a NAT gateway in their own AZ',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const table of index.routeTables) {
      const users = index.subnetsByRouteTable.get(table.id);
      if (!users) continue;
      const nats = new Map<string, { nat: NatGateway; zone: string }>();
      for (const route of table.routes) {
        const nat = index.get(route.targetId);
        if (nat?.kind !== 'natGateway' || nats.has(nat.id)) continue;
        const natSubnet = index.get(nat.subnetId);
        if (natSubnet?.kind === 'subnet' && !isExternal(natSubnet))
          nats.set(nat.id, { nat, zone: natSubnet.availabilityZone });
      }
      for (const { nat, zone } of nats.values()) {
        for (const subnet of users as Subnet[]) {
          if (subnet.availabilityZone === zone || isExternal(subnet)) continue; // an existing subnet's zone is a guess
          out.push(
            finding(
              natGatewayCrossAz,
              [subnet.id, nat.id, table.id],
              `${Label(subnet)} in ${subnet.availabilityZone} sends traffic to ${label(nat)} in ${zone}: it loses internet access if ${zone} fails, and pays cross-AZ data transfer.`,
              `Create a NAT gateway in ${subnet.availabilityZone} and give the subnet a route table that uses it.`,
            ),
          );
        }
      }
    }
    return out;
  },
};

/**
 * Routes inside the VPC's own range. The local route covers every VPC CIDR block; AWS accepts a route more
 * specific than it only when "the destination must match the entire IPv4 CIDR block of a subnet in your VPC"
 * and "the target must be a NAT gateway, network interface, or Gateway Load Balancer endpoint" (middlebox
 * routing, since 2021). A route to exactly a VPC block replaces the local route's target, which only a network
 * interface (or Gateway Load Balancer endpoint) may take.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-rule-considerations
 */
import { contains, tryCidr } from '../../cidr/cidr.ts';
import { Label, finding, kindName } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { routeLabel } from './targets.ts';
import { isUnknownValue } from '../../model/unknown.ts';

export const routeMoreSpecificThanLocal: Rule = {
  id: 'route-more-specific-than-local',
  severity: 'error',
  title: 'Routes inside the VPC range follow the middlebox rules',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-rule-considerations',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const table of index.routeTables) {
      const vpcCidrs = index.vpcCidrs.get(table.vpcId);
      if (!vpcCidrs || vpcCidrs.length === 0) continue;
      let subnetBlocks: Set<string> | undefined;
      for (const route of table.routes) {
        const dest = tryCidr(route.destinationCidrBlock);
        if (!dest) continue;
        if (isUnknownValue(route.targetId)) continue; // a target the design cannot judge (given by a parameter, not modelled)
        const block = vpcCidrs.find((c) => contains(c, dest));
        if (!block) continue; // outside the VPC, or wider than it: longest prefix match leaves the local route alone
        subnetBlocks ??= new Set(
          (index.subnetsByVpc.get(table.vpcId) ?? [])
            .map((s) => index.subnetCidr.get(s.id)?.text)
            .filter((t): t is string => !!t),
        );
        const target = route.targetId === 'local' ? 'local' : index.get(route.targetId);
        const targetKind = target === 'local' ? 'local' : target?.kind;
        const at = [table.id, route.id];
        if (block.text === dest.text) {
          if (targetKind === 'local' || targetKind === 'networkInterface' || targetKind === 'instance') continue;
          out.push(
            finding(
              routeMoreSpecificThanLocal,
              at,
              `${Label(table)} has ${routeLabel(route)}, which is the VPC block ${block.text} itself and collides with the local route.`,
              'Delete the route; the local route already carries traffic within the VPC (only a network interface can replace its target).',
            ),
          );
          continue;
        }
        if (!subnetBlocks.has(dest.text)) {
          out.push(
            finding(
              routeMoreSpecificThanLocal,
              at,
              `${Label(table)} has ${routeLabel(route)}, which is inside the VPC block ${block.text} but is not the block of one of its subnets.`,
              'Use the exact CIDR block of a subnet in this VPC, or a destination outside the VPC.',
            ),
          );
          continue;
        }
        if (
          targetKind === 'local' ||
          targetKind === 'natGateway' ||
          targetKind === 'networkInterface' ||
          targetKind === 'instance'
        )
          continue;
        if (target === undefined) continue; // a missing target is a blackhole, reported by route-blackhole
        out.push(
          finding(
            routeMoreSpecificThanLocal,
            at,
            `${Label(table)} has ${routeLabel(route)}, more specific than the local route, pointing at a ${kindName(targetKind ?? '')}; such routes may only target a NAT gateway, a network interface or a Gateway Load Balancer endpoint.`,
            'Point the route at a network interface of a middlebox appliance or a NAT gateway, or delete it.',
          ),
        );
      }
    }
    return out;
  },
};

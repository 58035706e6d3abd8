/**
 * What a route's target is and whether traffic can use it, from the route table's point of view. Shared by the
 * routing, NAT and peering rules so a route is judged the same way everywhere.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html
 */
import { contains, tryCidr } from '../../cidr/cidr.ts';
import type { Resource, Route, RouteTable } from '../../model/types.ts';
import type { DesignIndex } from '../context.ts';
import { label } from '../report.ts';

export type TargetCheck =
  { usable: true; target: Resource | 'local' } | { usable: false; target?: Resource; reason: string };

/** Whether `route` in `table` leads somewhere; when it does not, a sentence fragment saying why. */
export function checkTarget(index: DesignIndex, table: RouteTable, route: Route): TargetCheck {
  if (route.targetId === 'local') {
    // `local` stands for the VPC's own router: it only reaches the VPC's own blocks.
    const dest = tryCidr(route.destinationCidrBlock);
    const inside = dest && (index.vpcCidrs.get(table.vpcId) ?? []).some((c) => contains(c, dest));
    if (dest && !inside)
      return {
        usable: false,
        reason: `the local target only reaches the VPC's own CIDR blocks, and ${dest.text} is outside them`,
      };
    return { usable: true, target: 'local' };
  }
  const target = index.get(route.targetId);
  if (!target) {
    const id = typeof route.targetId === 'string' && route.targetId !== '' ? route.targetId : '(none)';
    return { usable: false, reason: `its target ${id.slice(0, 60)} does not exist (deleted, or never created)` };
  }
  const vpcId = table.vpcId;
  const inOtherVpc = (owner: Resource) => {
    const vpc = index.vpcOf(owner);
    return vpc !== undefined && vpc.id !== vpcId;
  };
  switch (target.kind) {
    case 'internetGateway':
      if (target.vpcId === undefined || target.vpcId === '')
        return { usable: false, target, reason: `${label(target)} is not attached to any VPC` };
      if (target.vpcId !== vpcId)
        return { usable: false, target, reason: `${label(target)} is attached to another VPC (${target.vpcId})` };
      return { usable: true, target };
    case 'virtualPrivateGateway':
      if (target.vpcId !== vpcId)
        return { usable: false, target, reason: `${label(target)} is not attached to this VPC` };
      return { usable: true, target };
    case 'peeringConnection':
      if (target.requesterVpcId !== vpcId && target.accepterVpcId !== vpcId) {
        return { usable: false, target, reason: `${label(target)} does not connect this VPC` };
      }
      if (target.status !== 'active')
        return { usable: false, target, reason: `${label(target)} is ${target.status}, not active` };
      return { usable: true, target };
    case 'natGateway':
    case 'instance':
    case 'networkInterface':
      if (inOtherVpc(target)) return { usable: false, target, reason: `${label(target)} is in another VPC` };
      return { usable: true, target };
    case 'vpcEndpoint':
      if (target.vpcId !== vpcId) return { usable: false, target, reason: `${label(target)} belongs to another VPC` };
      if (target.endpointType === 'Interface')
        return {
          usable: false,
          target,
          reason: `${label(target)} is an interface endpoint, which is reached by DNS, not by routes`,
        };
      return { usable: true, target };
    default:
      return { usable: false, target, reason: `${label(target)} cannot be a route target` };
  }
}

/** The route's destination as text for messages. */
export function destinationText(route: Route): string {
  if (typeof route.destinationCidrBlock === 'string') return route.destinationCidrBlock;
  if (typeof route.destinationPrefixListId === 'string') return route.destinationPrefixListId;
  return '(no destination)';
}

/** "route r-1 (0.0.0.0/0)" or, for routes without an id, "the route to 0.0.0.0/0". */
export function routeLabel(route: Route): string {
  const dest = destinationText(route);
  return typeof route.id === 'string' && route.id !== '' ? `route ${route.id} (${dest})` : `the route to ${dest}`;
}

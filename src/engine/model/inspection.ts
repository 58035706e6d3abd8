/**
 * What the inspector shows about a resource beyond its own fields: the routes AWS adds to a route table by
 * itself, the targets a route can point at, which subnets use a table or ACL, and names for kinds.
 */
import { collectRouteSources, effectiveRoutes } from '../traffic/routes.ts';
import {
  getResource,
  isNatInstance,
  mainRouteTableOf,
  defaultNetworkAclOf,
  networkAclOfSubnet,
  routeTableOfSubnet,
  subnetsOf,
} from './queries.ts';
import { KINDS } from './kinds.ts';
import type { Design, NetworkAcl, Resource, ResourceId, ResourceKind, RouteTable, Subnet } from './types.ts';

/**
 * What a resource is, in AWS's words, as a heading says it: its kind, told apart where AWS tells it apart (a gateway
 * or an interface endpoint, a NAT instance).
 *
 * @example kindLabelOf(anInstance({ sourceDestCheck: false })) // 'NAT instance'
 */
export function kindLabelOf(r: Resource): string {
  if (r.kind === 'vpcEndpoint') return `${r.endpointType} endpoint`;
  if (isNatInstance(r)) return 'NAT instance';
  return KINDS[r.kind].label;
}

/** A route the user did not add and cannot edit: the local route, a gateway endpoint's, or a propagated one. */
export interface ImpliedRoute {
  destination: string;
  target: string;
  /** Why it is there, in a few words. */
  origin: 'local' | 'gateway endpoint' | 'propagated';
}

/**
 * Routes AWS puts in a route table without being asked, as the traffic engine sees them (`effectiveRoutes`):
 * - one `local` route per VPC CIDR block (https://docs.aws.amazon.com/vpc/latest/userguide/RouteTables.html#route-table-routes);
 * - a prefix-list route for each gateway endpoint associated with the table
 *   (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html);
 * - with route propagation on from an attached VGW, the on-premises CIDRs reached through its VPN connections
 *   and Direct Connect gateways (https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNRoutingTypes.html).
 */
export function impliedRoutes(design: Design, table: RouteTable): ImpliedRoute[] {
  const own = new Set(table.routes.map((r) => r.id));
  const origins: Record<string, ImpliedRoute['origin']> = {
    local: 'local',
    prefixList: 'gateway endpoint',
    propagated: 'propagated',
  };
  const rank = { local: 0, 'gateway endpoint': 1, propagated: 2 };
  return effectiveRoutes(design, table, collectRouteSources(design))
    .filter((r) => !own.has(r.id) && r.origin !== 'static')
    .map((r) => ({
      destination: r.destination,
      target: r.targetId === 'local' ? 'local' : (getResource(design, r.targetId)?.name ?? r.targetId),
      origin: origins[r.origin]!,
    }))
    .sort((a, b) => rank[a.origin] - rank[b.origin]);
}

export interface TargetOption {
  id: ResourceId;
  label: string;
}

/**
 * What a route in a VPC's table can point at: its internet gateway, NAT gateways, instances (NAT instances),
 * network interfaces, peering connections, virtual private gateway and gateway endpoints.
 * https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html
 */
export function routeTargetOptions(design: Design, vpcId: ResourceId): TargetOption[] {
  const subnetIds = new Set(subnetsOf(design, vpcId).map((s) => s.id));
  const out: TargetOption[] = [];
  const add = (r: Resource) => out.push({ id: r.id, label: `${KINDS[r.kind].label}: ${r.name}` });
  for (const r of Object.values(design.resources)) {
    switch (r.kind) {
      case 'internetGateway':
      case 'virtualPrivateGateway':
        if (r.vpcId === vpcId) add(r);
        break;
      case 'natGateway':
      case 'instance':
      case 'networkInterface':
        if (subnetIds.has(r.subnetId)) add(r);
        break;
      case 'peeringConnection':
        if (r.requesterVpcId === vpcId || r.accepterVpcId === vpcId) add(r);
        break;
      case 'vpcEndpoint':
        if (r.vpcId === vpcId && r.endpointType === 'Gateway') add(r);
        break;
      default:
        break;
    }
  }
  const order: ResourceKind[] = [
    'internetGateway',
    'natGateway',
    'peeringConnection',
    'virtualPrivateGateway',
    'vpcEndpoint',
    'instance',
    'networkInterface',
  ];
  const rank = (id: ResourceId) => order.indexOf(getResource(design, id)!.kind);
  return out.sort((a, b) => rank(a.id) - rank(b.id));
}

/** The subnets using a route table, and whether each is explicitly associated or uses it as the main table. */
export function subnetsUsingRouteTable(
  design: Design,
  table: RouteTable,
): Array<{ subnet: Subnet; explicit: boolean }> {
  return subnetsOf(design, table.vpcId)
    .filter((s) => routeTableOfSubnet(design, s)?.id === table.id)
    .map((subnet) => ({ subnet, explicit: subnet.routeTableId === table.id }));
}

/** The subnets using a network ACL, and whether each is explicitly associated or uses it as the default. */
export function subnetsUsingNetworkAcl(design: Design, acl: NetworkAcl): Array<{ subnet: Subnet; explicit: boolean }> {
  return subnetsOf(design, acl.vpcId)
    .filter((s) => networkAclOfSubnet(design, s)?.id === acl.id)
    .map((subnet) => ({ subnet, explicit: subnet.networkAclId === acl.id }));
}

/** The label for a subnet's "use the VPC's default" choice, e.g. `(main) Production main`. */
export function mainRouteTableLabel(design: Design, vpcId: ResourceId): string {
  const main = mainRouteTableOf(design, vpcId);
  return main ? `(main) ${main.name}` : '(main) none';
}

export function defaultNetworkAclLabel(design: Design, vpcId: ResourceId): string {
  const acl = defaultNetworkAclOf(design, vpcId);
  return acl ? `(default) ${acl.name}` : '(default) none';
}

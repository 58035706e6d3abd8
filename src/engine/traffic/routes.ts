/**
 * Route lookup as AWS does it: the most specific route wins (longest prefix match); for equal destinations the
 * local route, then static routes, then prefix-list routes, then propagated routes.
 * https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html — "we direct traffic using the
 * most specific route that matches the traffic. This is known as the longest prefix match." Priority: longest
 * prefix, static routes, prefix list routes, propagated routes; "If the destination of a propagated route is
 * identical to the destination of a static route, the static route takes priority".
 *
 * Implied routes are added here: the local route for each VPC CIDR, a prefix-list route for every gateway
 * endpoint associated with the table, and the on-premises CIDRs of a propagating virtual private gateway.
 */
import { contains, tryCidr, type Cidr } from '../cidr/cidr.ts';
import type { Design, ResourceId, RouteTable } from '../model/types.ts';
import { getOfKind, resourcesOfKind } from '../model/queries.ts';
import { isGatewayService, serviceOfEndpointName, serviceOfPrefixList, serviceRange } from './services.ts';

export type RouteOrigin = 'local' | 'static' | 'prefixList' | 'propagated';

export interface EffectiveRoute {
  /** The route's id (`local`, a static route's id, `<endpoint>:prefix-list`, `<vgw>:propagated:<cidr>`). */
  id: string;
  /** What the destination column shows: a CIDR or a prefix list id. */
  destination: string;
  /** The addresses it matches (for a prefix list: the service's range). Absent = matches nothing known. */
  cidr?: Cidr;
  targetId: ResourceId | 'local';
  origin: RouteOrigin;
}

const ORIGIN_RANK: Record<RouteOrigin, number> = { local: 0, static: 1, prefixList: 2, propagated: 3 };

/**
 * What a dynamic (BGP) VPN connection is assumed to advertise when the design gives no on-premises CIDR: the RFC
 * 1918 ranges. https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNRoutingTypes.html — with dynamic routing "the
 * customer gateway device advertises its routes to the virtual private gateway" over BGP.
 */
export const BGP_ASSUMED_CIDRS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

export interface RouteSources {
  /** Gateway endpoints by route table id. */
  gatewayEndpointsByTable: Map<ResourceId, Array<{ id: ResourceId; service: string }>>;
  /** On-premises CIDRs each virtual private gateway advertises (VPN connections and Direct Connect gateways). */
  onPremisesCidrsByGateway: Map<ResourceId, string[]>;
}

export function collectRouteSources(design: Design): RouteSources {
  const gatewayEndpointsByTable = new Map<ResourceId, Array<{ id: ResourceId; service: string }>>();
  for (const endpoint of resourcesOfKind(design, 'vpcEndpoint')) {
    if (endpoint.endpointType !== 'Gateway') continue;
    const service = serviceOfEndpointName(endpoint.serviceName);
    if (!isGatewayService(service)) continue;
    for (const tableId of endpoint.routeTableIds) {
      const list = gatewayEndpointsByTable.get(tableId) ?? [];
      list.push({ id: endpoint.id, service });
      gatewayEndpointsByTable.set(tableId, list);
    }
  }
  const onPremisesCidrsByGateway = new Map<ResourceId, string[]>();
  const add = (gatewayId: ResourceId, cidrs: string[]) => {
    onPremisesCidrsByGateway.set(gatewayId, [...(onPremisesCidrsByGateway.get(gatewayId) ?? []), ...cidrs]);
  };
  for (const vpn of resourcesOfKind(design, 'vpnConnection')) {
    // A dynamic (BGP) VPN learns its routes from the customer gateway; when the design does not say which, assume
    // the private ranges (a VPC's own, more specific local routes still win).
    const unknown = !vpn.staticRoutesOnly && vpn.onPremisesCidrs.length === 0;
    add(vpn.vpnGatewayId, unknown ? BGP_ASSUMED_CIDRS : vpn.onPremisesCidrs);
  }
  for (const dx of resourcesOfKind(design, 'directConnectGateway')) {
    for (const vgw of dx.virtualPrivateGatewayIds) add(vgw, dx.onPremisesCidrs);
  }
  return { gatewayEndpointsByTable, onPremisesCidrsByGateway };
}

/**
 * Every route a table holds, implied ones included, sorted so the first that matches an address is the one AWS
 * uses.
 */
export function effectiveRoutes(design: Design, table: RouteTable, sources: RouteSources): EffectiveRoute[] {
  const routes: EffectiveRoute[] = [];
  const vpc = getOfKind(design, table.vpcId, 'vpc');
  for (const block of vpc?.cidrBlocks ?? []) {
    const cidr = tryCidr(block);
    if (cidr) routes.push({ id: 'local', destination: cidr.text, cidr, targetId: 'local', origin: 'local' });
  }
  for (const route of table.routes) {
    if (route.destinationCidrBlock !== undefined) {
      routes.push({
        id: route.id,
        destination: route.destinationCidrBlock,
        cidr: tryCidr(route.destinationCidrBlock),
        targetId: route.targetId,
        origin: route.targetId === 'local' ? 'local' : route.fromPrefixListId !== undefined ? 'prefixList' : 'static',
      });
    } else if (route.destinationPrefixListId !== undefined) {
      const service = serviceOfPrefixList(route.destinationPrefixListId);
      routes.push({
        id: route.id,
        destination: route.destinationPrefixListId,
        cidr: service ? serviceRange(service) : undefined,
        targetId: route.targetId,
        origin: 'prefixList',
      });
    }
  }
  for (const endpoint of sources.gatewayEndpointsByTable.get(table.id) ?? []) {
    routes.push({
      id: `${endpoint.id}:prefix-list`,
      destination: `pl-${endpoint.service}`,
      cidr: serviceRange(endpoint.service),
      targetId: endpoint.id,
      origin: 'prefixList',
    });
  }
  for (const gatewayId of table.propagatingGatewayIds) {
    const vgw = getOfKind(design, gatewayId, 'virtualPrivateGateway');
    // Only an attached gateway propagates routes.
    if (!vgw || vgw.vpcId !== table.vpcId) continue;
    for (const text of sources.onPremisesCidrsByGateway.get(gatewayId) ?? []) {
      const cidr = tryCidr(text);
      if (cidr)
        routes.push({
          id: `${gatewayId}:propagated:${cidr.text}`,
          destination: cidr.text,
          cidr,
          targetId: gatewayId,
          origin: 'propagated',
        });
    }
  }
  return routes
    .filter((r) => r.cidr !== undefined)
    .sort((a, b) => b.cidr!.prefix - a.cidr!.prefix || ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin]);
}

/** The route AWS uses for an address: the first of the sorted effective routes that contains it. */
export function findRoute(routes: EffectiveRoute[], ip: number): EffectiveRoute | undefined {
  for (const route of routes) if (contains(route.cidr!, ip)) return route;
  return undefined;
}

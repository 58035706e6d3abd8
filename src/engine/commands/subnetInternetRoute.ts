/**
 * "Route to the internet gateway / NAT gateway" in one click: the subnet's default route (0.0.0.0/0) goes to the
 * VPC's internet gateway (a public subnet) or to a NAT gateway (a private subnet reaching out), as AWS's guides set
 * them up.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-scenarios.html
 *
 * A route table shared with other subnets (the VPC's main table above all, which every subnet without its own
 * association uses, and which AWS advises to keep private) is not changed: the subnet gets a route table of its
 * own, a copy of what it used plus the new route, so no other subnet's routing moves.
 */
import { nextId } from '../model/create.ts';
import {
  getOfKind,
  internetGatewayOf,
  isPublicSubnet,
  resourcesOfKind,
  routeTableOfSubnet,
  subnetsOf,
} from '../model/queries.ts';
import type { Design, InternetGateway, NatGateway, ResourceId, Route, RouteTable, Subnet } from '../model/types.ts';
import { type Command, done, refuse } from './command.ts';
import { nextItemId } from './ruleEdits.ts';

export const DEFAULT_ROUTE = '0.0.0.0/0';

/** What a one-click default route would do, for the inspector to offer (or to say why it cannot). */
export type InternetRouteOffer =
  | {
      ok: true;
      target: InternetGateway | NatGateway;
      /** One or two sentences for the button's description: what changes, and what stays. */
      description: string;
    }
  /** Nothing to offer: `reason` says why and what to do first; `done` when the subnet already routes there. */
  | { ok: false; reason: string; done?: boolean };

/** The other subnets that use `table` (explicitly, or as their VPC's main table). */
function otherUsers(design: Design, table: RouteTable, subnet: Subnet): Subnet[] {
  return subnetsOf(design, table.vpcId).filter(
    (s) => s.id !== subnet.id && routeTableOfSubnet(design, s)?.id === table.id,
  );
}

/** Whether changing the subnet's route table would change other subnets' routing too. */
function needsOwnTable(design: Design, table: RouteTable | undefined, subnet: Subnet): boolean {
  return !table || table.main || otherUsers(design, table, subnet).length > 0;
}

function defaultRouteOf(table: RouteTable | undefined): Route | undefined {
  return table?.routes.find((r) => r.destinationCidrBlock === DEFAULT_ROUTE);
}

/** What the change does to the route table, in words. */
function describeChange(design: Design, subnet: Subnet, target: InternetGateway | NatGateway): string {
  const table = routeTableOfSubnet(design, subnet);
  const current = defaultRouteOf(table);
  const replaced = current
    ? `, replacing its route to ${getOfKind(design, current.targetId, 'internetGateway')?.name ?? design.resources[current.targetId]?.name ?? current.targetId}`
    : '';
  const route = `${DEFAULT_ROUTE} → ${target.name}`;
  if (!needsOwnTable(design, table, subnet))
    return `Adds ${route} to route table ${table!.name}, which only this subnet uses${replaced}.`;
  const others = table ? otherUsers(design, table, subnet) : [];
  const why = table?.main
    ? `${table.name} is the VPC's main route table${others.length ? `, also used by ${others.map((s) => s.name).join(', ')}` : ', used by every subnet without a table of its own'}`
    : table
      ? `${table.name} is also used by ${others.map((s) => s.name).join(', ')}`
      : 'the VPC has no main route table';
  return `Creates a route table for this subnet alone (its current routes plus ${route}${replaced}) and associates it, because ${why}: their routing stays as it is.`;
}

/**
 * The "Route to the internet gateway" offer for a subnet: its VPC's attached internet gateway.
 *
 * @example internetGatewayRouteOffer(design, subnet) // { ok: true, target: igw, description: 'Creates a route table…' }
 */
export function internetGatewayRouteOffer(design: Design, subnet: Subnet): InternetRouteOffer {
  const igw = internetGatewayOf(design, subnet.vpcId);
  if (!igw) {
    return {
      ok: false,
      reason:
        'No internet gateway is attached to this VPC: drag "Internet gateway" from the palette onto the VPC first.',
    };
  }
  const current = defaultRouteOf(routeTableOfSubnet(design, subnet));
  if (current?.targetId === igw.id)
    return {
      ok: false,
      done: true,
      reason: `Already routes ${DEFAULT_ROUTE} to ${igw.name}: this is a public subnet.`,
    };
  return { ok: true, target: igw, description: describeChange(design, subnet, igw) };
}

/**
 * The NAT gateways a subnet could send its internet traffic to, best first: public NAT gateways of its VPC in other
 * subnets, those in its own Availability Zone first (AWS: one NAT gateway per zone, used by that zone's private
 * subnets), then those in a public subnet.
 */
export function natGatewayChoices(design: Design, subnet: Subnet): NatGateway[] {
  const score = (nat: NatGateway) => {
    const home = getOfKind(design, nat.subnetId, 'subnet');
    return (
      (home?.availabilityZone === subnet.availabilityZone ? 0 : 2) + (home && isPublicSubnet(design, home) ? 0 : 1)
    );
  };
  return resourcesOfKind(design, 'natGateway')
    .filter(
      (nat) =>
        nat.connectivityType === 'public' &&
        nat.subnetId !== subnet.id &&
        getOfKind(design, nat.subnetId, 'subnet')?.vpcId === subnet.vpcId,
    )
    .map((nat, i) => ({ nat, i, s: score(nat) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.nat);
}

/**
 * The "Route to the NAT gateway" offer for a subnet: the best of `natGatewayChoices`, with what to know about it.
 *
 * @example natGatewayRouteOffer(design, privateSubnetA) // { ok: true, target: natA, description: 'Adds 0.0.0.0/0 → nat-a …' }
 */
export function natGatewayRouteOffer(design: Design, subnet: Subnet): InternetRouteOffer {
  const own = resourcesOfKind(design, 'natGateway').find(
    (n) => n.subnetId === subnet.id && n.connectivityType === 'public',
  );
  if (own)
    return {
      ok: false,
      reason: `${own.name} sits in this subnet and reaches the internet through its route to the internet gateway: route the private subnets to it instead.`,
    };
  if (isPublicSubnet(design, subnet)) {
    return {
      ok: false,
      reason:
        'This is a public subnet: its instances reach the internet through the internet gateway. A NAT gateway serves private subnets.',
    };
  }
  const [nat] = natGatewayChoices(design, subnet);
  if (!nat) {
    return {
      ok: false,
      reason: `No public NAT gateway in this VPC outside this subnet: drop a "NAT gateway" onto a public subnet in ${subnet.availabilityZone} first.`,
    };
  }
  const current = defaultRouteOf(routeTableOfSubnet(design, subnet));
  if (current && getOfKind(design, current.targetId, 'natGateway')) {
    const natSubnet = getOfKind(design, getOfKind(design, current.targetId, 'natGateway')!.subnetId, 'subnet');
    if (current.targetId === nat.id || natSubnet?.availabilityZone === subnet.availabilityZone) {
      return {
        ok: false,
        done: true,
        reason: `Already routes ${DEFAULT_ROUTE} to NAT gateway ${design.resources[current.targetId]!.name}.`,
      };
    }
  }
  const home = getOfKind(design, nat.subnetId, 'subnet');
  const notes: string[] = [];
  if (home && home.availabilityZone !== subnet.availabilityZone) {
    notes.push(
      `${nat.name} is in ${home.availabilityZone}: there is no NAT gateway in ${subnet.availabilityZone}, so this subnet loses internet access if ${home.availabilityZone} fails.`,
    );
  }
  if (home && !isPublicSubnet(design, home))
    notes.push(`${nat.name}'s subnet ${home.name} has no route to an internet gateway yet.`);
  return { ok: true, target: nat, description: [describeChange(design, subnet, nat), ...notes].join(' ') };
}

/**
 * Points the subnet's default route (0.0.0.0/0) at an internet gateway or NAT gateway, as one undo step. When the
 * subnet's route table is its VPC's main table or is shared with other subnets, the subnet gets its own table
 * instead (a copy of its routes, route propagation and gateway-endpoint associations, plus the new route).
 *
 * @example routeSubnetToInternet('subnet-private-a', 'nat-a')
 */
export function routeSubnetToInternet(subnetId: ResourceId, targetId: ResourceId): Command {
  return {
    label: 'Add default route',
    apply(design) {
      const subnet = getOfKind(design, subnetId, 'subnet');
      if (!subnet) return refuse(`There is no subnet ${subnetId}.`);
      const target = getOfKind(design, targetId, 'internetGateway') ?? getOfKind(design, targetId, 'natGateway');
      if (!target) return refuse('Route to an internet gateway or a NAT gateway.');
      const targetVpc =
        target.kind === 'internetGateway' ? target.vpcId : getOfKind(design, target.subnetId, 'subnet')?.vpcId;
      if (targetVpc !== subnet.vpcId)
        return refuse(`${target.name} is not in ${subnet.name}'s VPC: a route targets a gateway of its own VPC.`);
      if (target.kind === 'natGateway' && target.subnetId === subnet.id) {
        return refuse(
          `${target.name} sits in ${subnet.name}: a NAT gateway serves other subnets, and reaches the internet through its own subnet's internet gateway.`,
        );
      }
      const table = routeTableOfSubnet(design, subnet);
      const route = (routes: Route[]): Route[] => [
        ...routes.filter((r) => r.destinationCidrBlock !== DEFAULT_ROUTE),
        { id: nextItemId(routes, 'route'), destinationCidrBlock: DEFAULT_ROUTE, targetId: target.id },
      ];
      const resources = { ...design.resources };
      if (!needsOwnTable(design, table, subnet)) {
        resources[table!.id] = { ...table!, routes: route(table!.routes) };
        return done({ ...design, resources }, [subnet.id]);
      }
      const id = nextId(design, 'routeTable');
      const copied = (table?.routes ?? []).map((r, i) => ({ ...r, id: `route-${i + 1}` }));
      resources[id] = {
        id,
        kind: 'routeTable',
        name: `${subnet.name} routes`,
        vpcId: subnet.vpcId,
        main: false,
        routes: route(copied),
        propagatingGatewayIds: [...(table?.propagatingGatewayIds ?? [])],
      };
      resources[subnet.id] = { ...subnet, routeTableId: id };
      // Gateway endpoints reach the subnet through its route table: the new table keeps them.
      for (const endpoint of resourcesOfKind(design, 'vpcEndpoint')) {
        if (table && endpoint.endpointType === 'Gateway' && endpoint.routeTableIds.includes(table.id)) {
          resources[endpoint.id] = { ...endpoint, routeTableIds: [...endpoint.routeTableIds, id] };
        }
      }
      return done({ ...design, resources }, [subnet.id]);
    },
  };
}

/**
 * trace(): can traffic get from one place to another, and back, the way AWS would carry it — hop by hop, with the
 * rule or route that decided at each component and, where it stops, why.
 */
import { formatIp, reservedRole, tryCidr, type ReservedRole } from '../cidr/cidr.ts';
import { getOfKind, getResource, isPublicSubnet, resourcesOfKind } from '../model/queries.ts';
import { isUnknownValue } from '../model/unknown.ts';
import { applyFailures } from './failures.ts';
import type { Design, PeeringConnection, ResourceId, Subnet } from '../model/types.ts';
import { resolveEndpoint, type Endpoint } from './endpoints.ts';
import { answers, builtInServiceFor, describeAnswers } from './builtInServices.ts';
import { arriveAtService } from './gatewayServices.ts';
import { inVpc, networkIndex, subnetRouteTable, vpcsHolding, type NetworkIndex } from './networkIndex.ts';
import { EPHEMERAL, describePacket, type ClientPorts, type Packet } from './packet.ts';
import { findRoute, type EffectiveRoute } from './routes.ts';
import { evaluateSecurityGroups } from './securityGroups.ts';
import { isGatewayService, isPublicAddress, serviceAddress, serviceOfEndpointName } from './services.ts';
import { serviceName } from './serviceNames.ts';
import type { Eni, HopKind, TraceOutcome, TraceQuery, TraceResult } from './types.ts';
import { block, capitalise, crossSubnets, hop, nameOf, newWalk, relating, the, walkReturn, type Walk } from './walk.ts';

/** Port used when a query gives none: HTTPS, what most flows to AWS services and web tiers use. */
export const DEFAULT_PORT = 443;
/** ICMP type used when a query gives none: echo request (ping). */
export const DEFAULT_ICMP_TYPE = 8;

/** Where the request is going: the final endpoint, and for a service whether it should be S3 etc. */
interface Goal {
  endpoint: Endpoint;
  query: TraceQuery;
}

/** How a packet entered the VPC it is delivered in: the reply must leave the same way. */
interface Entry {
  gatewayId: ResourceId;
  kind: HopKind;
}

function subnetOf(ix: NetworkIndex, eni: Eni): Subnet {
  return getOfKind(ix.design, eni.subnetId, 'subnet')!;
}

function clientPortsOf(eni: Eni | undefined): ClientPorts {
  if (!eni) return EPHEMERAL.anyClient;
  if (eni.kind === 'natGateway') return EPHEMERAL.natGateway;
  if (eni.kind === 'interfaceEndpoint') return EPHEMERAL.anyClient;
  return EPHEMERAL.linux;
}

function eniAddress(eni: Eni, preferred?: number): number {
  if (preferred !== undefined && eni.privateIps.includes(preferred)) return preferred;
  return eni.privateIps[0]!;
}

function describeEni(eni: Eni, ip: number): string {
  const assumed = eni.synthetic && eni.privateIps[0] === ip ? ' (assumed: the design gives no address)' : '';
  return `${formatIp(ip)}${assumed}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Leaving and arriving at network interfaces

function securityGroupsAllow(
  w: Walk,
  eni: Eni,
  direction: 'ingress' | 'egress',
  peerIp: number,
  packet: Packet,
): boolean {
  if (eni.kind === 'natGateway') return true; // NAT gateways have no security groups.
  const groups = w.ix.groupsOf(eni);
  const verdict = evaluateSecurityGroups(groups, direction, peerIp, packet.protocol, packet.dstPort, w.ix.peers, (id) =>
    nameOf(w, id),
  );
  const groupId = verdict.group?.id ?? eni.id;
  hop(w, 'forward', groupId, 'securityGroup', verdict.allowed ? 'allow' : 'deny', verdict.detail, verdict.ruleLabel);
  if (!verdict.allowed) {
    return block(
      w,
      'forward',
      'ENI_SG_RULES_MISMATCH',
      groupId,
      securityGroupMessage(
        w,
        eni,
        groups.map((g) => g.id),
        direction,
        packet,
      ),
      [...groups.map((g) => g.id), eni.id],
    );
  }
  const group = verdict.group!;
  w.replySteps.push(() => {
    hop(
      w,
      'return',
      group.id,
      'securityGroup',
      'allow',
      `${nameOf(w, group.id)} is stateful: the reply to allowed ${direction === 'ingress' ? 'inbound' : 'outbound'} traffic is allowed whatever the rules say`,
    );
    return true;
  });
  return true;
}

/** The request reaches an interface in a VPC: the destination itself, or something that is not the destination. */
function arriveAtEni(w: Walk, eni: Eni, packet: Packet, goal: Goal): boolean {
  const ep = goal.endpoint;
  const isGoal =
    (ep.kind === 'eni' && ep.eni.id === eni.id && ep.eni.subnetId === eni.subnetId) ||
    (ep.kind === 'service' && eni.kind === 'interfaceEndpoint');
  if (eni.kind === 'natGateway') {
    // A NAT gateway is a managed service, not a host: nothing on it accepts a connection, so it cannot be logged
    // into or used as a bastion ("Bastion servers: Not supported" for NAT gateways; a NAT instance can be one).
    // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-comparison.html
    return ep.kind === 'eni' && ep.eni.id === eni.id
      ? block(
          w,
          'forward',
          'NAT_GATEWAY_NOT_A_HOST',
          eni.id,
          `${capitalise(the(w, eni.id))} is a managed service, not a host: nothing on it accepts connections, so it cannot be reached or used as a bastion. This is expected. To reach private instances, connect through a bastion host (or a NAT instance) in a public subnet instead.`,
          undefined,
          { expected: true },
        )
      : block(
          w,
          'forward',
          'NAT_GATEWAY_UNSOLICITED_INBOUND',
          eni.id,
          `${capitalise(the(w, eni.id))} forwards only connections that its private subnets start, so it drops traffic addressed to it. This is expected: a NAT gateway lets private instances reach out, never lets anything in.`,
          undefined,
          { expected: true },
        );
  }
  if (!isGoal) {
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      eni.id,
      `The packet reached ${nameOf(w, eni.id)}, which is not its destination ${endpointName(w, goal)}. A route table sends each packet to the target of its most specific matching route; check the routes on the way.`,
    );
  }
  if (!securityGroupsAllow(w, eni, 'ingress', packet.srcIp, packet)) return false;
  hop(
    w,
    'forward',
    eni.id,
    eni.hopKind,
    'forward',
    `destination ${describeEni(eni, packet.dstIp)} receives ${describePacket(packet)}`,
  );
  // Pushed before the service's own step, so on the way back the service answers first, then this interface.
  w.replySteps.push(() => {
    hop(
      w,
      'return',
      eni.id,
      eni.hopKind,
      'forward',
      `${nameOf(w, eni.id)} replies ${formatIp(packet.dstIp)} → ${formatIp(packet.srcIp)}`,
    );
    return true;
  });
  if (eni.kind === 'interfaceEndpoint') {
    // Named by its service's default name or by the endpoint's own DNS name, a request through the endpoint is
    // subject to its policy either way: "An endpoint policy is a resource-based policy that you attach to a VPC
    // endpoint to control which AWS principals can use the endpoint to access an AWS service."
    // https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
    const endpoint = getOfKind(w.ix.design, eni.id, 'vpcEndpoint')!;
    const service = ep.kind === 'service' ? ep.service : serviceOfEndpointName(endpoint.serviceName);
    const bucketId = ep.kind === 'service' ? ep.bucketId : undefined;
    if (
      !arriveAtService(w, service, packet, goal.query, { endpoint, vpcId: eni.vpcId, sourceIp: packet.srcIp }, bucketId)
    )
      return false;
  }
  w.arrived = true;
  return true;
}

/**
 * Delivers a packet inside a VPC to the address it is for (the local route, or arrival through a gateway or
 * peering connection, which hands packets to the VPC's local routing).
 */
function deliverInVpc(
  w: Walk,
  vpcId: ResourceId,
  from: Subnet | undefined,
  packet: Packet,
  goal: Goal,
  entry?: Entry,
): boolean {
  const target = w.ix.privateIps.get(vpcId)?.get(packet.dstIp);
  const subnet = target ? subnetOf(w.ix, target) : subnetAtAddress(w.ix, vpcId, packet.dstIp);
  if (!subnet) {
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      vpcId,
      `No subnet of ${the(w, vpcId)} holds ${formatIp(packet.dstIp)}, so nothing there can receive it. Every address in a VPC lives in one of its subnets; add a subnet covering it or send the traffic to an address that exists.`,
    );
  }
  if (entry) replyRoute(w, subnet, packet, entry);
  if (!crossSubnets(w, from, subnet, packet)) return false;
  if (target) return arriveAtEni(w, target, packet, goal);
  const ep = goal.endpoint;
  const reserved = ep.kind === 'address' && ep.ip === packet.dstIp ? reservedRoleIn(subnet, packet.dstIp) : undefined;
  if (reserved) {
    // https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html — "The first four IP addresses and the
    // last IP address in each subnet CIDR block are not available for your use, and they cannot be assigned to a
    // resource, such as an EC2 instance."
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      subnet.id,
      `${formatIp(packet.dstIp)} is one of the addresses AWS reserves in subnet "${nameOf(w, subnet.id)}" (the first four and the last; this one is the ${reserved}): no host can hold it. Use an address from the rest of the subnet.`,
      undefined,
      { concept: 'reserved-addresses' },
    );
  }
  if (ep.kind === 'address' && ep.ip === packet.dstIp) {
    hop(
      w,
      'forward',
      subnet.id,
      'subnet',
      'forward',
      `${formatIp(packet.dstIp)} lies in subnet "${nameOf(w, subnet.id)}" but no interface in the design holds it: assuming a host there that accepts ${describePacket(packet)}`,
    );
    w.replySteps.push(() => {
      hop(w, 'return', subnet.id, 'subnet', 'forward', `the host at ${formatIp(packet.dstIp)} replies`);
      return true;
    });
    w.arrived = true;
    return true;
  }
  return block(
    w,
    'forward',
    'NO_ROUTE_TO_DESTINATION',
    subnet.id,
    `No network interface in subnet "${nameOf(w, subnet.id)}" holds ${formatIp(packet.dstIp)}. Trace to an instance (or an address it holds) instead.`,
    undefined,
    { concept: 'network-interface' },
  );
}

function reservedRoleIn(subnet: Subnet, ip: number): ReservedRole | undefined {
  const cidr = tryCidr(subnet.cidrBlock);
  return cidr && cidr.prefix <= 28 ? reservedRole(cidr, ip) : undefined;
}

function subnetAtAddress(ix: NetworkIndex, vpcId: ResourceId, ip: number): Subnet | undefined {
  for (const { subnet, cidr } of ix.subnets.get(vpcId) ?? []) if (ip >= cidr.first && ip <= cidr.last) return subnet;
  return undefined;
}

/**
 * The reply leaves the destination's subnet by that subnet's route table: it must go back through the gateway
 * or peering connection the request came in by, or the client never sees an answer (asymmetric routing).
 */
function replyRoute(w: Walk, subnet: Subnet, packet: Packet, entry: Entry): void {
  const replyTo = packet.srcIp;
  w.replySteps.push(() => {
    const table = subnetRouteTable(w.ix, subnet);
    const route = table ? findRoute(w.ix.routes(table), replyTo) : undefined;
    if (!table || !route) {
      if (table) hop(w, 'return', table.id, 'routeTable', 'deny', `no route for the reply to ${formatIp(replyTo)}`);
      return block(
        w,
        'return',
        'NO_ROUTE_TO_DESTINATION',
        table?.id ?? subnet.id,
        `${table ? capitalise(the(w, table.id)) : 'No route table'} of subnet "${nameOf(w, subnet.id)}" has no route for the reply to ${formatIp(replyTo)}, which came in through ${the(w, entry.gatewayId)}. A reply is routed like any packet, so the destination's route table needs a route back; add one to ${nameOf(w, entry.gatewayId)}.`,
        [entry.gatewayId, subnet.id],
      );
    }
    const ok = route.targetId === entry.gatewayId;
    hop(
      w,
      'return',
      table.id,
      'routeTable',
      ok ? 'forward' : 'deny',
      `reply to ${formatIp(replyTo)}: route ${route.destination} → ${targetName(w, route)}${ok ? '' : ` (the request came in through ${nameOf(w, entry.gatewayId)})`}`,
      route.id,
    );
    if (ok) return true;
    return block(
      w,
      'return',
      'NO_ROUTE_TO_DESTINATION',
      table.id,
      `The reply to ${formatIp(replyTo)} leaves subnet "${nameOf(w, subnet.id)}" by the route to ${route.destination} (to ${targetName(w, route)}), not back through ${the(w, entry.gatewayId)} where the request came in, so the client never gets it. Replies must go back the way the request came (no asymmetric routing): route ${formatIp(replyTo)} to ${nameOf(w, entry.gatewayId)} in ${the(w, table.id)}.`,
      [route.id, entry.gatewayId, subnet.id],
    );
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Routing from a subnet

function blackhole(w: Walk, route: EffectiveRoute, tableId: string, why: string): false {
  hop(
    w,
    'forward',
    tableId,
    'routeTable',
    'deny',
    `route ${route.destination} → ${targetName(w, route)} is a blackhole: ${why}`,
    route.id,
  );
  return block(
    w,
    'forward',
    'BAD_STATE_ROUTE',
    route.id === 'local' ? tableId : route.id,
    `The route to ${route.destination} in ${the(w, tableId)} is a blackhole: ${why}. AWS drops what a blackhole route matches; point the route at a working target or remove it.`,
    [tableId, route.targetId],
  );
}

function routeFromSubnet(w: Walk, subnet: Subnet, packet: Packet, goal: Goal): boolean {
  const table = subnetRouteTable(w.ix, subnet);
  if (!table) {
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      subnet.id,
      `Subnet "${nameOf(w, subnet.id)}" has no route table (and its VPC no main route table), so nothing leaves it. Associate a route table with the subnet.`,
    );
  }
  const route = findRoute(w.ix.routes(table), packet.dstIp);
  if (!route) {
    hop(w, 'forward', table.id, 'routeTable', 'deny', `no route matches ${formatIp(packet.dstIp)}`);
    const internet = isPublicAddress(packet.dstIp);
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      table.id,
      `${capitalise(the(w, table.id))} (used by subnet "${nameOf(w, subnet.id)}") has no route for ${formatIp(packet.dstIp)}. A route table sends traffic only where one of its routes matches. ${internet ? `This subnet is private: to reach the internet, add a route 0.0.0.0/0 to a NAT gateway in a public subnet (or, for a public subnet, to the internet gateway).` : `Add a route for ${formatIp(packet.dstIp)}'s network (to a peering connection, gateway or appliance).`}`,
      [subnet.id],
      internet ? { concept: 'private-subnet' } : undefined,
    );
  }
  // A gateway endpoint named as the destination: only its prefix-list route leads there.
  const ep = goal.endpoint;
  if (ep.kind === 'service' && ep.viaEndpointId && route.targetId !== ep.viaEndpointId) {
    const via = ep.viaEndpointId;
    hop(
      w,
      'forward',
      table.id,
      'routeTable',
      'deny',
      `route ${route.destination} → ${targetName(w, route)} matches ${formatIp(packet.dstIp)}, not a route to ${nameOf(w, via)}`,
      route.id,
    );
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      table.id,
      `${capitalise(the(w, table.id))} (used by subnet "${nameOf(w, subnet.id)}") sends ${ep.service} traffic by the route to ${route.destination} (to ${targetName(w, route)}), not through ${the(w, via)}. A gateway endpoint is used only by the route tables associated with it: associate this route table with the endpoint.`,
      [route.id, via],
      { concept: 'gateway-endpoint' },
    );
  }
  const target = route.targetId === 'local' ? undefined : getResource(w.ix.design, route.targetId);
  if (route.targetId !== 'local' && !target && isUnknownValue(route.targetId)) {
    // A transit gateway, or a target a parameter names without a value: where it leads is not known.
    const notModelled = /^\$\{NotModelled:(.*)\}$/.exec(route.targetId)?.[1];
    const what = notModelled
      ? `${notModelled}, which the model does not represent (a transit gateway or similar)`
      : `a target that depends on values not known yet (${route.targetId})`;
    hop(
      w,
      'forward',
      table.id,
      'routeTable',
      'deny',
      `route ${route.destination} → ${what}: the trace cannot follow it`,
      route.id,
    );
    return block(
      w,
      'forward',
      'TARGET_NOT_MODELLED',
      route.id,
      `The route to ${route.destination} in ${the(w, table.id)} sends ${formatIp(packet.dstIp)} to ${what}; the trace cannot tell what happens beyond it.`,
      [table.id],
    );
  }
  if (route.targetId !== 'local' && !target)
    return blackhole(w, route, table.id, `its target does not exist in the design`);
  const origin =
    route.origin === 'propagated' ? ' (propagated)' : route.origin === 'prefixList' ? ' (prefix list)' : '';
  hop(
    w,
    'forward',
    table.id,
    'routeTable',
    'forward',
    `route ${route.destination} → ${targetName(w, route)}${origin} is the most specific match for ${formatIp(packet.dstIp)}`,
    route.id,
  );
  if (!target) return deliverInVpc(w, subnet.vpcId, subnet, packet, goal);
  switch (target.kind) {
    case 'internetGateway':
      return viaInternetGateway(w, target.id, subnet, packet, goal, route, table.id);
    case 'natGateway':
      return viaNatGateway(w, target.id, subnet, packet, goal, route, table.id);
    case 'instance':
    case 'networkInterface':
      return viaAppliance(w, target.id, subnet, packet, goal, route, table.id);
    case 'peeringConnection':
      return viaPeering(w, target.id, subnet, packet, goal, route, table.id);
    case 'virtualPrivateGateway':
      return viaVirtualGateway(w, target.id, subnet, packet, goal, route, table.id);
    case 'vpcEndpoint':
      return viaGatewayEndpoint(w, target.id, subnet, packet, goal, route, table.id);
    default:
      return blackhole(w, route, table.id, `${the(w, target.id)} cannot carry traffic`);
  }
}

/**
 * Internet gateway: 1:1 NAT between an interface's private address and its public IPv4 address; it drops what
 * has no public address and what is addressed to private ranges.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html — "An internet gateway enables
 * resources in your public subnets … to connect to the internet if the resource has a public IPv4 address";
 * to communicate over the internet an instance needs "a public IPv4 address or an Elastic IP address".
 */
function viaInternetGateway(
  w: Walk,
  igwId: string,
  subnet: Subnet,
  packet: Packet,
  goal: Goal,
  route: EffectiveRoute,
  tableId: string,
): boolean {
  const igw = getOfKind(w.ix.design, igwId, 'internetGateway')!;
  if (igw.vpcId !== subnet.vpcId)
    return blackhole(
      w,
      route,
      tableId,
      `${the(w, igwId)} is ${igw.vpcId ? `attached to another VPC (${nameOf(w, igw.vpcId)})` : 'not attached to any VPC'}`,
    );
  const sender = w.ix.privateIps.get(subnet.vpcId)?.get(packet.srcIp);
  if (
    sender?.kind === 'natGateway' &&
    getOfKind(w.ix.design, sender.id, 'natGateway')?.connectivityType === 'private'
  ) {
    return block(
      w,
      'forward',
      'PRIVATE_NAT_GATEWAY_TO_INTERNET',
      sender.id,
      `${capitalise(the(w, sender.id))} is a private NAT gateway: it has no public address, so the internet gateway drops its traffic. A private NAT gateway only connects to other private networks; for the internet, use a public NAT gateway with an Elastic IP address.`,
      [igwId, route.id],
    );
  }
  if (!sender?.publicIp) {
    const who = sender ? nameOf(w, sender.id) : formatIp(packet.srcIp);
    if (sender?.kind === 'natGateway') {
      return block(
        w,
        'forward',
        'NAT_GATEWAY_NO_ELASTIC_IP',
        sender.id,
        `${capitalise(the(w, sender.id))} has no Elastic IP address, so it cannot send traffic to the internet. A public NAT gateway sends everything from its Elastic IP address: allocate one and associate it with the NAT gateway.`,
        [igwId],
      );
    }
    hop(
      w,
      'forward',
      igwId,
      'internetGateway',
      'deny',
      `${who} has no public IPv4 address to translate ${formatIp(packet.srcIp)} to`,
    );
    return block(
      w,
      'forward',
      'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS',
      igwId,
      `${who} has no public IPv4 or Elastic IP address, so ${the(w, igwId)} cannot carry its traffic to the internet: the internet gateway swaps a private address for its public one, and a private address is never routed on the internet. Give it a public IPv4 or Elastic IP address, or send its traffic through a NAT gateway.`,
      sender ? [sender.id] : undefined,
    );
  }
  if (!isPublicAddress(packet.dstIp)) {
    hop(w, 'forward', igwId, 'internetGateway', 'deny', `${formatIp(packet.dstIp)} is not a public address`);
    return block(
      w,
      'forward',
      'IGW_PRIVATE_DESTINATION',
      igwId,
      `${formatIp(packet.dstIp)} is a private address: the internet gateway does not route it, because private ranges are not reachable on the internet. This is expected; reach a private network through peering, a VPN or Direct Connect instead.`,
      [route.id],
      { expected: true },
    );
  }
  if (!crossSubnets(w, subnet, undefined, packet)) return false;
  const publicIp = sender.publicIp;
  const before = packet.srcIp;
  hop(
    w,
    'forward',
    igwId,
    'internetGateway',
    'forward',
    `translates source ${formatIp(before)} → ${formatIp(publicIp.address)}${publicIp.assumed ? ' (public IP assigned at launch; address assumed)' : publicIp.elasticIpId ? ` (Elastic IP ${nameOf(w, publicIp.elasticIpId)})` : ''}`,
  );
  packet.srcIp = publicIp.address;
  w.replySteps.push(() => {
    hop(
      w,
      'return',
      igwId,
      'internetGateway',
      'forward',
      `translates destination ${formatIp(publicIp.address)} → ${formatIp(before)}`,
    );
    return true;
  });
  return onTheInternet(w, packet, goal);
}

/** The packet is on the internet: it arrives there, or comes back in to a public address of the design. */
function onTheInternet(w: Walk, packet: Packet, goal: Goal): boolean {
  const ep = goal.endpoint;
  if (ep.kind === 'service') {
    return arriveAtService(w, ep.service, packet, goal.query, { sourceIp: packet.srcIp }, ep.bucketId);
  }
  const holder = w.ix.publicIps.get(packet.dstIp);
  if (holder) return enterFromInternet(w, holder, packet, goal);
  hop(
    w,
    'forward',
    'internet',
    'internet',
    'forward',
    `${formatIp(packet.dstIp)} on the internet receives ${describePacket(packet)}`,
  );
  w.replySteps.push(() => {
    hop(
      w,
      'return',
      'internet',
      'internet',
      'forward',
      `${formatIp(packet.dstIp)} replies to ${formatIp(packet.srcIp)}`,
    );
    return true;
  });
  w.arrived = true;
  return true;
}

/**
 * From the internet to a public address of the design: the VPC's internet gateway translates it to the private
 * address. A NAT gateway's address takes no unsolicited connections.
 */
function enterFromInternet(w: Walk, eni: Eni, packet: Packet, goal: Goal): boolean {
  const igw = w.ix.internetGateways.get(eni.vpcId);
  if (!igw) {
    return block(
      w,
      'forward',
      'NO_INTERNET_GATEWAY',
      eni.vpcId,
      `${capitalise(the(w, eni.vpcId))} has no internet gateway attached, so nothing on the internet reaches ${nameOf(w, eni.id)}. An internet gateway is a VPC's only door to the internet: attach one and route the subnet's 0.0.0.0/0 to it.`,
      [eni.id],
    );
  }
  if (eni.kind === 'natGateway') {
    hop(
      w,
      'forward',
      igw.id,
      'internetGateway',
      'forward',
      `translates destination ${formatIp(packet.dstIp)} → ${describeEni(eni, eni.privateIps[0]!)}`,
    );
    return block(
      w,
      'forward',
      'NAT_GATEWAY_UNSOLICITED_INBOUND',
      eni.id,
      `${capitalise(the(w, eni.id))} lets its private subnets start connections out, but nothing on the internet can start a connection in through it. This is expected: to let users in, put a load balancer or a bastion host in a public subnet.`,
      [igw.id],
      { expected: true },
    );
  }
  const publicAddress = packet.dstIp;
  const privateAddress = eni.privateIps[0]!;
  hop(
    w,
    'forward',
    igw.id,
    'internetGateway',
    'forward',
    `translates destination ${formatIp(publicAddress)} → ${describeEni(eni, privateAddress)}`,
  );
  packet.dstIp = privateAddress;
  w.replySteps.push(() => {
    hop(
      w,
      'return',
      igw.id,
      'internetGateway',
      'forward',
      `translates source ${formatIp(privateAddress)} → ${formatIp(publicAddress)}`,
    );
    return true;
  });
  return deliverInVpc(w, eni.vpcId, undefined, packet, goal, { gatewayId: igw.id, kind: 'internetGateway' });
}

/**
 * NAT gateway: source NAT for traffic its private subnets start; TCP, UDP and ICMP; no security groups.
 * A public NAT gateway reaches the internet through its own subnet's route to an internet gateway.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html — "instances in a private subnet can
 * connect to services outside your VPC but external services can't initiate a connection with those instances";
 * "You route traffic from the NAT gateway to the internet gateway for the VPC".
 * https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html — "A NAT gateway supports the
 * following protocols: TCP, UDP, and ICMP."
 */
/**
 * A packet that comes back to a NAT gateway or appliance it has already been through goes round in circles (a
 * subnet whose route table sends the traffic back to the device in it) until its time to live runs out.
 */
function isLoop(w: Walk, id: string, route: EffectiveRoute, tableId: string): boolean {
  if (!w.forwarders.has(id)) {
    w.forwarders.add(id);
    return false;
  }
  hop(
    w,
    'forward',
    tableId,
    'routeTable',
    'deny',
    `route ${route.destination} → ${nameOf(w, id)} sends the packet back to ${nameOf(w, id)}, which it has already passed`,
    route.id,
  );
  block(
    w,
    'forward',
    'ROUTING_LOOP',
    route.id,
    `The route to ${route.destination} in ${the(w, tableId)} sends the packet back to ${nameOf(w, id)}, which already forwarded it: the traffic loops and is dropped. The subnet a NAT device sits in must route onwards (to the internet gateway), not back to the device.`,
    [tableId, id],
  );
  return true;
}

function viaNatGateway(
  w: Walk,
  natId: string,
  subnet: Subnet,
  packet: Packet,
  goal: Goal,
  route: EffectiveRoute,
  tableId: string,
): boolean {
  const nat = w.ix.enis.get(natId);
  if (!nat) return blackhole(w, route, tableId, `${the(w, natId)} is not in a subnet`);
  if (isLoop(w, nat.id, route, tableId)) return false;
  if (nat.vpcId !== subnet.vpcId)
    return blackhole(w, route, tableId, `${the(w, natId)} is in another VPC (${nameOf(w, nat.vpcId)})`);
  const natSubnet = subnetOf(w.ix, nat);
  if (!crossSubnets(w, subnet, natSubnet, packet)) return false;
  const before = { ip: packet.srcIp, ports: packet.srcPorts };
  const natIp = nat.privateIps[0]!;
  hop(
    w,
    'forward',
    nat.id,
    'natGateway',
    'forward',
    `translates source ${formatIp(before.ip)} (${before.ports.label}) → ${describeEni(nat, natIp)} (${EPHEMERAL.natGateway.label})`,
  );
  packet.srcIp = natIp;
  packet.srcPorts = EPHEMERAL.natGateway;
  w.replySteps.push(() => {
    hop(
      w,
      'return',
      nat.id,
      'natGateway',
      'forward',
      `translates destination ${formatIp(natIp)} → ${formatIp(before.ip)} (the connection it is tracking)`,
    );
    return true;
  });
  // What stops the packet from here on stops the traffic this NAT gateway carries.
  return relating(w, nat.id, () => routeFromSubnet(w, natSubnet, packet, goal));
}

/**
 * An instance or network interface as a route target (a NAT instance or another appliance): it forwards only
 * with source/destination checking off, and its security groups apply both ways. It is assumed to masquerade
 * (source NAT), as a NAT instance does.
 * https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html — "you must disable
 * source/destination checks on the NAT instance"; its security group must allow the traffic from the private
 * subnet and out to the internet.
 */
function viaAppliance(
  w: Walk,
  targetId: string,
  subnet: Subnet,
  packet: Packet,
  goal: Goal,
  route: EffectiveRoute,
  tableId: string,
): boolean {
  const eni = w.ix.enis.get(targetId);
  if (!eni) return blackhole(w, route, tableId, `${the(w, targetId)} is not in a subnet`);
  if (eni.vpcId !== subnet.vpcId)
    return blackhole(w, route, tableId, `${the(w, targetId)} is in another VPC (${nameOf(w, eni.vpcId)})`);
  if (isLoop(w, eni.id, route, tableId)) return false;
  const applianceSubnet = subnetOf(w.ix, eni);
  if (!crossSubnets(w, subnet, applianceSubnet, packet)) return false;
  if (targetId !== eni.id)
    hop(
      w,
      'forward',
      targetId,
      'networkInterface',
      'forward',
      `${nameOf(w, targetId)} is the primary network interface of ${nameOf(w, eni.id)}`,
    );
  if (!securityGroupsAllow(w, eni, 'ingress', packet.srcIp, packet)) return false;
  if (eni.sourceDestCheck) {
    hop(
      w,
      'forward',
      eni.id,
      eni.hopKind,
      'deny',
      `source/destination check is on: ${nameOf(w, eni.id)} drops traffic not addressed to it`,
    );
    return block(
      w,
      'forward',
      'ENI_SOURCE_DEST_CHECK_RESTRICTION',
      eni.id,
      `${capitalise(the(w, eni.id))} has its source/destination check on, so it drops traffic addressed to ${formatIp(packet.dstIp)} instead of forwarding it. The check makes an instance accept only its own traffic; a NAT instance or other appliance forwards others' traffic, so turn the check off on it.`,
      [route.id],
    );
  }
  if (!securityGroupsAllow(w, eni, 'egress', packet.dstIp, packet)) return false;
  if (inVpc(w.ix, eni.vpcId, packet.dstIp)) {
    // Inside the VPC (a route more specific than the local route, to a firewall appliance) it only forwards:
    // https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html#route-tables-appliance-routing
    hop(
      w,
      'forward',
      eni.id,
      eni.hopKind,
      'forward',
      `forwards ${describePacket(packet)} (source/destination check off; inside the VPC the source is kept)`,
    );
    return relating(w, eni.id, () => routeFromSubnet(w, applianceSubnet, packet, goal));
  }
  const before = { ip: packet.srcIp, ports: packet.srcPorts };
  const ip = eni.privateIps[0]!;
  hop(
    w,
    'forward',
    eni.id,
    eni.hopKind,
    'forward',
    `forwards (source/destination check off) and translates source ${formatIp(before.ip)} → ${describeEni(eni, ip)} (NAT instance, ${EPHEMERAL.linux.label})`,
  );
  packet.srcIp = ip;
  packet.srcPorts = EPHEMERAL.linux;
  w.replySteps.push(() => {
    hop(w, 'return', eni.id, eni.hopKind, 'forward', `translates destination ${formatIp(ip)} → ${formatIp(before.ip)}`);
    return true;
  });
  return relating(w, eni.id, () => routeFromSubnet(w, applianceSubnet, packet, goal));
}

/**
 * VPC peering: only an active connection carries traffic, and only between addresses of the two VPCs — no
 * transitive peering and no edge-to-edge routing through the peer's internet gateway, NAT, VPN, Direct Connect
 * or gateway endpoint.
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html — limitations: "You cannot use a VPC
 * peering connection to reach … transitive peering"; "Edge to edge routing through a gateway or private
 * connection" is not supported.
 * https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html — PCX_REQUIRES_ADDRESS_IN_VPC_CIDR.
 */
function viaPeering(
  w: Walk,
  pcxId: string,
  subnet: Subnet,
  packet: Packet,
  goal: Goal,
  route: EffectiveRoute,
  tableId: string,
): boolean {
  const pcx = getOfKind(w.ix.design, pcxId, 'peeringConnection')!;
  const vpcId = subnet.vpcId;
  if (pcx.requesterVpcId !== vpcId && pcx.accepterVpcId !== vpcId)
    return blackhole(w, route, tableId, `${the(w, pcxId)} does not connect ${the(w, vpcId)}`);
  if (pcx.status !== 'active') return peeringNotActive(w, pcx, [route.id, tableId]);
  const peerVpc = pcx.requesterVpcId === vpcId ? pcx.accepterVpcId : pcx.requesterVpcId;
  if (!inVpc(w.ix, vpcId, packet.srcIp)) {
    hop(
      w,
      'forward',
      pcx.id,
      'peeringConnection',
      'deny',
      `source ${formatIp(packet.srcIp)} is not an address of ${nameOf(w, vpcId)}`,
    );
    return block(
      w,
      'forward',
      'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      pcx.id,
      `Traffic through ${the(w, pcx.id)} must come from an address of ${the(w, vpcId)}; ${formatIp(packet.srcIp)} is not one. This is expected: a peering connection carries traffic only between its two VPCs' own addresses (no edge-to-edge routing), so traffic that entered through a gateway or another peering cannot go on through it. Give that traffic its own path.`,
      [route.id],
      { concept: 'edge-to-edge-routing', expected: true },
    );
  }
  if (isUnknownVpc(w.ix, peerVpc) && !isPublicAddress(packet.dstIp) && vpcsHolding(w.ix, packet.dstIp).length === 0) {
    return arriveInUnknownVpc(w, pcx.id, peerVpc, subnet, packet);
  }
  if (!inVpc(w.ix, peerVpc, packet.dstIp)) {
    hop(
      w,
      'forward',
      pcx.id,
      'peeringConnection',
      'deny',
      `destination ${formatIp(packet.dstIp)} is not in ${nameOf(w, peerVpc)}'s CIDR blocks`,
    );
    return block(
      w,
      'forward',
      'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      pcx.id,
      `${formatIp(packet.dstIp)} is not an address of ${the(w, peerVpc)}, the VPC at the other end of ${the(w, pcx.id)} (the route to ${route.destination} in ${the(w, tableId)} sends it there). This is expected: peering is not transitive, and the peer's internet gateway, NAT gateway, VPN or endpoints cannot be used through it. To reach ${formatIp(packet.dstIp)}, peer directly with the VPC that holds it and add routes on both sides.`,
      [route.id, tableId],
      { expected: true },
    );
  }
  if (!crossSubnets(w, subnet, undefined, packet)) return false;
  hop(
    w,
    'forward',
    pcx.id,
    'peeringConnection',
    'forward',
    `carries ${describePacket(packet)} from ${nameOf(w, vpcId)} to ${nameOf(w, peerVpc)}`,
  );
  w.replySteps.push(() => {
    hop(w, 'return', pcx.id, 'peeringConnection', 'forward', `carries the reply back to ${nameOf(w, vpcId)}`);
    return true;
  });
  return relating(w, pcx.id, () =>
    deliverInVpc(w, peerVpc, undefined, packet, goal, { gatewayId: pcx.id, kind: 'peeringConnection' }),
  );
}

/** A VPC the design names but does not describe (an existing VPC across a peering), whose CIDR blocks are unknown. */
function isUnknownVpc(ix: NetworkIndex, vpcId: ResourceId): boolean {
  const vpc = getOfKind(ix.design, vpcId, 'vpc');
  return vpc?.external === true && (ix.vpcCidrs.get(vpcId) ?? []).length === 0;
}

/**
 * Across a peering to an existing VPC whose blocks the design does not know, a private address the route sends
 * there is taken to be in it; what its hosts, groups and ACLs do is unknown, so the trace ends there.
 */
function arriveInUnknownVpc(w: Walk, pcxId: ResourceId, peerVpc: ResourceId, subnet: Subnet, packet: Packet): boolean {
  if (!crossSubnets(w, subnet, undefined, packet)) return false;
  hop(
    w,
    'forward',
    pcxId,
    'peeringConnection',
    'forward',
    `carries ${describePacket(packet)} from ${nameOf(w, subnet.vpcId)} to ${nameOf(w, peerVpc)}`,
  );
  hop(
    w,
    'forward',
    peerVpc,
    'vpc',
    'forward',
    `${formatIp(packet.dstIp)} is assumed to be in ${nameOf(w, peerVpc)}, whose CIDR blocks, groups and network ACLs the design does not give`,
  );
  w.replySteps.push(() => {
    hop(
      w,
      'return',
      peerVpc,
      'vpc',
      'forward',
      `${formatIp(packet.dstIp)} replies (assumed: ${nameOf(w, peerVpc)} routes ${nameOf(w, subnet.vpcId)} back to ${nameOf(w, pcxId)})`,
    );
    hop(w, 'return', pcxId, 'peeringConnection', 'forward', `carries the reply back to ${nameOf(w, subnet.vpcId)}`);
    return true;
  });
  w.arrived = true;
  return true;
}

/**
 * Traffic from a private address outside the design's VPCs that the destination subnet's route table sends to a
 * peering with an existing VPC of unknown blocks: it is taken to come from that VPC, in through the peering.
 * `undefined` when no such peering applies (the address is then on-premises).
 */
function startFromUnknownPeer(
  w: Walk,
  srcIp: number,
  goal: Goal,
  protocol: Packet['protocol'],
  port: number,
): boolean | undefined {
  const ep = goal.endpoint;
  if (ep.kind !== 'eni' && ep.kind !== 'address') return undefined;
  const subnet = ep.kind === 'eni' ? subnetOf(w.ix, ep.eni) : ep.subnet;
  const table = subnetRouteTable(w.ix, subnet);
  const route = table ? findRoute(w.ix.routes(table), srcIp) : undefined;
  const pcx = route ? getOfKind(w.ix.design, route.targetId, 'peeringConnection') : undefined;
  if (!pcx) return undefined;
  const peerVpc = pcx.requesterVpcId === subnet.vpcId ? pcx.accepterVpcId : pcx.requesterVpcId;
  if (!isUnknownVpc(w.ix, peerVpc)) return undefined;
  if (pcx.status !== 'active') return peeringNotActive(w, pcx, [route!.id]);
  const packet: Packet = {
    protocol,
    srcIp,
    dstIp: ep.kind === 'eni' ? (ep.ip ?? ep.eni.privateIps[0]!) : ep.ip,
    dstPort: port,
    srcPorts: EPHEMERAL.anyClient,
  };
  hop(
    w,
    'forward',
    peerVpc,
    'vpc',
    'forward',
    `${formatIp(srcIp)} is assumed to be in ${nameOf(w, peerVpc)} (its CIDR blocks are not known), across ${nameOf(w, pcx.id)}; client ports assumed: ${EPHEMERAL.anyClient.label}`,
  );
  hop(
    w,
    'forward',
    pcx.id,
    'peeringConnection',
    'forward',
    `carries ${describePacket(packet)} into ${nameOf(w, subnet.vpcId)}`,
  );
  w.replySteps.push(() => {
    hop(w, 'return', pcx.id, 'peeringConnection', 'forward', `carries the reply to ${nameOf(w, peerVpc)}`);
    hop(w, 'return', peerVpc, 'vpc', 'forward', `${formatIp(srcIp)} receives the reply`);
    return true;
  });
  return deliverInVpc(w, subnet.vpcId, undefined, packet, goal, { gatewayId: pcx.id, kind: 'peeringConnection' });
}

/**
 * Virtual private gateway: routes to it leave the VPC towards on-premises over a VPN connection or Direct
 * Connect. https://docs.aws.amazon.com/vpn/latest/s2svpn/VPC_VPN.html
 */
function viaVirtualGateway(
  w: Walk,
  vgwId: string,
  subnet: Subnet,
  packet: Packet,
  goal: Goal,
  route: EffectiveRoute,
  tableId: string,
): boolean {
  const vgw = getOfKind(w.ix.design, vgwId, 'virtualPrivateGateway')!;
  if (vgw.vpcId !== subnet.vpcId)
    return blackhole(
      w,
      route,
      tableId,
      `${the(w, vgwId)} is ${vgw.vpcId ? `attached to another VPC (${nameOf(w, vgw.vpcId)})` : 'not attached to any VPC'}`,
    );
  const vpns = resourcesOfKind(w.ix.design, 'vpnConnection').filter((r) => r.vpnGatewayId === vgwId);
  const dx = resourcesOfKind(w.ix.design, 'directConnectGateway').filter((r) =>
    r.virtualPrivateGatewayIds.includes(vgwId),
  );
  if (vpns.length === 0 && dx.length === 0) {
    hop(
      w,
      'forward',
      vgwId,
      'virtualPrivateGateway',
      'deny',
      'no VPN connection or Direct Connect gateway uses this gateway',
    );
    return block(
      w,
      'forward',
      'BAD_STATE_VPN',
      vgwId,
      `${capitalise(the(w, vgwId))} has no VPN connection or Direct Connect gateway, so traffic routed to it goes nowhere. A virtual private gateway is only the AWS end of a link: add a VPN connection (or a Direct Connect gateway) that uses it.`,
      [route.id],
    );
  }
  const ep = goal.endpoint;
  if (ep.kind === 'eni' || ep.kind === 'address') {
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      tableId,
      `The route to ${route.destination} in ${the(w, tableId)} sends ${formatIp(packet.dstIp)} to ${the(w, vgwId)}, out to the on-premises network, not to ${endpointName(w, goal)}. The most specific route wins: add a more specific route towards ${endpointName(w, goal)}.`,
      [route.id, vgwId],
    );
  }
  // Which link carries the address: a static VPN only what its static routes name, Direct Connect what it
  // advertises; a dynamic (BGP) VPN or a link whose routes the design does not give, anything.
  // https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNRoutingTypes.html
  const links = [
    ...vpns.map((v) => ({
      id: v.id,
      cidrs: v.staticRoutesOnly ? v.onPremisesCidrs : v.onPremisesCidrs.length ? v.onPremisesCidrs : undefined,
    })),
    ...dx.map((d) => ({ id: d.id, cidrs: d.onPremisesCidrs.length ? d.onPremisesCidrs : undefined })),
  ];
  const carrier =
    links.find((l) => l.cidrs?.some((c) => containsText(c, packet.dstIp))) ?? links.find((l) => l.cidrs === undefined);
  if (!carrier) {
    hop(
      w,
      'forward',
      vgwId,
      'virtualPrivateGateway',
      'deny',
      `no VPN or Direct Connect route covers ${formatIp(packet.dstIp)} (${links.map((l) => `${nameOf(w, l.id)}: ${l.cidrs!.join(', ') || 'no routes'}`).join('; ')})`,
    );
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      vgwId,
      `${capitalise(the(w, vgwId))} has no route for ${formatIp(packet.dstIp)}: its static VPN routes cover only ${links.flatMap((l) => l.cidrs ?? []).join(', ') || 'nothing'}, so the address is not on-premises as far as the VPN knows. Add the on-premises range to the VPN connection's static routes.`,
      [route.id, ...links.map((l) => l.id)],
      { concept: 'vpn-connection' },
    );
  }
  if (!crossSubnets(w, subnet, undefined, packet)) return false;
  const link = carrier.id;
  hop(
    w,
    'forward',
    vgwId,
    'virtualPrivateGateway',
    'forward',
    `sends ${describePacket(packet)} towards on-premises over ${nameOf(w, link)}`,
  );
  hop(
    w,
    'forward',
    'on-premises',
    'onPremises',
    'forward',
    `${formatIp(packet.dstIp)} in the on-premises network receives it`,
  );
  w.replySteps.push(() => {
    hop(
      w,
      'return',
      'on-premises',
      'onPremises',
      'forward',
      `${formatIp(packet.dstIp)} replies over ${nameOf(w, link)}`,
    );
    hop(w, 'return', vgwId, 'virtualPrivateGateway', 'forward', `carries the reply into ${nameOf(w, subnet.vpcId)}`);
    return true;
  });
  w.arrived = true;
  return true;
}

/**
 * Gateway endpoint: the prefix-list route takes S3 or DynamoDB traffic to the service privately; the endpoint
 * policy (and for S3 the bucket policy) then decide.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
 */
function viaGatewayEndpoint(
  w: Walk,
  endpointId: string,
  subnet: Subnet,
  packet: Packet,
  goal: Goal,
  route: EffectiveRoute,
  tableId: string,
): boolean {
  const endpoint = getOfKind(w.ix.design, endpointId, 'vpcEndpoint')!;
  if (endpoint.endpointType !== 'Gateway' || endpoint.vpcId !== subnet.vpcId) {
    return blackhole(w, route, tableId, `${the(w, endpointId)} is not a gateway endpoint of ${the(w, subnet.vpcId)}`);
  }
  if (!crossSubnets(w, subnet, undefined, packet)) return false;
  const ep = goal.endpoint;
  const service = ep.kind === 'service' ? ep.service : route.destination.replace(/^pl-/, '');
  hop(
    w,
    'forward',
    endpoint.id,
    'vpcEndpoint',
    'forward',
    `gateway endpoint carries ${describePacket(packet)} to ${service} privately (source stays ${formatIp(packet.srcIp)})`,
  );
  w.replySteps.push(() => {
    hop(
      w,
      'return',
      endpoint.id,
      'vpcEndpoint',
      'forward',
      `carries ${service}'s reply back into ${nameOf(w, subnet.vpcId)}`,
    );
    return true;
  });
  return arriveAtService(
    w,
    service,
    packet,
    goal.query,
    { endpoint, vpcId: subnet.vpcId, sourceIp: packet.srcIp },
    ep.kind === 'service' ? ep.bucketId : undefined,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Where a trace starts

function startFromEni(
  w: Walk,
  eni: Eni,
  srcIp: number,
  goal: Goal,
  protocol: Packet['protocol'],
  port: number,
): boolean {
  const ix = w.ix;
  const ep = goal.endpoint;
  const packet: Packet = { protocol, srcIp, dstIp: 0, dstPort: port, srcPorts: clientPortsOf(eni) };
  const subnet = subnetOf(ix, eni);
  // The address the packet is sent to.
  switch (ep.kind) {
    case 'eni':
      packet.dstIp = chooseDestinationAddress(ix, subnet, ep.eni, ep.ip);
      break;
    case 'address':
    case 'internet':
    case 'onPremises':
      packet.dstIp = ep.ip;
      break;
    case 'service': {
      const resolved = ep.viaEndpointId ? {} : resolveService(ix, subnet, ep.service);
      if (resolved.eni) {
        goal.endpoint = { kind: 'service', service: ep.service, bucketId: ep.bucketId, label: ep.label };
        packet.dstIp = resolved.eni.privateIps[0]!;
      } else packet.dstIp = serviceAddress(ep.service);
      break;
    }
  }
  hop(
    w,
    'forward',
    eni.id,
    eni.hopKind,
    'forward',
    `source ${describeEni(eni, srcIp)} sends ${describePacket(packet)}; client ports assumed: ${packet.srcPorts.label}`,
  );
  if (ep.kind === 'eni' && ep.eni === eni && packet.dstIp === srcIp) {
    hop(w, 'forward', eni.id, eni.hopKind, 'forward', 'the destination is the source itself');
    w.arrived = true;
    return true;
  }
  w.replySteps.push(() => {
    hop(w, 'return', eni.id, eni.hopKind, 'forward', `${nameOf(w, eni.id)} receives the reply at ${formatIp(srcIp)}`);
    return true;
  });
  if (!securityGroupsAllow(w, eni, 'egress', packet.dstIp, packet)) return false;
  // Within one subnet the VPC router's local route delivers directly.
  return routeFromSubnet(w, subnet, packet, goal);
}

/**
 * The address of a destination interface: its private address when the source can route to it privately
 * (same VPC, or a route to a peering connection, gateway or appliance), else its public address.
 */
function chooseDestinationAddress(ix: NetworkIndex, from: Subnet, dst: Eni, named?: number): number {
  if (named !== undefined) return named;
  const privateIp = dst.privateIps[0]!;
  if (dst.vpcId === from.vpcId || !dst.publicIp) return privateIp;
  const table = subnetRouteTable(ix, from);
  const route = table ? findRoute(ix.routes(table), privateIp) : undefined;
  if (route) {
    const target = getResource(ix.design, route.targetId);
    if (target && target.kind !== 'internetGateway' && target.kind !== 'natGateway') return privateIp;
  }
  return dst.publicIp.address;
}

/**
 * How a service name resolves from a subnet: through a gateway endpoint's prefix-list route when the subnet's
 * route table has one, else to an interface endpoint with private DNS in the VPC, else to the public endpoint.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html — with private DNS,
 * the service's default DNS name resolves to the endpoint's network interfaces.
 */
function resolveService(ix: NetworkIndex, from: Subnet, service: string): { eni?: Eni } {
  if (isGatewayService(service)) {
    const table = subnetRouteTable(ix, from);
    const route = table ? findRoute(ix.routes(table), serviceAddress(service)) : undefined;
    if (route?.origin === 'prefixList') return {};
  }
  const endpoints = ix.interfaceEndpoints.get(from.vpcId)?.get(service) ?? [];
  for (const endpoint of endpoints) {
    if (!endpoint.privateDnsEnabled) continue;
    const enis = ix.endpointEnis.get(endpoint.id) ?? [];
    const sameZone = enis.find(
      (e) => getOfKind(ix.design, e.subnetId, 'subnet')?.availabilityZone === from.availabilityZone,
    );
    const chosen = sameZone ?? enis[0];
    if (chosen) return { eni: chosen };
  }
  return {};
}

/**
 * A host at an address of a subnet that no interface in the design holds: it sends from that subnet; with no
 * interface there is no security group to apply.
 */
function startFromAddress(
  w: Walk,
  subnet: Subnet,
  srcIp: number,
  goal: Goal,
  protocol: Packet['protocol'],
  port: number,
): boolean {
  const ep = goal.endpoint;
  const packet: Packet = { protocol, srcIp, dstIp: 0, dstPort: port, srcPorts: EPHEMERAL.linux };
  if (ep.kind === 'eni') packet.dstIp = chooseDestinationAddress(w.ix, subnet, ep.eni, ep.ip);
  else if (ep.kind === 'service') {
    const resolved = ep.viaEndpointId ? {} : resolveService(w.ix, subnet, ep.service);
    packet.dstIp = resolved.eni ? resolved.eni.privateIps[0]! : serviceAddress(ep.service);
  } else packet.dstIp = ep.ip;
  hop(
    w,
    'forward',
    subnet.id,
    'subnet',
    'forward',
    `a host at ${formatIp(srcIp)} in subnet "${nameOf(w, subnet.id)}" (no interface in the design holds it, so no security group applies) sends ${describePacket(packet)}; client ports assumed: ${packet.srcPorts.label}`,
  );
  w.replySteps.push(() => {
    hop(w, 'return', subnet.id, 'subnet', 'forward', `the host at ${formatIp(srcIp)} receives the reply`);
    return true;
  });
  return routeFromSubnet(w, subnet, packet, goal);
}

function startFromInternet(
  w: Walk,
  srcIp: number,
  goal: Goal,
  protocol: Packet['protocol'],
  port: number,
  gatewayId?: string,
): boolean {
  const ep = goal.endpoint;
  const packet: Packet = { protocol, srcIp, dstIp: 0, dstPort: port, srcPorts: EPHEMERAL.anyClient };
  hop(
    w,
    'forward',
    gatewayId && goal.endpoint.kind !== 'eni' ? gatewayId : 'internet',
    'internet',
    'forward',
    `${formatIp(srcIp)} on the internet sends traffic; client ports assumed: ${EPHEMERAL.anyClient.label}`,
  );
  switch (ep.kind) {
    case 'eni': {
      const publicIp =
        ep.ip !== undefined && ep.eni.publicIp?.address === ep.ip
          ? ep.eni.publicIp
          : ep.ip === undefined
            ? ep.eni.publicIp
            : undefined;
      if (!publicIp) {
        return block(
          w,
          'forward',
          'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
          ep.eni.id,
          notReachableFromInternet(w, ep.eni, ep.ip),
          [w.ix.internetGateways.get(ep.eni.vpcId)?.id ?? ep.eni.vpcId],
          { expected: true },
        );
      }
      if (gatewayId && w.ix.internetGateways.get(ep.eni.vpcId)?.id !== gatewayId) {
        return block(
          w,
          'forward',
          'NO_INTERNET_GATEWAY',
          gatewayId,
          `${capitalise(the(w, gatewayId))} is not the internet gateway of ${the(w, ep.eni.vpcId)}, so traffic entering through it cannot reach ${nameOf(w, ep.eni.id)}. Each VPC has its own internet gateway.`,
        );
      }
      packet.dstIp = publicIp.address;
      return enterFromInternet(w, ep.eni, packet, goal);
    }
    case 'address':
      return block(
        w,
        'forward',
        'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
        ep.subnet.id,
        `${formatIp(ep.ip)} is a private address in subnet "${nameOf(w, ep.subnet.id)}": nothing on the internet can address it. This is expected: private addresses are not routed on the internet; to let users in, use a load balancer or a bastion host in a public subnet.`,
        undefined,
        { expected: true },
      );
    case 'onPremises':
      return block(
        w,
        'forward',
        'IGW_PRIVATE_DESTINATION',
        'internet',
        `${formatIp(ep.ip)} is a private address: it is not reachable over the internet. This is expected; reach a private network through a VPN or Direct Connect.`,
        undefined,
        { expected: true },
      );
    case 'internet':
      packet.dstIp = ep.ip;
      return onTheInternet(w, packet, goal);
    case 'service':
      if (ep.viaEndpointId) {
        return block(
          w,
          'forward',
          'NO_ROUTE_TO_DESTINATION',
          ep.viaEndpointId,
          `${capitalise(the(w, ep.viaEndpointId))} is reached only from the subnets of its VPC whose route tables it is associated with, not from the internet. This is expected: a gateway endpoint is a route-table target inside its VPC.`,
          undefined,
          { concept: 'gateway-endpoint', expected: true },
        );
      }
      packet.dstIp = serviceAddress(ep.service);
      return arriveAtService(w, ep.service, packet, goal.query, { sourceIp: srcIp }, ep.bucketId);
  }
}

function startFromOnPremises(
  w: Walk,
  srcIp: number,
  goal: Goal,
  protocol: Packet['protocol'],
  port: number,
  gatewayId?: string,
): boolean {
  const fromPeer = gatewayId ? undefined : startFromUnknownPeer(w, srcIp, goal, protocol, port);
  if (fromPeer !== undefined) return fromPeer;
  const ep = goal.endpoint;
  const packet: Packet = { protocol, srcIp, dstIp: 0, dstPort: port, srcPorts: EPHEMERAL.anyClient };
  hop(
    w,
    'forward',
    'on-premises',
    'onPremises',
    'forward',
    `${formatIp(srcIp)} on-premises sends traffic; client ports assumed: ${EPHEMERAL.anyClient.label}`,
  );
  if (ep.kind !== 'eni' && ep.kind !== 'address') {
    return block(
      w,
      'forward',
      'NO_PATH_FROM_ON_PREMISES',
      gatewayId ?? 'on-premises',
      `Traffic from on-premises reaches only addresses inside the VPCs of the design, not ${endpointName(w, goal)}. This is expected: a VPN or Direct Connect link cannot be used to reach a VPC's internet gateway, NAT gateway or endpoints (no edge-to-edge routing).`,
      undefined,
      { expected: true },
    );
  }
  const vpcId = ep.kind === 'eni' ? ep.eni.vpcId : ep.vpcId;
  const gateways = (w.ix.virtualGateways.get(vpcId) ?? []).filter((g) => !gatewayId || g.id === gatewayId);
  const vgw =
    gateways.find((g) =>
      (w.ix.routeSources.onPremisesCidrsByGateway.get(g.id) ?? []).some((c) => containsText(c, srcIp)),
    ) ?? gateways.find((g) => w.ix.routeSources.onPremisesCidrsByGateway.has(g.id));
  if (!vgw) {
    return block(
      w,
      'forward',
      'NO_PATH_FROM_ON_PREMISES',
      gatewayId ?? vpcId,
      `${capitalise(the(w, vpcId))} has no virtual private gateway with a VPN connection or Direct Connect link${gatewayId ? ` through ${nameOf(w, gatewayId)}` : ''}, so ${formatIp(srcIp)} on-premises cannot reach it. Attach a virtual private gateway and connect it with a VPN connection.`,
      undefined,
      { concept: 'virtual-private-gateway' },
    );
  }
  packet.dstIp = ep.kind === 'eni' ? (ep.ip ?? ep.eni.privateIps[0]!) : ep.ip;
  hop(
    w,
    'forward',
    vgw.id,
    'virtualPrivateGateway',
    'forward',
    `carries ${describePacket(packet)} into ${nameOf(w, vpcId)}`,
  );
  w.replySteps.push(() => {
    hop(w, 'return', vgw.id, 'virtualPrivateGateway', 'forward', 'carries the reply to on-premises');
    hop(w, 'return', 'on-premises', 'onPremises', 'forward', `${formatIp(srcIp)} receives the reply`);
    return true;
  });
  return deliverInVpc(w, vpcId, undefined, packet, goal, { gatewayId: vgw.id, kind: 'virtualPrivateGateway' });
}

function containsText(cidrText: string, ip: number): boolean {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidrText.trim());
  if (!m) return false;
  const size = 2 ** (32 - Number(m[2]));
  const parts = m[1]!.split('.').map(Number);
  const first = ((parts[0]! * 256 + parts[1]!) * 256 + parts[2]!) * 256 + parts[3]!;
  return ip >= first && ip < first + size;
}

/**
 * An instance asking its VPC's DNS server, the instance metadata service or the Time Sync Service: answered by
 * the VPC itself, with no route table, security group or network ACL in between (see builtInServices.ts).
 */
function reachBuiltInService(
  w: Walk,
  eni: Eni,
  srcIp: number,
  dstIp: number,
  protocol: Packet['protocol'],
  port: number,
): boolean | undefined {
  const service = builtInServiceFor(w.ix, eni, dstIp);
  if (!service) return undefined;
  const packet: Packet = { protocol, srcIp, dstIp, dstPort: port, srcPorts: clientPortsOf(eni) };
  hop(
    w,
    'forward',
    eni.id,
    eni.hopKind,
    'forward',
    `source ${describeEni(eni, srcIp)} sends ${describePacket(packet)}`,
  );
  // https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html — enableDnsSupport "Determines
  // whether the VPC supports DNS resolution through the Amazon provided DNS server. If this attribute is true,
  // queries to the Amazon provided DNS server succeed."
  if (service.id === 'service:dns' && getOfKind(w.ix.design, eni.vpcId, 'vpc')?.enableDnsSupport === false) {
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      service.id,
      `${capitalise(the(w, eni.vpcId))} has DNS resolution turned off (enableDnsSupport is false), so ${service.name} does not answer ${formatIp(dstIp)}. Turn DNS resolution on for the VPC.`,
      [eni.vpcId],
      { concept: 'private-dns' },
    );
  }
  if (!answers(service, protocol, port)) {
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      service.id,
      `${formatIp(dstIp)} is ${service.name}, which answers only ${describeAnswers(service)}. Send the request to the port it listens on.`,
      [eni.id],
    );
  }
  hop(
    w,
    'forward',
    service.id,
    'awsService',
    'forward',
    `${service.name} at ${formatIp(dstIp)} receives ${describePacket(packet)}; security groups and network ACLs do not filter this traffic, and no route is needed`,
  );
  hop(w, 'return', service.id, 'awsService', 'forward', `${service.name} replies to ${formatIp(srcIp)}`);
  hop(w, 'return', eni.id, eni.hopKind, 'forward', `${nameOf(w, eni.id)} receives the reply at ${formatIp(srcIp)}`);
  w.arrived = true;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Words for explanations: components by name, what the concept is, what to change

/** The flow's destination as a person names it: an instance's name, an address, a service. */
function endpointName(w: Walk, goal: Goal): string {
  const ep = goal.endpoint;
  switch (ep.kind) {
    case 'eni':
      return nameOf(w, ep.eni.id);
    case 'service':
      return serviceName(ep.service);
    case 'internet':
      return 'the internet';
    default:
      return formatIp(ep.ip);
  }
}

/** A route's target by name (`local` for the local route). */
function targetName(w: Walk, route: EffectiveRoute): string {
  return route.targetId === 'local' ? 'local' : nameOf(w, route.targetId);
}

/** No security group of an interface allows the packet: which groups, the concept, the rule to add. */
function securityGroupMessage(
  w: Walk,
  eni: Eni,
  groupIds: ResourceId[],
  direction: 'ingress' | 'egress',
  packet: Packet,
): string {
  const way = direction === 'ingress' ? 'inbound' : 'outbound';
  const groups =
    groupIds.length === 0
      ? `${nameOf(w, eni.id)} has no security group, so no`
      : `${groupIds.length === 1 ? 'Security group' : 'Security groups'} ${groupIds.map((id) => `"${nameOf(w, id)}"`).join(', ')} of ${nameOf(w, eni.id)} ${groupIds.length === 1 ? 'has' : 'have'} no`;
  const ports =
    packet.protocol === 'icmp' ? `ICMP type ${packet.dstPort}` : `${packet.protocol.toUpperCase()} ${packet.dstPort}`;
  const peer = formatIp(direction === 'ingress' ? packet.srcIp : packet.dstIp);
  return `${groups} ${way} rule allowing ${describePacket(packet)}. A security group only lists what is allowed; anything no rule allows is dropped. To let it through, add an ${way} rule for ${ports} ${direction === 'ingress' ? 'from' : 'to'} ${peer} (or its security group).`;
}

/** The request leaves the internet for an interface with no public address: a private resource, by design. */
function notReachableFromInternet(w: Walk, eni: Eni, named?: number): string {
  const subnet = subnetOf(w.ix, eni);
  const where = isPublicSubnet(w.ix.design, subnet)
    ? `it sits in public subnet "${nameOf(w, subnet.id)}" but has no public IPv4 or Elastic IP address, so nothing on the internet can address it (${describeEni(eni, named ?? eni.privateIps[0]!)} is private). Give it a public IPv4 or Elastic IP address if it must be reached from the internet.`
    : `it sits in private subnet "${nameOf(w, subnet.id)}" and has only a private address (${describeEni(eni, named ?? eni.privateIps[0]!)}). This is expected: a private subnet is not reachable from the internet; use a load balancer or a bastion host in a public subnet.`;
  return `${nameOf(w, eni.id)} cannot be reached from the internet: ${where}`;
}

/**
 * A peering connection that is not active carries nothing: the request must be accepted first.
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-lifecycle
 */
function peeringNotActive(w: Walk, pcx: PeeringConnection, related: string[]): false {
  hop(
    w,
    'forward',
    pcx.id,
    'peeringConnection',
    'deny',
    `status ${pcx.status}: only an active peering connection carries traffic`,
  );
  return block(
    w,
    'forward',
    'BAD_STATE_ROUTE',
    pcx.id,
    `${capitalise(the(w, pcx.id))} is ${pcx.status}, not active, so routes to it are blackholes. A peering connection carries traffic only after the owner of the other VPC accepts the request: accept it.`,
    related,
    { concept: 'vpc-peering' },
  );
}

// ---------------------------------------------------------------------------------------------------------------

function checkQuery(query: TraceQuery): string | undefined {
  const protocol = query.protocol ?? 'tcp';
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'icmp')
    return `protocol must be tcp, udp or icmp, not "${String(protocol)}"`;
  if (query.port !== undefined) {
    const max = protocol === 'icmp' ? 255 : 65535;
    if (!Number.isInteger(query.port) || query.port < 0 || query.port > max)
      return `port must be a whole number from 0 to ${max}`;
  }
  if (query.resource !== undefined && query.action === undefined)
    return 'a resource needs an action too (e.g. s3:GetObject)';
  return undefined;
}

/**
 * Traces a flow through the design, forward and back.
 *
 * @example
 * const outcome = trace(exampleDesign(), { from: 'i-web-a', to: 'internet', protocol: 'tcp', port: 443 });
 * // outcome.ok && outcome.result.reachable === true; outcome.result.forward lists the security group, the
 * // route table, the internet gateway (with the address translation) and the internet.
 */
export function trace(design: Design, query: TraceQuery): TraceOutcome {
  const problem = checkQuery(query);
  if (problem) return { ok: false, error: problem };
  const ix = networkIndex(design);
  const from = resolveEndpoint(ix, query.from);
  if (!from.ok) return { ok: false, error: from.error };
  const to = resolveEndpoint(ix, query.to);
  if (!to.ok) return { ok: false, error: to.error };
  const protocol = query.protocol ?? 'tcp';
  const port = query.port ?? (protocol === 'icmp' ? DEFAULT_ICMP_TYPE : DEFAULT_PORT);
  const w = newWalk(ix);
  const goal: Goal = { endpoint: to.endpoint, query };
  const src = from.endpoint;
  let ok: boolean;
  switch (src.kind) {
    case 'eni': {
      const srcIp = eniAddress(src.eni, src.ip);
      const dst = to.endpoint;
      const builtIn =
        dst.kind === 'address' || (dst.kind === 'onPremises' && !dst.gatewayId)
          ? reachBuiltInService(w, src.eni, srcIp, dst.ip, protocol, port)
          : undefined;
      ok = builtIn ?? startFromEni(w, src.eni, srcIp, goal, protocol, port);
      break;
    }
    case 'internet':
      ok = startFromInternet(w, src.ip, goal, protocol, port, src.gatewayId);
      break;
    case 'onPremises':
      ok = startFromOnPremises(w, src.ip, goal, protocol, port, src.gatewayId);
      break;
    case 'address':
      ok = startFromAddress(w, src.subnet, src.ip, goal, protocol, port);
      break;
    case 'service':
      return { ok: false, error: `${src.label} can only be a destination: trace from the client to the service` };
  }
  if (ok && !w.arrived)
    ok = block(w, 'forward', 'NO_ROUTE_TO_DESTINATION', query.to, `The packet never reached ${endpointName(w, goal)}.`);
  const returned = ok && walkReturn(w);
  const result: TraceResult = {
    reachable: ok && returned,
    forward: w.forward,
    return: w.return,
    explanations: w.explanations,
  };
  return { ok: true, result: applyFailures(design, result) };
}

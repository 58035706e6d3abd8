/**
 * trace(): can traffic get from one place to another, and back, the way AWS would carry it — hop by hop, with the
 * rule or route that decided at each component and, where it stops, why.
 */
import { formatIp, reservedRole, tryCidr, type ReservedRole } from '../cidr/cidr.ts';
import { getOfKind, getResource, resourcesOfKind } from '../model/queries.ts';
import { isUnknownValue } from '../model/unknown.ts';
import { applyFailures } from './failures.ts';
import type { Design, ResourceId, Subnet } from '../model/types.ts';
import { resolveEndpoint, type Endpoint } from './endpoints.ts';
import { answers, builtInServiceFor, describeAnswers } from './builtInServices.ts';
import { arriveAtService } from './gatewayServices.ts';
import { inVpc, networkIndex, subnetRouteTable, vpcsHolding, type NetworkIndex } from './networkIndex.ts';
import { EPHEMERAL, describePacket, type ClientPorts, type Packet } from './packet.ts';
import { findRoute, type EffectiveRoute } from './routes.ts';
import { evaluateSecurityGroups } from './securityGroups.ts';
import { isGatewayService, isPublicAddress, serviceAddress, serviceOfEndpointName } from './services.ts';
import type { Eni, HopKind, TraceOutcome, TraceQuery, TraceResult } from './types.ts';
import { block, crossSubnets, hop, newWalk, relating, walkReturn, type Walk } from './walk.ts';

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
  const verdict = evaluateSecurityGroups(groups, direction, peerIp, packet.protocol, packet.dstPort, w.ix.peers);
  const groupId = verdict.group?.id ?? eni.id;
  hop(w, 'forward', groupId, 'securityGroup', verdict.allowed ? 'allow' : 'deny', verdict.detail, verdict.ruleLabel);
  if (!verdict.allowed) {
    return block(
      w,
      'forward',
      'ENI_SG_RULES_MISMATCH',
      groupId,
      `The security groups of ${eni.id} (${groups.map((g) => g.id).join(', ') || 'none'}) have no ${direction === 'ingress' ? 'inbound' : 'outbound'} rule allowing ${describePacket(packet)}. Security groups only allow; anything no rule allows is dropped.`,
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
      `${group.id} is stateful: the reply to allowed ${direction === 'ingress' ? 'inbound' : 'outbound'} traffic is allowed whatever the rules say`,
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
          `${eni.id} is a NAT gateway, a managed service rather than a host: nothing on it accepts connections, so it cannot be reached or used as a bastion. Use a bastion instance (or a NAT instance) instead.`,
        )
      : block(
          w,
          'forward',
          'NAT_GATEWAY_UNSOLICITED_INBOUND',
          eni.id,
          `${eni.id} is a NAT gateway: it forwards only connections its private subnets start, so it drops traffic addressed to it.`,
        );
  }
  if (!isGoal) {
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      eni.id,
      `The packet reached ${eni.id}, which is not its destination ${ep.label}.`,
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
      `${eni.id} replies ${formatIp(packet.dstIp)} → ${formatIp(packet.srcIp)}`,
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
      `No subnet of ${vpcId} holds ${formatIp(packet.dstIp)}, so nothing there can receive it.`,
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
      `${formatIp(packet.dstIp)} is one of the addresses AWS reserves in ${subnet.id} (the first four and the last; this one is the ${reserved}): no host can hold it.`,
    );
  }
  if (ep.kind === 'address' && ep.ip === packet.dstIp) {
    hop(
      w,
      'forward',
      subnet.id,
      'subnet',
      'forward',
      `${formatIp(packet.dstIp)} lies in ${subnet.id} but no interface in the design holds it: assuming a host there that accepts ${describePacket(packet)}`,
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
    `No network interface in ${subnet.id} holds ${formatIp(packet.dstIp)}.`,
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
        `Route table ${table?.id ?? '(none)'} of ${subnet.id} has no route for the reply to ${formatIp(replyTo)}, which came in through ${entry.gatewayId}.`,
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
      `reply to ${formatIp(replyTo)}: route ${route.destination} → ${route.targetId}${ok ? '' : ` (the request came in through ${entry.gatewayId})`}`,
      route.id,
    );
    if (ok) return true;
    return block(
      w,
      'return',
      'NO_ROUTE_TO_DESTINATION',
      table.id,
      `The reply to ${formatIp(replyTo)} leaves ${subnet.id} by route ${route.id} to ${route.targetId}, not back through ${entry.gatewayId} where the request came in, so the client never gets it.`,
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
    `route ${route.destination} → ${route.targetId} is a blackhole: ${why}`,
    route.id,
  );
  return block(
    w,
    'forward',
    'BAD_STATE_ROUTE',
    route.id === 'local' ? tableId : route.id,
    `Route ${route.destination} → ${route.targetId} in ${tableId} is a blackhole: ${why}. AWS drops what it matches.`,
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
      `${subnet.id} has no route table (and its VPC no main route table), so nothing leaves it.`,
    );
  }
  const route = findRoute(w.ix.routes(table), packet.dstIp);
  if (!route) {
    hop(w, 'forward', table.id, 'routeTable', 'deny', `no route matches ${formatIp(packet.dstIp)}`);
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      table.id,
      `Route table ${table.id} (used by ${subnet.id}) has no route for ${formatIp(packet.dstIp)}.`,
      [subnet.id],
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
      `route ${route.destination} → ${route.targetId} matches ${formatIp(packet.dstIp)}, not a route to ${via}`,
      route.id,
    );
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      table.id,
      `Route table ${table.id} (used by ${subnet.id}) sends ${ep.service} traffic by route ${route.id} to ${route.targetId}, not through gateway endpoint ${via}: an endpoint is used only by the route tables associated with it.`,
      [route.id, via],
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
      `Route ${route.id} in ${table.id} sends ${formatIp(packet.dstIp)} to ${what}; the trace cannot tell what happens beyond it.`,
      [table.id],
    );
  }
  if (route.targetId !== 'local' && !target)
    return blackhole(w, route, table.id, `its target ${route.targetId} does not exist`);
  const origin =
    route.origin === 'propagated' ? ' (propagated)' : route.origin === 'prefixList' ? ' (prefix list)' : '';
  hop(
    w,
    'forward',
    table.id,
    'routeTable',
    'forward',
    `route ${route.destination} → ${route.targetId}${origin} is the most specific match for ${formatIp(packet.dstIp)}`,
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
      return blackhole(w, route, table.id, `${target.id} is a ${target.kind}, which cannot carry traffic`);
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
    return blackhole(w, route, tableId, `${igwId} is ${igw.vpcId ? `attached to ${igw.vpcId}` : 'detached'}`);
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
      `${sender.id} is a private NAT gateway: it has no public address, and the internet gateway drops traffic routed to it from a private NAT gateway.`,
      [igwId, route.id],
    );
  }
  if (!sender?.publicIp) {
    const who = sender?.id ?? formatIp(packet.srcIp);
    if (sender?.kind === 'natGateway') {
      return block(
        w,
        'forward',
        'NAT_GATEWAY_NO_ELASTIC_IP',
        sender.id,
        `${sender.id} has no Elastic IP address, so it cannot send traffic to the internet.`,
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
      `${who} has no public IPv4 or Elastic IP address, so ${igwId} cannot carry its traffic to the internet (a private address is never routed on the internet).`,
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
      `${formatIp(packet.dstIp)} is a private address: the internet gateway does not route it (private ranges are not reachable on the internet).`,
      [route.id],
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
    `translates source ${formatIp(before)} → ${formatIp(publicIp.address)}${publicIp.assumed ? ' (public IP assigned at launch; address assumed)' : publicIp.elasticIpId ? ` (Elastic IP ${publicIp.elasticIpId})` : ''}`,
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
      `${eni.vpcId} has no internet gateway attached, so nothing on the internet reaches ${eni.id}.`,
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
      `${eni.id} is a NAT gateway: it lets its private subnets start connections out, but "external services can't initiate a connection" through it.`,
      [igw.id],
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
    `route ${route.destination} → ${id} sends the packet back to ${id}, which it has already passed`,
    route.id,
  );
  block(
    w,
    'forward',
    'ROUTING_LOOP',
    route.id,
    `Route ${route.id} in ${tableId} sends the packet back to ${id}, which already forwarded it: the traffic loops and is dropped.`,
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
  if (!nat) return blackhole(w, route, tableId, `${natId} is not in a subnet`);
  if (isLoop(w, nat.id, route, tableId)) return false;
  if (nat.vpcId !== subnet.vpcId) return blackhole(w, route, tableId, `${natId} is in another VPC (${nat.vpcId})`);
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
  if (!eni) return blackhole(w, route, tableId, `${targetId} is not in a subnet`);
  if (eni.vpcId !== subnet.vpcId) return blackhole(w, route, tableId, `${targetId} is in another VPC (${eni.vpcId})`);
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
      `${targetId} is the primary network interface of ${eni.id}`,
    );
  if (!securityGroupsAllow(w, eni, 'ingress', packet.srcIp, packet)) return false;
  if (eni.sourceDestCheck) {
    hop(
      w,
      'forward',
      eni.id,
      eni.hopKind,
      'deny',
      `source/destination check is on: ${eni.id} drops traffic not addressed to it`,
    );
    return block(
      w,
      'forward',
      'ENI_SOURCE_DEST_CHECK_RESTRICTION',
      eni.id,
      `${eni.id} has source/destination checking on, so it drops traffic addressed to ${formatIp(packet.dstIp)} instead of forwarding it. Turn the check off on a NAT instance.`,
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
    return blackhole(w, route, tableId, `${pcxId} does not connect ${vpcId}`);
  if (pcx.status !== 'active') {
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
      `Peering connection ${pcx.id} is ${pcx.status}, not active, so route ${route.id} is a blackhole until the request is accepted.`,
      [route.id, tableId],
    );
  }
  const peerVpc = pcx.requesterVpcId === vpcId ? pcx.accepterVpcId : pcx.requesterVpcId;
  if (!inVpc(w.ix, vpcId, packet.srcIp)) {
    hop(
      w,
      'forward',
      pcx.id,
      'peeringConnection',
      'deny',
      `source ${formatIp(packet.srcIp)} is not an address of ${vpcId}`,
    );
    return block(
      w,
      'forward',
      'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      pcx.id,
      `Traffic through ${pcx.id} must come from an address of ${vpcId}; ${formatIp(packet.srcIp)} is not one (no edge-to-edge routing through a peering connection).`,
      [route.id],
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
      `destination ${formatIp(packet.dstIp)} is not in ${peerVpc}'s CIDR blocks`,
    );
    return block(
      w,
      'forward',
      'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      pcx.id,
      `${formatIp(packet.dstIp)} is not an address of ${peerVpc}, the VPC at the other end of ${pcx.id} (route ${route.id} sends it there). Peering is not transitive, and the peer's internet gateway, NAT, VPN or endpoints cannot be used through it.`,
      [route.id, tableId],
    );
  }
  if (!crossSubnets(w, subnet, undefined, packet)) return false;
  hop(
    w,
    'forward',
    pcx.id,
    'peeringConnection',
    'forward',
    `carries ${describePacket(packet)} from ${vpcId} to ${peerVpc}`,
  );
  w.replySteps.push(() => {
    hop(w, 'return', pcx.id, 'peeringConnection', 'forward', `carries the reply back to ${vpcId}`);
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
    `carries ${describePacket(packet)} from ${subnet.vpcId} to ${peerVpc}`,
  );
  hop(
    w,
    'forward',
    peerVpc,
    'vpc',
    'forward',
    `${formatIp(packet.dstIp)} is assumed to be in ${peerVpc}, whose CIDR blocks, groups and network ACLs the design does not give`,
  );
  w.replySteps.push(() => {
    hop(
      w,
      'return',
      peerVpc,
      'vpc',
      'forward',
      `${formatIp(packet.dstIp)} replies (assumed: ${peerVpc} routes ${subnet.vpcId} back to ${pcxId})`,
    );
    hop(w, 'return', pcxId, 'peeringConnection', 'forward', `carries the reply back to ${subnet.vpcId}`);
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
  if (pcx.status !== 'active') {
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
      `Peering connection ${pcx.id} is ${pcx.status}, not active, so nothing from ${peerVpc} comes through it.`,
      [route!.id],
    );
  }
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
    `${formatIp(srcIp)} is assumed to be in ${peerVpc} (its CIDR blocks are not known), across ${pcx.id}; client ports assumed: ${EPHEMERAL.anyClient.label}`,
  );
  hop(w, 'forward', pcx.id, 'peeringConnection', 'forward', `carries ${describePacket(packet)} into ${subnet.vpcId}`);
  w.replySteps.push(() => {
    hop(w, 'return', pcx.id, 'peeringConnection', 'forward', `carries the reply to ${peerVpc}`);
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
    return blackhole(w, route, tableId, `${vgwId} is ${vgw.vpcId ? `attached to ${vgw.vpcId}` : 'detached'}`);
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
      `${vgwId} has no VPN connection or Direct Connect gateway, so traffic routed to it goes nowhere.`,
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
      `Route ${route.id} sends ${formatIp(packet.dstIp)} to ${vgwId}, out to the on-premises network, not to ${ep.label}.`,
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
      `no VPN or Direct Connect route covers ${formatIp(packet.dstIp)} (${links.map((l) => `${l.id}: ${l.cidrs!.join(', ') || 'no routes'}`).join('; ')})`,
    );
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      vgwId,
      `${vgwId} has no route for ${formatIp(packet.dstIp)}: its static VPN routes cover only ${links.flatMap((l) => l.cidrs ?? []).join(', ') || 'nothing'}, so the address is not on-premises as far as the VPN knows.`,
      [route.id, ...links.map((l) => l.id)],
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
    `sends ${describePacket(packet)} towards on-premises over ${link}`,
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
    hop(w, 'return', 'on-premises', 'onPremises', 'forward', `${formatIp(packet.dstIp)} replies over ${link}`);
    hop(w, 'return', vgwId, 'virtualPrivateGateway', 'forward', `carries the reply into ${subnet.vpcId}`);
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
    return blackhole(w, route, tableId, `${endpointId} is not a gateway endpoint of ${subnet.vpcId}`);
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
    hop(w, 'return', endpoint.id, 'vpcEndpoint', 'forward', `carries ${service}'s reply back into ${subnet.vpcId}`);
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
    hop(w, 'return', eni.id, eni.hopKind, 'forward', `${eni.id} receives the reply at ${formatIp(srcIp)}`);
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
    `a host at ${formatIp(srcIp)} in ${subnet.id} (no interface in the design holds it, so no security group applies) sends ${describePacket(packet)}; client ports assumed: ${packet.srcPorts.label}`,
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
          `${ep.eni.id} has no public IPv4 or Elastic IP address, so nothing on the internet can address it (${describeEni(ep.eni, ep.ip ?? ep.eni.privateIps[0]!)} is private).`,
          [w.ix.internetGateways.get(ep.eni.vpcId)?.id ?? ep.eni.vpcId],
        );
      }
      if (gatewayId && w.ix.internetGateways.get(ep.eni.vpcId)?.id !== gatewayId) {
        return block(
          w,
          'forward',
          'NO_INTERNET_GATEWAY',
          gatewayId,
          `${gatewayId} is not the internet gateway of ${ep.eni.vpcId}, so traffic entering through it cannot reach ${ep.eni.id}.`,
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
        `${formatIp(ep.ip)} is a private address in ${ep.subnet.id}: nothing on the internet can address it.`,
      );
    case 'onPremises':
      return block(
        w,
        'forward',
        'IGW_PRIVATE_DESTINATION',
        'internet',
        `${formatIp(ep.ip)} is a private address: it is not reachable over the internet.`,
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
          `Gateway endpoint ${ep.viaEndpointId} is reached only from the subnets of its VPC whose route tables it is associated with, not from the internet.`,
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
      `Traffic from on-premises reaches only addresses inside the VPCs of the design, not ${ep.label} (no edge-to-edge routing through a VPC's gateways).`,
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
      `${vpcId} has no virtual private gateway with a VPN connection or Direct Connect link${gatewayId ? ` through ${gatewayId}` : ''}, so ${formatIp(srcIp)} on-premises cannot reach it.`,
    );
  }
  packet.dstIp = ep.kind === 'eni' ? (ep.ip ?? ep.eni.privateIps[0]!) : ep.ip;
  hop(w, 'forward', vgw.id, 'virtualPrivateGateway', 'forward', `carries ${describePacket(packet)} into ${vpcId}`);
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
      `${eni.vpcId} has DNS resolution turned off (enableDnsSupport is false), so ${service.name} does not answer ${formatIp(dstIp)}.`,
      [eni.vpcId],
    );
  }
  if (!answers(service, protocol, port)) {
    return block(
      w,
      'forward',
      'NO_ROUTE_TO_DESTINATION',
      service.id,
      `${formatIp(dstIp)} is ${service.name}, which answers only ${describeAnswers(service)}.`,
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
  hop(w, 'return', eni.id, eni.hopKind, 'forward', `${eni.id} receives the reply at ${formatIp(srcIp)}`);
  w.arrived = true;
  return true;
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
    ok = block(w, 'forward', 'NO_ROUTE_TO_DESTINATION', query.to, `The packet never reached ${query.to}.`);
  const returned = ok && walkReturn(w);
  const result: TraceResult = {
    reachable: ok && returned,
    forward: w.forward,
    return: w.return,
    explanations: w.explanations,
  };
  return { ok: true, result: applyFailures(design, result) };
}

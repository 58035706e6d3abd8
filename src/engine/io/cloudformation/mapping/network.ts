/**
 * VPCs, subnets, routing and gateways: AWS::EC2::VPC, VPCCidrBlock, Subnet, RouteTable, Route,
 * SubnetRouteTableAssociation, InternetGateway, VPCGatewayAttachment, NatGateway, VPNGateway,
 * VPNGatewayRoutePropagation, CustomerGateway, VPNConnection, VPNConnectionRoute.
 * Each property's meaning and default is the CloudFormation template reference's, cited per resource.
 */
import type {
  InternetGateway,
  PeeringConnection,
  Route,
  RouteTable,
  Subnet,
  VirtualPrivateGateway,
} from '../../../model/types.ts';
import { deployedAttribute, notModelledResource } from '../../../model/unknown.ts';
import { type ImportContext, type Outcome, type Props, refId } from './context.ts';
import { prefixListEntries } from './prefixLists.ts';

const MODELLED: Outcome = { status: 'modelled' };

/**
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpc.html
 * EnableDnsSupport defaults to true; EnableDnsHostnames to false for a VPC that is not the default VPC.
 */
export function mapVpc(ctx: ImportContext, id: string, props: Props): Outcome {
  let cidr = ctx.text(props, 'CidrBlock', id);
  if (cidr === undefined && props.Ipv4IpamPoolId !== undefined) {
    ctx.warn(
      `${id} takes its CIDR block from an IPAM pool, so it is only known once deployed; checks that need it are skipped.`,
    );
    cidr = deployedAttribute(id, 'CidrBlock');
  }
  ctx.addVpc({
    id,
    kind: 'vpc',
    name: id,
    cidrBlocks: cidr === undefined ? [] : [cidr],
    enableDnsSupport: ctx.bool(props, 'EnableDnsSupport', id, true),
    enableDnsHostnames: ctx.bool(props, 'EnableDnsHostnames', id, false),
    region: ctx.region,
    accountId: ctx.accountId,
    availabilityZones: [],
  });
  return MODELLED;
}

/** A secondary IPv4 block joins the VPC's list; IPv6 blocks are not modelled. */
export function mapVpcCidrBlock(ctx: ImportContext, id: string, props: Props): Outcome {
  const vpc = ctx.vpc(props.VpcId, id);
  const cidr = ctx.text(props, 'CidrBlock', id);
  if (cidr === undefined && props.Ipv4IpamPoolId !== undefined) {
    ctx.warn(
      `${id} gives ${vpc.id} a block from an IPAM pool, so it is only known once deployed; checks that need it are skipped.`,
    );
    vpc.cidrBlocks.push(deployedAttribute(id, 'CidrBlock'));
    return { status: 'merged', into: vpc.id };
  }
  if (cidr === undefined) return { status: 'not-modelled', reason: 'IPv6 CIDR blocks are not modelled' };
  vpc.cidrBlocks.push(cidr);
  return { status: 'merged', into: vpc.id };
}

/** https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnet.html */
export function mapSubnet(ctx: ImportContext, id: string, props: Props): Outcome {
  const vpc = ctx.vpc(props.VpcId, id);
  let zone = ctx.text(props, 'AvailabilityZone', id);
  if (!zone) {
    const zoneId = ctx.text(props, 'AvailabilityZoneId', id);
    zone = `${ctx.region}a`;
    ctx.warn(
      zoneId
        ? `${id} names its zone by id (${zoneId}), which maps to a zone name per account; it is drawn in ${zone}.`
        : `${id} names no availability zone (AWS picks one); it is drawn in ${zone}.`,
    );
  }
  let cidr = ctx.text(props, 'CidrBlock', id);
  if (cidr === undefined && props.Ipv4IpamPoolId !== undefined) {
    ctx.warn(
      `${id} takes its CIDR block from an IPAM pool, so it is only known once deployed; checks that need it are skipped.`,
    );
    cidr = deployedAttribute(id, 'CidrBlock');
  }
  const ipv6Native = ctx.bool(props, 'Ipv6Native', id, false);
  // The model is IPv4-only: an IPv6 block is noted, never checked (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html).
  if (ipv6Native)
    ctx.warn(`${id} is an IPv6-only subnet; IPv6 is not modelled, so nothing inside it is checked or traced.`);
  else if (
    props.Ipv6CidrBlock !== undefined ||
    props.Ipv6CidrBlocks !== undefined ||
    props.Ipv6IpamPoolId !== undefined
  ) {
    ctx.warn(`${id} also has an IPv6 block; IPv6 is not modelled, so only its IPv4 addresses are checked and traced.`);
  }
  if (cidr === undefined && !ipv6Native) ctx.warn(`${id} has no IPv4 CIDR block; set one in the inspector.`);
  ctx.add<Subnet>({
    id,
    kind: 'subnet',
    name: id,
    vpcId: vpc.id,
    cidrBlock: cidr ?? '',
    availabilityZone: zone,
    mapPublicIpOnLaunch: ctx.bool(props, 'MapPublicIpOnLaunch', id, false),
    ...(ipv6Native ? { ipv6Native: true } : {}),
  });
  return MODELLED;
}

export function mapRouteTable(ctx: ImportContext, id: string, props: Props): Outcome {
  const vpc = ctx.vpc(props.VpcId, id);
  ctx.add({ id, kind: 'routeTable', name: id, vpcId: vpc.id, main: false, routes: [], propagatingGatewayIds: [] });
  return MODELLED;
}

export function mapSubnetRouteTableAssociation(ctx: ImportContext, id: string, props: Props): Outcome {
  const subnet = ctx.subnet(props.SubnetId, id);
  const table = ctx.routeTable(props.RouteTableId, id);
  if (!subnet || !table) return { status: 'failed', reason: 'it needs a SubnetId and a RouteTableId' };
  if (subnet.routeTableId && subnet.routeTableId !== table.id) {
    // "A subnet can only be associated with one route table at a time": the second association is refused.
    // https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html
    ctx.warn(
      `${subnet.id} is associated with two route tables (${subnet.routeTableId} and ${table.id}); AWS allows one, so ${table.id} is kept.`,
    );
    ctx.refuse(
      subnet,
      `${id} associates it with ${table.id}, but it is already associated with ${subnet.routeTableId}; a subnet can be associated with only one route table at a time (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html).`,
      [id, table.id],
    );
  }
  subnet.routeTableId = table.id;
  return { status: 'merged', into: subnet.id };
}

/** The route target properties, in the order the template reference lists them. */
const TARGET_PROPERTIES = [
  'GatewayId',
  'NatGatewayId',
  'InstanceId',
  'NetworkInterfaceId',
  'VpcPeeringConnectionId',
  'VpcEndpointId',
  'TransitGatewayId',
  'CarrierGatewayId',
  'LocalGatewayId',
  'EgressOnlyInternetGatewayId',
  'CoreNetworkArn',
] as const;

/**
 * A route is a record inside its route table, keeping the template's logical id so findings name it.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-route.html
 */
export function mapRoute(ctx: ImportContext, id: string, props: Props): Outcome {
  const table = ctx.routeTable(props.RouteTableId, id);
  if (!table) return { status: 'failed', reason: 'it names no RouteTableId' };
  const cidr = ctx.text(props, 'DestinationCidrBlock', id);
  const prefixList = ctx.text(props, 'DestinationPrefixListId', id);
  if (cidr === undefined && prefixList === undefined) {
    if (props.DestinationIpv6CidrBlock !== undefined)
      return { status: 'not-modelled', reason: 'IPv6 routes are not modelled' };
    ctx.warn(`${id} has no destination; it was kept with an empty one.`);
  }
  const targets = TARGET_PROPERTIES.filter((p) => props[p] !== undefined);
  if (targets.length === 0) ctx.warn(`${id} has no target, so it is a blackhole.`);
  if (targets.length > 1)
    ctx.warn(
      `${id} names ${targets.length} targets (${targets.join(', ')}); AWS allows one, so ${targets[0]} is used.`,
    );
  const property = targets[0];
  let target = property ? externalTarget(ctx, table, property, ctx.text(props, property, id) ?? '', id) : '';
  if (
    property === 'TransitGatewayId' ||
    property === 'CarrierGatewayId' ||
    property === 'LocalGatewayId' ||
    property === 'CoreNetworkArn'
  ) {
    ctx.warn(
      `${id} targets ${target} (${property.replace(/Id$|Arn$/, '')}), which is not modelled: traffic on this route goes nowhere in traces.`,
    );
    target = notModelledResource(String(refId(target)));
  } else if (ctx.outcomes.get(target)?.outcome.status === 'not-modelled') {
    // A resource of the template the model leaves out (a Gateway Load Balancer endpoint): not a missing target.
    ctx.warn(
      `${id} targets ${target} (${ctx.outcomes.get(target)!.type}), which is not modelled: traffic on this route goes nowhere in traces.`,
    );
    target = notModelledResource(target);
  }
  // A route to a managed prefix list of the template is a route to each of its entries.
  const entries = cidr === undefined ? prefixListEntries(ctx, prefixList) : undefined;
  if (entries) {
    for (const entry of entries)
      table.routes.push({
        id,
        targetId: target,
        destinationCidrBlock: entry,
        fromPrefixListId: String(refId(prefixList ?? '')),
      });
    return { status: 'merged', into: table.id };
  }
  const route: Route = { id, targetId: target };
  if (cidr !== undefined) route.destinationCidrBlock = cidr;
  else if (prefixList !== undefined) route.destinationPrefixListId = prefixList;
  else route.destinationCidrBlock = '';
  table.routes.push(route);
  return { status: 'merged', into: table.id };
}

/**
 * A route's target that the template does not define is an existing gateway or peering connection, taken as it
 * is: a stand-in record (external) attached to the route table's VPC, so the route is not mistaken for a blackhole.
 * Targets that sit in a subnet (NAT gateways, instances, interfaces, endpoints) are left as named (an unknown
 * one keeps its `${Name}` token, which the rules read as unknown).
 */
function externalTarget(ctx: ImportContext, table: RouteTable, property: string, named: string, owner: string): string {
  const target = String(refId(named));
  if (target === '' || target === 'local' || Object.hasOwn(ctx.resources, target)) return target;
  let what: string;
  if (property === 'GatewayId' && target.startsWith('vgw-')) {
    what = 'virtual private gateway';
    ctx.add<VirtualPrivateGateway>({
      id: target,
      kind: 'virtualPrivateGateway',
      name: ctx.placeholder(target, 'an existing virtual private gateway'),
      external: true,
      vpcId: table.vpcId,
      amazonSideAsn: 64512,
    });
  } else if (property === 'GatewayId') {
    what = 'internet gateway';
    ctx.add<InternetGateway>({
      id: target,
      kind: 'internetGateway',
      name: ctx.placeholder(target, 'an existing internet gateway'),
      external: true,
      vpcId: table.vpcId,
    });
  } else if (property === 'VpcPeeringConnectionId') {
    what = 'peering connection';
    // The VPC on the other side is unknown too: an existing VPC of its own, named after the connection.
    const peerId = `${target}.PeerVpc`;
    ctx.placeholders.push(`${peerId} (the VPC across ${target})`);
    const peer =
      ctx.get(peerId, 'vpc') ??
      ctx.addVpc({
        id: peerId,
        kind: 'vpc',
        name: `peer VPC of ${target} (not in the template)`,
        external: true,
        cidrBlocks: [],
        enableDnsSupport: true,
        enableDnsHostnames: false,
        region: ctx.region,
        accountId: ctx.accountId,
        availabilityZones: [],
      });
    ctx.add<PeeringConnection>({
      id: target,
      kind: 'peeringConnection',
      name: ctx.placeholder(target, 'an existing peering connection'),
      external: true,
      requesterVpcId: table.vpcId,
      accepterVpcId: peer.id,
      status: 'active',
    });
  } else {
    return named;
  }
  ctx.warn(
    `${owner} targets ${target}, which the template does not define: it is drawn as an existing ${what} of ${table.vpcId}.`,
  );
  return target;
}

export function mapInternetGateway(ctx: ImportContext, id: string): Outcome {
  ctx.add<InternetGateway>({ id, kind: 'internetGateway', name: id });
  return MODELLED;
}

/**
 * Attaches an internet gateway or a virtual private gateway to a VPC.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcgatewayattachment.html
 */
export function mapGatewayAttachment(ctx: ImportContext, id: string, props: Props): Outcome {
  const vpc = ctx.vpc(props.VpcId, id);
  const igwId = refId(ctx.text(props, 'InternetGatewayId', id));
  const vgwId = refId(ctx.text(props, 'VpnGatewayId', id));
  if (igwId) {
    const igw =
      ctx.get(igwId, 'internetGateway') ??
      ctx.add<InternetGateway>({
        id: igwId,
        kind: 'internetGateway',
        name: ctx.placeholder(igwId, 'an existing internet gateway'),
        external: true,
      });
    igw.vpcId = vpc.id;
    return { status: 'merged', into: igw.id };
  }
  if (vgwId) {
    const vgw =
      ctx.get(vgwId, 'virtualPrivateGateway') ??
      ctx.add<VirtualPrivateGateway>({
        id: vgwId,
        kind: 'virtualPrivateGateway',
        name: ctx.placeholder(vgwId, 'an existing virtual private gateway'),
        external: true,
        amazonSideAsn: 64512,
      });
    vgw.vpcId = vpc.id;
    return { status: 'merged', into: vgw.id };
  }
  return { status: 'failed', reason: 'it names neither an InternetGatewayId nor a VpnGatewayId' };
}

/**
 * A public NAT gateway takes the Elastic IP its AllocationId names; ConnectivityType defaults to public.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-natgateway.html
 */
export function mapNatGateway(ctx: ImportContext, id: string, props: Props): Outcome {
  const subnet = ctx.subnet(props.SubnetId, id);
  if (!subnet) return { status: 'failed', reason: 'it names no SubnetId' };
  const connectivity = ctx.text(props, 'ConnectivityType', id) === 'private' ? 'private' : 'public';
  const allocation = refId(ctx.text(props, 'AllocationId', id));
  let elasticIpId: string | undefined;
  if (allocation) {
    elasticIpId = ctx.elasticIp(allocation)?.id;
    if (!elasticIpId) {
      elasticIpId = allocation;
      ctx.add({
        id: allocation,
        kind: 'elasticIp',
        name: ctx.placeholder(allocation, 'an existing Elastic IP'),
        external: true,
        publicIp: '',
      });
    }
  }
  const privateIp = ctx.text(props, 'PrivateIpAddress', id);
  ctx.add({
    id,
    kind: 'natGateway',
    name: id,
    subnetId: subnet.id,
    connectivityType: connectivity,
    ...(elasticIpId ? { elasticIpId } : {}),
    ...(privateIp ? { privateIp } : {}),
  });
  return MODELLED;
}

/** https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpngateway.html (ASN default 64512) */
export function mapVpnGateway(ctx: ImportContext, id: string, props: Props): Outcome {
  ctx.add<VirtualPrivateGateway>({
    id,
    kind: 'virtualPrivateGateway',
    name: id,
    amazonSideAsn: ctx.int(props, 'AmazonSideAsn', id) ?? 64512,
  });
  return MODELLED;
}

export function mapRoutePropagation(ctx: ImportContext, id: string, props: Props): Outcome {
  const vgwId = ctx.text(props, 'VpnGatewayId', id);
  if (!vgwId) return { status: 'failed', reason: 'it names no VpnGatewayId' };
  const tables = ctx
    .list(props, 'RouteTableIds', id)
    .map((t) => ctx.routeTable(t, id))
    .filter((t) => t !== undefined);
  for (const table of tables) if (!table.propagatingGatewayIds.includes(vgwId)) table.propagatingGatewayIds.push(vgwId);
  return tables[0]
    ? { status: 'merged', into: tables[0].id }
    : { status: 'failed', reason: 'it names no route tables' };
}

/** https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-customergateway.html */
export function mapCustomerGateway(ctx: ImportContext, id: string, props: Props): Outcome {
  ctx.add({
    id,
    kind: 'customerGateway',
    name: id,
    ipAddress: ctx.text(props, 'IpAddress', id) ?? '',
    bgpAsn: ctx.int(props, 'BgpAsn', id) ?? 65000,
  });
  return MODELLED;
}

/** https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpnconnection.html */
export function mapVpnConnection(ctx: ImportContext, id: string, props: Props): Outcome {
  const vgw = ctx.text(props, 'VpnGatewayId', id);
  if (!vgw) {
    return props.TransitGatewayId !== undefined
      ? { status: 'not-modelled', reason: 'VPN connections to a transit gateway are not modelled' }
      : { status: 'failed', reason: 'it names no VpnGatewayId' };
  }
  ctx.add({
    id,
    kind: 'vpnConnection',
    name: id,
    vpnGatewayId: vgw,
    customerGatewayId: ctx.text(props, 'CustomerGatewayId', id) ?? '',
    staticRoutesOnly: ctx.bool(props, 'StaticRoutesOnly', id, false),
    onPremisesCidrs: [],
  });
  return MODELLED;
}

/** A static route of a VPN connection: an on-premises CIDR reached through it. */
export function mapVpnConnectionRoute(ctx: ImportContext, id: string, props: Props): Outcome {
  const vpn = ctx.get(props.VpnConnectionId, 'vpnConnection');
  const cidr = ctx.text(props, 'DestinationCidrBlock', id);
  if (!vpn || !cidr)
    return { status: 'failed', reason: 'it needs a VpnConnectionId from the template and a DestinationCidrBlock' };
  vpn.onPremisesCidrs.push(cidr);
  return { status: 'merged', into: vpn.id };
}

/**
 * The design model: typed records with stable ids for everything VPC Designer reasons about.
 *
 * Pure data (JSON-serialisable, no classes) so designs can be saved, diffed, undone and sent to the CLI unchanged.
 * Names follow AWS's own words. Optional associations mirror AWS's defaults: a subnet without an explicit route
 * table uses its VPC's main route table, one without an explicit network ACL uses the VPC's default NACL
 * (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html,
 *  https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html).
 */

export type ResourceId = string;

/** Every kind of resource the model holds, in the order the palette shows them. */
export const RESOURCE_KINDS = [
  'vpc',
  'subnet',
  'internetGateway',
  'natGateway',
  'instance',
  'networkInterface',
  'elasticIp',
  'routeTable',
  'securityGroup',
  'networkAcl',
  'peeringConnection',
  'vpcEndpoint',
  's3Bucket',
  'virtualPrivateGateway',
  'customerGateway',
  'vpnConnection',
  'directConnectGateway',
  'internet',
  'awsService',
] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number];

interface ResourceBase {
  /** Stable id. Imported CloudFormation resources keep their logical id. */
  id: ResourceId;
  /** What the user calls it; any text (shown as text, never as HTML). */
  name: string;
  /**
   * Referenced but defined outside this design — e.g. an existing VPC named by a template parameter. Its
   * properties are unknown (an empty CIDR means "not known", not "missing"), so rules that need them skip it.
   */
  external?: boolean;
  /**
   * What AWS would refuse in how a template defines this resource, where the model has no field to hold the mistake
   * (a subnet given a second route table, an instance with both network interfaces and its own subnet, …): one
   * plain sentence each, with the other records or template resources it involves. Set by the CloudFormation
   * importer, reported by the `template-refused` rule.
   */
  refusals?: Refusal[];
  /**
   * Template resources of a type the model does not represent that name this one (a gateway route-table
   * association naming a route table, a transit gateway route naming a NAT gateway…): what they do with it is
   * unknown here, so checks that something is unused leave it alone. Set by the CloudFormation importer.
   */
  usedByNotModelled?: string[];
}

/** Something AWS refuses in a template's definition of a resource (see `refusals`). */
export interface Refusal {
  message: string;
  /** Other ids involved (the template resource at fault, the table it names, …). */
  resources: ResourceId[];
}

export interface Vpc extends ResourceBase {
  kind: 'vpc';
  /** IPv4 CIDR blocks: the first is the primary, the rest are secondary (up to 5 in all by default). */
  cidrBlocks: string[];
  enableDnsSupport: boolean;
  enableDnsHostnames: boolean;
  /** The region the VPC lives in (cross-region peering compares these). */
  region: string;
  /** The owning AWS account (cross-account peering compares these). */
  accountId: string;
  /** Availability zones drawn as bands inside the VPC, in order. Subnets' AZs are always among them. */
  availabilityZones: string[];
}

export interface Subnet extends ResourceBase {
  kind: 'subnet';
  vpcId: ResourceId;
  cidrBlock: string;
  availabilityZone: string;
  /** Auto-assign public IPv4 addresses to instances launched here. */
  mapPublicIpOnLaunch: boolean;
  /**
   * An IPv6-only subnet: it has no IPv4 CIDR block (an empty `cidrBlock` is right, not missing). IPv6 itself is not
   * modelled, so nothing is checked or traced inside it.
   * https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-ip-address-range
   */
  ipv6Native?: boolean;
  /** Explicit route-table association; absent means the VPC's main route table. */
  routeTableId?: ResourceId;
  /** Explicit network ACL association; absent means the VPC's default network ACL. */
  networkAclId?: ResourceId;
}

/** The target of a route: any resource that can carry traffic, or `local` for the VPC's own CIDRs. */
export type RouteTargetId = ResourceId | 'local';

export interface Route {
  /** Stable id (an imported AWS::EC2::Route keeps its logical id). */
  id: string;
  /** IPv4 destination CIDR; exactly one of this and `destinationPrefixListId`. */
  destinationCidrBlock?: string;
  /** A managed prefix list, e.g. the S3 or DynamoDB list (`pl-s3`, or the real `pl-63a5400a`). */
  destinationPrefixListId?: string;
  /**
   * Set on a CIDR route that is one entry of a customer-managed prefix list the route names (an imported route
   * to a template's prefix list becomes one route per entry): AWS ranks it below a static route to the same CIDR.
   */
  fromPrefixListId?: string;
  /**
   * The target: an internet gateway, NAT gateway, instance (NAT instance), network interface, peering
   * connection, virtual private gateway or gateway endpoint id. A target that does not exist is a blackhole.
   */
  targetId: RouteTargetId;
}

export interface RouteTable extends ResourceBase {
  kind: 'routeTable';
  vpcId: ResourceId;
  /** The VPC's main route table: used by every subnet without an explicit association. */
  main: boolean;
  /** Static routes the user added. The local route and gateway-endpoint routes are implied (see `effectiveRoutes`). */
  routes: Route[];
  /** Virtual private gateways whose routes propagate into this table. */
  propagatingGatewayIds: ResourceId[];
}

export interface InternetGateway extends ResourceBase {
  kind: 'internetGateway';
  /** The VPC it is attached to; absent while detached. */
  vpcId?: ResourceId;
}

export interface NatGateway extends ResourceBase {
  kind: 'natGateway';
  subnetId: ResourceId;
  connectivityType: 'public' | 'private';
  /** The Elastic IP a public NAT gateway uses. */
  elasticIpId?: ResourceId;
  /** Private address in its subnet, when known. */
  privateIp?: string;
  /** Set only when someone tries to attach one; AWS has no such property, so a rule reports it. */
  securityGroupIds?: ResourceId[];
}

export interface ElasticIp extends ResourceBase {
  kind: 'elasticIp';
  /** The public address, e.g. 203.0.113.10. */
  publicIp: string;
}

export interface Instance extends ResourceBase {
  kind: 'instance';
  subnetId: ResourceId;
  instanceType: string;
  /** Primary private IPv4 address of the primary network interface. */
  privateIp: string;
  /** Whether a public IPv4 address is assigned at launch; absent follows the subnet's `mapPublicIpOnLaunch`. */
  associatePublicIp?: boolean;
  /** The auto-assigned public address, when known (for display and traces). */
  publicIp?: string;
  elasticIpId?: ResourceId;
  securityGroupIds: ResourceId[];
  /** Off for NAT instances and other appliances that forward traffic not addressed to them. */
  sourceDestCheck: boolean;
  /**
   * Groups a template named by name (`SecurityGroups`) for an instance in a VPC of its own, where EC2 takes only
   * group ids; set by the CloudFormation importer, reported by the `instance-security-group-names` rule.
   */
  securityGroupNames?: string[];
}

/** A secondary elastic network interface attached to an instance (or standalone). */
export interface NetworkInterface extends ResourceBase {
  kind: 'networkInterface';
  subnetId: ResourceId;
  privateIps: string[];
  securityGroupIds: ResourceId[];
  sourceDestCheck: boolean;
  instanceId?: ResourceId;
  deviceIndex?: number;
  elasticIpId?: ResourceId;
}

/** `-1` (all), `tcp`, `udp`, `icmp`, or an IANA protocol number as text. */
export type IpProtocol = string;

export interface SecurityGroupRule {
  id?: string;
  protocol: IpProtocol;
  /** Port range (for ICMP: type and code; -1 means all). Ignored for protocol -1. */
  fromPort: number;
  toPort: number;
  /** The peer: exactly one of a CIDR, another security group or a prefix list. */
  cidr?: string;
  groupId?: ResourceId;
  prefixListId?: string;
  description?: string;
}

export interface SecurityGroup extends ResourceBase {
  kind: 'securityGroup';
  vpcId: ResourceId;
  description: string;
  /** The VPC's default security group (one per VPC, cannot be deleted). */
  isDefault: boolean;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
}

export interface NetworkAclRule {
  id?: string;
  /** 1–32766, evaluated in ascending order; the first match wins. */
  ruleNumber: number;
  protocol: IpProtocol;
  /** Port range for TCP and UDP; for ICMP the type and code (-1 or absent means all). */
  fromPort?: number;
  toPort?: number;
  cidr: string;
  action: 'allow' | 'deny';
}

export interface NetworkAcl extends ResourceBase {
  kind: 'networkAcl';
  vpcId: ResourceId;
  /** The VPC's default network ACL (allows all in and out unless changed). */
  isDefault: boolean;
  inbound: NetworkAclRule[];
  outbound: NetworkAclRule[];
}

export type PeeringStatus = 'pending-acceptance' | 'active' | 'rejected' | 'expired' | 'failed' | 'deleted';

export interface PeeringConnection extends ResourceBase {
  kind: 'peeringConnection';
  requesterVpcId: ResourceId;
  accepterVpcId: ResourceId;
  status: PeeringStatus;
  /** When the request was made (ISO 8601); an unaccepted request expires after 7 days. */
  requestedAt?: string;
}

export type EndpointType = 'Gateway' | 'Interface';

export interface VpcEndpoint extends ResourceBase {
  kind: 'vpcEndpoint';
  vpcId: ResourceId;
  endpointType: EndpointType;
  /** e.g. `com.amazonaws.us-east-1.s3`, `com.amazonaws.us-east-1.ssm`. */
  serviceName: string;
  /** Gateway endpoints: the route tables that get a prefix-list route to it. */
  routeTableIds: ResourceId[];
  /** Interface endpoints: one ENI in each of these subnets (at most one per AZ). */
  subnetIds: ResourceId[];
  securityGroupIds: ResourceId[];
  privateDnsEnabled: boolean;
  /** The endpoint policy as parsed JSON; absent means the default full-access policy. */
  policyDocument?: unknown;
}

export interface S3Bucket extends ResourceBase {
  kind: 's3Bucket';
  bucketName: string;
  region: string;
  /** The bucket policy as parsed JSON; absent means no bucket policy. */
  policyDocument?: unknown;
}

export interface VirtualPrivateGateway extends ResourceBase {
  kind: 'virtualPrivateGateway';
  /** The VPC it is attached to; absent while detached. */
  vpcId?: ResourceId;
  amazonSideAsn: number;
}

export interface CustomerGateway extends ResourceBase {
  kind: 'customerGateway';
  /** The on-premises device's public IP. */
  ipAddress: string;
  bgpAsn: number;
}

export interface VpnConnection extends ResourceBase {
  kind: 'vpnConnection';
  vpnGatewayId: ResourceId;
  customerGatewayId: ResourceId;
  staticRoutesOnly: boolean;
  /** On-premises CIDRs reached through this connection (static routes, or what BGP would advertise). */
  onPremisesCidrs: string[];
}

export interface DirectConnectGateway extends ResourceBase {
  kind: 'directConnectGateway';
  amazonSideAsn: number;
  /** Virtual private gateways associated with this Direct Connect gateway. */
  virtualPrivateGatewayIds: ResourceId[];
  /** On-premises CIDRs advertised over Direct Connect. */
  onPremisesCidrs: string[];
}

/** The public internet as a traffic endpoint. */
export interface Internet extends ResourceBase {
  kind: 'internet';
}

/** An AWS service (S3, DynamoDB, SSM, …) as a traffic endpoint. */
export interface AwsService extends ResourceBase {
  kind: 'awsService';
  /** Short service name: `s3`, `dynamodb`, `ssm`, `secretsmanager`, … */
  service: string;
}

export type Resource =
  | Vpc
  | Subnet
  | InternetGateway
  | NatGateway
  | Instance
  | NetworkInterface
  | ElasticIp
  | RouteTable
  | SecurityGroup
  | NetworkAcl
  | PeeringConnection
  | VpcEndpoint
  | S3Bucket
  | VirtualPrivateGateway
  | CustomerGateway
  | VpnConnection
  | DirectConnectGateway
  | Internet
  | AwsService;

export type ResourceOfKind<K extends ResourceKind> = Extract<Resource, { kind: K }>;

/** Where a node sits on the canvas, relative to its visual parent; containers may also carry a size. */
export interface Box {
  x: number;
  y: number;
  width?: number;
  height?: number;
}

/** A saved traffic flow (issue 4): endpoints use the CLI's syntax (`id`, `ip:A.B.C.D`, `internet`, `service:s3`). */
export interface Flow {
  id: string;
  name: string;
  from: string;
  to: string;
  protocol: 'tcp' | 'udp' | 'icmp';
  port?: number;
  action?: string;
  resource?: string;
}

export const DESIGN_FORMAT = 'vpc-designer';
export const DESIGN_FORMAT_VERSION = 1;

export interface Design {
  format: typeof DESIGN_FORMAT;
  formatVersion: number;
  name: string;
  /** The design's home region: new VPCs go here. */
  region: string;
  /** The account new VPCs belong to. */
  accountId: string;
  /** Every resource by id; insertion order is kept and is the order the canvas draws them. */
  resources: Record<ResourceId, Resource>;
  /**
   * Canvas positions by resource id. Region boxes and availability-zone bands are drawn around what they hold,
   * so they have no entry: VPCs, buckets, services, gateways outside VPCs and everything outside a region keep
   * page positions; subnets are placed relative to their AZ band, and everything else relative to the VPC or
   * subnet it sits in (see `visualParentOf`). Sizes, when present, are the user's minimum for a container.
   */
  layout: Record<string, Box>;
  flows: Flow[];
  /**
   * A failure drill (issue 9): components and Availability Zones marked as failed. Not AWS resources: traces
   * stop where a packet would meet a failed component (see traffic/failures.ts); absent means nothing has failed.
   */
  failures?: Failures;
}

/** What a failure drill marks as failed: resources by id and whole Availability Zones by name. */
export interface Failures {
  resources: ResourceId[];
  zones: string[];
}

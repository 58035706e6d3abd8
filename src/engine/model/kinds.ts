/**
 * One definition per kind of thing a diagram draws: what users call it, its icon, how a diagram draws it, its
 * diagrams.net (draw.io) shape and its CloudFormation type. The canvas, the palette, the inspector, the rules'
 * messages, the CLI's reports, the traffic hops and the exporters all read these words and pictures here.
 *
 * @example
 * KINDS.natGateway.label        // 'NAT gateway' (a heading)
 * KINDS.instance.word           // 'instance' (inside a sentence: "subnet has 3 instances")
 * kindIcon('natGateway')        // { color: '#8C4FFF', elements: [{ tag: 'path', attrs: { d: 'M10 15h17…', … } }] }
 * drawioStyle('natGateway')     // 'sketch=0;outlineConnect=0;…;shape=mxgraph.aws4.nat_gateway;'
 * KINDS.vpc.cfnType             // 'AWS::EC2::VPC'
 */
import { ICON_CORNER, ICON_GLYPHS, ICON_GRID, type IconElement } from './kindIcons.ts';
import { RESOURCE_KINDS, type ResourceKind } from './types.ts';

export { ICON_CORNER, ICON_GRID, type IconElement };

/** Everything a diagram draws: the model's kinds, plus regions and AZ bands (derived) and NAT instances (a variant). */
export type DrawnKind = ResourceKind | 'region' | 'availabilityZone' | 'natInstance';

/** AWS Architecture Icons category colours (https://aws.amazon.com/architecture/icons/). */
export const AWS_COLORS = {
  compute: '#ED7100',
  networking: '#8C4FFF',
  storage: '#7AA116',
  security: '#DD344C',
  general: '#545B64',
  services: '#E7157B',
  region: '#00A4A6',
  availabilityZone: '#147EBA',
} as const;

export type IconCategory = keyof typeof AWS_COLORS;

/**
 * How a diagram draws a kind:
 * - `container`: a box that holds others (region, VPC, AZ band, subnet);
 * - `node`: an icon with a label (instances, gateways, endpoints …);
 * - `supporting`: an icon with a label, shown only when the user asks (route tables, security groups, NACLs);
 * - `edge`: a line between two nodes (peering and VPN connections);
 * - `property`: not drawn on its own (an Elastic IP belongs to what it is attached to).
 */
export type DiagramRole = 'container' | 'node' | 'supporting' | 'edge' | 'property';

/** A container's box: border and fill colours, and whether its border is dashed (AWS's group conventions). */
export interface GroupBox {
  stroke: string;
  fill: string;
  dashed: boolean;
}

/**
 * The diagrams.net shape, from its AWS 2021+ library ("AWS / …" palettes, `mxgraph.aws4`):
 * - `icon`: a resource pictogram, `shape=mxgraph.aws4.<name>`, filled with the category colour;
 * - `resourceIcon`: a service icon on its tile, `shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.<name>`;
 * - `group`: a group box with its corner icon, `shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.<grIcon>`;
 * - `box`: a plain box, as the library draws availability zones and security groups.
 */
export type DrawioShape =
  | { type: 'icon'; name: string }
  | { type: 'resourceIcon'; name: string }
  | { type: 'group'; grIcon: string }
  | { type: 'box' };

export interface KindDefinition {
  /** AWS's name as a heading or option says it: 'EC2 instance', 'Subnet'. */
  label: string;
  /** The heading's plural: 'EC2 instances', 'Subnets'. */
  plural: string;
  /** The name inside a sentence: 'instance', 'subnet', 'VPC'. */
  word: string;
  /** Its plural inside a sentence: 'instances'. */
  words: string;
  category: IconCategory;
  role: DiagramRole;
  drawio: DrawioShape;
}

export interface ResourceKindDefinition extends KindDefinition {
  /**
   * The CloudFormation type name: what `check --json` lists resources under. Kinds CloudFormation has no type for
   * (the internet, AWS services as traffic endpoints) get a `VPCDesigner::` name.
   */
  cfnType: string;
}

const icon = (name: string): DrawioShape => ({ type: 'icon', name });

/** The model's kinds. A `Record` over `ResourceKind`: adding a kind without its definition does not compile. */
const RESOURCE_KIND_DEFINITIONS: Record<ResourceKind, ResourceKindDefinition> = {
  vpc: {
    label: 'VPC',
    plural: 'VPCs',
    word: 'VPC',
    words: 'VPCs',
    category: 'networking',
    role: 'container',
    drawio: { type: 'group', grIcon: 'group_vpc2' },
    cfnType: 'AWS::EC2::VPC',
  },
  subnet: {
    label: 'Subnet',
    plural: 'Subnets',
    word: 'subnet',
    words: 'subnets',
    category: 'networking',
    role: 'container',
    drawio: { type: 'group', grIcon: 'group_security_group' },
    cfnType: 'AWS::EC2::Subnet',
  },
  internetGateway: {
    label: 'Internet gateway',
    plural: 'Internet gateways',
    word: 'internet gateway',
    words: 'internet gateways',
    category: 'networking',
    role: 'node',
    drawio: icon('internet_gateway'),
    cfnType: 'AWS::EC2::InternetGateway',
  },
  natGateway: {
    label: 'NAT gateway',
    plural: 'NAT gateways',
    word: 'NAT gateway',
    words: 'NAT gateways',
    category: 'networking',
    role: 'node',
    drawio: icon('nat_gateway'),
    cfnType: 'AWS::EC2::NatGateway',
  },
  instance: {
    label: 'EC2 instance',
    plural: 'EC2 instances',
    word: 'instance',
    words: 'instances',
    category: 'compute',
    role: 'node',
    drawio: icon('instance2'),
    cfnType: 'AWS::EC2::Instance',
  },
  networkInterface: {
    label: 'Network interface',
    plural: 'Network interfaces',
    word: 'network interface',
    words: 'network interfaces',
    category: 'networking',
    role: 'node',
    drawio: icon('elastic_network_interface'),
    cfnType: 'AWS::EC2::NetworkInterface',
  },
  elasticIp: {
    label: 'Elastic IP',
    plural: 'Elastic IPs',
    word: 'Elastic IP',
    words: 'Elastic IPs',
    category: 'networking',
    role: 'property',
    drawio: icon('elastic_ip_address'),
    cfnType: 'AWS::EC2::EIP',
  },
  routeTable: {
    label: 'Route table',
    plural: 'Route tables',
    word: 'route table',
    words: 'route tables',
    category: 'networking',
    role: 'supporting',
    drawio: icon('route_table'),
    cfnType: 'AWS::EC2::RouteTable',
  },
  securityGroup: {
    label: 'Security group',
    plural: 'Security groups',
    word: 'security group',
    words: 'security groups',
    category: 'security',
    role: 'supporting',
    drawio: { type: 'box' },
    cfnType: 'AWS::EC2::SecurityGroup',
  },
  networkAcl: {
    label: 'Network ACL',
    plural: 'Network ACLs',
    word: 'network ACL',
    words: 'network ACLs',
    category: 'networking',
    role: 'supporting',
    drawio: icon('network_access_control_list'),
    cfnType: 'AWS::EC2::NetworkAcl',
  },
  peeringConnection: {
    label: 'Peering connection',
    plural: 'Peering connections',
    word: 'peering connection',
    words: 'peering connections',
    category: 'networking',
    role: 'edge',
    drawio: icon('peering'),
    cfnType: 'AWS::EC2::VPCPeeringConnection',
  },
  vpcEndpoint: {
    label: 'VPC endpoint',
    plural: 'VPC endpoints',
    word: 'VPC endpoint',
    words: 'VPC endpoints',
    category: 'networking',
    role: 'node',
    drawio: icon('endpoints'),
    cfnType: 'AWS::EC2::VPCEndpoint',
  },
  s3Bucket: {
    label: 'S3 bucket',
    plural: 'S3 buckets',
    word: 'S3 bucket',
    words: 'S3 buckets',
    category: 'storage',
    role: 'node',
    drawio: icon('bucket'),
    cfnType: 'AWS::S3::Bucket',
  },
  virtualPrivateGateway: {
    label: 'Virtual private gateway',
    plural: 'Virtual private gateways',
    word: 'virtual private gateway',
    words: 'virtual private gateways',
    category: 'networking',
    role: 'node',
    drawio: icon('vpn_gateway'),
    cfnType: 'AWS::EC2::VPNGateway',
  },
  customerGateway: {
    label: 'Customer gateway',
    plural: 'Customer gateways',
    word: 'customer gateway',
    words: 'customer gateways',
    category: 'networking',
    role: 'node',
    drawio: icon('customer_gateway'),
    cfnType: 'AWS::EC2::CustomerGateway',
  },
  vpnConnection: {
    label: 'VPN connection',
    plural: 'VPN connections',
    word: 'VPN connection',
    words: 'VPN connections',
    category: 'networking',
    role: 'edge',
    drawio: icon('vpn_connection'),
    cfnType: 'AWS::EC2::VPNConnection',
  },
  directConnectGateway: {
    label: 'Direct Connect gateway',
    plural: 'Direct Connect gateways',
    word: 'Direct Connect gateway',
    words: 'Direct Connect gateways',
    category: 'networking',
    role: 'node',
    drawio: { type: 'resourceIcon', name: 'direct_connect' },
    cfnType: 'AWS::DirectConnect::Gateway',
  },
  internet: {
    label: 'Internet',
    plural: 'Internet',
    word: 'internet',
    words: 'internet',
    category: 'general',
    role: 'node',
    drawio: icon('internet'),
    cfnType: 'VPCDesigner::Internet',
  },
  awsService: {
    label: 'AWS service',
    plural: 'AWS services',
    word: 'AWS service',
    words: 'AWS services',
    category: 'services',
    role: 'node',
    drawio: { type: 'resourceIcon', name: 'general' },
    cfnType: 'VPCDesigner::AwsService',
  },
};

/** What a diagram draws besides the model's kinds. */
const DERIVED_KIND_DEFINITIONS: Record<Exclude<DrawnKind, ResourceKind>, KindDefinition> = {
  region: {
    label: 'Region',
    plural: 'Regions',
    word: 'region',
    words: 'regions',
    category: 'region',
    role: 'container',
    drawio: { type: 'group', grIcon: 'group_region' },
  },
  availabilityZone: {
    label: 'Availability Zone',
    plural: 'Availability Zones',
    word: 'Availability Zone',
    words: 'Availability Zones',
    category: 'availabilityZone',
    role: 'container',
    drawio: { type: 'box' },
  },
  natInstance: {
    label: 'NAT instance',
    plural: 'NAT instances',
    word: 'NAT instance',
    words: 'NAT instances',
    category: 'compute',
    role: 'node',
    drawio: icon('instance2'),
  },
};

/** Every drawn kind's definition. */
export const KINDS: Readonly<
  Record<ResourceKind, ResourceKindDefinition> & Record<Exclude<DrawnKind, ResourceKind>, KindDefinition>
> = {
  ...RESOURCE_KIND_DEFINITIONS,
  ...DERIVED_KIND_DEFINITIONS,
};

/**
 * The short help the palette and inspector show beside a kind ("what is it / when to use it"), and the glossary
 * entry that says more. A `Record` over every drawn kind: a new kind without its help does not compile.
 */
export interface KindHelp {
  /** What it is and when to use it, in one or two plain sentences. */
  about: string;
  /** The glossary entry (engine/glossary) with the rest. */
  concept: string;
}

export const KIND_HELP: Readonly<Record<DrawnKind, KindHelp>> = {
  vpc: {
    about:
      'Your own private network in one Region. Start here: everything else goes inside a VPC; pick a CIDR block that will not overlap networks you may connect later.',
    concept: 'vpc',
  },
  subnet: {
    about:
      'A slice of the VPC’s addresses in one Availability Zone. Public if its route table sends 0.0.0.0/0 to an internet gateway, private otherwise; use one of each per zone.',
    concept: 'subnet',
  },
  internetGateway: {
    about:
      'The VPC’s door to the internet. Attach one per VPC and route public subnets’ 0.0.0.0/0 to it; only resources with a public address can use it.',
    concept: 'internet-gateway',
  },
  natGateway: {
    about:
      'Lets private subnets reach the internet without being reachable from it. Put it in a public subnet with an Elastic IP, and route private subnets to it — one per Availability Zone.',
    concept: 'nat-gateway',
  },
  instance: {
    about:
      'A virtual server in a subnet. Its security groups decide what reaches it; put web servers behind a load balancer and app servers in private subnets.',
    concept: 'ec2-instance',
  },
  networkInterface: {
    about:
      'A virtual network card with addresses and security groups. Add one to give an instance a second address or a foot in another subnet of its zone.',
    concept: 'network-interface',
  },
  elasticIp: {
    about:
      'A public IPv4 address that stays yours. A public NAT gateway needs one; give one to an instance whose public address must not change.',
    concept: 'elastic-ip',
  },
  routeTable: {
    about:
      'The routes that decide where a subnet’s traffic goes; the most specific match wins. Give public and private subnets different tables.',
    concept: 'route-table',
  },
  securityGroup: {
    about:
      'A stateful firewall on network interfaces that lists only what is allowed. Use one per tier (web, app, database) and let rules name other groups.',
    concept: 'security-group',
  },
  networkAcl: {
    about:
      'A stateless firewall at the subnet’s edge, with numbered allow and deny rules. Use it for broad blocks; remember replies need rules too (ephemeral ports).',
    concept: 'network-acl',
  },
  peeringConnection: {
    about:
      'A private link between two VPCs with non-overlapping CIDR blocks. Both sides need routes to each other; it is not transitive.',
    concept: 'vpc-peering',
  },
  vpcEndpoint: {
    about:
      'Reaches an AWS service privately, without the internet: a gateway endpoint for S3 and DynamoDB, an interface endpoint for the rest.',
    concept: 'gateway-endpoint',
  },
  s3Bucket: {
    about:
      'Object storage, reached over the S3 API rather than placed in a subnet. From private subnets, reach it through a gateway endpoint.',
    concept: 's3-bucket',
  },
  virtualPrivateGateway: {
    about:
      'The AWS end of a Site-to-Site VPN or Direct Connect link. Attach it to the VPC and route on-premises ranges to it.',
    concept: 'virtual-private-gateway',
  },
  customerGateway: {
    about:
      'Your on-premises VPN device as AWS knows it: its public IP address and BGP ASN. A VPN connection joins it to a virtual private gateway.',
    concept: 'customer-gateway',
  },
  vpnConnection: {
    about:
      'An encrypted link over the internet between your network and the VPC. Use static routes or BGP to say which on-premises ranges it carries.',
    concept: 'vpn-connection',
  },
  directConnectGateway: {
    about:
      'Joins a dedicated Direct Connect line to your VPCs’ virtual private gateways. Use it when a VPN over the internet is not fast or steady enough.',
    concept: 'direct-connect-gateway',
  },
  internet: {
    about:
      'Everything outside AWS. Add it to trace flows to and from the internet; it is reached through an internet gateway.',
    concept: 'internet',
  },
  awsService: {
    about:
      'An AWS API such as SQS or STS, as a traffic endpoint. Reach it through a NAT gateway or, privately, through an interface endpoint.',
    concept: 'aws-service',
  },
  region: {
    about: 'A geographic area with several Availability Zones. A VPC lives in one Region.',
    concept: 'availability-zone',
  },
  availabilityZone: {
    about:
      'One or more separate data centres in a Region. Spread subnets (and NAT gateways) over two or more zones so one zone failing does not stop the service.',
    concept: 'availability-zone',
  },
  natInstance: {
    about:
      'An EC2 instance doing NAT yourself: cheaper for small loads and can double as a bastion, but you size, patch and replace it. Turn its source/destination check off.',
    concept: 'nat-instance',
  },
};

/** The two kinds of VPC endpoint the palette offers, each with its own help. */
export const ENDPOINT_HELP: Readonly<Record<'Gateway' | 'Interface', KindHelp>> = {
  Gateway: {
    about:
      'A free route-table target for S3 or DynamoDB, so private subnets reach them without a NAT gateway. Associate it with those subnets’ route tables.',
    concept: 'gateway-endpoint',
  },
  Interface: {
    about:
      'Private addresses in your subnets for an AWS service (PrivateLink). One per Availability Zone; its security group must allow HTTPS from the clients.',
    concept: 'interface-endpoint',
  },
};

/** Every drawn kind, the model's in palette order first. */
export const DRAWN_KINDS: readonly DrawnKind[] = [...RESOURCE_KINDS, 'region', 'availabilityZone', 'natInstance'];

/** Whether a string names one of the model's kinds. */
export function isResourceKind(kind: string): kind is ResourceKind {
  return Object.hasOwn(RESOURCE_KIND_DEFINITIONS, kind);
}

/** A kind's category colour: its icon tile, and the stroke of its box when it is a container. */
export function kindColor(kind: DrawnKind): string {
  return AWS_COLORS[KINDS[kind].category];
}

/** A kind's icon: the tile colour and the white pictogram on the `ICON_GRID` grid. */
export function kindIcon(kind: DrawnKind): { color: string; elements: readonly IconElement[] } {
  return { color: kindColor(kind), elements: ICON_GLYPHS[kind] };
}

/** "3 subnets", "1 VPC": a count with the kind's word in a sentence. */
export function countOf(kind: DrawnKind, n: number): string {
  return `${n} ${n === 1 ? KINDS[kind].word : KINDS[kind].words}`;
}

/**
 * The group boxes, as AWS's architecture diagrams colour them: public subnets green, private subnets blue
 * (https://aws.amazon.com/architecture/icons/, "Groups").
 */
export const GROUP_BOXES = {
  region: { stroke: AWS_COLORS.region, fill: 'none', dashed: true },
  vpc: { stroke: AWS_COLORS.networking, fill: 'none', dashed: false },
  availabilityZone: { stroke: AWS_COLORS.availabilityZone, fill: 'none', dashed: true },
  publicSubnet: { stroke: '#7AA116', fill: '#F2F8E6', dashed: false },
  privateSubnet: { stroke: '#147EBA', fill: '#E6F2F8', dashed: false },
} as const satisfies Record<string, GroupBox>;

const DRAWIO_ICON =
  'sketch=0;outlineConnect=0;fontColor=#232F3E;gradientColor=none;strokeColor=none;dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;fontStyle=0;aspect=fixed;pointerEvents=1;';
const DRAWIO_RESOURCE_ICON =
  'sketch=0;outlineConnect=0;fontColor=#232F3E;strokeColor=#ffffff;dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;fontStyle=0;aspect=fixed;';
/** Connection points on a group's border, as the library's group palette entries set them. */
const DRAWIO_GROUP_POINTS =
  'points=[[0,0],[0.25,0],[0.5,0],[0.75,0],[1,0],[1,0.25],[1,0.5],[1,0.75],[1,1],[0.75,1],[0.5,1],[0.25,1],[0,1],[0,0.75],[0,0.5],[0,0.25]];';
const DRAWIO_GROUP = `${DRAWIO_GROUP_POINTS}outlineConnect=0;gradientColor=none;html=1;whiteSpace=wrap;fontSize=12;fontStyle=0;container=1;pointerEvents=0;collapsible=0;recursiveResize=0;`;
/**
 * The colours of the library's own group entries ('AWS / Groups' in Sidebar-AWS4.js), copied as they are so a box
 * looks like one dragged from diagrams.net's palette (they differ slightly from GROUP_BOXES, which our SVG draws).
 */
const DRAWIO_GROUP_COLORS = {
  region: 'strokeColor=#00A4A6;fillColor=none;verticalAlign=top;align=left;spacingLeft=30;fontColor=#147EBA;dashed=1;',
  vpc: 'strokeColor=#8C4FFF;fillColor=none;verticalAlign=top;align=left;spacingLeft=30;fontColor=#AAB7B8;dashed=0;',
  publicSubnet:
    'grStroke=0;strokeColor=#7AA116;fillColor=#F2F6E8;verticalAlign=top;align=left;spacingLeft=30;fontColor=#248814;dashed=0;',
  privateSubnet:
    'grStroke=0;strokeColor=#00A4A6;fillColor=#E6F6F7;verticalAlign=top;align=left;spacingLeft=30;fontColor=#147EBA;dashed=0;',
} as const;
const DRAWIO_BOX = 'verticalAlign=top;fontStyle=0;whiteSpace=wrap;html=1;container=1;';

/**
 * The diagrams.net style string of a kind's cell, as the AWS 2021+ library's own palette entries write it; a subnet
 * takes the public or private group colours.
 *
 * @example drawioStyle('subnet', { isPublic: true }) // '…shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_security_group;grStroke=0;strokeColor=#7AA116;fillColor=#F2F6E8;…'
 */
export function drawioStyle(kind: DrawnKind, options: { isPublic?: boolean } = {}): string {
  const shape = KINDS[kind].drawio;
  const color = kindColor(kind);
  switch (shape.type) {
    case 'icon':
      return `${DRAWIO_ICON}fillColor=${color};shape=mxgraph.aws4.${shape.name};`;
    case 'resourceIcon':
      return `${DRAWIO_RESOURCE_ICON}fillColor=${color};shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.${shape.name};`;
    case 'group': {
      const colors =
        kind === 'subnet'
          ? options.isPublic
            ? DRAWIO_GROUP_COLORS.publicSubnet
            : DRAWIO_GROUP_COLORS.privateSubnet
          : kind === 'region'
            ? DRAWIO_GROUP_COLORS.region
            : DRAWIO_GROUP_COLORS.vpc;
      return `${DRAWIO_GROUP}shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.${shape.grIcon};${colors}`;
    }
    case 'box':
      return `${DRAWIO_BOX}fillColor=none;strokeColor=${color};fontColor=${color};dashed=${kind === 'availabilityZone' ? 1 : 0};`;
  }
}

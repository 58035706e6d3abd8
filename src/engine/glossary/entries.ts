/**
 * The glossary's entries: one per concept a student meets in VPC Designer, each with the AWS documentation
 * page(s) it rests on. Lessons name their concepts by these ids, explanations and findings link to them, and the
 * palette's and inspector's help opens them.
 */
import type { GlossaryEntry } from './types.ts';

const VPC = 'https://docs.aws.amazon.com/vpc/latest/userguide';
const PEERING = 'https://docs.aws.amazon.com/vpc/latest/peering';
const PRIVATELINK = 'https://docs.aws.amazon.com/vpc/latest/privatelink';

export const ENTRIES = {
  vpc: {
    term: 'VPC (virtual private cloud)',
    short: 'Your own private network in one AWS Region, with the IP address ranges you choose.',
    body: 'Everything else — subnets, route tables, gateways, instances — lives inside a VPC. Pick a CIDR block that does not overlap any network you may connect it to later (another VPC, your office), because overlapping ranges cannot be peered or routed.',
    aws: [{ title: 'How Amazon VPC works', url: `${VPC}/how-it-works.html` }],
    see: ['subnet', 'cidr-block', 'route-table'],
  },
  'cidr-block': {
    term: 'CIDR block',
    short: 'A range of IP addresses written as an address and a prefix length, like 10.0.0.0/16.',
    body: 'The number after the slash says how many leading bits are fixed: /16 holds 65,536 addresses, /24 holds 256. A VPC block must be between /16 and /28, and each subnet takes a smaller block out of its VPC’s.',
    aws: [{ title: 'VPC CIDR blocks', url: `${VPC}/vpc-cidr-blocks.html` }],
    see: ['vpc', 'subnet', 'cidr-overlap'],
  },
  subnet: {
    term: 'Subnet',
    short: 'A slice of a VPC’s addresses that lives in exactly one Availability Zone.',
    body: 'You place instances, NAT gateways and endpoints in subnets. What makes a subnet public or private is not a setting on the subnet but its route table: a route to an internet gateway makes it public. AWS keeps five addresses of every subnet for itself.',
    aws: [
      { title: 'Subnets for your VPC', url: `${VPC}/configure-subnets.html` },
      { title: 'Subnet CIDR blocks', url: `${VPC}/subnet-sizing.html` },
    ],
    see: ['public-subnet', 'private-subnet', 'availability-zone', 'reserved-addresses'],
  },
  'public-subnet': {
    term: 'Public subnet',
    short: 'A subnet whose route table sends internet traffic (0.0.0.0/0) to an internet gateway.',
    body: 'Put here what must be reached from the internet or must reach it directly: load balancers, bastion hosts, NAT gateways. An instance in a public subnet still needs a public IPv4 or Elastic IP address to use the internet gateway.',
    aws: [{ title: 'Subnet types', url: `${VPC}/configure-subnets.html#subnet-types` }],
    see: ['internet-gateway', 'private-subnet', 'route-table'],
  },
  'private-subnet': {
    term: 'Private subnet',
    short: 'A subnet with no route to an internet gateway, so nothing on the internet can reach into it.',
    body: 'Keep application servers and databases here. They can still start connections out — to download updates, say — through a NAT gateway in a public subnet, and reach S3 or DynamoDB through a gateway endpoint. To let users in, put a load balancer or a bastion host in a public subnet in front of them.',
    aws: [
      { title: 'Subnet types', url: `${VPC}/configure-subnets.html#subnet-types` },
      {
        title: 'Example: VPC with servers in private subnets and NAT',
        url: `${VPC}/vpc-example-private-subnets-nat.html`,
      },
    ],
    see: ['nat-gateway', 'bastion-host', 'public-subnet'],
  },
  'reserved-addresses': {
    term: 'Reserved addresses',
    short: 'The first four and the last address of every subnet, which AWS keeps for itself.',
    body: 'They are the network address, the VPC router, the DNS server, one for future use, and the broadcast address. No instance can have one, so a /28 subnet has 11 usable addresses, not 16.',
    aws: [{ title: 'Subnet CIDR blocks', url: `${VPC}/subnet-sizing.html` }],
    see: ['subnet'],
  },
  'availability-zone': {
    term: 'Availability Zone',
    short: 'One or more separate data centres in a Region, with their own power and networking.',
    body: 'A subnet sits in exactly one Availability Zone, so everything in it fails if that zone fails. Spread copies of what matters over two or more zones.',
    aws: [
      {
        title: 'Regions and Availability Zones',
        url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-regions-availability-zones.html',
      },
      { title: 'Subnets for your VPC', url: `${VPC}/configure-subnets.html` },
    ],
    see: ['high-availability', 'failure-drill'],
  },
  'high-availability': {
    term: 'High availability',
    short: 'Designing so that losing one component or one Availability Zone does not stop the service.',
    body: 'Give each Availability Zone its own copy of what traffic depends on: a NAT gateway per zone, each private subnet routing to the NAT gateway in its own zone. Route tables never fail over by themselves — a route to a failed NAT gateway just drops traffic.',
    aws: [
      { title: 'NAT gateway basics', url: `${VPC}/nat-gateway-basics.html` },
      {
        title: 'Example: VPC with servers in private subnets and NAT',
        url: `${VPC}/vpc-example-private-subnets-nat.html`,
      },
    ],
    see: ['availability-zone', 'nat-gateway', 'failure-drill'],
  },
  'route-table': {
    term: 'Route table',
    short: 'The list of rules (routes) that decides where traffic leaving a subnet goes.',
    body: 'Each subnet uses one route table (its own, or the VPC’s main table). For each packet the most specific matching route wins. Every table has a local route for the VPC’s own addresses; add routes for the internet, a NAT gateway, a peering connection or a VPN.',
    aws: [
      { title: 'Configure route tables', url: `${VPC}/VPC_Route_Tables.html` },
      { title: 'Route priority', url: `${VPC}/route-tables-priority.html` },
    ],
    see: ['local-route', 'blackhole-route', 'subnet'],
  },
  'local-route': {
    term: 'Local route',
    short: 'The route every route table has for the VPC’s own CIDR blocks.',
    body: 'It lets any subnet reach any other subnet in the same VPC; security groups and network ACLs are what filter that traffic. You cannot delete it.',
    aws: [{ title: 'Configure route tables', url: `${VPC}/VPC_Route_Tables.html#route-table-routes` }],
    see: ['route-table'],
  },
  'blackhole-route': {
    term: 'Blackhole route',
    short: 'A route whose target no longer works (deleted, detached or not yet active), so AWS drops what it matches.',
    body: 'Fix it by pointing the route at a working target or removing it. A route to a peering connection that has not been accepted is a blackhole until it is.',
    aws: [{ title: 'Configure route tables', url: `${VPC}/VPC_Route_Tables.html` }],
    see: ['route-table'],
  },
  'internet-gateway': {
    term: 'Internet gateway',
    short: 'The VPC’s door to the internet, shared by all its public subnets.',
    body: 'Attach one to the VPC and add a route 0.0.0.0/0 to it in a subnet’s route table. It translates an instance’s private address to its public IPv4 or Elastic IP address and back, so only resources with a public address can use it. It is highly available and needs no sizing.',
    aws: [{ title: 'Enable internet access using an internet gateway', url: `${VPC}/VPC_Internet_Gateway.html` }],
    see: ['public-subnet', 'elastic-ip', 'nat-gateway'],
  },
  'elastic-ip': {
    term: 'Elastic IP address',
    short: 'A public IPv4 address you own until you release it, and can move between resources.',
    body: 'A public NAT gateway must have one. Give one to an instance when its public address must not change when it stops and starts.',
    aws: [{ title: 'Elastic IP addresses', url: `${VPC}/vpc-eips.html` }],
    see: ['nat-gateway', 'internet-gateway'],
  },
  'nat-gateway': {
    term: 'NAT gateway',
    short:
      'A managed AWS service that lets instances in private subnets start connections to the internet, while nothing on the internet can start one in.',
    body: 'Place it in a public subnet, give it an Elastic IP address, and route the private subnets’ 0.0.0.0/0 to it. It has no security group (the instances’ groups do the filtering), scales from 5 Gbps up to 100 Gbps by itself, is redundant inside its Availability Zone, and cannot be logged into — so it cannot be a bastion. Use one per zone for high availability.',
    aws: [
      { title: 'NAT gateways', url: `${VPC}/vpc-nat-gateway.html` },
      { title: 'NAT gateway basics', url: `${VPC}/nat-gateway-basics.html` },
      { title: 'Compare NAT gateways and NAT instances', url: `${VPC}/vpc-nat-comparison.html` },
    ],
    see: ['nat-instance', 'elastic-ip', 'private-subnet', 'high-availability'],
  },
  'nat-instance': {
    term: 'NAT instance',
    short: 'An EC2 instance you run yourself to do what a NAT gateway does.',
    body: 'Launch it in a public subnet with a public or Elastic IP address, turn its source/destination check off, and route the private subnets to it. Unlike a NAT gateway it has a security group, its bandwidth depends on its instance size, you patch and replace it yourself, and it can double as a bastion host.',
    aws: [
      { title: 'NAT instances', url: `${VPC}/VPC_NAT_Instance.html` },
      { title: 'Work with NAT instances', url: `${VPC}/work-with-nat-instances.html` },
      { title: 'Compare NAT gateways and NAT instances', url: `${VPC}/vpc-nat-comparison.html` },
    ],
    see: ['nat-gateway', 'source-dest-check', 'bastion-host'],
  },
  'source-dest-check': {
    term: 'Source/destination check',
    short: 'An instance setting that makes it drop traffic not addressed to it or sent from it.',
    body: 'It is on by default, which is right for ordinary servers. An instance that forwards other machines’ traffic — a NAT instance, a firewall appliance — needs it turned off.',
    aws: [
      { title: 'Work with NAT instances', url: `${VPC}/work-with-nat-instances.html` },
      {
        title: 'Elastic network interfaces',
        url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html',
      },
    ],
    see: ['nat-instance', 'network-interface'],
  },
  'bastion-host': {
    term: 'Bastion host',
    short:
      'A small, locked-down instance in a public subnet that administrators connect to first, and from it to private instances.',
    body: 'Allow SSH (or RDP) to it only from your own addresses, and allow the private instances’ security groups to take SSH only from the bastion’s group. A NAT instance can serve as one; a NAT gateway cannot, because nothing on it accepts connections.',
    aws: [
      { title: 'Compare NAT gateways and NAT instances (bastion servers)', url: `${VPC}/vpc-nat-comparison.html` },
      { title: 'Security group rules', url: `${VPC}/security-group-rules.html` },
    ],
    see: ['public-subnet', 'security-group', 'nat-instance'],
  },
  'ec2-instance': {
    term: 'EC2 instance',
    short: 'A virtual server, attached to a subnet through its network interface.',
    body: 'Its security groups decide what may reach it and what it may send. It reaches the internet directly only from a public subnet with a public address, otherwise through a NAT gateway.',
    aws: [{ title: 'IP addressing for your VPCs and subnets', url: `${VPC}/vpc-ip-addressing.html` }],
    see: ['security-group', 'network-interface'],
  },
  'network-interface': {
    term: 'Network interface (ENI)',
    short:
      'A virtual network card in one subnet: it holds private (and maybe public) addresses and the security groups.',
    body: 'Every instance has a primary one; you can add more, each in a subnet of the same Availability Zone. Interface endpoints and NAT gateways are network interfaces too.',
    aws: [
      {
        title: 'Elastic network interfaces',
        url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html',
      },
    ],
    see: ['ec2-instance', 'source-dest-check'],
  },
  'security-group': {
    term: 'Security group',
    short: 'A stateful firewall on a network interface: it lists only what is allowed in and out.',
    body: 'There are no deny rules — anything no rule allows is dropped — and a reply to allowed traffic always gets back, whatever the rules say. A rule can name another security group instead of addresses (“allow 5432 from the app group”), including a peer VPC’s group across a peering connection.',
    aws: [
      { title: 'Security groups', url: `${VPC}/vpc-security-groups.html` },
      { title: 'Security group rules', url: `${VPC}/security-group-rules.html` },
    ],
    see: ['stateful-stateless', 'network-acl', 'default-security-group'],
  },
  'default-security-group': {
    term: 'Default security group',
    short: 'The security group every VPC comes with, named “default”.',
    body: 'It lets its members talk to each other and lets everything out. Every VPC has its own, so two groups can both be called “default” — VPC Designer tells them apart by their VPC, e.g. “default (Production)”.',
    aws: [{ title: 'Default security groups', url: `${VPC}/default-security-group.html` }],
    see: ['security-group'],
  },
  'network-acl': {
    term: 'Network ACL',
    short: 'A stateless firewall on a subnet’s border, with numbered allow and deny rules.',
    body: 'Rules are checked from the lowest number up and the first match decides; what no rule matches is denied. Because it is stateless, replies need their own rule — usually outbound to the client’s ephemeral ports 1024–65535. Traffic between instances of the same subnet does not pass it.',
    aws: [
      { title: 'Network ACLs', url: `${VPC}/vpc-network-acls.html` },
      { title: 'Network ACL rules', url: `${VPC}/nacl-rules.html` },
    ],
    see: ['stateful-stateless', 'ephemeral-ports', 'security-group'],
  },
  'stateful-stateless': {
    term: 'Stateful and stateless filtering',
    short:
      'A stateful filter remembers connections and lets replies back; a stateless one judges every packet on its own.',
    body: 'Security groups are stateful: allow the request and the reply is allowed. Network ACLs are stateless: the request and the reply each need a rule, in opposite directions.',
    aws: [
      { title: 'Compare security groups and network ACLs', url: `${VPC}/infrastructure-security.html` },
      { title: 'Network ACLs', url: `${VPC}/vpc-network-acls.html` },
    ],
    see: ['security-group', 'network-acl', 'ephemeral-ports'],
  },
  'ephemeral-ports': {
    term: 'Ephemeral ports',
    short: 'The short-lived port a client picks for its side of a connection, which the reply is sent back to.',
    body: 'Linux uses 32768–60999, Windows 49152–65535, a NAT gateway 1024–65535. A network ACL must allow replies to that range (in the other direction from the request), or the connection hangs.',
    aws: [{ title: 'Ephemeral ports', url: `${VPC}/nacl-ephemeral-ports.html` }],
    see: ['network-acl', 'stateful-stateless'],
  },
  'vpc-peering': {
    term: 'VPC peering',
    short: 'A private connection between two VPCs, in the same or different accounts and Regions.',
    body: 'One side requests it, the other accepts; then each side adds a route to the other’s CIDR block through the peering connection, and security groups must allow the traffic (a rule may name the peer’s security group in the same Region). The two VPCs’ CIDR blocks must not overlap.',
    aws: [
      { title: 'What is VPC peering?', url: `${PEERING}/what-is-vpc-peering.html` },
      { title: 'Create a VPC peering connection', url: `${PEERING}/create-vpc-peering-connection.html` },
      { title: 'Update your route tables for a peering connection', url: `${PEERING}/vpc-peering-routing.html` },
      {
        title: 'Update your security groups to reference peer groups',
        url: `${PEERING}/vpc-peering-security-groups.html`,
      },
    ],
    see: ['transitive-peering', 'cidr-overlap', 'edge-to-edge-routing'],
  },
  'transitive-peering': {
    term: 'Transitive peering (not supported)',
    short: 'If A is peered with B and B with C, A still cannot reach C through B.',
    body: 'A peering connection only carries traffic between addresses of its own two VPCs. To make A reach C, peer A with C directly (and add routes on both sides), or use a transit gateway.',
    aws: [
      { title: 'VPC peering limitations', url: `${PEERING}/vpc-peering-basics.html#vpc-peering-limitations` },
      { title: 'Unsupported VPC peering configurations', url: `${PEERING}/invalid-peering-configurations.html` },
    ],
    see: ['vpc-peering', 'edge-to-edge-routing'],
  },
  'cidr-overlap': {
    term: 'Overlapping CIDR blocks',
    short: 'Two networks using some of the same addresses — which stops them being peered or routed to each other.',
    body: 'AWS refuses a peering connection between VPCs with overlapping IPv4 CIDR blocks, because a route could not tell which side an address is on. Plan non-overlapping ranges up front (10.0.0.0/16, 10.1.0.0/16, …); fixing it later means re-addressing a VPC.',
    aws: [
      { title: 'VPC peering limitations', url: `${PEERING}/vpc-peering-basics.html#vpc-peering-limitations` },
      { title: 'Unsupported VPC peering configurations', url: `${PEERING}/invalid-peering-configurations.html` },
    ],
    see: ['vpc-peering', 'cidr-block'],
  },
  'edge-to-edge-routing': {
    term: 'Edge-to-edge routing (not supported)',
    short:
      'A peered VPC cannot use the other VPC’s internet gateway, NAT gateway, VPN, Direct Connect or gateway endpoint.',
    body: 'Traffic through a peering connection must start and end at addresses of the two VPCs. Give each VPC its own way out (its own NAT gateway, its own gateway endpoint) instead.',
    aws: [{ title: 'Unsupported VPC peering configurations', url: `${PEERING}/invalid-peering-configurations.html` }],
    see: ['vpc-peering', 'transitive-peering'],
  },
  'gateway-endpoint': {
    term: 'Gateway endpoint',
    short:
      'A free, route-table target that takes traffic to Amazon S3 or DynamoDB privately, without the internet or a NAT gateway.',
    body: 'Associate it with the route tables of the subnets that need it; AWS adds a route to the service’s prefix list. It saves the NAT gateway’s per-gigabyte data processing charge, and its endpoint policy can limit which buckets and actions are allowed. It works only from inside its own VPC.',
    aws: [
      { title: 'Gateway endpoints', url: `${PRIVATELINK}/gateway-endpoints.html` },
      { title: 'Gateway endpoints for Amazon S3', url: `${PRIVATELINK}/vpc-endpoints-s3.html` },
    ],
    see: ['prefix-list', 'endpoint-policy', 'interface-endpoint'],
  },
  'interface-endpoint': {
    term: 'Interface endpoint',
    short: 'Network interfaces in your subnets that give a private address to an AWS service (PrivateLink).',
    body: 'Put one in a subnet per Availability Zone. It has a security group, which must allow HTTPS (443) from the clients; with private DNS on, the service’s usual name resolves to the endpoint. Unlike a gateway endpoint it is billed by the hour and by data.',
    aws: [
      {
        title: 'Access an AWS service using an interface VPC endpoint',
        url: `${PRIVATELINK}/create-interface-endpoint.html`,
      },
      {
        title: 'Access AWS services through AWS PrivateLink',
        url: `${PRIVATELINK}/privatelink-access-aws-services.html`,
      },
    ],
    see: ['private-dns', 'endpoint-policy', 'gateway-endpoint'],
  },
  'private-dns': {
    term: 'Private DNS (interface endpoints)',
    short:
      'Makes the service’s normal name (like sqs.us-east-1.amazonaws.com) resolve to the interface endpoint’s private addresses.',
    body: 'With it on, applications need no change to use the endpoint. It needs the VPC’s DNS support and DNS hostnames attributes turned on.',
    aws: [
      {
        title: 'Private DNS for interface endpoints',
        url: `${PRIVATELINK}/privatelink-access-aws-services.html#interface-endpoint-private-dns`,
      },
      { title: 'DNS attributes for your VPC', url: `${VPC}/AmazonDNS-concepts.html` },
    ],
    see: ['interface-endpoint'],
  },
  'prefix-list': {
    term: 'Prefix list',
    short: 'A named set of CIDR blocks that a route or security group rule can use as one destination.',
    body: 'AWS keeps one per Region for S3 and for DynamoDB (pl-…): a gateway endpoint’s route uses it, so the route follows the service’s addresses as they change.',
    aws: [
      { title: 'Managed prefix lists', url: `${VPC}/managed-prefix-lists.html` },
      { title: 'Gateway endpoints', url: `${PRIVATELINK}/gateway-endpoints.html` },
    ],
    see: ['gateway-endpoint', 'route-table'],
  },
  'endpoint-policy': {
    term: 'Endpoint policy',
    short: 'A policy on a VPC endpoint that says which principals, actions and resources may be reached through it.',
    body: 'The default allows everything. Narrow it to your buckets and the actions you need (for example s3:GetObject on arn:aws:s3:::my-bucket/*) so the endpoint cannot be used to copy data to someone else’s bucket.',
    aws: [
      {
        title: 'Control access to VPC endpoints using endpoint policies',
        url: `${PRIVATELINK}/vpc-endpoints-access.html`,
      },
    ],
    see: ['bucket-policy', 'gateway-endpoint'],
  },
  'bucket-policy': {
    term: 'Bucket policy',
    short: 'A policy on an S3 bucket that says who may do what with it, and from where.',
    body: 'A condition on aws:SourceVpce (one endpoint) or aws:SourceVpc (one VPC) in a Deny statement makes the bucket reachable only through your endpoint. Both the endpoint policy and the bucket policy must allow a request.',
    aws: [
      {
        title: 'Controlling access from VPC endpoints with bucket policies',
        url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html',
      },
    ],
    see: ['endpoint-policy', 's3-bucket'],
  },
  's3-bucket': {
    term: 'S3 bucket',
    short: 'A container for objects in Amazon S3, reached over the S3 API rather than placed in a subnet.',
    body: 'From a private subnet, reach it through a gateway endpoint (free, private) rather than a NAT gateway; its bucket policy can insist on that endpoint.',
    aws: [{ title: 'Gateway endpoints for Amazon S3', url: `${PRIVATELINK}/vpc-endpoints-s3.html` }],
    see: ['gateway-endpoint', 'bucket-policy'],
  },
  'aws-service': {
    term: 'AWS service endpoint',
    short: 'The public address of an AWS API such as SQS or STS.',
    body: 'From a private subnet, reach it through a NAT gateway, or privately through an interface endpoint (or a gateway endpoint for S3 and DynamoDB).',
    aws: [
      {
        title: 'Access AWS services through AWS PrivateLink',
        url: `${PRIVATELINK}/privatelink-access-aws-services.html`,
      },
    ],
    see: ['interface-endpoint', 'gateway-endpoint'],
  },
  internet: {
    term: 'The internet',
    short: 'Everything outside AWS’s private networks, reached through an internet gateway.',
    body: 'Only public addresses are routed on it. Traffic from the internet can reach an instance only through an internet gateway, to a public IPv4 or Elastic IP address, and only if its security group and network ACL allow it.',
    aws: [{ title: 'Enable internet access using an internet gateway', url: `${VPC}/VPC_Internet_Gateway.html` }],
    see: ['internet-gateway', 'network-reachability'],
  },
  'virtual-private-gateway': {
    term: 'Virtual private gateway',
    short: 'The AWS end of a Site-to-Site VPN or Direct Connect link, attached to one VPC.',
    body: 'Route your on-premises ranges to it (or let it propagate them into the route table). Like all gateways, a peered VPC cannot use it (no edge-to-edge routing).',
    aws: [
      { title: 'How AWS Site-to-Site VPN works', url: 'https://docs.aws.amazon.com/vpn/latest/s2svpn/VPC_VPN.html' },
    ],
    see: ['vpn-connection', 'route-table'],
  },
  'customer-gateway': {
    term: 'Customer gateway',
    short: 'AWS’s record of your on-premises VPN device: its public IP address and BGP ASN.',
    body: 'A VPN connection joins a customer gateway to a virtual private gateway (or transit gateway).',
    aws: [
      { title: 'How AWS Site-to-Site VPN works', url: 'https://docs.aws.amazon.com/vpn/latest/s2svpn/VPC_VPN.html' },
    ],
    see: ['vpn-connection'],
  },
  'vpn-connection': {
    term: 'Site-to-Site VPN connection',
    short: 'An encrypted link over the internet between your network and a VPC.',
    body: 'With static routing it carries only the on-premises ranges you list; with dynamic (BGP) routing your device advertises them.',
    aws: [
      { title: 'How AWS Site-to-Site VPN works', url: 'https://docs.aws.amazon.com/vpn/latest/s2svpn/VPC_VPN.html' },
      {
        title: 'Site-to-Site VPN routing options',
        url: 'https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNRoutingTypes.html',
      },
    ],
    see: ['virtual-private-gateway', 'customer-gateway'],
  },
  'direct-connect-gateway': {
    term: 'Direct Connect gateway',
    short: 'Joins a dedicated AWS Direct Connect line to the virtual private gateways of your VPCs.',
    body: 'It carries only the on-premises ranges it advertises. It does not route between the VPCs attached to it.',
    aws: [
      {
        title: 'Direct Connect gateways',
        url: 'https://docs.aws.amazon.com/directconnect/latest/UserGuide/direct-connect-gateways-intro.html',
      },
    ],
    see: ['virtual-private-gateway'],
  },
  'network-reachability': {
    term: 'Network reachability',
    short:
      'Which ports of which instances can actually be reached from the internet, given every route, gateway, ACL and security group on the way.',
    body: 'Amazon Inspector reports these as network reachability findings, and Reachability Analyzer traces one path hop by hop — as VPC Designer’s Traffic and Exposure panels do. Close a hole at the narrowest place: the security group rule that opens the port to 0.0.0.0/0.',
    aws: [
      {
        title: 'Amazon Inspector finding types (network reachability)',
        url: 'https://docs.aws.amazon.com/inspector/latest/user/findings-types.html',
      },
      {
        title: 'What is Reachability Analyzer?',
        url: 'https://docs.aws.amazon.com/vpc/latest/reachability/what-is-reachability-analyzer.html',
      },
    ],
    see: ['reachability-analyzer', 'security-group', 'internet-gateway'],
  },
  'reachability-analyzer': {
    term: 'Reachability Analyzer',
    short:
      'An AWS tool that checks whether one resource can reach another and, if not, names the component that blocks it.',
    body: 'Its explanation codes (such as ENI_SG_RULES_MISMATCH) are what VPC Designer shows under “Details” on a blocked flow.',
    aws: [
      {
        title: 'What is Reachability Analyzer?',
        url: 'https://docs.aws.amazon.com/vpc/latest/reachability/what-is-reachability-analyzer.html',
      },
      {
        title: 'Reachability Analyzer explanation codes',
        url: 'https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html',
      },
    ],
    see: ['network-reachability'],
  },
  'failure-drill': {
    term: 'Failure drill',
    short: 'Marking a resource or a whole Availability Zone as failed to see which traffic still gets through.',
    body: 'AWS routes do not move to a working target by themselves: a route to a failed NAT gateway drops traffic. A drill shows which flows depend on one zone, so you can give each zone its own path. AWS Fault Injection Service runs such experiments on real resources.',
    aws: [
      { title: 'NAT gateway basics (Availability Zone independence)', url: `${VPC}/nat-gateway-basics.html` },
      {
        title: 'What is AWS Fault Injection Service?',
        url: 'https://docs.aws.amazon.com/fis/latest/userguide/what-is.html',
      },
    ],
    see: ['high-availability', 'availability-zone'],
  },
} satisfies Record<string, GlossaryEntry>;

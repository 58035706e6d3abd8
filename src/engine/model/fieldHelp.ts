/**
 * The short help beside each inspector field ("what is it / when to use it"), by the field's label, and the
 * glossary entry that says more. The inspector's controls (panels/inspector/controls.tsx) show it as an info
 * button next to the label; a test checks that every field label the inspector uses has an entry here.
 * Numbered labels ("Secondary CIDR block 2", "Inbound rule 3") share one entry: `fieldHelp` drops the number.
 *
 * @example fieldHelp('Source/destination check')?.concept // 'source-dest-check'
 */
export interface FieldHelp {
  about: string;
  concept?: string;
}

const FIELD_HELP: Readonly<Record<string, FieldHelp>> = {
  Name: {
    about:
      'A label for people (AWS keeps it as the Name tag). Explanations and findings use it, so make it say what the resource is for.',
  },
  'Design name': { about: 'What this design is called in your library and in exported files.' },
  'Home region': {
    about: 'The Region new VPCs are placed in unless you choose another.',
    concept: 'availability-zone',
  },
  Account: {
    about:
      'The AWS account that owns it. Peering and security group references across accounts follow different rules.',
    concept: 'vpc-peering',
  },
  Description: {
    about: 'Free text for people. A security group’s description cannot be changed in AWS once it is created.',
  },
  VPC: { about: 'The VPC it belongs to.', concept: 'vpc' },
  Type: {
    about: 'Public when its route table sends 0.0.0.0/0 to an internet gateway, private otherwise.',
    concept: 'public-subnet',
  },
  Region: {
    about: 'The AWS Region it lives in. Gateway endpoints reach services only in their own Region.',
    concept: 'availability-zone',
  },
  'Primary CIDR block': {
    about: 'The VPC’s main address range, /16 to /28. Choose one that no network you will connect to uses.',
    concept: 'cidr-block',
  },
  'Secondary CIDR block': {
    about: 'An extra address range for the VPC when it runs out of addresses; it must not overlap the others.',
    concept: 'cidr-block',
  },
  'IPv4 CIDR block': {
    about:
      'The subnet’s address range, inside the VPC’s and overlapping no other subnet. AWS reserves five addresses of it.',
    concept: 'reserved-addresses',
  },
  'Availability zone': {
    about: 'The zone the subnet lives in. Put a public and a private subnet in each of two or more zones.',
    concept: 'availability-zone',
  },
  'Add availability zone': {
    about: 'Adds a zone this VPC uses, so you can place subnets in it.',
    concept: 'availability-zone',
  },
  'Auto-assign public IPv4 address': {
    about:
      'Gives instances launched here a public address, so they can use the internet gateway. Turn it on for public subnets only.',
    concept: 'public-subnet',
  },
  'Route table': {
    about: 'The routes this subnet’s traffic follows. Without one chosen, the VPC’s main route table applies.',
    concept: 'route-table',
  },
  'Network ACL': {
    about:
      'The stateless firewall at this subnet’s edge. Without one chosen, the VPC’s default ACL (allow all) applies.',
    concept: 'network-acl',
  },
  'DNS resolution': {
    about: 'Lets instances use the Amazon DNS server. Needed for private DNS on interface endpoints.',
    concept: 'private-dns',
  },
  'DNS hostnames': {
    about:
      'Gives instances with public addresses public DNS names. Needed, with DNS resolution, for private DNS on interface endpoints.',
    concept: 'private-dns',
  },
  'Instance type': {
    about: 'The server’s size. For a NAT instance it also sets how much traffic it can carry.',
    concept: 'nat-instance',
  },
  Subnet: {
    about: 'The subnet it is placed in; that decides its Availability Zone and which route table its traffic follows.',
    concept: 'subnet',
  },
  'Private IPv4 address': {
    about: 'Its address inside the VPC, from the subnet’s range. Leave it empty to let AWS choose.',
    concept: 'network-interface',
  },
  'Primary private IPv4 address': {
    about: 'The interface’s main address inside the VPC, from the subnet’s range.',
    concept: 'network-interface',
  },
  'Secondary private IPv4 address': {
    about: 'An extra address on the same interface, for example for a second service on one host.',
    concept: 'network-interface',
  },
  'Public IPv4 address': {
    about: 'The address the internet sees. Without one, a resource cannot use the internet gateway directly.',
    concept: 'elastic-ip',
  },
  'Source/destination check': {
    about:
      'On, it drops traffic not addressed to this interface. Turn it off on a NAT instance or another appliance that forwards traffic.',
    concept: 'source-dest-check',
  },
  'Attached to instance': {
    about: 'The instance this network interface is attached to, if any.',
    concept: 'network-interface',
  },
  'Device index': {
    about: 'The interface’s position on the instance; 0 is the primary interface.',
    concept: 'network-interface',
  },
  'Connectivity type': {
    about:
      'Public: reaches the internet through an internet gateway with an Elastic IP. Private: reaches only other private networks.',
    concept: 'nat-gateway',
  },
  'Security groups': {
    about:
      'The stateful firewalls that decide what may reach it and what it may send. Any group allowing the traffic is enough.',
    concept: 'security-group',
  },
  'Attached VPC': {
    about: 'The VPC this gateway serves. A gateway serves exactly one VPC.',
    concept: 'internet-gateway',
  },
  'Amazon side ASN': {
    about: 'The BGP autonomous system number on the AWS side of a VPN or Direct Connect link.',
    concept: 'vpn-connection',
  },
  'IP address': { about: 'The public IP address of your on-premises VPN device.', concept: 'customer-gateway' },
  'BGP ASN': {
    about: 'The BGP autonomous system number of your network, for dynamic routing.',
    concept: 'customer-gateway',
  },
  'Virtual private gateway': {
    about: 'The AWS end of the link, attached to a VPC.',
    concept: 'virtual-private-gateway',
  },
  'Customer gateway': { about: 'Your end of the link: your VPN device.', concept: 'customer-gateway' },
  'Static routes only': {
    about: 'On: the link carries only the on-premises ranges you list. Off: your device advertises them with BGP.',
    concept: 'vpn-connection',
  },
  'Static route': { about: 'An on-premises range this VPN connection carries.', concept: 'vpn-connection' },
  'Advertised CIDR': { about: 'An on-premises range the link advertises to AWS.', concept: 'vpn-connection' },
  'Associated virtual private gateways': {
    about: 'The VPCs’ gateways this Direct Connect gateway reaches.',
    concept: 'direct-connect-gateway',
  },
  'Requester VPC': { about: 'The VPC that asked for the peering connection.', concept: 'vpc-peering' },
  'Accepter VPC': {
    about: 'The VPC whose owner must accept the request before any traffic flows.',
    concept: 'vpc-peering',
  },
  Status: {
    about: 'Only an active peering connection carries traffic; a pending one must be accepted first.',
    concept: 'vpc-peering',
  },
  'Associated with': { about: 'What this Elastic IP address is attached to.', concept: 'elastic-ip' },
  'Used by': { about: 'The instances and interfaces that use this security group.', concept: 'security-group' },
  'Subnets using this table': { about: 'The subnets whose traffic follows these routes.', concept: 'route-table' },
  'Subnets using this ACL': { about: 'The subnets whose traffic this ACL filters.', concept: 'network-acl' },
  'Propagate routes from': {
    about: 'Adds the on-premises ranges a virtual private gateway learns to this table automatically.',
    concept: 'virtual-private-gateway',
  },
  'Destination type': {
    about: 'Route to a CIDR block, or to a prefix list (a named set of ranges, like S3’s).',
    concept: 'prefix-list',
  },
  Destination: {
    about: 'The addresses the rule or route matches. For routes the most specific match wins.',
    concept: 'route-table',
  },
  Source: {
    about: 'Where the traffic comes from: a CIDR block, a security group or a prefix list.',
    concept: 'security-group',
  },
  Target: {
    about: 'Where matching traffic goes: an internet gateway, NAT gateway, peering connection, endpoint or appliance.',
    concept: 'route-table',
  },
  Route: { about: 'One route: the destination it matches and the target it sends traffic to.', concept: 'route-table' },
  'Inbound rule': { about: 'Allows (or, in a network ACL, denies) traffic coming in.', concept: 'stateful-stateless' },
  'Outbound rule': {
    about:
      'Allows (or, in a network ACL, denies) traffic going out. In a network ACL, replies need outbound rules too.',
    concept: 'ephemeral-ports',
  },
  'Rule number': {
    about:
      'Network ACL rules are checked from the lowest number up; the first match decides. Leave gaps (100, 200…) to insert later.',
    concept: 'network-acl',
  },
  Action: {
    about: 'Allow or deny. Only network ACLs have deny rules; security groups only allow.',
    concept: 'network-acl',
  },
  Protocol: { about: 'TCP, UDP, ICMP or all. Web traffic is TCP 443 (HTTPS) or 80.', concept: 'security-group' },
  'Protocol number': {
    about: 'The IP protocol number, for protocols other than TCP, UDP and ICMP.',
    concept: 'security-group',
  },
  'Port range': {
    about: 'The destination ports the rule covers, e.g. 443 or 1024-65535 for replies.',
    concept: 'ephemeral-ports',
  },
  'ICMP type:code': {
    about: 'Which ICMP messages the rule covers; 8 is echo request (ping), -1 all.',
    concept: 'security-group',
  },
  'Endpoint type': {
    about:
      'Gateway for S3 and DynamoDB (a free route-table target); Interface for other services (private addresses in your subnets).',
    concept: 'gateway-endpoint',
  },
  Service: { about: 'The AWS service reached through this endpoint.', concept: 'interface-endpoint' },
  'Service name': { about: 'The service’s full name, like com.amazonaws.us-east-1.s3.', concept: 'interface-endpoint' },
  'Subnets (one per availability zone)': {
    about: 'Where the interface endpoint puts its network interfaces; one subnet in each zone its clients use.',
    concept: 'interface-endpoint',
  },
  'Route tables that get the prefix-list route': {
    about: 'Only subnets using these route tables send S3 or DynamoDB traffic through the gateway endpoint.',
    concept: 'gateway-endpoint',
  },
  'Private DNS names': {
    about: 'Makes the service’s usual name resolve to this endpoint, so applications use it without change.',
    concept: 'private-dns',
  },
  'Endpoint policy': {
    about: 'Which principals, actions and resources may be reached through this endpoint; the default allows all.',
    concept: 'endpoint-policy',
  },
  'Bucket name': {
    about: 'The bucket’s globally unique name, as it appears in ARNs (arn:aws:s3:::name).',
    concept: 's3-bucket',
  },
  'Bucket policy': {
    about: 'Who may do what with this bucket, and from where (aws:SourceVpce, aws:SourceVpc).',
    concept: 'bucket-policy',
  },
  'Restrict to endpoint': {
    about: 'Adds a bucket policy that denies requests not coming through this VPC endpoint.',
    concept: 'bucket-policy',
  },
};

/** The help for a field label, ignoring a trailing number ("Secondary CIDR block 2" → "Secondary CIDR block"). */
export function fieldHelp(label: string): FieldHelp | undefined {
  const key = label.replace(/ #?\d+$/, '');
  return Object.hasOwn(FIELD_HELP, key) ? FIELD_HELP[key] : undefined;
}

/** Every label with help, for tests. */
export function fieldHelpLabels(): string[] {
  return Object.keys(FIELD_HELP);
}

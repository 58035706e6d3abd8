import { describe, expect, it } from 'vitest';
import { get, load } from './testing.ts';
import { hasPublicIp, routeTableOfSubnet } from '../../model/queries.ts';
import { importDesignTextSync } from '../importSync.ts';

const BASE = `
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16, EnableDnsHostnames: true}
  Public:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs ''], MapPublicIpOnLaunch: true}
  Private:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [1, !GetAZs '']}
  Igw: {Type: AWS::EC2::InternetGateway}
  Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}
  PublicRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  ToInternet:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}
  PublicAssoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Public, RouteTableId: !Ref PublicRt}}
`;

describe('VPCs, subnets and routing', () => {
  const { design, report } = load(BASE, { region: 'eu-west-1' });

  // https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc-components.html (what AWS creates with a VPC)
  it('creates each VPC with its main route table, default network ACL and default security group', () => {
    const vpc = get(design, 'Vpc', 'vpc');
    expect(vpc).toMatchObject({
      cidrBlocks: ['10.0.0.0/16'],
      region: 'eu-west-1',
      enableDnsSupport: true,
      enableDnsHostnames: true,
    });
    expect(get(design, 'Vpc.MainRouteTable', 'routeTable')).toMatchObject({ vpcId: 'Vpc', main: true, routes: [] });
    expect(get(design, 'Vpc.DefaultNetworkAcl', 'networkAcl').inbound[0]).toMatchObject({
      action: 'allow',
      cidr: '0.0.0.0/0',
    });
    expect(get(design, 'Vpc.DefaultSecurityGroup', 'securityGroup').isDefault).toBe(true);
  });

  it('lists on each VPC the zones its subnets use, in the chosen region', () => {
    expect(get(design, 'Vpc', 'vpc').availabilityZones).toEqual(['eu-west-1a', 'eu-west-1b']);
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#subnet-route-tables
  it('associates subnets explicitly, and leaves the rest on the main route table', () => {
    expect(get(design, 'Public', 'subnet').routeTableId).toBe('PublicRt');
    expect(get(design, 'Private', 'subnet').routeTableId).toBeUndefined();
    expect(routeTableOfSubnet(design, get(design, 'Private', 'subnet'))?.id).toBe('Vpc.MainRouteTable');
  });

  it('keeps routes inside their table under their logical ids, and attaches the gateway', () => {
    expect(get(design, 'PublicRt', 'routeTable').routes).toEqual([
      { id: 'ToInternet', destinationCidrBlock: '0.0.0.0/0', targetId: 'Igw' },
    ]);
    expect(get(design, 'Igw', 'internetGateway').vpcId).toBe('Vpc');
  });

  it('accounts for every template resource', () => {
    expect(report.templateResources?.map((o) => [o.id, o.outcome.status])).toEqual([
      ['Vpc', 'modelled'],
      ['Public', 'modelled'],
      ['Private', 'modelled'],
      ['Igw', 'modelled'],
      ['Attach', 'merged'],
      ['PublicRt', 'modelled'],
      ['ToInternet', 'merged'],
      ['PublicAssoc', 'merged'],
    ]);
  });

  it('lays the design out', () => {
    expect(design.layout.Vpc).toBeDefined();
    expect(design.layout.Public).toBeDefined();
  });
});

describe('security groups and network ACLs', () => {
  const { design } = load(`${BASE}
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
        - {IpProtocol: "6", FromPort: "22", ToPort: "22", SourceSecurityGroupId: !GetAtt Vpc.DefaultSecurityGroup}
  Locked:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: locked
      VpcId: !Ref Vpc
      SecurityGroupEgress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8}]
  WebFromLocked:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: !Ref Web, IpProtocol: "-1", SourceSecurityGroupId: !GetAtt Locked.GroupId}
  WebOut:
    Type: AWS::EC2::SecurityGroupEgress
    Properties: {GroupId: !Ref Web, IpProtocol: udp, FromPort: 53, ToPort: 53, CidrIp: 10.0.0.2/32}
  Acl: {Type: AWS::EC2::NetworkAcl, Properties: {VpcId: !Ref Vpc}}
  AclIn:
    Type: AWS::EC2::NetworkAclEntry
    Properties: {NetworkAclId: !Ref Acl, RuleNumber: "100", Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 443, To: 443}}
  AclOut:
    Type: AWS::EC2::NetworkAclEntry
    Properties: {NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: -1, RuleAction: deny, Egress: true, CidrBlock: 0.0.0.0/0, PortRange: {From: 1, To: 2}}
  AclPing:
    Type: AWS::EC2::NetworkAclEntry
    Properties: {NetworkAclId: !Ref Acl, RuleNumber: 110, Protocol: 1, RuleAction: allow, CidrBlock: 10.0.0.0/16, Icmp: {Type: 8, Code: -1}, PortRange: {From: 1, To: 2}}
  AclAssoc: {Type: AWS::EC2::SubnetNetworkAclAssociation, Properties: {SubnetId: !Ref Private, NetworkAclId: !Ref Acl}}
`);

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html
  it('gives a group without egress rules the allow-all egress rule, and one with egress rules only those', () => {
    expect(get(design, 'Locked', 'securityGroup').egress).toEqual([
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/8' },
    ]);
  });

  it('reads inline rules, naming protocols and reading numbers given as text', () => {
    expect(get(design, 'Web', 'securityGroup').ingress.slice(0, 2)).toEqual([
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
      { protocol: 'tcp', fromPort: 22, toPort: 22, groupId: 'Vpc.DefaultSecurityGroup' },
    ]);
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroupegress.html
  it('adds standalone rules under their logical ids; a standalone egress rule keeps the default allow-all', () => {
    const web = get(design, 'Web', 'securityGroup');
    expect(web.ingress[2]).toEqual({
      id: 'WebFromLocked',
      protocol: '-1',
      fromPort: -1,
      toPort: -1,
      groupId: 'Locked',
    });
    expect(web.egress).toEqual([
      { protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' },
      { id: 'WebOut', protocol: 'udp', fromPort: 53, toPort: 53, cidr: '10.0.0.2/32' },
    ]);
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-networkaclentry.html
  it('reads NACL entries: direction from Egress, protocol numbers as names, ports for TCP and UDP, type and code for ICMP', () => {
    const acl = get(design, 'Acl', 'networkAcl');
    expect(acl.inbound).toEqual([
      { id: 'AclIn', ruleNumber: 100, protocol: 'tcp', cidr: '0.0.0.0/0', action: 'allow', fromPort: 443, toPort: 443 },
      // ICMP entries keep their type and code ("Icmp: The Internet Control Message Protocol (ICMP) code and type").
      {
        id: 'AclPing',
        ruleNumber: 110,
        protocol: 'icmp',
        cidr: '10.0.0.0/16',
        action: 'allow',
        fromPort: 8,
        toPort: -1,
      },
    ]);
    expect(acl.outbound).toEqual([
      { id: 'AclOut', ruleNumber: 100, protocol: '-1', cidr: '0.0.0.0/0', action: 'deny' },
    ]);
    expect(get(design, 'Private', 'subnet').networkAclId).toBe('Acl');
  });
});

// https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html — a prefix list is a set of CIDR blocks
// that rules and routes "reference ... as a set ... instead of referencing them individually".
describe('managed prefix lists', () => {
  const { design, report } = load(`${BASE}
  Offices:
    Type: AWS::EC2::PrefixList
    Properties: {PrefixListName: offices, AddressFamily: IPv4, MaxEntries: 4, Entries: [{Cidr: 192.0.2.0/24}, {Cidr: 198.51.100.0/25}]}
  V6:
    Type: AWS::EC2::PrefixList
    Properties: {PrefixListName: v6, AddressFamily: IPv6, MaxEntries: 1, Entries: [{Cidr: '2001:db8::/32'}]}
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh from the offices
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 22, ToPort: 22, SourcePrefixListId: !Ref Offices}]
  SgS3:
    Type: AWS::EC2::SecurityGroupEgress
    Properties: {GroupId: !Ref Sg, IpProtocol: tcp, FromPort: 443, ToPort: 443, DestinationPrefixListId: pl-63a5400a}
  ToOffices: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PublicRt, DestinationPrefixListId: !GetAtt Offices.PrefixListId, GatewayId: !Ref Igw}}
`);

  it('gives a rule naming a template prefix list one copy per entry, and keeps AWS lists by id', () => {
    const sg = get(design, 'Sg', 'securityGroup');
    expect(sg.ingress).toEqual([
      { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '192.0.2.0/24' },
      { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '198.51.100.0/25' },
    ]);
    expect(sg.egress.at(-1)).toMatchObject({ id: 'SgS3', prefixListId: 'pl-63a5400a' });
  });

  it("gives a route to a template prefix list one route per entry, under the route's id", () => {
    const routes = get(design, 'PublicRt', 'routeTable').routes.filter((r) => r.id === 'ToOffices');
    expect(routes.map((r) => r.destinationCidrBlock)).toEqual(['192.0.2.0/24', '198.51.100.0/25']);
  });

  it('reports the lists as folded into what names them, and IPv6 lists as not modelled', () => {
    expect(report.notModelled.join('\n')).toContain('V6');
    expect(Object.keys(design.resources)).not.toContain('Offices');
  });
});

describe('instances, interfaces and addresses', () => {
  const { design } = load(`${BASE}
  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: app, VpcId: !Ref Vpc}}
  Plain:
    Type: AWS::EC2::Instance
    Properties: {SubnetId: !Ref Private, InstanceType: t3.small}
  Fixed:
    Type: AWS::EC2::Instance
    Properties: {SubnetId: !Ref Private, PrivateIpAddress: 10.0.1.10, SecurityGroupIds: [!Ref Sg]}
  Nat:
    Type: AWS::EC2::Instance
    Properties:
      SourceDestCheck: false
      NetworkInterfaces:
        - {DeviceIndex: "0", SubnetId: !Ref Public, AssociatePublicIpAddress: true, GroupSet: [!Ref Sg], PrivateIpAddress: 10.0.0.50}
        - {DeviceIndex: 1, SubnetId: !Ref Private}
  Eni:
    Type: AWS::EC2::NetworkInterface
    Properties: {SubnetId: !Ref Private, PrivateIpAddresses: [{PrivateIpAddress: 10.0.1.20, Primary: false}, {PrivateIpAddress: 10.0.1.21, Primary: true}]}
  WithEni:
    Type: AWS::EC2::Instance
    Properties: {NetworkInterfaces: [{NetworkInterfaceId: !Ref Eni, DeviceIndex: 0}]}
  Ip: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}
  IpAssoc: {Type: AWS::EC2::EIPAssociation, Properties: {AllocationId: !GetAtt Ip.AllocationId, NetworkInterfaceId: !Ref Eni}}
  BareEni: {Type: AWS::EC2::NetworkInterface, Properties: {SubnetId: !Ref Public}}
  WithBareEni:
    Type: AWS::EC2::Instance
    Properties: {NetworkInterfaces: [{NetworkInterfaceId: !Ref BareEni, DeviceIndex: 0}]}
`);

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html
  it("gives an instance without security groups its VPC's default group", () => {
    expect(get(design, 'Plain', 'instance').securityGroupIds).toEqual(['Vpc.DefaultSecurityGroup']);
    expect(get(design, 'Fixed', 'instance').securityGroupIds).toEqual(['Sg']);
  });

  it('keeps given private IPs and picks free usable ones for the rest', () => {
    expect(get(design, 'Fixed', 'instance').privateIp).toBe('10.0.1.10');
    const picked = get(design, 'Plain', 'instance').privateIp;
    expect(picked).toMatch(/^10\.0\.1\.\d+$/);
    expect(['10.0.1.10', '10.0.1.20', '10.0.1.21', '10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3']).not.toContain(
      picked,
    );
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-instance-networkinterface.html
  it('reads the primary NetworkInterfaces entry: subnet, address, groups, public IP; and source/dest check', () => {
    const nat = get(design, 'Nat', 'instance');
    expect(nat).toMatchObject({
      subnetId: 'Public',
      privateIp: '10.0.0.50',
      securityGroupIds: ['Sg'],
      associatePublicIp: true,
      sourceDestCheck: false,
    });
    expect(get(design, 'Nat.eth1', 'networkInterface')).toMatchObject({
      subnetId: 'Private',
      instanceId: 'Nat',
      deviceIndex: 1,
    });
  });

  // The primary interface is the instance's interface: one address, even when AWS picks it.
  it('gives an instance the address AWS picks for the primary interface it names', () => {
    const eni = get(design, 'BareEni', 'networkInterface');
    expect(eni.privateIps).toHaveLength(1);
    expect(get(design, 'WithBareEni', 'instance').privateIp).toBe(eni.privateIps[0]);
  });

  it('takes an instance from the interface it names, and puts the Elastic IP of its primary interface on the instance', () => {
    expect(get(design, 'Eni', 'networkInterface')).toMatchObject({
      privateIps: ['10.0.1.21', '10.0.1.20'],
      instanceId: 'WithEni',
      deviceIndex: 0,
    });
    const withEni = get(design, 'WithEni', 'instance');
    expect(withEni).toMatchObject({ subnetId: 'Private', privateIp: '10.0.1.21', elasticIpId: 'Ip' });
    expect(hasPublicIp(design, withEni)).toBe(true);
    expect(get(design, 'Eni', 'networkInterface').elasticIpId).toBeUndefined();
  });

  it('follows the subnet for public IPs when the template does not say (MapPublicIpOnLaunch)', () => {
    expect(get(design, 'Plain', 'instance').associatePublicIp).toBeUndefined();
    // A stand-in outside the documentation ranges, which traces use for clients on the internet.
    expect(get(design, 'Ip', 'elasticIp').publicIp).toMatch(/^198\.19\./);
  });
});

describe('NAT gateways, peering, endpoints, VPN and S3', () => {
  const { design, report } = load(`${BASE}
  Other: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.1.0.0/16}}
  NatIp: {Type: AWS::EC2::EIP, Properties: {Address: 198.51.100.99}}
  OtherNatIp: {Type: AWS::EC2::EIP}
  OtherNat: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: !Ref Public, AllocationId: !Ref OtherNatIp}}
  Nat: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: !Ref Public, AllocationId: !GetAtt NatIp.AllocationId}}
  Peer: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc, PeerVpcId: !Ref Other}}
  Far: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc, PeerVpcId: vpc-0abc, PeerOwnerId: "999999999999", PeerRegion: eu-west-2}}
  S3: {Type: AWS::EC2::VPCEndpoint, Properties: {VpcId: !Ref Vpc, ServiceName: !Sub 'com.amazonaws.\${AWS::Region}.s3', RouteTableIds: [!Ref PublicRt]}}
  Ssm:
    Type: AWS::EC2::VPCEndpoint
    Properties: {VpcId: !Ref Vpc, VpcEndpointType: Interface, ServiceName: com.amazonaws.us-east-1.ssm, SubnetIds: [!Ref Private], PrivateDnsEnabled: true, PolicyDocument: '{"Statement": []}'}
  Vgw: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1}}
  VgwAttach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, VpnGatewayId: !Ref Vgw}}
  Prop: {Type: AWS::EC2::VPNGatewayRoutePropagation, Properties: {RouteTableIds: [!Ref PublicRt], VpnGatewayId: !Ref Vgw}, DependsOn: VgwAttach}
  Cgw: {Type: AWS::EC2::CustomerGateway, Properties: {IpAddress: 198.51.100.7, BgpAsn: 65010, Type: ipsec.1}}
  Vpn: {Type: AWS::EC2::VPNConnection, Properties: {VpnGatewayId: !Ref Vgw, CustomerGatewayId: !Ref Cgw, StaticRoutesOnly: true, Type: ipsec.1}}
  VpnRoute: {Type: AWS::EC2::VPNConnectionRoute, Properties: {VpnConnectionId: !Ref Vpn, DestinationCidrBlock: 192.168.0.0/16}}
  Bucket: {Type: AWS::S3::Bucket, Properties: {BucketName: data-bucket}}
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument: {Statement: [{Effect: Deny, Principal: '*', Action: 's3:*', Resource: !Sub '\${Bucket.Arn}/*'}]}
`);

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-eip.html — Address.
  it('keeps the address an Elastic IP names', () => {
    expect(get(design, 'NatIp', 'elasticIp').publicIp).toBe('198.51.100.99');
  });

  // Ref of an EIP is its address; a NAT gateway naming it that way still gets that Elastic IP.
  it('finds an Elastic IP by the address Ref gives', () => {
    const address = get(design, 'OtherNatIp', 'elasticIp').publicIp;
    expect(address).toMatch(/^198\.19\./);
    expect(get(design, 'OtherNat', 'natGateway').elasticIpId).toBe('OtherNatIp');
  });

  it('gives a public NAT gateway the Elastic IP its AllocationId names, and a private address', () => {
    expect(get(design, 'Nat', 'natGateway')).toMatchObject({
      subnetId: 'Public',
      connectivityType: 'public',
      elasticIpId: 'NatIp',
    });
    expect(get(design, 'Nat', 'natGateway').privateIp).toMatch(/^10\.0\.0\./);
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcpeeringconnection.html
  it('makes a same-account peering active, and a cross-account one without a role pending, with a note', () => {
    expect(get(design, 'Peer', 'peeringConnection')).toMatchObject({
      requesterVpcId: 'Vpc',
      accepterVpcId: 'Other',
      status: 'active',
    });
    expect(get(design, 'Far', 'peeringConnection').status).toBe('pending-acceptance');
    expect(get(design, 'vpc-0abc', 'vpc')).toMatchObject({ accountId: '999999999999', region: 'eu-west-2' });
    expect(report.warnings.join('\n')).toMatch(/Far peers with vpc-0abc in account 999999999999/);
    expect(report.placeholders).toContain('vpc-0abc (an existing VPC)');
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html
  it('defaults endpoints to Gateway; an interface endpoint without groups gets the default group; JSON policies are parsed', () => {
    expect(get(design, 'S3', 'vpcEndpoint')).toMatchObject({
      endpointType: 'Gateway',
      serviceName: 'com.amazonaws.us-east-1.s3',
      routeTableIds: ['PublicRt'],
      privateDnsEnabled: false,
    });
    expect(get(design, 'Ssm', 'vpcEndpoint')).toMatchObject({
      endpointType: 'Interface',
      subnetIds: ['Private'],
      securityGroupIds: ['Vpc.DefaultSecurityGroup'],
      privateDnsEnabled: true,
      policyDocument: { Statement: [] },
    });
  });

  it('attaches the virtual private gateway, propagates its routes and reads the VPN', () => {
    expect(get(design, 'Vgw', 'virtualPrivateGateway')).toMatchObject({ vpcId: 'Vpc', amazonSideAsn: 64512 });
    expect(get(design, 'PublicRt', 'routeTable').propagatingGatewayIds).toEqual(['Vgw']);
    expect(get(design, 'Cgw', 'customerGateway')).toMatchObject({ ipAddress: '198.51.100.7', bgpAsn: 65010 });
    expect(get(design, 'Vpn', 'vpnConnection')).toMatchObject({
      vpnGatewayId: 'Vgw',
      customerGatewayId: 'Cgw',
      staticRoutesOnly: true,
      onPremisesCidrs: ['192.168.0.0/16'],
    });
  });

  it('puts the bucket policy on the bucket, with its ARN resolved from the bucket name', () => {
    const bucket = get(design, 'Bucket', 's3Bucket');
    expect(bucket.bucketName).toBe('data-bucket');
    expect(bucket.policyDocument).toEqual({
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::data-bucket/*' }],
    });
  });
});

describe('conditions, unknown types and bad values', () => {
  it('skips resources whose Condition is false and lists them', () => {
    const { design, report } = load(`
Parameters: {Env: {Type: String, Default: dev}}
Conditions: {IsProd: !Equals [!Ref Env, prod]}
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  ProdSubnet: {Type: AWS::EC2::Subnet, Condition: IsProd, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}}
  Fn: {Type: AWS::Lambda::Function, Properties: {Runtime: !If [IsProd, python3.12, !Ref AWS::NoValue]}}
  Odd: {Type: banana}
`);
    expect(design.resources.ProdSubnet).toBeUndefined();
    expect(report.skipped).toEqual(['ProdSubnet (AWS::EC2::Subnet): its condition IsProd is false']);
    expect(report.notModelled).toEqual(['Fn (AWS::Lambda::Function)', 'Odd (banana)']);
  });

  it('imports a template with wrong property types, warning about each, so the rules can report the values', () => {
    const { design, report } = load(`
Resources:
  ListCidr: {Type: AWS::EC2::VPC, Properties: {CidrBlock: [10.0.0.0/16]}}
  NumberCidr: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10}}
  Bad: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref NumberCidr, CidrBlock: 10.0.0.0/33, AvailabilityZone: us-east-1a, MapPublicIpOnLaunch: maybe}}
`);
    expect(get(design, 'ListCidr', 'vpc').cidrBlocks).toEqual(['']);
    expect(get(design, 'NumberCidr', 'vpc').cidrBlocks).toEqual(['10']);
    expect(get(design, 'Bad', 'subnet')).toMatchObject({ cidrBlock: '10.0.0.0/33', mapPublicIpOnLaunch: false });
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        'ListCidr.CidrBlock should be text, but is a list; it was left empty.',
        'Bad.MapPublicIpOnLaunch should be true or false, but is "maybe"; using false.',
      ]),
    );
  });

  it('refuses a template whose Ref names nothing, as CloudFormation does', () => {
    const r = importDesignTextSync(
      'Resources:\n  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Ghost}}',
      'bad.yaml',
    );
    expect(r).toEqual({
      ok: false,
      error: 'bad.yaml: S refers to Ghost, which is not a parameter or resource in the template.',
    });
  });

  it('lists resources with non-alphanumeric logical ids as not imported', () => {
    const { report } = load('Resources:\n  my-vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}');
    expect(report.failed).toEqual(['my-vpc (AWS::EC2::VPC): logical ids must be alphanumeric (A–Z, a–z, 0–9)']);
  });

  it('uses the region of the zones a template hard-codes when no region is chosen', () => {
    const { design } = load(
      'Resources:\n  V: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref V, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-2a}}',
    );
    expect(get(design, 'V', 'vpc').region).toBe('eu-west-2');
    expect(
      load('Resources:\n  V: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}', { region: 'ap-south-1' })
        .design.region,
    ).toBe('ap-south-1');
  });
});

describe('robustness', () => {
  it('fails only the resources caught in an attribute cycle', () => {
    const { report, design } = load(`
Resources:
  A: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !GetAtt B.CidrBlock}}
  B: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !GetAtt A.CidrBlock}}
  C: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  D: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref C, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}}
  E: {Type: AWS::EC2::InternetGateway, Properties: }
`);
    expect(report.failed.map((f) => f.split(' ')[0])).toEqual(['A', 'B']);
    expect(report.failed[0]).toMatch(/depends on itself/);
    expect(Object.keys(design.resources)).toEqual(expect.arrayContaining(['C', 'D', 'E']));
  });

  it('never fails inside the importer, whatever type each property has', () => {
    const oddValues: unknown[] = [
      null,
      7,
      -1,
      true,
      'text',
      '',
      [],
      ['a', 3],
      [{ x: 1 }],
      {},
      { Ref: 'AWS::Region' },
      { a: { b: [] } },
      '10.0.0.0/33',
      'banana',
    ];
    let seed = 11;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const properties: Record<string, string[]> = {
      'AWS::EC2::VPC': ['CidrBlock', 'EnableDnsSupport', 'EnableDnsHostnames'],
      'AWS::EC2::Subnet': ['VpcId', 'CidrBlock', 'AvailabilityZone', 'MapPublicIpOnLaunch'],
      'AWS::EC2::RouteTable': ['VpcId'],
      'AWS::EC2::Route': ['RouteTableId', 'DestinationCidrBlock', 'GatewayId', 'NatGatewayId'],
      'AWS::EC2::SecurityGroup': ['VpcId', 'GroupDescription', 'SecurityGroupIngress', 'SecurityGroupEgress'],
      'AWS::EC2::SecurityGroupIngress': ['GroupId', 'IpProtocol', 'FromPort', 'ToPort', 'CidrIp'],
      'AWS::EC2::NetworkAclEntry': [
        'NetworkAclId',
        'RuleNumber',
        'Protocol',
        'RuleAction',
        'Egress',
        'CidrBlock',
        'PortRange',
      ],
      'AWS::EC2::NetworkAcl': ['VpcId'],
      'AWS::EC2::Instance': [
        'SubnetId',
        'SecurityGroupIds',
        'NetworkInterfaces',
        'PrivateIpAddress',
        'SourceDestCheck',
      ],
      'AWS::EC2::NetworkInterface': ['SubnetId', 'GroupSet', 'PrivateIpAddresses'],
      'AWS::EC2::NatGateway': ['SubnetId', 'AllocationId', 'ConnectivityType'],
      'AWS::EC2::EIPAssociation': ['AllocationId', 'InstanceId', 'NetworkInterfaceId'],
      'AWS::EC2::VPCEndpoint': [
        'VpcId',
        'ServiceName',
        'VpcEndpointType',
        'RouteTableIds',
        'SubnetIds',
        'PolicyDocument',
      ],
      'AWS::EC2::VPCPeeringConnection': ['VpcId', 'PeerVpcId', 'PeerOwnerId', 'PeerRegion'],
      'AWS::EC2::VPCGatewayAttachment': ['VpcId', 'InternetGatewayId', 'VpnGatewayId'],
      'AWS::EC2::VPNConnection': ['VpnGatewayId', 'CustomerGatewayId', 'StaticRoutesOnly'],
      'AWS::S3::BucketPolicy': ['Bucket', 'PolicyDocument'],
    };
    for (let round = 0; round < 200; round++) {
      const resources: Record<string, unknown> = {};
      Object.entries(properties).forEach(([type, names], i) => {
        const props: Record<string, unknown> = {};
        for (const name of names) props[name] = oddValues[Math.floor(next() * oddValues.length)];
        resources[`R${i}`] = { Type: type, Properties: props };
      });
      const r = importDesignTextSync(JSON.stringify({ Resources: resources }), 'odd.json');
      if (!r.ok) expect(r.error).not.toMatch(/could not be imported/);
    }
  });
});

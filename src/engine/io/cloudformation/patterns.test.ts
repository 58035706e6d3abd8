/**
 * Patterns met in real templates (see fixtures/realworld/SOURCE.md) that the importer once got wrong, each reduced
 * to a few lines: the import succeeds, every resource is accounted for, and `check` reports no error the template
 * does not have.
 */
import { describe, expect, it } from 'vitest';
import { get, load } from './testing.ts';
import type { Design } from '../../model/types.ts';
import { validateDesign } from '../../rules/index.ts';

const errorsOf = (design: Design) =>
  validateDesign(design)
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.rule} ${f.resources.join(',')}`);

const VPC = `
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Rt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}`;

// The AWS Quick Start VPC: `AvailabilityZones` is a List<AWS::EC2::AvailabilityZone::Name> without a default.
describe('an element of a list parameter without a value', () => {
  const { design, report } = load(`
Parameters:
  AvailabilityZones: {Type: 'List<AWS::EC2::AvailabilityZone::Name>'}
Resources:${VPC}
  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select ['0', !Ref AvailabilityZones]}}
  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select ['1', !Ref AvailabilityZones]}}
`);

  it('is an unknown zone of its own, so every subnet imports and zones stay apart', () => {
    expect(report.failed).toEqual([]);
    expect(get(design, 'A', 'subnet').availabilityZone).toBe('${AvailabilityZones}[0]');
    expect(get(design, 'B', 'subnet').availabilityZone).toBe('${AvailabilityZones}[1]');
    expect(errorsOf(design)).toEqual([]);
  });
});

// widdix/aws-cf-templates and many stacks built on a "parent" network stack import its outputs.
describe('values imported from another stack', () => {
  const { design, report } = load(`
Resources:${VPC}
  ToPeer: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: !ImportValue peer-CidrBlock, VpcPeeringConnectionId: !ImportValue peer-Connection}}
  Sub: {Type: AWS::EC2::Subnet, Properties: {VpcId: !ImportValue network-VPC, CidrBlock: !Select [1, !Cidr [!ImportValue network-CidrBlock, 4, 8]], AvailabilityZone: us-east-1a}}
  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: x, VpcId: !Ref Vpc, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: !ImportValue network-CidrBlock}]}}
`);

  it('are unknown, not invalid: no error for a CIDR nobody knows yet', () => {
    expect(report.failed).toEqual([]);
    expect(get(design, 'Rt', 'routeTable').routes[0]).toMatchObject({
      destinationCidrBlock: '${ImportValue:peer-CidrBlock}',
      targetId: 'peer-Connection',
    });
    expect(get(design, 'Sub', 'subnet')).toMatchObject({
      vpcId: 'network-VPC',
      cidrBlock: '${ImportValue:network-CidrBlock}',
    });
    expect(errorsOf(design)).toEqual([]);
  });
});

// A dual-stack VPC (openshift/release's shared dual-stack VPC, widdix's IPv6 VPCs): the model is IPv4-only.
describe('IPv6', () => {
  const template = `
Parameters:
  Ipv6Only: {Type: String, Default: 'no'}
Conditions:
  IsIpv6Only: !Equals [!Ref Ipv6Only, 'yes']
Resources:${VPC}
  V6: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true}}
  Dual:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [10.0.0.0/16, 4, 8]]
      Ipv6CidrBlock: !Select [0, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]]
      AvailabilityZone: us-east-1a
  Only6:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !If [IsIpv6Only, !Ref AWS::NoValue, 10.0.1.0/24]
      Ipv6Native: !If [IsIpv6Only, true, false]
      Ipv6CidrBlock: !Select [1, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]]
      AvailabilityZone: us-east-1b
  Eigw: {Type: AWS::EC2::EgressOnlyInternetGateway, Properties: {VpcId: !Ref Vpc}}
  Host: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref Dual, Ipv6AddressCount: 1}}
  To6: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: !Ref Eigw}}
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: x, VpcId: !Ref Vpc, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: '::/0'}]}
`;

  it('is read (blocks carved from the VPC’s IPv6 block), noted in the report and never checked', () => {
    const { design, report } = load(template);
    expect(report.failed).toEqual([]);
    expect(get(design, 'Dual', 'subnet').cidrBlock).toBe('10.0.0.0/24');
    expect(report.notModelled).toEqual(
      expect.arrayContaining([
        'V6 (AWS::EC2::VPCCidrBlock): IPv6 CIDR blocks are not modelled',
        'Eigw (AWS::EC2::EgressOnlyInternetGateway): an egress-only internet gateway carries IPv6 traffic only, and IPv6 is not modelled',
        'To6 (AWS::EC2::Route): IPv6 routes are not modelled',
      ]),
    );
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        'Dual also has an IPv6 block; IPv6 is not modelled, so only its IPv4 addresses are checked and traced.',
        'Sg has an IPv6 rule (::/0); IPv6 is not modelled, so it was left out.',
        'Host also has IPv6 addresses; IPv6 is not modelled, so only its IPv4 addresses are checked and traced.',
      ]),
    );
    expect(errorsOf(design)).toEqual([]);
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html: an IPv6-only subnet has no IPv4 block.
  it('keeps an IPv6-only subnet without an IPv4 block, and does not call that an error', () => {
    const { design, report } = load(template, { parameters: { Ipv6Only: 'yes' } });
    expect(get(design, 'Only6', 'subnet')).toMatchObject({ cidrBlock: '', ipv6Native: true });
    expect(report.warnings).toContain(
      'Only6 is an IPv6-only subnet; IPv6 is not modelled, so nothing inside it is checked or traced.',
    );
    expect(errorsOf(design)).toEqual([]);
  });
});

describe('a property the model does not read', () => {
  it('costs nothing when it cannot be resolved: the resource imports, and the report says what was left out', () => {
    const { design, report } = load(`
Resources:${VPC}
  Endpoint: {Type: AWS::EC2::VPCEndpoint, Properties: {VpcId: !Ref Vpc, ServiceName: com.amazonaws.us-east-1.s3, RouteTableIds: [!Ref Rt]}}
  S:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.0.0/24
      AvailabilityZone: us-east-1a
      Tags: [{Key: Name, Value: !Select [3, [a, b]]}]
`);
    expect(report.failed).toEqual([]);
    expect(get(design, 'S', 'subnet').cidrBlock).toBe('10.0.0.0/24');
    expect(report.warnings).toContain(
      'S.Tags.Value: Fn::Select index 3 is out of range (the list has 2). The model does not use S.Tags, so it was left out.',
    );
  });

  it('still fails the resource when the model needs it', () => {
    const { report } = load(
      `Resources:${VPC}\n  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: !Select [3, [a, b]], AvailabilityZone: us-east-1a}}`,
    );
    expect(report.failed).toEqual([
      'S (AWS::EC2::Subnet): S.CidrBlock: Fn::Select index 3 is out of range (the list has 2).',
    ]);
  });

  // A NAT instance whose AMI and type come from a region map without the chosen region.
  it('keeps an instance whose InstanceType cannot be resolved, and points at the regions the template supports', () => {
    const { design, report } = load(`
Mappings:
  Types: {ap-southeast-1: {Type: t3.micro}, ap-northeast-1: {Type: t3.micro}}
Resources:${VPC}
  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs ]}}
  Nat: {Type: AWS::EC2::Instance, Properties: {InstanceType: !FindInMap [Types, !Ref AWS::Region, Type], SubnetId: !Ref S, SourceDestCheck: false}}
  Out: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, InstanceId: !Ref Nat}}
`);
    expect(report.failed).toEqual([]);
    expect(get(design, 'Nat', 'instance')).toMatchObject({ sourceDestCheck: false, instanceType: 'm1.small' });
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        'The mapping Types has no entry for us-east-1, the region imported for: the template deploys only in ap-southeast-1, ap-northeast-1. Choose one of those regions to import it as it would deploy.',
        'Nat.InstanceType: Fn::FindInMap finds nothing at Types › us-east-1 › Type. InstanceType is only shown, so Nat was imported without it.',
      ]),
    );
    expect(errorsOf(design).filter((e) => e.startsWith('route-blackhole'))).toEqual([]);
    expect(
      get(
        load(
          `
Mappings:
  Types: {ap-southeast-1: {Type: t3.micro}}
Resources:${VPC}
  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs ]}}
  Nat: {Type: AWS::EC2::Instance, Properties: {InstanceType: !FindInMap [Types, !Ref AWS::Region, Type], SubnetId: !Ref S}}
`,
          { region: 'ap-southeast-1' },
        ).design,
        'Nat',
        'instance',
      ).instanceType,
    ).toBe('t3.micro');
  });
});

// aws-cloudformation-templates' EC2 samples: a group without VpcId and an instance without a subnet.
// https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
describe('the default VPC', () => {
  const { design, report } = load(`
Resources:
  Instance: {Type: AWS::EC2::Instance, Properties: {InstanceType: t3.micro, ImageId: ami-1, SecurityGroups: [!Ref Sg]}}
  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: ssh, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 198.51.100.0/24}]}}
  Ip: {Type: AWS::EC2::EIP}
  IpAssoc: {Type: AWS::EC2::EIPAssociation, Properties: {InstanceId: !Ref Instance, EIP: !Ref Ip}}
`);

  it('holds a group that names no VPC and an instance that names no subnet, drawn as existing', () => {
    expect(report.failed).toEqual([]);
    expect(get(design, 'Sg', 'securityGroup').vpcId).toBe('DefaultVpc');
    expect(get(design, 'DefaultVpc', 'vpc')).toMatchObject({
      external: true,
      name: 'default VPC (not in the template)',
    });
    expect(get(design, 'Instance', 'instance')).toMatchObject({
      subnetId: 'DefaultVpc.DefaultSubnet.us-east-1a',
      securityGroupIds: ['Sg'],
      elasticIpId: 'Ip',
    });
    expect(get(design, 'DefaultVpc.DefaultSubnet.us-east-1a', 'subnet')).toMatchObject({
      external: true,
      vpcId: 'DefaultVpc',
      mapPublicIpOnLaunch: true,
    });
    expect(report.warnings).toContain(
      'Instance names no subnet, so it launches in the default subnet of us-east-1a in the default VPC, drawn as an existing subnet.',
    );
    expect(errorsOf(design)).toEqual([]);
  });
});

describe('security group ports', () => {
  const { design, report } = load(`
Resources:${VPC}
  Db: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-postgresql}}
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: x, VpcId: !Ref Vpc, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: -1, ToPort: -1, CidrIp: 10.200.0.0/16}]}
  FromApp: {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: !Ref Sg, IpProtocol: tcp, FromPort: !GetAtt Db.Endpoint.Port, ToPort: !GetAtt Db.Endpoint.Port, SourceSecurityGroupId: !Ref Sg}}
`);

  // The CLI's `--port all` for TCP sends FromPort -1, ToPort -1 (aws-cli tests/functional/ec2/test_security_group_operations.py).
  it('reads TCP -1 to -1 as every port', () => {
    expect(get(design, 'Sg', 'securityGroup').ingress[0]).toMatchObject({
      protocol: 'tcp',
      fromPort: 0,
      toPort: 65535,
    });
  });

  it('reads a port only known once deployed as every port, and says so', () => {
    expect(get(design, 'Sg', 'securityGroup').ingress[1]).toMatchObject({
      id: 'FromApp',
      fromPort: 0,
      toPort: 65535,
      groupId: 'Sg',
    });
    expect(report.warnings).toContain(
      'FromApp has a tcp rule whose port is not known before deployment (${GetAtt:Db.Endpoint.Port}); it is read as every port.',
    );
    expect(report.warnings.join('\n')).not.toMatch(/should be a whole number/);
  });
});

describe('attributes only known once deployed', () => {
  it('are unknown values: a nested stack’s output names an existing route table, a DNS entry splits', () => {
    const { design, report } = load(`
Resources:${VPC}
  Network: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: https://example.com/network.yaml}}
  Out: {Type: AWS::EC2::Route, Properties: {RouteTableId: !GetAtt Network.Outputs.PrivateRouteTable, DestinationCidrBlock: !GetAtt Network.Outputs.OfficeCidr, GatewayId: vgw-0123}}
  Endpoint: {Type: AWS::EC2::VPCEndpoint, Properties: {VpcId: !Ref Vpc, VpcEndpointType: Interface, ServiceName: com.amazonaws.us-east-1.ssm}}
  Peer:
    Type: AWS::EC2::Instance
    Properties:
      SubnetId: !GetAtt Network.Outputs.Subnet
      UserData: !Base64 {'Fn::Sub': ['echo \${Dns}', {Dns: !Select [1, !Split [':', !Select [0, !GetAtt Endpoint.DnsEntries]]]}]}
`);
    expect(report.failed).toEqual([]);
    expect(report.notModelled).toContain(
      'Network (AWS::CloudFormation::Stack): a nested stack is not expanded: the resources of its template are not imported',
    );
    expect(get(design, 'Network.Outputs.PrivateRouteTable', 'routeTable').routes[0]).toMatchObject({
      id: 'Out',
      destinationCidrBlock: '${GetAtt:Network.Outputs.OfficeCidr}',
    });
    expect(get(design, 'Peer', 'instance').subnetId).toBe('Network.Outputs.Subnet');
    expect(errorsOf(design)).toEqual([]);
  });
});

describe('not modelled, with the reason', () => {
  it('names transit gateways, and a VPN connection to one; a route to one is no blackhole, only untraced', () => {
    const { design, report } = load(`
Resources:${VPC}
  Tgw: {Type: AWS::EC2::TransitGateway, Properties: {AmazonSideAsn: 64512}}
  Attach: {Type: AWS::EC2::TransitGatewayAttachment, Properties: {TransitGatewayId: !Ref Tgw, VpcId: !Ref Vpc, SubnetIds: []}}
  ToTgw: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 10.1.0.0/16, TransitGatewayId: !Ref Tgw}}
  Cgw: {Type: AWS::EC2::CustomerGateway, Properties: {Type: ipsec.1, BgpAsn: 65000, IpAddress: 198.51.100.7}}
  Vpn: {Type: AWS::EC2::VPNConnection, Properties: {Type: ipsec.1, CustomerGatewayId: !Ref Cgw, TransitGatewayId: !Ref Tgw}}
`);
    expect(report.notModelled).toEqual(
      expect.arrayContaining([
        'Tgw (AWS::EC2::TransitGateway): transit gateways are not modelled: traffic routed to one goes nowhere in traces',
        'Attach (AWS::EC2::TransitGatewayAttachment): transit gateways are not modelled: traffic routed to one goes nowhere in traces',
        'Vpn (AWS::EC2::VPNConnection): VPN connections to a transit gateway are not modelled',
      ]),
    );
    expect(report.warnings).toContain(
      'ToTgw targets Tgw (TransitGateway), which is not modelled: traffic on this route goes nowhere in traces.',
    );
    expect(get(design, 'Rt', 'routeTable').routes[0]).toMatchObject({ id: 'ToTgw', targetId: '${NotModelled:Tgw}' });
    expect(errorsOf(design)).toEqual([]);
  });

  // Gateway Load Balancer endpoints send traffic through inspection appliances: routes name them.
  it('leaves out a Gateway Load Balancer endpoint, and the routes to it are no blackhole', () => {
    const { design, report } = load(`
Resources:${VPC}
  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}}
  Gwlbe: {Type: AWS::EC2::VPCEndpoint, Properties: {VpcId: !Ref Vpc, VpcEndpointType: GatewayLoadBalancer, ServiceName: com.amazonaws.vpce.us-east-1.vpce-svc-1, SubnetIds: [!Ref S]}}
  Out: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, VpcEndpointId: !Ref Gwlbe}}
`);
    expect(report.notModelled).toContain(
      'Gwlbe (AWS::EC2::VPCEndpoint): Gateway Load Balancer endpoints are not modelled: traffic routed to one goes nowhere in traces',
    );
    expect(get(design, 'Rt', 'routeTable').routes[0]!.targetId).toBe('${NotModelled:Gwlbe}');
    expect(errorsOf(design)).toEqual([]);
    // Ingress routing through the appliance: the VPC's whole block to the endpoint (middlebox routing).
    const inbound = load(`
Resources:${VPC}
  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}}
  Gwlbe: {Type: AWS::EC2::VPCEndpoint, Properties: {VpcId: !Ref Vpc, VpcEndpointType: GatewayLoadBalancer, ServiceName: com.amazonaws.vpce.us-east-1.vpce-svc-1, SubnetIds: [!Ref S]}}
  In: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 10.0.0.0/16, VpcEndpointId: !Ref Gwlbe}}
`);
    expect(errorsOf(inbound.design)).toEqual([]);
  });

  it('reports an AWS::Include snippet instead of failing on its key', () => {
    const { report } = load(`Resources:${VPC}
  Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://bucket/snippet.yaml}}`);
    expect(report.failed).toEqual([]);
    expect(report.notModelled).toContain(
      'Fn::Transform (Fn::Transform): a snippet the template includes (AWS::Include) is not fetched: the resources it adds are not imported',
    );
  });
});

// https://docs.aws.amazon.com/vpc/latest/ipam/what-it-is-ipam.html: the block is allocated at creation.
describe('blocks from an IPAM pool', () => {
  it('are only known once deployed, so no "no CIDR block" error', () => {
    const { design, report } = load(`
Resources:
  Pool: {Type: AWS::EC2::IPAMPool, Properties: {AddressFamily: ipv4, IpamScopeId: scope}}
  Vpc: {Type: AWS::EC2::VPC, Properties: {Ipv4IpamPoolId: !Ref Pool, Ipv4NetmaskLength: 16}}
  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, Ipv4IpamPoolId: !Ref Pool, Ipv4NetmaskLength: 24, AvailabilityZone: us-east-1a}}
  T: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: !Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]], AvailabilityZone: us-east-1b}}
`);
    expect(get(design, 'Vpc', 'vpc').cidrBlocks).toEqual(['${GetAtt:Vpc.CidrBlock}']);
    expect(get(design, 'S', 'subnet').cidrBlock).toBe('${GetAtt:S.CidrBlock}');
    expect(report.failed).toEqual([]);
    expect(errorsOf(design)).toEqual([]);
  });
});

describe('a secondary block from an IPAM pool', () => {
  it('is unknown, so a subnet inside it is not called outside the VPC', () => {
    const { design } = load(`
Resources:${VPC}
  Extra: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Vpc, Ipv4IpamPoolId: pool-1, Ipv4NetmaskLength: 20}}
  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 100.64.0.0/24, AvailabilityZone: us-east-1a}}
`);
    expect(get(design, 'Vpc', 'vpc').cidrBlocks).toEqual(['10.0.0.0/16', '${GetAtt:Extra.CidrBlock}']);
    expect(errorsOf(design)).toEqual([]);
  });
});

// A template pinned to a region by its endpoint service names imports there when no region is chosen.
describe('the region a template names', () => {
  it('is taken from endpoint service names too, so their endpoints are not in the wrong region', () => {
    const { design, report } = load(`
Resources:${VPC}
  S3: {Type: AWS::EC2::VPCEndpoint, Properties: {VpcId: !Ref Vpc, ServiceName: com.amazonaws.eu-west-1.s3, RouteTableIds: [!Ref Rt]}}
  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}}
`);
    expect(design.region).toBe('eu-west-1');
    expect(report.warnings).toContain(
      "No region was chosen: using eu-west-1, the region the template's zones and endpoint services name.",
    );
    expect(errorsOf(design)).toEqual([]);
  });
});

// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-supplied-parameter-types.html
describe('Systems Manager parameters', () => {
  const template = `
Parameters:
  VpcCidr: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /network/vpc/cidr}
  Ami: {Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !Ref VpcCidr}}
  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: !Select [0, !Cidr [!Ref VpcCidr, 2, 8]], AvailabilityZone: us-east-1a}}
  I: {Type: AWS::EC2::Instance, Properties: {ImageId: !Ref Ami, SubnetId: !Ref S}}
`;

  it('are unknown: their Default names the parameter in Parameter Store, not its value', () => {
    const { design, report } = load(template);
    expect(get(design, 'Vpc', 'vpc').cidrBlocks).toEqual(['${VpcCidr}']);
    expect(report.failed).toEqual([]);
    expect(report.warnings).toContain(
      'Parameter VpcCidr is read from Systems Manager Parameter Store ("/network/vpc/cidr"), so its value is unknown here (shown as ${VpcCidr}); give it with --param VpcCidr=<value> to check what depends on it.',
    );
    expect(report.warnings.join('\n')).not.toMatch(/Parameter Ami /);
    expect(errorsOf(design)).toEqual([]);
  });

  it('take a value given for them', () => {
    expect(get(load(template, { parameters: { VpcCidr: '10.9.0.0/16' } }).design, 'S', 'subnet').cidrBlock).toBe(
      '10.9.0.0/24',
    );
  });
});

// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html
describe('Fn::ForEach (AWS::LanguageExtensions)', () => {
  const template = `
Transform: AWS::LanguageExtensions
Parameters:
  Zones: {Type: CommaDelimitedList, Default: "a,b"}
  Tiers: {Type: CommaDelimitedList}
Mappings:
  Index: {a: {N: 0}, b: {N: 1}}
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Fn::ForEach::Subnets:
    - Zone
    - !Ref Zones
    - Subnet\${Zone}:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: !Ref Vpc
          AvailabilityZone: !Sub '\${AWS::Region}\${Zone}'
          CidrBlock: !Select [!FindInMap [Index, !Ref Zone, N], !Cidr [10.0.0.0/16, 4, 8]]
      Fn::ForEach::Tables:
        - Kind
        - [public, private]
        - '&{Kind}Rt\${Zone}': {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  Fn::ForEach::ByTier:
    - Tier
    - !Ref Tiers
    - Sg\${Tier}: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: !Ref Tier, VpcId: !Ref Vpc}}
Outputs:
  Fn::ForEach::Out:
    - Zone
    - !Ref Zones
    - Subnet\${Zone}Id: {Value: !Ref 'Subnet\${Zone}'}
`;

  it('expands loops, nested ones too, with ${Identifier}, &{Identifier} and Ref replaced', () => {
    const { design, report } = load(template);
    expect(get(design, 'Subneta', 'subnet')).toMatchObject({
      availabilityZone: 'us-east-1a',
      cidrBlock: '10.0.0.0/24',
    });
    expect(get(design, 'Subnetb', 'subnet')).toMatchObject({
      availabilityZone: 'us-east-1b',
      cidrBlock: '10.0.1.0/24',
    });
    expect(
      Object.keys(design.resources)
        .filter((id) => /Rt[ab]$/.test(id))
        .sort(),
    ).toEqual(['privateRta', 'privateRtb', 'publicRta', 'publicRtb']);
    expect(report.warnings.join('\n')).not.toMatch(/Transform/);
  });

  it('reports a loop over a list nobody has given, and expands it once given', () => {
    expect(load(template).report.notModelled).toContain(
      'Fn::ForEach::ByTier (Fn::ForEach): a loop over a list that is not known here (a parameter without a value) was not expanded',
    );
    expect(get(load(template, { parameters: { Tiers: 'web,db' } }).design, 'Sgdb', 'securityGroup').description).toBe(
      'db',
    );
  });
});

/**
 * Templates that refer to what they do not define: existing resources named by parameters or literal ids become
 * stand-in records marked `external`, and values left to parameters without a default stay unknown (`${Name}`).
 * A parameter without a Default has no value until the stack is created with one:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 */
import { describe, expect, it } from 'vitest';
import { get, load } from './testing.ts';
import { importDesignTextSync } from '../importSync.ts';

const TEMPLATE = `
Parameters:
  VpcId: {Type: 'AWS::EC2::VPC::Id'}
  SubnetCidr: {Type: String}
  PrimaryIp: {Type: String}
  AppSg: {Type: 'AWS::EC2::SecurityGroup::Id', Default: sg-0123456789abcdef0}
  Igw: {Type: String, Default: igw-0123456789abcdef0}
  Peering: {Type: String}
  Nat: {Type: String}
Resources:
  App: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VpcId, CidrBlock: !Ref SubnetCidr, AvailabilityZone: us-east-1a}}
  Carved: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VpcId, CidrBlock: !Select [1, !Cidr [!Ref SubnetCidr, 4, 6]], AvailabilityZone: us-east-1b}}
  Rt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref VpcId}}
  ToInternet: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}
  ToPeer: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: !Ref Peering}}
  ToNat: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 10.2.0.0/16, NatGatewayId: !Ref Nat}}
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      VpcId: !Ref VpcId
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: !Ref AppSg}
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, SourceSecurityGroupId: !Ref Later}
  Later: {Type: AWS::EC2::SecurityGroup, Properties: {VpcId: !Ref VpcId, GroupDescription: defined after Web}}
  Server: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref App, PrivateIpAddress: !Ref PrimaryIp, SecurityGroupIds: [!Ref AppSg, !Ref Web]}}
`;

describe('existing resources named by parameters or ids the template does not define', () => {
  const { design, report } = load(TEMPLATE);

  it("draws an existing VPC under the parameter's name, marked external, with what AWS creates alongside it", () => {
    expect(get(design, 'VpcId', 'vpc')).toMatchObject({ external: true, cidrBlocks: [] });
    for (const id of ['VpcId.MainRouteTable', 'VpcId.DefaultNetworkAcl', 'VpcId.DefaultSecurityGroup'])
      expect(design.resources[id]?.external, id).toBe(true);
    expect(get(design, 'App', 'subnet')).toMatchObject({ vpcId: 'VpcId' });
    expect(get(design, 'App', 'subnet')).not.toHaveProperty('external');
    expect(report.placeholders).toContain('VpcId (an existing VPC)');
  });

  it("stands in for existing security groups an instance or a rule names, but not for the template's own groups read later", () => {
    expect(get(design, 'sg-0123456789abcdef0', 'securityGroup')).toMatchObject({ external: true, vpcId: 'VpcId' });
    expect(get(design, 'Server', 'instance').securityGroupIds).toEqual(['sg-0123456789abcdef0', 'Web']);
    expect(get(design, 'Web', 'securityGroup').ingress.map((r) => r.groupId)).toEqual([
      'sg-0123456789abcdef0',
      'Later',
    ]);
    expect(get(design, 'Later', 'securityGroup')).not.toHaveProperty('external');
    expect(report.placeholders.filter((p) => p.startsWith('Later'))).toEqual([]);
  });

  it('takes a route to an existing gateway or peering connection as it is: an external record, not a blackhole', () => {
    expect(get(design, 'igw-0123456789abcdef0', 'internetGateway')).toMatchObject({ external: true, vpcId: 'VpcId' });
    expect(get(design, 'Peering', 'peeringConnection')).toMatchObject({
      external: true,
      requesterVpcId: 'VpcId',
      accepterVpcId: 'Peering.PeerVpc',
      status: 'active',
    });
    expect(get(design, 'Peering.PeerVpc', 'vpc')).toMatchObject({ external: true, cidrBlocks: [] });
    expect(get(design, 'Rt', 'routeTable').routes.map((r) => r.targetId)).toEqual([
      'igw-0123456789abcdef0',
      'Peering',
      '${Nat}',
    ]);
    expect(report.warnings.join('\n')).toContain(
      'ToInternet targets igw-0123456789abcdef0, which the template does not define',
    );
  });
});

describe('values left to parameters without a default', () => {
  const { design, report } = load(TEMPLATE);

  it('are unknown (${Name}), also when carved by Fn::Cidr, and the report says which parameters', () => {
    expect(get(design, 'App', 'subnet').cidrBlock).toBe('${SubnetCidr}');
    expect(get(design, 'Carved', 'subnet').cidrBlock).toBe('${SubnetCidr}');
    expect(get(design, 'Server', 'instance').privateIp).toBe('${PrimaryIp}');
    expect(report.warnings[0]).toBe(
      'Parameters without a default: VpcId, SubnetCidr, PrimaryIp, Peering, Nat. Values that depend on them are unknown (shown as ${Name}), so checks that need them are skipped.',
    );
  });

  it('take the values supplied instead: existing resources are named by them', () => {
    const { design: given } = load(TEMPLATE, {
      parameters: {
        VpcId: 'vpc-0abc',
        SubnetCidr: '10.0.0.0/24',
        PrimaryIp: '10.0.0.10',
        Peering: 'pcx-0abc',
        Nat: 'nat-0abc',
      },
    });
    expect(get(given, 'vpc-0abc', 'vpc').external).toBe(true);
    expect(get(given, 'App', 'subnet')).toMatchObject({ vpcId: 'vpc-0abc', cidrBlock: '10.0.0.0/24' });
    expect(get(given, 'Carved', 'subnet').cidrBlock).toBe('10.0.0.64/26');
    expect(get(given, 'Server', 'instance').privateIp).toBe('10.0.0.10');
    expect(get(given, 'pcx-0abc', 'peeringConnection').external).toBe(true);
  });

  it('notes conditions that compare a parameter without a value', () => {
    const { report: r } = load(`
Parameters: {Size: {Type: String}}
Conditions: {Big: !Equals [!Ref Size, large]}
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Extra: {Type: AWS::EC2::Subnet, Condition: Big, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a}}
`);
    expect(r.skipped).toEqual(['Extra (AWS::EC2::Subnet): its condition Big is false']);
    expect(r.warnings).toContain(
      'Conditions that compare Size, a parameter without a default, were evaluated with its value unknown (not equal to anything).',
    );
  });
});

describe('refusing parameter values the template cannot take', () => {
  it('names a parameter the template does not declare, and the ones it does', () => {
    expect(importDesignTextSync(TEMPLATE, 't.yaml', { parameters: { PrimaryIP: '10.0.0.1' } })).toEqual({
      ok: false,
      error:
        't.yaml: A value was given for the parameter PrimaryIP, which the template does not declare (it declares VpcId, SubnetCidr, PrimaryIp, AppSg, Igw, Peering, Nat).',
    });
  });
});

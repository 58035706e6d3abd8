/**
 * What real templates do with instances and security groups: instances launched from a launch template of the
 * same template, groups named rather than referenced by id (the default VPC's way, where every VPC's default group
 * is named "default"), and peerings whose PeerRegion names another region.
 */
import { describe, expect, it } from 'vitest';
import { get, load } from './testing.ts';
import { validateDesign } from '../../rules/index.ts';

const NETWORK = `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.95.0.0/16}}
  Sub: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.95.1.0/24, AvailabilityZone: us-east-1a}}
  Other: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.95.2.0/24, AvailabilityZone: us-east-1b}}
  WebSg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: web, VpcId: !Ref Vpc}}
  AdminSg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: admin, VpcId: !Ref Vpc}}
`;

// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-instance-launchtemplatespecification.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-launchtemplate-networkinterface.html
// (a launch template's interface names its groups "Groups"); parameters given on the instance override the launch template's.
describe('instances launched from a launch template of the template', () => {
  const { design, report } = load(`${NETWORK}
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: !Sub "\${AWS::StackName}-web"
      LaunchTemplateData:
        InstanceType: t3.small
        UserData: !Base64 {"Fn::Sub": "echo \${Unknowable.Attribute}"}
        NetworkInterfaces:
          - {DeviceIndex: 0, SubnetId: !Ref Sub, Groups: [!Ref WebSg], PrivateIpAddress: 10.95.1.20, AssociatePublicIpAddress: true}
  ByIdLt: {Type: AWS::EC2::LaunchTemplate, Properties: {LaunchTemplateData: {SecurityGroupIds: [!Ref WebSg]}}}
  Unknowable: {Type: AWS::SQS::Queue}
  ById:
    Type: AWS::EC2::Instance
    Properties: {LaunchTemplate: {LaunchTemplateId: !Ref Lt, Version: !GetAtt Lt.LatestVersionNumber}}
  ByName:
    Type: AWS::EC2::Instance
    Properties: {SubnetId: !Ref Other, SecurityGroupIds: [!Ref AdminSg], LaunchTemplate: {LaunchTemplateName: !Sub "\${AWS::StackName}-web", Version: "1"}}
  GroupsOnly:
    Type: AWS::EC2::Instance
    Properties: {SubnetId: !Ref Sub, InstanceType: m5.large, LaunchTemplate: {LaunchTemplateId: !Ref ByIdLt, Version: "1"}}
  Elsewhere:
    Type: AWS::EC2::Instance
    Properties: {SubnetId: !Ref Sub, LaunchTemplate: {LaunchTemplateId: lt-0123456789abcdef0, Version: "1"}}
`);

  it("takes the launch template's subnet, address, groups, public address and type", () => {
    expect(get(design, 'ById', 'instance')).toMatchObject({
      subnetId: 'Sub',
      privateIp: '10.95.1.20',
      securityGroupIds: ['WebSg'],
      associatePublicIp: true,
      instanceType: 't3.small',
    });
  });

  it("finds the launch template by name, and lets the instance's own subnet and groups override it", () => {
    const byName = get(design, 'ByName', 'instance');
    expect(byName).toMatchObject({ subnetId: 'Other', securityGroupIds: ['AdminSg'], instanceType: 't3.small' });
    // The launch template's fixed address stays in the request, and does not fit the instance's own subnet.
    expect(byName.privateIp).toBe('10.95.1.20');
    expect(
      validateDesign(design)
        .filter((f) => f.rule === 'private-ip-in-subnet')
        .map((f) => f.resources[0]),
    ).toEqual(['ByName']);
    expect(get(design, 'GroupsOnly', 'instance')).toMatchObject({
      subnetId: 'Sub',
      securityGroupIds: ['WebSg'],
      instanceType: 'm5.large',
    });
  });

  it('reports the launch templates as folded into an instance, and one outside the template as unknown', () => {
    const outcomes = report.templateResources ?? [];
    expect(outcomes.find((o) => o.id === 'Lt')?.outcome).toEqual({ status: 'merged', into: 'ById' });
    expect(outcomes.find((o) => o.id === 'ByIdLt')?.outcome).toEqual({ status: 'merged', into: 'GroupsOnly' });
    expect(report.warnings).toContain(
      "Elsewhere launches from the launch template lt-0123456789abcdef0, which the template does not define; its network settings are unknown, so only Elsewhere's own are read.",
    );
    expect(get(design, 'Elsewhere', 'instance').subnetId).toBe('Sub');
    expect(Object.keys(design.resources)).not.toContain('DefaultVpc');
  });
});

// https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html: every VPC has a default security group
// named "default"; the default VPC's groups may be named in SecurityGroups and SourceSecurityGroupName.
describe('security groups by name in the default VPC', () => {
  const { design } = load(`
Resources:
  LegacySg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: default-VPC group
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupName: default}]
  Named: {Type: AWS::EC2::SecurityGroup, Properties: {GroupName: peer-named, GroupDescription: named}}
  Box: {Type: AWS::EC2::Instance, Properties: {ImageId: ami-0123456789abcdef0, SecurityGroups: [!Ref LegacySg, peer-named, default]}}
`);

  it('reads "default" as the default VPC\'s default group, and other names as the template\'s groups', () => {
    expect(get(design, 'Box', 'instance').securityGroupIds).toEqual([
      'LegacySg',
      'Named',
      'DefaultVpc.DefaultSecurityGroup',
    ]);
    expect(get(design, 'LegacySg', 'securityGroup').ingress).toEqual([
      { protocol: 'tcp', fromPort: 80, toPort: 80, groupId: 'DefaultVpc.DefaultSecurityGroup' },
    ]);
  });
});

// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html: "You cannot reference the security
// group of a peer VPC that's in a different Region."
describe('a peering whose PeerRegion is another region', () => {
  it('takes a peer VPC of the template to be in PeerRegion, so a reference to its groups is reported', () => {
    const { design, report } = load(`
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.54.0.0/16}}
  Remote: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.55.0.0/16}}
  RemoteSg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: remote, VpcId: !Ref Remote}}
  Pcx: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc, PeerVpcId: !Ref Remote, PeerRegion: eu-west-1}}
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: !Ref RemoteSg}]
`);
    expect(get(design, 'Remote', 'vpc').region).toBe('eu-west-1');
    expect(get(design, 'Vpc', 'vpc').region).toBe('us-east-1');
    expect(report.warnings.some((w) => w.includes('it is taken to be in eu-west-1, as PeerRegion says'))).toBe(true);
    const errors = validateDesign(design).filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.resources])).toEqual([
      ['peering-cross-region-sg-reference', ['AppSg', 'RemoteSg']],
    ]);
  });
});

// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html: SecurityGroups
// "[Default VPC] The names of the security groups. For a nondefault VPC, you must use security group IDs instead."
describe('security groups by name outside the default VPC', () => {
  it('notes the names on the instance, so check reports them; SecurityGroupIds and the default VPC are fine', () => {
    const { design } = load(`${NETWORK}
  ByName: {Type: AWS::EC2::Instance, Properties: {ImageId: ami-0123456789abcdef0, SubnetId: !Ref Sub, SecurityGroups: [!Ref WebSg]}}
  ById: {Type: AWS::EC2::Instance, Properties: {ImageId: ami-0123456789abcdef0, SubnetId: !Ref Sub, SecurityGroupIds: [!Ref WebSg]}}
  Legacy: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: default VPC}}
  InDefault: {Type: AWS::EC2::Instance, Properties: {ImageId: ami-0123456789abcdef0, SecurityGroups: [!Ref Legacy]}}
`);
    expect(get(design, 'ByName', 'instance')).toMatchObject({
      securityGroupIds: ['WebSg'],
      securityGroupNames: ['WebSg'],
    });
    expect(get(design, 'ById', 'instance').securityGroupNames).toBeUndefined();
    expect(get(design, 'InDefault', 'instance').securityGroupNames).toBeUndefined();
    const errors = validateDesign(design).filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.resources])).toEqual([['instance-security-group-names', ['ByName', 'WebSg']]]);
  });
});

// What AWS refuses that the model has no field for: noted on the resource (refusals), reported by template-refused.
describe('refusals the importer notes', () => {
  const { design } = load(`${NETWORK}
  RtA: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  RtB: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  AssocA: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Sub, RouteTableId: !Ref RtA}}
  AssocB: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Sub, RouteTableId: !Ref RtB}}
  ByName: {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: !Ref AdminSg, IpProtocol: tcp, FromPort: 22, ToPort: 22, SourceSecurityGroupName: web}}
  Both: {Type: AWS::EC2::Instance, Properties: {ImageId: ami-0123456789abcdef0, SubnetId: !Ref Sub, NetworkInterfaces: [{DeviceIndex: 0, SubnetId: !Ref Sub}]}}
  Fine: {Type: AWS::EC2::Instance, Properties: {ImageId: ami-0123456789abcdef0, NetworkInterfaces: [{DeviceIndex: 0, SubnetId: !Ref Sub, GroupSet: [!Ref WebSg]}]}}
`);
  const refused = validateDesign(design).filter((f) => f.rule === 'template-refused');

  // https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html: "A subnet can only be associated with one route table at a time".
  it('a second route table for a subnet', () => {
    expect(refused.find((f) => f.resources[0] === 'Sub')?.resources).toEqual(['Sub', 'AssocB', 'RtB']);
  });

  // aws-resource-ec2-securitygroupingress.html: SourceSecurityGroupName — "For security groups in a nondefault VPC, you must specify the group ID."
  it('a source group given by name in a VPC of the template', () => {
    expect(refused.find((f) => f.resources[0] === 'AdminSg')?.resources).toEqual(['AdminSg', 'ByName']);
  });

  // aws-resource-ec2-instance.html: SubnetId — "If you specify a network interface, you must specify any subnets as part of the network interface".
  it('an instance with network interfaces and its own subnet, but not one whose interface holds them', () => {
    expect(refused.find((f) => f.resources[0] === 'Both')?.message).toContain(
      'it has NetworkInterfaces and also SubnetId',
    );
    expect(refused.map((f) => f.resources[0]).sort()).toEqual(['AdminSg', 'Both', 'Sub']);
  });
});

/**
 * What a template leaves unknown: values given by parameters without a default (`${Name}`) and resources it names
 * but does not define (`external`). The rules skip what they cannot judge — and still judge everything else.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 */
import { describe, expect, it } from 'vitest';
import {
  aBucket,
  aDesign,
  aNatGateway,
  aNetworkAcl,
  aPeering,
  aRouteTable,
  aSecurityGroup,
  aSubnet,
  aVpc,
  anElasticIp,
  anEndpoint,
  anInstance,
} from '../../model/builders.ts';
import { findingsOf, ruleIds } from '../testing.ts';
import { templateParameterUnresolved } from './templateParameterUnresolved.ts';
import { templateRefused } from './templateRefused.ts';

const PARAMETERS_DOC =
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html';
const errors = (design: ReturnType<typeof aDesign>) =>
  ruleIds(design).filter((id) => id !== 'template-parameter-unresolved');

describe(`template-parameter-unresolved (${PARAMETERS_DOC})`, () => {
  it('cites the CloudFormation parameters page and is information', () => {
    expect(templateParameterUnresolved.docs).toBe(PARAMETERS_DOC);
    expect(templateParameterUnresolved.severity).toBe('info');
  });

  it('says once per parameter which resources hold its unknown values, and how to pass it', () => {
    const design = aDesign(
      aVpc(),
      aSubnet(),
      anInstance({ id: 'i-1', privateIp: '${PrimaryIp}' }),
      anInstance({ id: 'i-2', privateIp: '${PrimaryIp}' }),
      aRouteTable({
        routes: [
          { id: 'ToPeer', destinationCidrBlock: '${PeerCidr}', targetId: 'pcx-a' },
          { id: 'Again', destinationCidrBlock: '${PeerCidr}', targetId: 'local' },
        ],
      }),
    );
    expect(findingsOf(design, 'template-parameter-unresolved')).toEqual([
      {
        rule: 'template-parameter-unresolved',
        severity: 'info',
        resources: ['i-1', 'i-2'],
        docs: PARAMETERS_DOC,
        message:
          'Parameter PrimaryIp has no default value, so checks that need it were skipped. Pass --param PrimaryIp=<value> to check them.',
        fix: 'Give PrimaryIp a Default in the template, or replace ${PrimaryIp} with the real value in the resources named here.',
      },
      expect.objectContaining({
        resources: ['rtb-a'],
        message: expect.stringMatching(/^Parameter PeerCidr has no default value/),
      }),
    ]);
  });

  it('finds a parameter inside a longer value, and each of several in one value', () => {
    const design = aDesign(aVpc({ cidrBlocks: ['${Prefix}.0.0/${Bits}'] }));
    expect(findingsOf(design, 'template-parameter-unresolved').map((f) => f.message.split(' ')[1])).toEqual([
      'Prefix',
      'Bits',
    ]);
  });

  it('is silent about names, descriptions, policies (IAM variables like ${aws:username}) and designs without unknowns', () => {
    const design = aDesign(
      aVpc({ name: '${Env} network' }),
      aSecurityGroup({ description: 'for ${Env}' }),
      aBucket({
        policyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::b/${aws:username}/${Env}',
            },
          ],
        },
      }),
    );
    expect(findingsOf(design, 'template-parameter-unresolved')).toEqual([]);
  });
});

describe('unknown values are not wrong values', () => {
  it('CIDR blocks, private IPs, route destinations and targets given by parameters without a value are skipped', () => {
    const design = aDesign(
      aVpc({ id: 'vpc-a', cidrBlocks: ['${VpcCidr}'] }),
      aSubnet({ cidrBlock: '${SubnetCidr}', routeTableId: 'rtb-a' }),
      anInstance({ privateIp: '${PrimaryIp}', securityGroupIds: ['${AppSg}'] }),
      aRouteTable({ routes: [{ id: 'R', destinationCidrBlock: '${PeerCidr}', targetId: '${NatId}' }] }),
      anEndpoint({ serviceName: '${Service}', routeTableIds: ['rtb-a'] }),
    );
    expect(errors(design)).toEqual([]);
    expect(findingsOf(design, 'template-parameter-unresolved')).toHaveLength(7);
  });

  it('the same fields with wrong literal values are still errors', () => {
    const design = aDesign(
      aVpc({ cidrBlocks: ['banana'] }),
      aSubnet({ cidrBlock: '10.0.1.7/33' }),
      anInstance({ privateIp: '10.0.0.300' }),
      aRouteTable({ routes: [{ id: 'R', destinationCidrBlock: 'PeerCidr', targetId: 'NatId' }] }),
    );
    expect(errors(design)).toEqual(
      expect.arrayContaining([
        'vpc-cidr-invalid',
        'subnet-cidr-invalid',
        'private-ip-in-subnet',
        'route-destination',
        'route-blackhole',
      ]),
    );
  });
});

describe('external resources are taken as they are', () => {
  const existingVpc = aVpc({ id: 'vpc-x', cidrBlocks: [], external: true });
  const existingSubnet = aSubnet({ id: 'subnet-x', vpcId: 'vpc-x', cidrBlock: '', external: true });

  it('an existing VPC or subnet without a known CIDR block is not "missing" one', () => {
    expect(errors(aDesign(existingVpc, existingSubnet))).toEqual([]);
    expect(ruleIds(aDesign(aVpc({ cidrBlocks: [] })))).toContain('vpc-cidr-invalid');
    expect(ruleIds(aDesign(aVpc(), aSubnet({ cidrBlock: '' })))).toContain('subnet-cidr-invalid');
  });

  it("an existing VPC's blocks, once known, are checked like any other", () => {
    expect(ruleIds(aDesign(aVpc({ id: 'vpc-x', cidrBlocks: ['10.0.0.0/8'], external: true })))).toContain(
      'vpc-cidr-size',
    );
  });

  it("the template's own subnet in an existing VPC is checked: a bad literal CIDR is an error", () => {
    expect(
      findingsOf(
        aDesign(existingVpc, aSubnet({ id: 'Bad', vpcId: 'vpc-x', cidrBlock: '10.0.1.7/33' })),
        'subnet-cidr-invalid',
      ).map((f) => f.resources),
    ).toEqual([['Bad']]);
  });

  it("an existing subnet's routes are unknown: no claims that it is private", () => {
    const design = aDesign(
      existingVpc,
      existingSubnet,
      anElasticIp(),
      anElasticIp({ id: 'eip-nat', publicIp: '203.0.113.11' }),
      anInstance({ subnetId: 'subnet-x', privateIp: '', elasticIpId: 'eip-a' }),
      aNatGateway({ subnetId: 'subnet-x', elasticIpId: 'eip-nat' }),
    );
    expect(errors(design)).toEqual([]);
  });

  it("an existing network ACL's rules, an existing VPC's DNS settings and an existing group's rules are unknown", () => {
    const design = aDesign(
      aVpc({ id: 'vpc-x', cidrBlocks: [], enableDnsHostnames: false, external: true }),
      aSubnet({ id: 'App', vpcId: 'vpc-x', cidrBlock: '10.0.1.0/24', networkAclId: 'acl-x' }),
      aNetworkAcl({ id: 'acl-x', vpcId: 'vpc-x', external: true }),
      aSecurityGroup({ id: 'sg-x', vpcId: 'vpc-x', external: true, ingress: [] }),
      anEndpoint({
        vpcId: 'vpc-x',
        endpointType: 'Interface',
        serviceName: 'com.amazonaws.us-east-1.ssm',
        subnetIds: ['App'],
        securityGroupIds: ['sg-x'],
        privateDnsEnabled: true,
      }),
    );
    expect(errors(design)).toEqual([]);
  });

  it('a route through an existing peering to an existing VPC: its blocks and routes back are unknown', () => {
    const design = aDesign(
      aVpc(),
      aVpc({ id: 'vpc-b', cidrBlocks: [], external: true }),
      aPeering({ external: true }),
      aRouteTable({ routes: [{ id: 'ToPeer', destinationCidrBlock: '10.1.0.0/16', targetId: 'pcx-a' }] }),
      aSubnet({ routeTableId: 'rtb-a' }),
    );
    expect(errors(design)).toEqual([]);
    // The same with a peer VPC of the design: the missing route back is reported.
    const known = aDesign(
      aVpc(),
      aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] }),
      aPeering(),
      aRouteTable({ routes: [{ id: 'ToPeer', destinationCidrBlock: '10.1.0.0/16', targetId: 'pcx-a' }] }),
    );
    expect(ruleIds(known)).toContain('peering-routes');
  });

  it("an existing group's or table's VPC is a guess: no cross-VPC claims about it", () => {
    const design = aDesign(
      aVpc(),
      existingVpc,
      aSecurityGroup({ id: 'sg-x', vpcId: 'vpc-x', external: true }),
      aRouteTable({ id: 'rtb-x', vpcId: 'vpc-x', external: true }),
      aSubnet({ routeTableId: 'rtb-x' }),
      anInstance({ securityGroupIds: ['sg-x'] }),
      aSecurityGroup({ ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, groupId: 'sg-x' }] }),
    );
    expect(errors(design)).toEqual([]);
  });
});

describe('template-refused (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html)', () => {
  it('cites the resource type reference and is an error', () => {
    expect(templateRefused.docs).toBe(
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html',
    );
    expect(templateRefused.severity).toBe('error');
  });

  it('reports each refusal the importer noted, naming the resource and the others involved', () => {
    const refusal = {
      message: 'AssocB associates it with rtb-b, but it is already associated with rtb-a.',
      resources: ['AssocB', 'rtb-b'],
    };
    const design = aDesign(aVpc(), aSubnet({ refusals: [refusal] }));
    expect(findingsOf(design, 'template-refused')).toEqual([
      expect.objectContaining({
        severity: 'error',
        resources: ['subnet-a', 'AssocB', 'rtb-b'],
        message: `Subnet subnet-a: ${refusal.message}`,
      }),
    ]);
    expect(findingsOf(aDesign(aVpc(), aSubnet()), 'template-refused')).toEqual([]);
  });
});

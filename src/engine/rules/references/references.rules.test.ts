import { describe, expect, it } from 'vitest';
import { aDesign, aNetworkAcl, aSecurityGroup, aSubnet, aVpc, anInstance } from '../../model/builders.ts';
import type { NetworkInterface } from '../../model/types.ts';
import { findingsOf } from '../testing.ts';
import { danglingReference } from './danglingReference.ts';
import { instanceSecurityGroupNames } from './instanceSecurityGroupNames.ts';
import { networkAclVpc } from './networkAclVpc.ts';
import { networkInterfaceZone } from './networkInterfaceZone.ts';
import { securityGroupVpc } from './securityGroupVpc.ts';

const otherVpc = aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] });

describe('dangling-reference (https://docs.aws.amazon.com/vpc/latest/userguide/how-it-works.html)', () => {
  it('cites the how Amazon VPC works page', () =>
    expect(danglingReference.docs).toBe('https://docs.aws.amazon.com/vpc/latest/userguide/how-it-works.html'));

  it('reports a subnet of a deleted VPC and an instance with a deleted security group', () => {
    const design = aDesign(aSubnet({ vpcId: 'vpc-gone' }), anInstance({ securityGroupIds: ['sg-gone'] }));
    const messages = findingsOf(design, 'dangling-reference').map((f) => f.message);
    expect(messages).toEqual([
      'Subnet subnet-a belongs to VPC vpc-gone, which does not exist.',
      'Instance i-a uses security group sg-gone, which does not exist.',
    ]);
  });

  it('reports a reference to the wrong kind of resource', () => {
    expect(
      findingsOf(aDesign(aVpc(), aSubnet(), anInstance({ subnetId: 'vpc-a' })), 'dangling-reference')[0]!.message,
    ).toContain('which is not a subnet');
  });

  it('is silent when everything exists', () => {
    expect(
      findingsOf(aDesign(aVpc(), aSubnet(), anInstance({ securityGroupIds: ['vpc-a-sg'] })), 'dangling-reference'),
    ).toEqual([]);
  });
});

describe('security-group-vpc (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html)', () => {
  it('cites the security groups page', () =>
    expect(securityGroupVpc.docs).toBe('https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html'));

  it("refuses another VPC's group on an instance", () => {
    const design = aDesign(
      aVpc(),
      otherVpc,
      aSubnet(),
      aSecurityGroup({ id: 'sg-b', vpcId: 'vpc-b' }),
      anInstance({ securityGroupIds: ['sg-b'] }),
    );
    expect(findingsOf(design, 'security-group-vpc')[0]).toMatchObject({
      severity: 'error',
      resources: ['i-a', 'sg-b'],
    });
    expect(
      findingsOf(
        aDesign(aVpc(), aSubnet(), aSecurityGroup(), anInstance({ securityGroupIds: ['sg-a'] })),
        'security-group-vpc',
      ),
    ).toEqual([]);
  });
});

describe('network-acl-vpc (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html)', () => {
  it('cites the network ACLs page', () =>
    expect(networkAclVpc.docs).toBe('https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html'));

  it("refuses another VPC's network ACL on a subnet", () => {
    const design = aDesign(aVpc(), otherVpc, aNetworkAcl({ vpcId: 'vpc-b' }), aSubnet({ networkAclId: 'acl-a' }));
    expect(findingsOf(design, 'network-acl-vpc')[0]).toMatchObject({ resources: ['subnet-a', 'acl-a'] });
    expect(findingsOf(aDesign(aVpc(), aNetworkAcl(), aSubnet({ networkAclId: 'acl-a' })), 'network-acl-vpc')).toEqual(
      [],
    );
  });
});

describe('instance-security-group-names (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html)', () => {
  // SecurityGroups: "[Default VPC] The names of the security groups. For a nondefault VPC, you must use security group IDs instead."
  it('cites the AWS::EC2::Instance page', () =>
    expect(instanceSecurityGroupNames.docs).toBe(
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html',
    ));

  it('reports groups given by name for an instance outside the default VPC, and is silent for ids', () => {
    const named = aDesign(
      aVpc(),
      aSubnet(),
      aSecurityGroup(),
      anInstance({ securityGroupIds: ['sg-a'], securityGroupNames: ['sg-a'] }),
    );
    expect(findingsOf(named, 'instance-security-group-names')).toEqual([
      expect.objectContaining({
        severity: 'error',
        resources: ['i-a', 'sg-a'],
        message:
          'Instance i-a names its security groups (sg-a) in SecurityGroups, but it is not in the default VPC, where only group ids are accepted; EC2 refuses to launch it.',
      }),
    ]);
    expect(
      findingsOf(
        aDesign(aVpc(), aSubnet(), aSecurityGroup(), anInstance({ securityGroupIds: ['sg-a'] })),
        'instance-security-group-names',
      ),
    ).toEqual([]);
  });
});

describe('network-interface-zone (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html)', () => {
  // "both the network interface and the instance must reside in the same Availability Zone"
  it('cites the elastic network interfaces page', () =>
    expect(networkInterfaceZone.docs).toBe('https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html'));

  const eni = (subnetId: string): NetworkInterface => ({
    id: 'eni-a',
    kind: 'networkInterface',
    name: 'eni-a',
    subnetId,
    privateIps: [],
    securityGroupIds: [],
    sourceDestCheck: true,
    instanceId: 'i-a',
    deviceIndex: 1,
  });
  const zoneB = aSubnet({ id: 'subnet-b', cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1b' });

  it('reports an interface attached to an instance in another zone, and is silent for another subnet of the same zone', () => {
    const across = aDesign(aVpc(), aSubnet({ availabilityZone: 'us-east-1a' }), zoneB, anInstance(), eni('subnet-b'));
    expect(findingsOf(across, 'network-interface-zone')).toEqual([
      expect.objectContaining({ severity: 'error', resources: ['eni-a', 'i-a'] }),
    ]);
    const sameZone = aDesign(
      aVpc(),
      aSubnet({ availabilityZone: 'us-east-1a' }),
      { ...zoneB, availabilityZone: 'us-east-1a' },
      anInstance(),
      eni('subnet-b'),
    );
    expect(findingsOf(sameZone, 'network-interface-zone')).toEqual([]);
  });
});

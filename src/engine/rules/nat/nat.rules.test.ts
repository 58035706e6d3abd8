import { describe, expect, it } from 'vitest';
import {
  aDesign,
  aNatGateway,
  aRouteTable,
  aSecurityGroup,
  aSubnet,
  aVpc,
  anElasticIp,
  anInstance,
  anInternetGateway,
} from '../../model/builders.ts';
import type { Resource } from '../../model/types.ts';
import { findingsOf } from '../testing.ts';
import { natGatewayCrossAz } from './natGatewayCrossAz.ts';
import { natGatewayElasticIp } from './natGatewayElasticIp.ts';
import { natGatewayNotBastion } from './natGatewayNotBastion.ts';
import { natGatewayPublicSubnet } from './natGatewayPublicSubnet.ts';
import { natGatewaySecurityGroup } from './natGatewaySecurityGroup.ts';
import { natInstance } from './natInstance.ts';

const NAT_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html';
const COMPARISON_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-comparison.html';

/**
 * subnet-a (us-east-1a) is public; subnet-b (us-east-1a) and subnet-c (us-east-1b) are private and use rtb-private,
 * which sends 0.0.0.0/0 to `natTarget`.
 */
function vpcWithNat(natTarget: string, ...extra: Resource[]) {
  return aDesign(
    aVpc(),
    anInternetGateway(),
    aRouteTable({ id: 'rtb-public', routes: [{ id: 'r-igw', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' }] }),
    aRouteTable({
      id: 'rtb-private',
      routes: [{ id: 'r-nat', destinationCidrBlock: '0.0.0.0/0', targetId: natTarget }],
    }),
    aSubnet({ routeTableId: 'rtb-public', mapPublicIpOnLaunch: true }),
    aSubnet({ id: 'subnet-b', cidrBlock: '10.0.2.0/24', routeTableId: 'rtb-private' }),
    aSubnet({ id: 'subnet-c', cidrBlock: '10.0.3.0/24', availabilityZone: 'us-east-1b', routeTableId: 'rtb-private' }),
    ...extra,
  );
}

describe(`nat-gateway-public-subnet (${NAT_DOCS})`, () => {
  it('cites the NAT gateway page', () => expect(natGatewayPublicSubnet.docs).toBe(NAT_DOCS));

  it('reports a public NAT gateway in a private subnet', () => {
    const design = vpcWithNat('nat-a', anElasticIp(), aNatGateway({ subnetId: 'subnet-b' }));
    expect(findingsOf(design, 'nat-gateway-public-subnet')[0]).toMatchObject({
      severity: 'error',
      resources: ['nat-a', 'subnet-b'],
    });
  });

  it('is silent in a public subnet, and for a private NAT gateway', () => {
    expect(findingsOf(vpcWithNat('nat-a', anElasticIp(), aNatGateway()), 'nat-gateway-public-subnet')).toEqual([]);
    expect(
      findingsOf(
        vpcWithNat('nat-a', aNatGateway({ subnetId: 'subnet-b', connectivityType: 'private', elasticIpId: undefined })),
        'nat-gateway-public-subnet',
      ),
    ).toEqual([]);
  });
});

describe(`nat-gateway-elastic-ip (${NAT_DOCS})`, () => {
  it('cites the NAT gateway page', () => expect(natGatewayElasticIp.docs).toBe(NAT_DOCS));

  it('reports a public NAT gateway without an Elastic IP (or with a missing one), and a private one with one', () => {
    expect(
      findingsOf(vpcWithNat('nat-a', aNatGateway({ elasticIpId: undefined })), 'nat-gateway-elastic-ip')[0]!.message,
    ).toContain('without an Elastic IP');
    expect(findingsOf(vpcWithNat('nat-a', aNatGateway()), 'nat-gateway-elastic-ip')[0]!.message).toContain(
      'does not exist',
    );
    expect(
      findingsOf(
        vpcWithNat('nat-a', anElasticIp(), aNatGateway({ connectivityType: 'private' })),
        'nat-gateway-elastic-ip',
      )[0]!.message,
    ).toContain('private NAT gateway');
  });

  it('is silent for a public NAT gateway with its Elastic IP', () => {
    expect(findingsOf(vpcWithNat('nat-a', anElasticIp(), aNatGateway()), 'nat-gateway-elastic-ip')).toEqual([]);
  });
});

describe('nat-gateway-cross-az (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html)', () => {
  it('cites the NAT gateway basics page', () =>
    expect(natGatewayCrossAz.docs).toBe('https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html'));

  it('warns about the subnet in another AZ than its NAT gateway, not the one in the same AZ', () => {
    const found = findingsOf(vpcWithNat('nat-a', anElasticIp(), aNatGateway()), 'nat-gateway-cross-az');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', resources: ['subnet-c', 'nat-a', 'rtb-private'] });
    expect(found[0]!.message).toContain('us-east-1b');
    expect(found[0]!.message).toContain('cross-AZ');
  });
});

describe(`nat-gateway-security-group (${COMPARISON_DOCS})`, () => {
  it('cites the NAT comparison page', () => expect(natGatewaySecurityGroup.docs).toBe(COMPARISON_DOCS));

  it('reports security groups on a NAT gateway', () => {
    expect(
      findingsOf(
        vpcWithNat('nat-a', anElasticIp(), aSecurityGroup(), aNatGateway({ securityGroupIds: ['sg-a'] })),
        'nat-gateway-security-group',
      )[0],
    ).toMatchObject({ severity: 'error', resources: ['nat-a', 'sg-a'] });
    expect(
      findingsOf(
        vpcWithNat('nat-a', anElasticIp(), aNatGateway({ securityGroupIds: [] })),
        'nat-gateway-security-group',
      ),
    ).toEqual([]);
  });
});

describe(`nat-gateway-not-bastion (${COMPARISON_DOCS})`, () => {
  it('cites the NAT comparison page', () => expect(natGatewayNotBastion.docs).toBe(COMPARISON_DOCS));

  it('reports an SSH flow to a NAT gateway and a security group rule naming it', () => {
    const design = vpcWithNat(
      'nat-a',
      anElasticIp(),
      aNatGateway(),
      aSecurityGroup({ ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, groupId: 'nat-a' }] }),
    );
    design.flows.push({ id: 'f-ssh', name: 'ssh to nat', from: 'internet', to: 'nat-a', protocol: 'tcp', port: 22 });
    const found = findingsOf(design, 'nat-gateway-not-bastion');
    expect(found.map((f) => f.resources[0])).toEqual(['nat-a', 'sg-a']);
    expect(found[0]!.message).toContain('cannot be a bastion');
  });

  it('is silent for flows from the NAT gateway side (instances behind it going out)', () => {
    const design = vpcWithNat('nat-a', anElasticIp(), aNatGateway());
    design.flows.push({ id: 'f-out', name: 'out', from: 'i-a', to: 'internet', protocol: 'tcp', port: 443 });
    expect(findingsOf(design, 'nat-gateway-not-bastion')).toEqual([]);
  });
});

describe('nat-instance (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html)', () => {
  it('cites the NAT instance page', () =>
    expect(natInstance.docs).toBe('https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html'));

  it('reports source/destination check, a private subnet and a missing public IP', () => {
    const design = vpcWithNat(
      'i-nat',
      anInstance({ id: 'i-nat', subnetId: 'subnet-b', privateIp: '10.0.2.10', sourceDestCheck: true }),
    );
    const messages = findingsOf(design, 'nat-instance').map((f) => f.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('source/destination check on');
    expect(messages[1]).toContain('no route to an internet gateway');
    expect(messages[2]).toContain('no public IP');
  });

  it('is silent for a proper NAT instance', () => {
    const design = vpcWithNat(
      'i-nat',
      anInstance({ id: 'i-nat', sourceDestCheck: false, elasticIpId: 'eip-a' }),
      anElasticIp(),
    );
    expect(findingsOf(design, 'nat-instance')).toEqual([]);
  });

  it('only asks a middlebox for private destinations to turn off source/destination check', () => {
    const design = aDesign(
      aVpc(),
      aSubnet({ routeTableId: 'rtb-a' }),
      aRouteTable({ routes: [{ id: 'r', destinationCidrBlock: '192.168.0.0/16', targetId: 'i-a' }] }),
      anInstance({ sourceDestCheck: false }),
    );
    expect(findingsOf(design, 'nat-instance')).toEqual([]);
  });
});

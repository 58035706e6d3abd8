import { describe, expect, it } from 'vitest';
import {
  aDesign,
  aNatGateway,
  aRouteTable,
  aSubnet,
  aVpc,
  anElasticIp,
  anInstance,
  anInternetGateway,
} from '../../model/builders.ts';
import type { Resource } from '../../model/types.ts';
import { findingsOf } from '../testing.ts';
import { elasticIpShared } from './elasticIpShared.ts';
import { igwDetached } from './igwDetached.ts';
import { igwOnePerVpc } from './igwOnePerVpc.ts';
import { instanceNeedsPublicIp } from './instanceNeedsPublicIp.ts';
import { publicIpWithoutRoute } from './publicIpWithoutRoute.ts';

const IGW_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html';

/** A VPC with an attached internet gateway and subnet-a routed to it (public), plus subnet-p without (private). */
function publicAndPrivate(...extra: Resource[]) {
  return aDesign(
    aVpc(),
    anInternetGateway(),
    aRouteTable({ id: 'rtb-public', routes: [{ id: 'r-igw', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' }] }),
    aSubnet({ routeTableId: 'rtb-public' }),
    aSubnet({ id: 'subnet-p', cidrBlock: '10.0.2.0/24' }),
    ...extra,
  );
}

describe(`igw-one-per-vpc (${IGW_DOCS})`, () => {
  it('cites the internet gateway page', () => expect(igwOnePerVpc.docs).toBe(IGW_DOCS));

  it('reports a second internet gateway on one VPC', () => {
    const [f] = findingsOf(aDesign(aVpc(), anInternetGateway(), anInternetGateway({ id: 'igw-b' })), 'igw-one-per-vpc');
    expect(f).toMatchObject({ severity: 'error', resources: ['igw-b', 'vpc-a', 'igw-a'] });
  });

  it('is silent for one gateway per VPC', () => {
    const design = aDesign(
      aVpc(),
      aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] }),
      anInternetGateway(),
      anInternetGateway({ id: 'igw-b', vpcId: 'vpc-b' }),
    );
    expect(findingsOf(design, 'igw-one-per-vpc')).toEqual([]);
  });
});

describe(`igw-detached (${IGW_DOCS})`, () => {
  it('cites the internet gateway page', () => expect(igwDetached.docs).toBe(IGW_DOCS));

  it('warns about a detached gateway and not about an attached one', () => {
    expect(findingsOf(aDesign(anInternetGateway({ vpcId: undefined })), 'igw-detached')[0]).toMatchObject({
      severity: 'warning',
      resources: ['igw-a'],
    });
    expect(findingsOf(aDesign(aVpc(), anInternetGateway()), 'igw-detached')).toEqual([]);
  });
});

describe(`instance-needs-public-ip (${IGW_DOCS})`, () => {
  it('cites the internet gateway page', () => expect(instanceNeedsPublicIp.docs).toBe(IGW_DOCS));

  it('warns about an instance in a public subnet without a public IP', () => {
    const [f] = findingsOf(publicAndPrivate(anInstance({ associatePublicIp: false })), 'instance-needs-public-ip');
    expect(f).toMatchObject({ severity: 'warning', resources: ['i-a', 'subnet-a'] });
    expect(f!.message).toContain('cannot reach the internet');
  });

  it('is silent with an Elastic IP, an auto-assigned IP, or in a private subnet', () => {
    expect(
      findingsOf(
        publicAndPrivate(anInstance({ associatePublicIp: false, elasticIpId: 'eip-a' }), anElasticIp()),
        'instance-needs-public-ip',
      ),
    ).toEqual([]);
    expect(findingsOf(publicAndPrivate(anInstance({ associatePublicIp: true })), 'instance-needs-public-ip')).toEqual(
      [],
    );
    expect(
      findingsOf(
        publicAndPrivate(anInstance({ subnetId: 'subnet-p', privateIp: '10.0.2.10' })),
        'instance-needs-public-ip',
      ),
    ).toEqual([]);
  });

  it("follows the subnet's auto-assign setting when the instance does not say", () => {
    const design = publicAndPrivate(anInstance());
    (design.resources['subnet-a'] as { mapPublicIpOnLaunch: boolean }).mapPublicIpOnLaunch = true;
    expect(findingsOf(design, 'instance-needs-public-ip')).toEqual([]);
  });
});

describe(`public-ip-without-igw-route (${IGW_DOCS})`, () => {
  it('cites the internet gateway page', () => expect(publicIpWithoutRoute.docs).toBe(IGW_DOCS));

  it('tells about an Elastic IP in a private subnet, and a private subnet that auto-assigns public IPs', () => {
    const design = publicAndPrivate(
      anInstance({ subnetId: 'subnet-p', privateIp: '10.0.2.10', elasticIpId: 'eip-a' }),
      anElasticIp(),
    );
    (design.resources['subnet-p'] as { mapPublicIpOnLaunch: boolean }).mapPublicIpOnLaunch = true;
    const found = findingsOf(design, 'public-ip-without-igw-route');
    expect(found.map((f) => f.resources[0])).toEqual(['subnet-p', 'i-a']);
    expect(found.every((f) => f.severity === 'info')).toBe(true);
  });

  it('is silent for public addresses in public subnets', () => {
    expect(
      findingsOf(publicAndPrivate(anInstance({ associatePublicIp: true })), 'public-ip-without-igw-route'),
    ).toEqual([]);
  });
});

describe('elastic-ip-shared (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-eips.html)', () => {
  it('cites the Elastic IP page', () =>
    expect(elasticIpShared.docs).toBe('https://docs.aws.amazon.com/vpc/latest/userguide/vpc-eips.html'));

  it('reports an Elastic IP used by an instance and a NAT gateway', () => {
    const design = publicAndPrivate(anElasticIp(), anInstance({ elasticIpId: 'eip-a' }), aNatGateway());
    expect(findingsOf(design, 'elastic-ip-shared')[0]).toMatchObject({
      severity: 'error',
      resources: ['nat-a', 'eip-a', 'i-a'],
    });
    expect(findingsOf(publicAndPrivate(anElasticIp(), aNatGateway()), 'elastic-ip-shared')).toEqual([]);
  });
});

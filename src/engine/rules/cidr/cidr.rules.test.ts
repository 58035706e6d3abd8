import { describe, expect, it } from 'vitest';
import { aDesign, aNatGateway, aSubnet, aVpc, anElasticIp, anInstance } from '../../model/builders.ts';
import type { NetworkInterface } from '../../model/types.ts';
import { findingsOf, ruleIds } from '../testing.ts';
import { privateIpDuplicate } from './privateIpDuplicate.ts';
import { privateIpInSubnet } from './privateIpInSubnet.ts';
import { privateIpReserved } from './privateIpReserved.ts';
import { subnetCidrInvalid } from './subnetCidrInvalid.ts';
import { subnetCidrOverlap } from './subnetCidrOverlap.ts';
import { subnetCidrSize } from './subnetCidrSize.ts';
import { subnetFull } from './subnetFull.ts';
import { subnetOutsideVpc } from './subnetOutsideVpc.ts';
import { subnetSmall } from './subnetSmall.ts';
import { vpcCidrCount } from './vpcCidrCount.ts';
import { vpcCidrInvalid } from './vpcCidrInvalid.ts';
import { vpcCidrOverlap } from './vpcCidrOverlap.ts';
import { vpcCidrRestricted } from './vpcCidrRestricted.ts';
import { vpcCidrSize } from './vpcCidrSize.ts';

const VPC_CIDR_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html';
const SUBNET_SIZING_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html';

describe('a plain VPC with one subnet', () => {
  it('has no findings at all', () => {
    expect(ruleIds(aDesign(aVpc(), aSubnet()))).toEqual([]);
  });
});

describe(`vpc-cidr-invalid (${VPC_CIDR_DOCS})`, () => {
  it('cites the VPC CIDR blocks page', () => expect(vpcCidrInvalid.docs).toBe(VPC_CIDR_DOCS));

  it('reports a block that is not a network address, suggesting the right one', () => {
    const [f] = findingsOf(aDesign(aVpc({ cidrBlocks: ['10.0.0.1/16'] })), 'vpc-cidr-invalid');
    expect(f).toMatchObject({ severity: 'error', resources: ['vpc-a'] });
    expect(f!.message).toContain('did you mean 10.0.0.0/16');
  });

  it('reports /33, banana and a VPC without blocks, without throwing', () => {
    expect(findingsOf(aDesign(aVpc({ cidrBlocks: ['10.0.0.0/33'] })), 'vpc-cidr-invalid')).toHaveLength(1);
    expect(findingsOf(aDesign(aVpc({ cidrBlocks: ['banana'] })), 'vpc-cidr-invalid')[0]!.message).toContain('"banana"');
    expect(findingsOf(aDesign(aVpc({ cidrBlocks: [] })), 'vpc-cidr-invalid')[0]!.message).toContain(
      'no IPv4 CIDR block',
    );
  });

  it('is silent for aligned blocks', () => {
    expect(findingsOf(aDesign(aVpc({ cidrBlocks: ['10.0.0.0/16', '10.1.0.0/24'] })), 'vpc-cidr-invalid')).toEqual([]);
  });
});

describe(`vpc-cidr-size (${VPC_CIDR_DOCS})`, () => {
  it('cites the VPC CIDR blocks page', () => expect(vpcCidrSize.docs).toBe(VPC_CIDR_DOCS));

  it('refuses blocks larger than /16 and smaller than /28', () => {
    expect(findingsOf(aDesign(aVpc({ cidrBlocks: ['10.0.0.0/8'] })), 'vpc-cidr-size')[0]!.message).toContain(
      'larger than /16',
    );
    expect(findingsOf(aDesign(aVpc({ cidrBlocks: ['10.0.0.0/29'] })), 'vpc-cidr-size')[0]!.message).toContain(
      'smaller than /28',
    );
  });

  it('accepts /16 and /28', () => {
    expect(findingsOf(aDesign(aVpc({ cidrBlocks: ['10.0.0.0/16', '10.1.0.0/28'] })), 'vpc-cidr-size')).toEqual([]);
  });
});

describe('vpc-cidr-count (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html)', () => {
  it('cites the quotas page', () => expect(vpcCidrCount.docs).toContain('amazon-vpc-limits.html'));

  it('allows 5 blocks and refuses a 6th', () => {
    const five = ['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16'];
    expect(findingsOf(aDesign(aVpc({ cidrBlocks: five })), 'vpc-cidr-count')).toEqual([]);
    const [f] = findingsOf(aDesign(aVpc({ cidrBlocks: [...five, '10.5.0.0/16'] })), 'vpc-cidr-count');
    expect(f).toMatchObject({ severity: 'error', resources: ['vpc-a'] });
    expect(f!.message).toContain('6 IPv4 CIDR blocks');
  });
});

describe(`vpc-cidr-overlap (${VPC_CIDR_DOCS})`, () => {
  it('cites the VPC CIDR blocks page', () => expect(vpcCidrOverlap.docs).toContain(VPC_CIDR_DOCS));

  it('reports overlapping and repeated blocks of one VPC', () => {
    expect(
      findingsOf(aDesign(aVpc({ cidrBlocks: ['10.0.0.0/16', '10.0.128.0/17'] })), 'vpc-cidr-overlap')[0]!.message,
    ).toContain('10.0.0.0/16 and 10.0.128.0/17');
    expect(
      findingsOf(aDesign(aVpc({ cidrBlocks: ['10.0.0.0/16', '10.0.0.0/16'] })), 'vpc-cidr-overlap')[0]!.message,
    ).toContain('twice');
  });

  it('is silent for adjacent blocks', () => {
    expect(findingsOf(aDesign(aVpc({ cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'] })), 'vpc-cidr-overlap')).toEqual([]);
  });
});

describe(`vpc-cidr-restricted (${VPC_CIDR_DOCS}#add-cidr-block-restrictions)`, () => {
  it('cites the association restrictions table', () =>
    expect(vpcCidrRestricted.docs).toBe(`${VPC_CIDR_DOCS}#add-cidr-block-restrictions`));

  it.each([
    ['127.0.0.0/16', 'loopback'],
    ['169.254.0.0/16', 'link-local'],
    ['224.0.0.0/16', 'multicast'],
    ['0.0.0.0/16', '0.0.0.0/8'],
  ])('refuses %s (%s)', (cidr, what) => {
    const [f] = findingsOf(aDesign(aVpc({ cidrBlocks: [cidr] })), 'vpc-cidr-restricted');
    expect(f!.message).toContain(what);
  });

  it('refuses a secondary block from another RFC 1918 range than the primary', () => {
    const [f] = findingsOf(aDesign(aVpc({ cidrBlocks: ['10.0.0.0/16', '192.168.0.0/16'] })), 'vpc-cidr-restricted');
    expect(f!.message).toContain('192.168.0.0/16');
    expect(f!.message).toContain('RFC 1918');
  });

  it('refuses 198.19.0.0/16 next to a private primary, 172.31.0.0/16 next to a 172.16/12 primary, and 10.0/16 next to a 10.0.0.0/15 primary', () => {
    expect(
      findingsOf(aDesign(aVpc({ cidrBlocks: ['10.0.0.0/16', '198.19.0.0/16'] })), 'vpc-cidr-restricted'),
    ).toHaveLength(1);
    expect(
      findingsOf(aDesign(aVpc({ cidrBlocks: ['172.16.0.0/16', '172.31.0.0/16'] })), 'vpc-cidr-restricted'),
    ).toHaveLength(1);
    expect(
      findingsOf(aDesign(aVpc({ cidrBlocks: ['10.1.0.0/16', '10.0.0.0/24'] })), 'vpc-cidr-restricted'),
    ).toHaveLength(1);
  });

  it('permits what the table permits: the same RFC 1918 range, 100.64.0.0/10 and public blocks', () => {
    expect(
      findingsOf(
        aDesign(aVpc({ cidrBlocks: ['10.0.0.0/16', '10.2.0.0/16', '100.64.0.0/16', '52.0.0.0/16'] })),
        'vpc-cidr-restricted',
      ),
    ).toEqual([]);
    expect(
      findingsOf(aDesign(aVpc({ cidrBlocks: ['172.16.0.0/16', '172.17.0.0/16'] })), 'vpc-cidr-restricted'),
    ).toEqual([]);
  });

  it('refuses RFC 1918 blocks next to a public primary block', () => {
    expect(
      findingsOf(aDesign(aVpc({ cidrBlocks: ['52.0.0.0/16', '10.0.0.0/16'] })), 'vpc-cidr-restricted'),
    ).toHaveLength(1);
  });
});

describe(`subnet-cidr-invalid and subnet-cidr-size (${SUBNET_SIZING_DOCS})`, () => {
  it('cite the subnet sizing page', () => {
    expect(subnetCidrInvalid.docs).toBe(SUBNET_SIZING_DOCS);
    expect(subnetCidrSize.docs).toBe(SUBNET_SIZING_DOCS);
  });

  it('reports a misaligned subnet block and a /33', () => {
    expect(findingsOf(aDesign(aVpc(), aSubnet({ cidrBlock: '10.0.1.7/24' })), 'subnet-cidr-invalid')[0]).toMatchObject({
      severity: 'error',
      resources: ['subnet-a'],
    });
    expect(findingsOf(aDesign(aVpc(), aSubnet({ cidrBlock: '10.0.1.0/33' })), 'subnet-cidr-invalid')).toHaveLength(1);
    expect(findingsOf(aDesign(aVpc(), aSubnet({ cidrBlock: '' })), 'subnet-cidr-invalid')[0]!.message).toBe(
      'Subnet subnet-a has no CIDR block; every subnet needs one.',
    );
    // An IPv6-only subnet has no IPv4 block: https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html
    expect(findingsOf(aDesign(aVpc(), aSubnet({ cidrBlock: '', ipv6Native: true })), 'subnet-cidr-invalid')).toEqual(
      [],
    );
  });

  it('refuses a /29 subnet and accepts a /28', () => {
    expect(
      findingsOf(aDesign(aVpc(), aSubnet({ cidrBlock: '10.0.1.0/29' })), 'subnet-cidr-size')[0]!.message,
    ).toContain('smaller than /28');
    expect(findingsOf(aDesign(aVpc(), aSubnet({ cidrBlock: '10.0.1.0/28' })), 'subnet-cidr-size')).toEqual([]);
  });
});

describe(`subnet-outside-vpc (${SUBNET_SIZING_DOCS})`, () => {
  it('cites the subnet sizing page', () => expect(subnetOutsideVpc.docs).toBe(SUBNET_SIZING_DOCS));

  it('reports a subnet outside every VPC block', () => {
    const [f] = findingsOf(aDesign(aVpc(), aSubnet({ cidrBlock: '10.1.0.0/24' })), 'subnet-outside-vpc');
    expect(f).toMatchObject({ severity: 'error', resources: ['subnet-a', 'vpc-a'] });
    expect(f!.message).toContain('10.0.0.0/16');
  });

  it('accepts a subnet inside a secondary block', () => {
    expect(
      findingsOf(
        aDesign(aVpc({ cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'] }), aSubnet({ cidrBlock: '10.1.0.0/24' })),
        'subnet-outside-vpc',
      ),
    ).toEqual([]);
  });
});

describe(`subnet-cidr-overlap (${SUBNET_SIZING_DOCS})`, () => {
  it('cites the subnet sizing page', () => expect(subnetCidrOverlap.docs).toBe(SUBNET_SIZING_DOCS));

  it('reports overlapping siblings, naming the later one first', () => {
    const design = aDesign(
      aVpc(),
      aSubnet({ id: 'subnet-a', cidrBlock: '10.0.1.0/24' }),
      aSubnet({ id: 'subnet-b', cidrBlock: '10.0.1.128/25' }),
    );
    const found = findingsOf(design, 'subnet-cidr-overlap');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', resources: ['subnet-b', 'subnet-a'] });
  });

  it('reports each overlapping pair once among many subnets', () => {
    const subnets = Array.from({ length: 50 }, (_, i) => aSubnet({ id: `s-${i}`, cidrBlock: `10.0.${i}.0/24` }));
    subnets.push(aSubnet({ id: 's-wide', cidrBlock: '10.0.0.0/22' })); // covers s-0 … s-3
    expect(findingsOf(aDesign(aVpc(), ...subnets), 'subnet-cidr-overlap')).toHaveLength(4);
  });

  it('does not compare subnets of different VPCs', () => {
    const design = aDesign(aVpc(), aVpc({ id: 'vpc-b' }), aSubnet(), aSubnet({ id: 'subnet-b', vpcId: 'vpc-b' }));
    expect(findingsOf(design, 'subnet-cidr-overlap')).toEqual([]);
  });
});

describe(`subnet-small and subnet-full (${SUBNET_SIZING_DOCS})`, () => {
  it('cite the subnet sizing page', () => {
    expect(subnetSmall.docs).toBe(SUBNET_SIZING_DOCS);
    expect(subnetFull.docs).toBe(SUBNET_SIZING_DOCS);
  });

  it('tells that a /28 has only 11 usable addresses, and says nothing about a /24', () => {
    const [f] = findingsOf(aDesign(aVpc(), aSubnet({ cidrBlock: '10.0.1.0/28' })), 'subnet-small');
    expect(f).toMatchObject({ severity: 'info', resources: ['subnet-a'] });
    expect(f!.message).toContain('only 11 usable addresses');
    expect(findingsOf(aDesign(aVpc(), aSubnet()), 'subnet-small')).toEqual([]);
  });

  it('reports a /28 holding 12 instances but not one holding 11', () => {
    const instances = (n: number) =>
      Array.from({ length: n }, (_, i) => anInstance({ id: `i-${i}`, privateIp: `10.0.1.${4 + (i % 11)}` }));
    const subnet = aSubnet({ cidrBlock: '10.0.1.0/28' });
    expect(findingsOf(aDesign(aVpc(), subnet, ...instances(11)), 'subnet-full')).toEqual([]);
    expect(findingsOf(aDesign(aVpc(), subnet, ...instances(12)), 'subnet-full')[0]!.message).toContain(
      'only 11 usable',
    );
  });
});

describe(`private IP rules (${SUBNET_SIZING_DOCS})`, () => {
  it('cite the subnet sizing and IP addressing pages', () => {
    expect(privateIpInSubnet.docs).toBe(SUBNET_SIZING_DOCS);
    expect(privateIpReserved.docs).toBe(SUBNET_SIZING_DOCS);
    expect(privateIpDuplicate.docs).toContain('vpc-ip-addressing.html');
  });

  it('reports an instance address outside its subnet, or not an address', () => {
    expect(
      findingsOf(aDesign(aVpc(), aSubnet(), anInstance({ privateIp: '10.0.2.10' })), 'private-ip-in-subnet')[0],
    ).toMatchObject({ resources: ['i-a', 'subnet-a'] });
    expect(
      findingsOf(aDesign(aVpc(), aSubnet(), anInstance({ privateIp: 'banana' })), 'private-ip-in-subnet')[0]!.message,
    ).toContain('not an IPv4 address');
    expect(
      findingsOf(aDesign(aVpc(), aSubnet(), anInstance({ privateIp: '10.0.1.10' })), 'private-ip-in-subnet'),
    ).toEqual([]);
  });

  it.each([
    ['10.0.1.0', 'network address'],
    ['10.0.1.1', 'VPC router'],
    ['10.0.1.2', 'DNS server'],
    ['10.0.1.3', 'for future use'],
    ['10.0.1.255', 'broadcast address'],
  ])('says %s is the %s', (ip, role) => {
    const [f] = findingsOf(aDesign(aVpc(), aSubnet(), anInstance({ privateIp: ip })), 'private-ip-reserved');
    expect(f!.message).toContain(
      role === 'for future use' ? `reserves in subnet subnet-a for future use.` : `as the ${role}`,
    );
    expect(f!.fix).toContain('10.0.1.4 to 10.0.1.254');
  });

  it('accepts the first and last usable addresses', () => {
    expect(
      findingsOf(
        aDesign(
          aVpc(),
          aSubnet(),
          anInstance({ id: 'i-1', privateIp: '10.0.1.4' }),
          anInstance({ id: 'i-2', privateIp: '10.0.1.254' }),
        ),
        'private-ip-reserved',
      ),
    ).toEqual([]);
  });

  it('checks NAT gateway and network interface addresses too', () => {
    const eni: NetworkInterface = {
      id: 'eni-1',
      kind: 'networkInterface',
      name: 'eni-1',
      subnetId: 'subnet-a',
      privateIps: ['10.0.1.1'],
      securityGroupIds: [],
      sourceDestCheck: true,
    };
    const design = aDesign(aVpc(), aSubnet(), anElasticIp(), aNatGateway({ privateIp: '10.0.9.9' }), eni);
    expect(findingsOf(design, 'private-ip-in-subnet').map((f) => f.resources[0])).toEqual(['nat-a']);
    expect(findingsOf(design, 'private-ip-reserved').map((f) => f.resources[0])).toEqual(['eni-1']);
  });

  it('reports two instances sharing an address', () => {
    const design = aDesign(aVpc(), aSubnet(), anInstance({ id: 'i-1' }), anInstance({ id: 'i-2' }));
    expect(findingsOf(design, 'private-ip-duplicate')[0]).toMatchObject({
      severity: 'error',
      resources: ['i-2', 'i-1'],
    });
    expect(
      findingsOf(
        aDesign(aVpc(), aSubnet(), anInstance({ id: 'i-1' }), anInstance({ id: 'i-2', privateIp: '10.0.1.11' })),
        'private-ip-duplicate',
      ),
    ).toEqual([]);
  });

  // An interface attached as device 0 is the instance's primary interface: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html
  it('does not count an instance and its own primary interface (device 0) as two holders of its address', () => {
    const eni = (deviceIndex: number): NetworkInterface => ({
      id: 'eni-1',
      kind: 'networkInterface',
      name: 'eni-1',
      subnetId: 'subnet-a',
      privateIps: ['10.0.1.10', '10.0.1.11'],
      securityGroupIds: [],
      sourceDestCheck: true,
      instanceId: 'i-a',
      deviceIndex,
    });
    expect(findingsOf(aDesign(aVpc(), aSubnet(), anInstance(), eni(0)), 'private-ip-duplicate')).toEqual([]);
    expect(findingsOf(aDesign(aVpc(), aSubnet(), anInstance(), eni(1)), 'private-ip-duplicate')).toHaveLength(1);
  });
});

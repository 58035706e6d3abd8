import { describe, expect, it } from 'vitest';
import { aDesign, anInstance, aSubnet, aVpc } from './builders.ts';
import {
  addressesInSubnet,
  checkAccountId,
  checkAmazonSideAsn,
  checkBucketName,
  checkCustomerAsn,
  checkIcmpTypeCode,
  checkPortRange,
  checkPrivateIp,
  checkRemoveVpcCidr,
  checkRuleNumber,
  checkSubnetCidr,
  checkVpcCidr,
  checkZoneName,
  describeCidr,
  formatPortRange,
  usableNote,
} from './fields.ts';

const errorOf = (c: { ok: boolean; error?: string }) => (c.ok ? undefined : c.error);
const warningOf = (c: { ok: boolean; warning?: string }) => (c.ok ? c.warning : undefined);

describe('describeCidr', () => {
  it('shows the range and the usable count of a /24 (256 addresses, 251 usable)', () => {
    // https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html — five reserved addresses per subnet
    const d = describeCidr('10.0.1.0/24');
    expect(d.ok && d.value.range).toBe('10.0.1.0 – 10.0.1.255');
    expect(d.ok && d.value.addresses).toBe(256);
    expect(d.ok && usableNote(d.value)).toBe(
      '251 usable — AWS reserves 5 per subnet: network, VPC router, DNS, future use, broadcast',
    );
  });

  it("rejects malformed and unaligned blocks with parseCidr's message", () => {
    expect(errorOf(describeCidr('10.0.0.1/16'))).toBe(
      '10.0.0.1/16 is not a network address: did you mean 10.0.0.0/16?',
    );
    expect(errorOf(describeCidr('10.0.0.0/33'))).toMatch(/not a prefix length/);
    expect(errorOf(describeCidr('banana'))).toMatch(/not a CIDR block/);
  });
});

describe('checkSubnetCidr', () => {
  const vpc = aVpc({ id: 'v', cidrBlocks: ['10.0.0.0/16'] });
  const a = aSubnet({ id: 'a', name: 'Public A', vpcId: 'v', cidrBlock: '10.0.0.0/24' });
  const b = aSubnet({ id: 'b', name: 'Private B', vpcId: 'v', cidrBlock: '10.0.1.0/24' });
  const design = aDesign(vpc, a, b);

  it('accepts a free block inside the VPC and returns it canonical', () => {
    expect(checkSubnetCidr(design, a, ' 10.0.2.0/24 ')).toEqual({ ok: true, value: '10.0.2.0/24' });
    expect(checkSubnetCidr(design, a, '10.0.0.0/24')).toEqual({ ok: true, value: '10.0.0.0/24' });
  });

  it('stores blocks outside /16–/28 with a warning that AWS will refuse them (the rules report them)', () => {
    // https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
    expect(checkSubnetCidr(design, a, '10.0.0.0/29')).toMatchObject({ ok: true, value: '10.0.0.0/29' });
    expect(warningOf(checkSubnetCidr(design, a, '10.0.0.0/29'))).toMatch(/at least a \/28.*AWS will refuse it/);
    expect(warningOf(checkSubnetCidr(design, a, '10.0.0.0/15'))).toMatch(/at most a \/16/);
  });

  it('stores a block outside the VPC or overlapping a sibling with a warning naming it', () => {
    expect(warningOf(checkSubnetCidr(design, a, '10.1.0.0/24'))).toBe(
      '10.1.0.0/24 is outside the VPC v (10.0.0.0/16): AWS will refuse it.',
    );
    expect(checkSubnetCidr(design, a, '10.0.1.0/25')).toEqual({
      ok: true,
      value: '10.0.1.0/25',
      warning: '10.0.1.0/25 overlaps subnet Private B (10.0.1.0/24): AWS will refuse it.',
    });
  });

  it('still refuses malformed and unaligned text outright', () => {
    expect(errorOf(checkSubnetCidr(design, a, '10.0.1.1/24'))).toMatch(/not a network address/);
    expect(errorOf(checkSubnetCidr(design, a, 'banana'))).toMatch(/not a CIDR block/);
  });
});

describe('checkVpcCidr', () => {
  const vpc = aVpc({ id: 'v', cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'] });
  const s = aSubnet({ id: 's', name: 'Web', vpcId: 'v', cidrBlock: '10.1.5.0/24' });
  const design = aDesign(vpc, s);

  it('warns about a block that overlaps another block of the VPC or strands a subnet', () => {
    expect(warningOf(checkVpcCidr(design, vpc, '10.1.0.0/20', 0))).toMatch(
      /overlaps this VPC's other block 10.1.0.0\/16/,
    );
    expect(warningOf(checkVpcCidr(design, vpc, '10.2.0.0/16', 1))).toBe(
      'Subnet Web (10.1.5.0/24) no longer fits in the VPC: change the subnet too.',
    );
    expect(checkVpcCidr(design, vpc, '10.2.0.0/16', 2)).toEqual({ ok: true, value: '10.2.0.0/16' });
  });

  it('keeps the primary block and blocks that hold subnets', () => {
    expect(errorOf(checkRemoveVpcCidr(design, vpc, 0))).toMatch(/primary/);
    expect(errorOf(checkRemoveVpcCidr(design, vpc, 1))).toBe('Subnet Web uses 10.1.0.0/16.');
    const empty = aDesign(vpc);
    expect(checkRemoveVpcCidr(empty, vpc, 1)).toEqual({ ok: true, value: ['10.0.0.0/16'] });
  });
});

describe('checkPrivateIp', () => {
  const subnet = aSubnet({ name: 'Public A', cidrBlock: '10.0.1.0/24' });

  it('names which reserved address was typed', () => {
    // https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
    expect(errorOf(checkPrivateIp(subnet, '10.0.1.0'))).toMatch(/the network address/);
    expect(errorOf(checkPrivateIp(subnet, '10.0.1.1'))).toMatch(/the VPC router/);
    expect(errorOf(checkPrivateIp(subnet, '10.0.1.2'))).toMatch(/the DNS server/);
    expect(errorOf(checkPrivateIp(subnet, '10.0.1.3'))).toMatch(/future use/);
    expect(errorOf(checkPrivateIp(subnet, '10.0.1.255'))).toMatch(/the broadcast address/);
  });

  it('accepts a usable address and refuses one outside the subnet, malformed, or taken', () => {
    expect(checkPrivateIp(subnet, '10.0.1.4')).toEqual({ ok: true, value: '10.0.1.4' });
    expect(errorOf(checkPrivateIp(subnet, '10.0.2.4'))).toBe('10.0.2.4 is outside subnet Public A (10.0.1.0/24).');
    expect(errorOf(checkPrivateIp(subnet, '10.0.1'))).toMatch(/not an IPv4 address/);
    const design = aDesign(aVpc(), subnet, anInstance({ id: 'i-1', name: 'web', privateIp: '10.0.1.10' }));
    expect(errorOf(checkPrivateIp(subnet, '10.0.1.10', addressesInSubnet(design, subnet.id)))).toBe(
      '10.0.1.10 is already used by web.',
    );
    expect(checkPrivateIp(subnet, '10.0.1.10', addressesInSubnet(design, subnet.id, 'i-1')).ok).toBe(true);
  });
});

describe('ports, rule numbers, ASNs and names', () => {
  it('reads port ranges and refuses ports above 65535 or backwards ranges', () => {
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
    expect(checkPortRange('443')).toEqual({ ok: true, value: { from: 443, to: 443 } });
    expect(checkPortRange('1024-65535')).toEqual({ ok: true, value: { from: 1024, to: 65535 } });
    expect(checkPortRange('all')).toEqual({ ok: true, value: { from: 0, to: 65535 } });
    expect(errorOf(checkPortRange('65536'))).toBe('Ports run from 0 to 65535.');
    expect(errorOf(checkPortRange('90-80'))).toMatch(/backwards/);
    expect(errorOf(checkPortRange('http'))).toMatch(/not a port range/);
    expect(formatPortRange(22, 22)).toBe('22');
    expect(formatPortRange(-1, -1)).toBe('all');
  });

  it('reads ICMP type:code', () => {
    expect(checkIcmpTypeCode('all')).toEqual({ ok: true, value: { from: -1, to: -1 } });
    expect(checkIcmpTypeCode('3:4')).toEqual({ ok: true, value: { from: 3, to: 4 } });
    expect(checkIcmpTypeCode('256').ok).toBe(false);
  });

  it('keeps NACL rule numbers within 1–32766 and unique', () => {
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkAclEntry.html
    expect(checkRuleNumber('32766', [])).toEqual({ ok: true, value: 32766 });
    expect(errorOf(checkRuleNumber('32767', []))).toMatch(/from 1 to 32766/);
    expect(errorOf(checkRuleNumber('0', []))).toMatch(/from 1 to 32766/);
    expect(errorOf(checkRuleNumber('100', [100]))).toMatch(/already exists/);
  });

  it('checks ASNs: any for a customer gateway, a private one on the Amazon side', () => {
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpnGateway.html
    expect(checkCustomerAsn('65000').ok).toBe(true);
    expect(checkAmazonSideAsn('64512').ok).toBe(true);
    expect(checkAmazonSideAsn('4200000000').ok).toBe(true);
    expect(errorOf(checkAmazonSideAsn('7224'))).toMatch(/private/);
  });

  it('checks account ids, bucket names and zone names', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    expect(checkAccountId('123456789012').ok).toBe(true);
    expect(checkAccountId('1234').ok).toBe(false);
    expect(checkBucketName('my-assets').ok).toBe(true);
    expect(errorOf(checkBucketName('My_Bucket'))).toMatch(/lowercase/);
    expect(errorOf(checkBucketName('192.168.5.4'))).toMatch(/IP address/);
    expect(errorOf(checkBucketName('a..b'))).toMatch(/adjacent dots/);
    expect(checkZoneName('us-east-1', 'us-east-1c', ['us-east-1a'])).toEqual({ ok: true, value: 'us-east-1c' });
    expect(checkZoneName('us-east-1', 'eu-west-1a', []).ok).toBe(false);
    expect(checkZoneName('us-east-1', 'us-east-1a', ['us-east-1a']).ok).toBe(false);
  });
});

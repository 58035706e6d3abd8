import { describe, expect, it } from 'vitest';
import {
  findOverlaps,
  isPrivateIp,
  isPublicIp,
  nextFreeCidr,
  parseCidr,
  parseIp,
  reservedRole,
  tryCidr,
  usableAddressCount,
} from './cidr.ts';

describe('parseCidr', () => {
  it('reads an aligned block', () => {
    const r = parseCidr('10.0.0.0/16');
    expect(r.ok && r.cidr.text).toBe('10.0.0.0/16');
    expect(r.ok && r.cidr.last - r.cidr.first + 1).toBe(65536);
  });

  it('refuses a host address with a prefix and suggests the network address', () => {
    expect(parseCidr('10.0.0.1/16')).toEqual({
      ok: false,
      error: '10.0.0.1/16 is not a network address: did you mean 10.0.0.0/16?',
    });
  });

  it.each(['banana', '10.0.0.0/33', '10.0.0.256/24', '10.0.0.0', '10.0.0.0/', '01.0.0.0/8', ''])(
    'refuses %s with a message',
    (text) => {
      const r = parseCidr(text);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.length).toBeGreaterThan(10);
    },
  );
});

describe('reserved addresses', () => {
  // https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html: "The first four IP addresses and the
  // last IP address in each subnet CIDR block are not available for your use".
  it('leaves 251 usable addresses in a /24 and 11 in a /28', () => {
    expect(usableAddressCount(tryCidr('10.0.0.0/24')!)).toBe(251);
    expect(usableAddressCount(tryCidr('10.0.0.0/28')!)).toBe(11);
  });

  it('names each reserved address', () => {
    const subnet = tryCidr('10.0.0.0/24')!;
    expect(reservedRole(subnet, parseIp('10.0.0.0')!)).toBe('network address');
    expect(reservedRole(subnet, parseIp('10.0.0.1')!)).toBe('VPC router');
    expect(reservedRole(subnet, parseIp('10.0.0.2')!)).toBe('DNS server');
    expect(reservedRole(subnet, parseIp('10.0.0.3')!)).toBe('reserved for future use');
    expect(reservedRole(subnet, parseIp('10.0.0.255')!)).toBe('broadcast address');
    expect(reservedRole(subnet, parseIp('10.0.0.4')!)).toBeUndefined();
  });
});

describe('nextFreeCidr', () => {
  it('fills the first gap', () => {
    expect(nextFreeCidr(['10.0.0.0/16'], ['10.0.0.0/24', '10.0.2.0/24'], 24)).toBe('10.0.1.0/24');
  });

  it('skips past a larger taken block, staying aligned', () => {
    expect(nextFreeCidr(['10.0.0.0/16'], ['10.0.0.0/20'], 24)).toBe('10.0.16.0/24');
    expect(nextFreeCidr(['10.0.0.0/16'], ['10.0.0.0/28'], 24)).toBe('10.0.1.0/24');
  });

  it('moves on to a secondary block when the primary is full', () => {
    expect(nextFreeCidr(['10.0.0.0/24', '10.1.0.0/24'], ['10.0.0.0/24'], 26)).toBe('10.1.0.0/26');
  });

  it('says so when nothing fits', () => {
    expect(nextFreeCidr(['10.0.0.0/24'], ['10.0.0.0/25', '10.0.0.128/25'], 26)).toBeUndefined();
  });
});

describe('findOverlaps', () => {
  it('finds every overlapping pair, including nested blocks, without comparing unrelated ones', () => {
    const items = ['10.0.0.0/16', '10.0.1.0/24', '10.1.0.0/16', '10.0.1.128/25', '10.2.0.0/16'].map((t) => ({
      cidr: tryCidr(t)!,
      item: t,
    }));
    const pairs = findOverlaps(items)
      .map(([a, b]) => [a, b].sort().join(' & '))
      .sort();
    expect(pairs).toEqual(['10.0.0.0/16 & 10.0.1.0/24', '10.0.0.0/16 & 10.0.1.128/25', '10.0.1.0/24 & 10.0.1.128/25']);
  });
});

// The private ranges: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html (RFC 1918); what is not
// routed on the internet besides them: RFC 6890.
describe('isPrivateIp / isPublicIp', () => {
  const ip = (text: string) => parseIp(text)!;

  it('knows the RFC 1918 ranges to their edges', () => {
    for (const text of [
      '10.0.0.0',
      '10.255.255.255',
      '172.16.0.0',
      '172.31.255.255',
      '192.168.0.0',
      '192.168.255.255',
    ]) {
      expect(isPrivateIp(ip(text)), text).toBe(true);
      expect(isPublicIp(ip(text)), text).toBe(false);
    }
    for (const text of [
      '9.255.255.255',
      '11.0.0.0',
      '172.15.255.255',
      '172.32.0.0',
      '192.167.255.255',
      '192.169.0.0',
    ]) {
      expect(isPrivateIp(ip(text)), text).toBe(false);
    }
  });

  it('calls an internet address public, and loopback, link-local, multicast, unspecified and carrier NAT not', () => {
    for (const text of ['8.8.8.8', '52.94.0.1', '100.63.255.255', '100.128.0.0', '1.1.1.1'])
      expect(isPublicIp(ip(text)), text).toBe(true);
    for (const text of [
      '0.0.0.0',
      '127.0.0.1',
      '169.254.169.254',
      '224.0.0.1',
      '239.255.255.255',
      '100.64.0.0',
      '100.127.255.255',
    ]) {
      expect(isPublicIp(ip(text)), text).toBe(false);
      expect(isPrivateIp(ip(text)), text).toBe(false);
    }
  });
});

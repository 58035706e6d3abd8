import { describe, expect, it } from 'vitest';
import { aDesign, aNatGateway, anEndpoint, aRouteTable, aSubnet, aVpc } from '../model/builders.ts';
import type { NetworkAclRule, SecurityGroupRule, Subnet, Vpc } from '../model/types.ts';
import { run } from './command.ts';
import {
  allocateElasticIp,
  changeVpcRegion,
  removeAvailabilityZone,
  setMainRouteTable,
  updateDesignSettings,
} from './inspectorEdits.ts';
import {
  nextNaclRuleNumber,
  peerOf,
  protocolChoiceOf,
  sortNaclRules,
  withNaclProtocol,
  withPeer,
  withProtocol,
} from './ruleEdits.ts';

describe('allocateElasticIp', () => {
  it('creates an Elastic IP and associates it with the NAT gateway in one step', () => {
    const design = aDesign(aVpc(), aSubnet(), aNatGateway({ id: 'nat', elasticIpId: undefined }));
    const r = run(design, allocateElasticIp('nat'));
    expect(r.error).toBeUndefined();
    const nat = r.design.resources.nat as { elasticIpId?: string };
    expect(r.design.resources[nat.elasticIpId!]).toMatchObject({ kind: 'elasticIp', publicIp: '203.0.113.10' });
  });

  it('refuses for a private NAT gateway (they have no Elastic IP)', () => {
    // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
    const design = aDesign(
      aVpc(),
      aSubnet(),
      aNatGateway({ id: 'nat', connectivityType: 'private', elasticIpId: undefined }),
    );
    expect(run(design, allocateElasticIp('nat')).error).toMatch(/private NAT gateway/);
  });
});

describe('setMainRouteTable', () => {
  it('moves the main flag so the VPC keeps exactly one main table', () => {
    // https://docs.aws.amazon.com/vpc/latest/userguide/WorkWithRouteTables.html#Route_Replacing_Main_Table
    const design = aDesign(aVpc(), aRouteTable({ id: 'old', main: true }), aRouteTable({ id: 'new' }));
    const d = run(design, setMainRouteTable('new')).design;
    expect(
      Object.values(d.resources)
        .filter((r) => r.kind === 'routeTable' && r.main)
        .map((r) => r.id),
    ).toEqual(['new']);
  });
});

describe('changeVpcRegion', () => {
  it('renames zones of the VPC and its subnets and rewrites endpoint service names', () => {
    const design = aDesign(aVpc(), aSubnet({ id: 's', availabilityZone: 'us-east-1b' }), anEndpoint({ id: 'e' }));
    const d = run(design, changeVpcRegion('vpc-a', 'eu-west-1')).design;
    expect((d.resources['vpc-a'] as Vpc).availabilityZones).toEqual(['eu-west-1a', 'eu-west-1b']);
    expect((d.resources.s as Subnet).availabilityZone).toBe('eu-west-1b');
    expect(d.resources.e).toMatchObject({ serviceName: 'com.amazonaws.eu-west-1.s3' });
  });
});

describe('removeAvailabilityZone', () => {
  it('refuses while a subnet lives in the zone', () => {
    const design = aDesign(aVpc(), aSubnet({ name: 'Web', availabilityZone: 'us-east-1a' }));
    expect(run(design, removeAvailabilityZone('vpc-a', 'us-east-1a')).error).toMatch(/still holds Web/);
    expect(
      (run(design, removeAvailabilityZone('vpc-a', 'us-east-1b')).design.resources['vpc-a'] as Vpc).availabilityZones,
    ).toEqual(['us-east-1a']);
  });
});

describe('updateDesignSettings', () => {
  it('changes the account and refuses a no-op (so no empty undo step)', () => {
    const design = aDesign();
    expect(run(design, updateDesignSettings({ accountId: '222222222222' })).design.accountId).toBe('222222222222');
    expect(run(design, updateDesignSettings({ accountId: design.accountId })).error).toBe('Nothing changed.');
  });
});

describe('rule edits', () => {
  const rule: SecurityGroupRule = { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' };

  it('resets ports to what the new protocol means', () => {
    expect(withProtocol(rule, 'udp')).toMatchObject({ protocol: 'udp', fromPort: 443, toPort: 443 });
    expect(withProtocol(rule, 'all')).toMatchObject({ protocol: '-1', fromPort: -1, toPort: -1 });
    expect(withProtocol(withProtocol(rule, 'all'), 'tcp')).toMatchObject({ fromPort: 0, toPort: 65535 });
    expect(withProtocol(rule, 'icmp')).toMatchObject({ protocol: 'icmp', fromPort: -1, toPort: -1 });
    expect(protocolChoiceOf('6')).toBe('tcp');
    expect(protocolChoiceOf('50')).toBe('custom');
    const acl: NetworkAclRule = {
      ruleNumber: 100,
      protocol: 'tcp',
      fromPort: 80,
      toPort: 80,
      cidr: '0.0.0.0/0',
      action: 'allow',
    };
    expect(withNaclProtocol(acl, 'all')).toEqual({
      ruleNumber: 100,
      protocol: '-1',
      cidr: '0.0.0.0/0',
      action: 'allow',
    });
  });

  it('keeps exactly one peer on a security-group rule', () => {
    const g = withPeer(rule, 'group', 'sg-web');
    expect(g).toEqual({ protocol: 'tcp', fromPort: 443, toPort: 443, groupId: 'sg-web' });
    expect(peerOf(g)).toEqual({ type: 'group', value: 'sg-web' });
    expect(peerOf(withPeer(g, 'prefixList', 'pl-s3'))).toEqual({ type: 'prefixList', value: 'pl-s3' });
  });

  it('sorts NACL entries by number and numbers new ones in hundreds', () => {
    // https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
    const entries: NetworkAclRule[] = [200, 100, 150].map((n) => ({
      ruleNumber: n,
      protocol: '-1',
      cidr: '0.0.0.0/0',
      action: 'allow',
    }));
    expect(sortNaclRules(entries).map((e) => e.ruleNumber)).toEqual([100, 150, 200]);
    expect(nextNaclRuleNumber(entries)).toBe(300);
    expect(nextNaclRuleNumber([])).toBe(100);
    expect(nextNaclRuleNumber([{ ruleNumber: 32766, protocol: '-1', cidr: '0.0.0.0/0', action: 'deny' }])).toBe(1);
  });
});

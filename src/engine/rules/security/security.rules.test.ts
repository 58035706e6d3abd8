import { describe, expect, it } from 'vitest';
import { aDesign, aNetworkAcl, aPeering, aSecurityGroup, aSubnet, aVpc, anInstance } from '../../model/builders.ts';
import type { NetworkAclRule, SecurityGroupRule } from '../../model/types.ts';
import { findingsOf } from '../testing.ts';
import { naclEphemeralPorts } from './naclEphemeralPorts.ts';
import { naclPortRange } from './naclPortRange.ts';
import { naclRuleNumbers } from './naclRuleNumbers.ts';
import { naclRuleQuota } from './naclRuleQuota.ts';
import { sgOpenToWorld } from './sgOpenToWorld.ts';
import { sgPerInterfaceQuota } from './sgPerInterfaceQuota.ts';
import { sgReferenceScope } from './sgReferenceScope.ts';
import { sgRuleQuota } from './sgRuleQuota.ts';

const QUOTAS = 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html';
const allow = (ruleNumber: number, o: Partial<NetworkAclRule> = {}): NetworkAclRule => ({
  ruleNumber,
  protocol: 'tcp',
  fromPort: 443,
  toPort: 443,
  cidr: '0.0.0.0/0',
  action: 'allow',
  ...o,
});
const tcp = (port: number, o: Partial<SecurityGroupRule> = {}): SecurityGroupRule => ({
  protocol: 'tcp',
  fromPort: port,
  toPort: port,
  cidr: '10.0.0.0/16',
  ...o,
});

describe('sg-reference-scope (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html)', () => {
  it('cites the security group rules page', () =>
    expect(sgReferenceScope.docs).toBe('https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html'));

  const other = aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] });
  const referencing = aSecurityGroup({ ingress: [tcp(443, { cidr: undefined, groupId: 'sg-b' })] });
  const referenced = aSecurityGroup({ id: 'sg-b', vpcId: 'vpc-b' });

  it('refuses a reference to a group of an unpeered VPC, and to a missing group', () => {
    expect(findingsOf(aDesign(aVpc(), other, referencing, referenced), 'sg-reference-scope')[0]).toMatchObject({
      severity: 'error',
      resources: ['sg-a', 'sg-b'],
    });
    expect(findingsOf(aDesign(aVpc(), referencing), 'sg-reference-scope')[0]!.message).toContain('does not exist');
  });

  it('accepts references within the VPC and to an actively peered VPC in the same Region', () => {
    expect(findingsOf(aDesign(aVpc(), other, referencing, referenced, aPeering()), 'sg-reference-scope')).toEqual([]);
    expect(
      findingsOf(
        aDesign(aVpc(), aSecurityGroup({ ingress: [tcp(443, { cidr: undefined, groupId: 'vpc-a-sg' })] })),
        'sg-reference-scope',
      ),
    ).toEqual([]);
  });

  it('refuses the peered reference while the peering is still pending', () => {
    expect(
      findingsOf(
        aDesign(aVpc(), other, referencing, referenced, aPeering({ status: 'pending-acceptance' })),
        'sg-reference-scope',
      ),
    ).toHaveLength(1);
  });
});

describe('nacl-rule-numbers (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html)', () => {
  it('cites the network ACL rules page', () =>
    expect(naclRuleNumbers.docs).toBe('https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html'));

  it('reports a repeated number and numbers outside 1–32766', () => {
    const acl = aNetworkAcl({
      inbound: [allow(100), allow(100, { fromPort: 80, toPort: 80 }), allow(0), allow(32767)],
    });
    const messages = findingsOf(aDesign(aVpc(), acl), 'nacl-rule-numbers').map((f) => f.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('two inbound rules numbered 100');
  });

  it('allows the same number once per direction', () => {
    expect(
      findingsOf(
        aDesign(aVpc(), aNetworkAcl({ inbound: [allow(100), allow(32766)], outbound: [allow(100)] })),
        'nacl-rule-numbers',
      ),
    ).toEqual([]);
  });
});

describe('nacl-port-range (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-networkaclentry-portrange.html)', () => {
  // From and To: "Required if you specify 6 (TCP) or 17 (UDP) for the protocol parameter."
  it('cites the PortRange page', () =>
    expect(naclPortRange.docs).toBe(
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-networkaclentry-portrange.html',
    ));

  it('reports TCP and UDP entries without ports and ICMP entries without a type and code', () => {
    const acl = aNetworkAcl({
      inbound: [
        allow(100, { id: 'NoPorts', fromPort: undefined, toPort: undefined }),
        allow(110, { protocol: '17', toPort: undefined }),
      ],
      outbound: [allow(100, { protocol: 'icmp', fromPort: undefined, toPort: undefined })],
    });
    const found = findingsOf(aDesign(aVpc(), acl), 'nacl-port-range');
    expect(found.map((f) => [f.severity, f.resources])).toEqual([
      ['error', ['acl-a', 'NoPorts']],
      ['error', ['acl-a']],
      ['error', ['acl-a']],
    ]);
    expect(found[0]!.message).toBe(
      'Network ACL acl-a has an inbound TCP entry NoPorts without a port range; AWS requires From and To for TCP and UDP.',
    );
  });

  it('accepts ports, ICMP type and code -1, and protocols that take neither', () => {
    const acl = aNetworkAcl({
      inbound: [
        allow(100),
        allow(110, { protocol: 'icmp', fromPort: -1, toPort: -1 }),
        allow(120, { protocol: '-1', fromPort: undefined, toPort: undefined }),
      ],
      outbound: [allow(100, { protocol: '50', fromPort: undefined, toPort: undefined })],
    });
    expect(findingsOf(aDesign(aVpc(), acl), 'nacl-port-range')).toEqual([]);
  });
});

describe('nacl-ephemeral-ports (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html)', () => {
  it('cites the ephemeral ports page', () =>
    expect(naclEphemeralPorts.docs).toBe('https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html'));

  it('warns when a custom ACL admits HTTPS but lets no reply out', () => {
    const acl = aNetworkAcl({ inbound: [allow(100)], outbound: [allow(100)] });
    const found = findingsOf(aDesign(aVpc(), acl), 'nacl-ephemeral-ports');
    expect(found.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(found[0]!.message).toContain('1024–65535');
  });

  it('is silent with ephemeral-port rules both ways, and for the default ACL', () => {
    const ephemeral = allow(200, { fromPort: 1024, toPort: 65535 });
    expect(
      findingsOf(
        aDesign(aVpc(), aNetworkAcl({ inbound: [allow(100), ephemeral], outbound: [allow(100), ephemeral] })),
        'nacl-ephemeral-ports',
      ),
    ).toEqual([]);
    expect(findingsOf(aDesign(aVpc()), 'nacl-ephemeral-ports')).toEqual([]);
  });

  it('warns that a custom ACL without allow rules blocks its subnets', () => {
    expect(
      findingsOf(aDesign(aVpc(), aNetworkAcl(), aSubnet({ networkAclId: 'acl-a' })), 'nacl-ephemeral-ports')[0]!
        .message,
    ).toContain('blocks all traffic');
  });
});

describe(`quotas (${QUOTAS})`, () => {
  it('cite the quotas page', () => {
    for (const rule of [sgRuleQuota, sgPerInterfaceQuota, naclRuleQuota]) expect(rule.docs).toContain(QUOTAS);
  });

  it('refuse a 61st inbound rule in a security group', () => {
    const rules = (n: number) => Array.from({ length: n }, (_, i) => tcp(1000 + i));
    expect(findingsOf(aDesign(aVpc(), aSecurityGroup({ ingress: rules(60) })), 'sg-rule-quota')).toEqual([]);
    expect(findingsOf(aDesign(aVpc(), aSecurityGroup({ ingress: rules(61) })), 'sg-rule-quota')[0]!.message).toContain(
      '61 inbound rules',
    );
  });

  it('refuse a 6th security group on an instance', () => {
    const groups = Array.from({ length: 6 }, (_, i) => aSecurityGroup({ id: `sg-${i}` }));
    expect(
      findingsOf(
        aDesign(aVpc(), aSubnet(), ...groups, anInstance({ securityGroupIds: groups.slice(0, 5).map((g) => g.id) })),
        'sg-per-interface-quota',
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        aDesign(aVpc(), aSubnet(), ...groups, anInstance({ securityGroupIds: groups.map((g) => g.id) })),
        'sg-per-interface-quota',
      )[0],
    ).toMatchObject({ resources: ['i-a'] });
  });

  it('refuse a 21st network ACL rule in one direction', () => {
    const rules = (n: number) => Array.from({ length: n }, (_, i) => allow(100 + i, { fromPort: 0, toPort: 65535 }));
    expect(
      findingsOf(aDesign(aVpc(), aNetworkAcl({ inbound: rules(20), outbound: rules(20) })), 'nacl-rule-quota'),
    ).toEqual([]);
    expect(
      findingsOf(aDesign(aVpc(), aNetworkAcl({ inbound: rules(21), outbound: rules(1) })), 'nacl-rule-quota')[0]!
        .message,
    ).toContain('21 inbound rules');
  });
});

describe('sg-open-to-world (https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html)', () => {
  it('cites the Security Hub EC2 controls', () =>
    expect(sgOpenToWorld.docs).toBe('https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html'));

  it('warns about SSH, RDP and all traffic from 0.0.0.0/0, naming the group and the rule', () => {
    const group = aSecurityGroup({
      id: 'sg-bastion',
      ingress: [
        tcp(22, { id: 'ssh-anywhere', cidr: '0.0.0.0/0' }),
        tcp(3389, { cidr: '0.0.0.0/0' }),
        { protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' },
      ],
    });
    const found = findingsOf(aDesign(aVpc(), group), 'sg-open-to-world');
    expect(found.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(found[0]!.message).toContain('SSH (22)');
    expect(found[0]!.message).toContain('ssh-anywhere');
    expect(found[0]!.resources).toEqual(['sg-bastion']);
    expect(found[1]!.message).toContain('RDP (3389)');
    expect(found[2]!.message).toContain('all traffic');
  });

  it('says nothing about HTTPS from anywhere or SSH from the VPC', () => {
    expect(
      findingsOf(
        aDesign(aVpc(), aSecurityGroup({ ingress: [tcp(443, { cidr: '0.0.0.0/0' }), tcp(22)] })),
        'sg-open-to-world',
      ),
    ).toEqual([]);
  });

  it('catches SSH inside a wide port range', () => {
    expect(
      findingsOf(
        aDesign(
          aVpc(),
          aSecurityGroup({ ingress: [{ protocol: 'tcp', fromPort: 0, toPort: 1000, cidr: '0.0.0.0/0' }] }),
        ),
        'sg-open-to-world',
      )[0]!.message,
    ).toContain('SSH (22)');
  });
});

import { describe, expect, it } from 'vitest';
import {
  aNetworkAcl,
  aRouteTable,
  aSecurityGroup,
  aSubnet,
  anInstance,
  aVirtualPrivateGateway,
  aVpc,
} from '../model/builders.ts';
import { exampleDesign } from '../model/example.ts';
import type { NetworkAclRule, Resource, RouteTable, SecurityGroup } from '../model/types.ts';
import { classicResources, designOf, patch, peerResources, without } from './testNetwork.ts';
import { trace } from './trace.ts';
import type { TraceQuery, TraceResult } from './types.ts';

function run(resources: Resource[], query: TraceQuery): TraceResult {
  const outcome = trace(designOf(resources), query);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

const ids = (hops: TraceResult['forward']) => hops.map((h) => h.id);
const blocker = (r: TraceResult) => r.explanations[0];

function addRoute(resources: Resource[], tableId: string, route: RouteTable['routes'][number]): Resource[] {
  return patch(resources, tableId, (t) => ({ ...(t as RouteTable), routes: [...(t as RouteTable).routes, route] }));
}

const allowAll = (ruleNumber = 100): NetworkAclRule => ({
  ruleNumber,
  protocol: '-1',
  cidr: '0.0.0.0/0',
  action: 'allow',
});

describe('routes', () => {
  // https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html — longest prefix match.
  it('uses the most specific route: a /16 to a peering connection beats 0.0.0.0/0 to the NAT gateway', () => {
    const resources = addRoute([...classicResources(), ...peerResources()], 'rtb-priv', {
      id: 'r-to-b',
      destinationCidrBlock: '10.1.0.0/16',
      targetId: 'pcx-ab',
    });
    const r = run(resources, { from: 'i-app', to: 'i-peer', port: 22 });
    expect(r.reachable).toBe(true);
    expect(r.forward.find((h) => h.id === 'rtb-priv')?.matched).toBe('r-to-b');
    expect(ids(r.forward)).toContain('pcx-ab');
    expect(ids(r.forward)).not.toContain('nat-a');
  });

  // The local route: traffic for the VPC's own CIDR stays in the VPC.
  it('delivers inside the VPC by the local route even when 0.0.0.0/0 points at a NAT gateway', () => {
    const r = run(classicResources(), { from: 'i-web', to: 'i-app', port: 8080 });
    expect(r.reachable).toBe(true);
    expect(r.forward.find((h) => h.id === 'rtb-pub')?.matched).toBe('local');
  });

  // Blackhole routes drop: the target no longer exists (a deleted NAT gateway).
  it('drops traffic on a route whose target is gone (blackhole), naming the route', () => {
    const r = run(without(classicResources(), 'nat-a'), { from: 'i-app', to: 'internet' });
    expect(r.reachable).toBe(false);
    expect(blocker(r)).toMatchObject({ code: 'BAD_STATE_ROUTE', id: 'r-priv-default', direction: 'forward' });
  });

  it('drops traffic routed to an internet gateway that is detached', () => {
    const r = run(patch(classicResources(), 'igw-a', { vpcId: undefined }), { from: 'i-web', to: 'internet' });
    expect(blocker(r)).toMatchObject({ code: 'BAD_STATE_ROUTE', id: 'r-pub-default' });
  });

  // A transit gateway is not modelled: the importer writes its id as ${NotModelled:…}, and the trace says it cannot
  // follow the route rather than calling it a blackhole.
  it('stops at a route to a target the model does not represent, without calling it a blackhole', () => {
    const resources = addRoute(classicResources(), 'rtb-priv', {
      id: 'r-tgw',
      destinationCidrBlock: '10.8.0.0/16',
      targetId: '${NotModelled:Tgw}',
    });
    expect(blocker(run(resources, { from: 'i-app', to: 'ip:10.8.0.5' }))).toMatchObject({
      code: 'TARGET_NOT_MODELLED',
      id: 'r-tgw',
      related: ['rtb-priv'],
    });
  });

  it('reports no route when nothing matches, naming the route table', () => {
    const resources = patch(classicResources(), 'rtb-priv', { routes: [] } as Partial<RouteTable>);
    const r = run(resources, { from: 'i-app', to: 'internet' });
    expect(blocker(r)).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', id: 'rtb-priv' });
  });

  it('uses a static route before a propagated one for the same destination', () => {
    const resources = [
      ...addRoute(
        patch(classicResources(), 'rtb-priv', { propagatingGatewayIds: ['vgw-a'] } as Partial<RouteTable>),
        'rtb-priv',
        {
          id: 'r-static-onprem',
          destinationCidrBlock: '172.16.0.0/16',
          targetId: 'nat-a',
        },
      ),
      aVirtualPrivateGateway({ id: 'vgw-a', vpcId: 'vpc-a' }),
      { id: 'cgw-a', kind: 'customerGateway', name: 'cgw', ipAddress: '198.51.100.200', bgpAsn: 65000 } as Resource,
      {
        id: 'vpn-a',
        kind: 'vpnConnection',
        name: 'vpn',
        vpnGatewayId: 'vgw-a',
        customerGatewayId: 'cgw-a',
        staticRoutesOnly: true,
        onPremisesCidrs: ['172.16.0.0/16'],
      } as Resource,
    ];
    const r = run(resources, { from: 'i-app', to: 'ip:172.16.0.10' });
    expect(r.forward.find((h) => h.id === 'rtb-priv')?.matched).toBe('r-static-onprem');
  });
});

describe('security groups', () => {
  // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html — allow rules only.
  it('blocks inbound traffic no rule allows, naming the group', () => {
    const r = run(classicResources(), { from: 'i-web', to: 'i-app', port: 22 });
    expect(r.reachable).toBe(false);
    expect(blocker(r)).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', id: 'sg-app', direction: 'forward' });
  });

  it('blocks at the source when its group allows no outbound traffic', () => {
    const r = run(patch(classicResources(), 'sg-web', { egress: [] } as Partial<SecurityGroup>), {
      from: 'i-web',
      to: 'i-app',
      port: 8080,
    });
    expect(blocker(r)).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', id: 'sg-web' });
  });

  // Stateful: the reply is allowed although sg-app has no egress rule back to the client.
  it('lets the reply back through groups with no rule for it (stateful)', () => {
    const resources = patch(classicResources(), 'sg-app', { egress: [] } as Partial<SecurityGroup>);
    const r = run(resources, { from: 'i-web', to: 'i-app', port: 8080 });
    expect(r.reachable).toBe(true);
    expect(r.return.find((h) => h.id === 'sg-app')).toMatchObject({ action: 'allow' });
  });

  it('takes the union of all groups on the interface', () => {
    const resources = [
      ...patch(classicResources(), 'i-app', { securityGroupIds: ['sg-app', 'sg-ssh'] } as Partial<Resource>),
      aSecurityGroup({
        id: 'sg-ssh',
        vpcId: 'vpc-a',
        ingress: [{ id: 'ssh', protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '10.0.0.0/16' }],
      }),
    ];
    const r = run(resources, { from: 'i-web', to: 'i-app', port: 22 });
    expect(r.reachable).toBe(true);
    expect(r.forward.find((h) => h.id === 'sg-ssh')?.matched).toBe('ssh');
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html — a group as the source matches
  // the private addresses of its members.
  it('matches a group reference by its members, not by their subnet', () => {
    const resources = [
      ...classicResources(),
      anInstance({ id: 'i-other', subnetId: 'subnet-pub', privateIp: '10.0.0.11', securityGroupIds: ['sg-other'] }),
      aSecurityGroup({ id: 'sg-other', vpcId: 'vpc-a' }),
    ];
    expect(run(resources, { from: 'i-web', to: 'i-app', port: 8080 }).reachable).toBe(true);
    const r = run(resources, { from: 'i-other', to: 'i-app', port: 8080 });
    expect(blocker(r)).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', id: 'sg-app' });
  });

  // https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html — same Region only.
  it('matches a peer VPC group reference only across an active same-Region peering', () => {
    const base = addRoute(
      patch([...classicResources(), ...peerResources()], 'sg-peer', {
        ingress: [{ id: 'from-app', protocol: 'tcp', fromPort: 5432, toPort: 5432, groupId: 'sg-app' }],
      } as Partial<SecurityGroup>),
      'rtb-priv',
      { id: 'r-to-b', destinationCidrBlock: '10.1.0.0/16', targetId: 'pcx-ab' },
    );
    expect(run(base, { from: 'i-app', to: 'i-peer', port: 5432 }).reachable).toBe(true);
    const otherRegion = patch(base, 'vpc-b', { region: 'eu-west-1' } as Partial<Resource>);
    expect(blocker(run(otherRegion, { from: 'i-app', to: 'i-peer', port: 5432 }))).toMatchObject({
      code: 'ENI_SG_RULES_MISMATCH',
      id: 'sg-peer',
    });
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html — members reach each other, nobody else gets in.
  it('applies the default group to an instance without groups', () => {
    const resources = [
      ...classicResources(),
      anInstance({ id: 'i-d1', subnetId: 'subnet-priv', privateIp: '10.0.1.21', securityGroupIds: [] }),
      anInstance({ id: 'i-d2', subnetId: 'subnet-priv', privateIp: '10.0.1.22', securityGroupIds: [] }),
    ];
    expect(run(resources, { from: 'i-d1', to: 'i-d2', port: 5432 }).reachable).toBe(true);
    expect(blocker(run(resources, { from: 'i-web', to: 'i-d2', port: 5432 }))).toMatchObject({
      code: 'ENI_SG_RULES_MISMATCH',
      id: 'vpc-a-sg',
    });
  });
});

describe('network ACLs', () => {
  const withAcl = (resources: Resource[], subnetId: string, inbound: NetworkAclRule[], outbound: NetworkAclRule[]) => [
    ...patch(resources, subnetId, { networkAclId: 'acl-x' } as Partial<Resource>),
    aNetworkAcl({ id: 'acl-x', vpcId: 'vpc-a', inbound, outbound }),
  ];

  // Traffic within one subnet never crosses its network ACL.
  it('does not apply to traffic within one subnet', () => {
    const resources = withAcl(
      [
        ...classicResources(),
        anInstance({ id: 'i-app2', subnetId: 'subnet-priv', privateIp: '10.0.1.11', securityGroupIds: ['sg-app'] }),
      ],
      'subnet-priv',
      [],
      [],
    );
    const r = run(
      patch(resources, 'sg-app', {
        ingress: [{ protocol: '-1', fromPort: -1, toPort: -1, groupId: 'sg-app' }],
      } as Partial<SecurityGroup>),
      { from: 'i-app', to: 'i-app2', port: 5432 },
    );
    expect(r.reachable).toBe(true);
    expect(ids(r.forward)).not.toContain('acl-x');
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html — lowest number first; first match wins.
  it('applies the lowest-numbered matching rule: deny #90 before allow #100', () => {
    const resources = withAcl(
      classicResources(),
      'subnet-priv',
      [
        { ruleNumber: 90, protocol: 'tcp', fromPort: 8080, toPort: 8080, cidr: '10.0.0.0/24', action: 'deny' },
        allowAll(),
      ],
      [allowAll()],
    );
    const r = run(resources, { from: 'i-web', to: 'i-app', port: 8080 });
    expect(blocker(r)).toMatchObject({
      code: 'SUBNET_ACL_RESTRICTION',
      id: 'acl-x',
      direction: 'forward',
      related: ['subnet-priv'],
    });
    expect(r.forward.find((h) => h.id === 'acl-x')?.matched).toBe('inbound #90');
  });

  it('denies what no rule matches (the final * rule)', () => {
    const r = run(withAcl(classicResources(), 'subnet-priv', [], [allowAll()]), {
      from: 'i-web',
      to: 'i-app',
      port: 8080,
    });
    expect(r.forward.find((h) => h.id === 'acl-x')?.matched).toBe('inbound *');
  });

  // Stateless: the reply needs its own rule, to the client's ephemeral ports.
  // https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html
  it('blocks the reply when outbound rules do not cover the client ephemeral ports', () => {
    const resources = withAcl(
      classicResources(),
      'subnet-priv',
      [allowAll()],
      [{ ruleNumber: 100, protocol: 'tcp', fromPort: 8080, toPort: 8080, cidr: '0.0.0.0/0', action: 'allow' }],
    );
    const r = run(resources, { from: 'i-web', to: 'i-app', port: 8080 });
    expect(r.reachable).toBe(false);
    expect(blocker(r)).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', id: 'acl-x', direction: 'return' });
    expect(r.return.find((h) => h.id === 'acl-x')?.detail).toContain('32768–60999');
  });

  it('allows the reply when outbound rules cover 1024–65535', () => {
    const resources = withAcl(
      classicResources(),
      'subnet-priv',
      [allowAll()],
      [{ ruleNumber: 100, protocol: 'tcp', fromPort: 1024, toPort: 65535, cidr: '10.0.0.0/16', action: 'allow' }],
    );
    expect(run(resources, { from: 'i-web', to: 'i-app', port: 8080 }).reachable).toBe(true);
  });

  it('blocks the reply when a rule covers only part of a Linux client range (49152–65535)', () => {
    const resources = withAcl(
      classicResources(),
      'subnet-priv',
      [allowAll()],
      [{ ruleNumber: 100, protocol: 'tcp', fromPort: 49152, toPort: 65535, cidr: '0.0.0.0/0', action: 'allow' }],
    );
    const r = run(resources, { from: 'i-web', to: 'i-app', port: 8080 });
    expect(blocker(r)).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', direction: 'return' });
  });

  // A NAT gateway uses ports 1024–65535, so its subnet must admit replies to all of them.
  it('checks replies to a NAT gateway against 1024–65535', () => {
    const resources = withAcl(
      classicResources(),
      'subnet-pub',
      [
        { ruleNumber: 100, protocol: 'tcp', fromPort: 32768, toPort: 65535, cidr: '0.0.0.0/0', action: 'allow' },
        { ruleNumber: 110, protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16', action: 'allow' },
      ],
      [allowAll()],
    );
    const r = run(resources, { from: 'i-app', to: 'internet', port: 443 });
    expect(blocker(r)).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', id: 'acl-x', direction: 'return' });
    expect(r.return.find((h) => h.id === 'acl-x')?.detail).toContain('1024');
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html — "you can also add rules to the ACL
  // to deny traffic on any malicious ports within that range ... place the deny rules earlier in the table".
  it('lets replies through when deny rules take a few ports out of the ephemeral range, not when they take most', () => {
    const ephemeral: NetworkAclRule = {
      ruleNumber: 100,
      protocol: 'tcp',
      fromPort: 1024,
      toPort: 65535,
      cidr: '0.0.0.0/0',
      action: 'allow',
    };
    const fromVpc: NetworkAclRule = { ruleNumber: 110, protocol: '-1', cidr: '10.0.0.0/16', action: 'allow' };
    const deny = (ruleNumber: number, from: number, to: number): NetworkAclRule => ({
      ruleNumber,
      protocol: 'tcp',
      fromPort: from,
      toPort: to,
      cidr: '0.0.0.0/0',
      action: 'deny',
    });
    const few = withAcl(
      classicResources(),
      'subnet-pub',
      [deny(50, 3389, 3389), deny(60, 1433, 1433), ephemeral, fromVpc],
      [allowAll()],
    );
    const r = run(few, { from: 'i-app', to: 'internet', port: 443 });
    expect(r.reachable).toBe(true);
    expect(r.return.find((h) => h.id === 'acl-x')?.detail).toContain('except TCP 3389 (denied by #50)');
    // A rule written 1025-65535 leaves out one port of the NAT gateway's range: a sliver, not a broken flow.
    const sliver = withAcl(classicResources(), 'subnet-pub', [{ ...ephemeral, fromPort: 1025 }, fromVpc], [allowAll()]);
    expect(run(sliver, { from: 'i-app', to: 'internet', port: 443 }).reachable).toBe(true);
    const most = withAcl(classicResources(), 'subnet-pub', [deny(50, 1024, 49151), ephemeral, fromVpc], [allowAll()]);
    expect(blocker(run(most, { from: 'i-app', to: 'internet', port: 443 }))).toMatchObject({
      code: 'SUBNET_ACL_RESTRICTION',
      id: 'acl-x',
      direction: 'return',
    });
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html — an ICMP rule names "the ICMP type and code":
  // echo requests (type 8) in and echo replies (type 0) out make ping work; other types meet the final deny.
  it('matches ICMP rules by type, the request inbound and the echo reply outbound', () => {
    const icmp = (ruleNumber: number, type: number): NetworkAclRule => ({
      ruleNumber,
      protocol: 'icmp',
      fromPort: type,
      toPort: -1,
      cidr: '10.0.0.0/16',
      action: 'allow',
    });
    const resources = patch(withAcl(classicResources(), 'subnet-priv', [icmp(100, 8)], [icmp(100, 0)]), 'sg-app', {
      ingress: [{ protocol: 'icmp', fromPort: -1, toPort: -1, cidr: '10.0.0.0/16' }],
    } as Partial<SecurityGroup>);
    expect(run(resources, { from: 'i-web', to: 'i-app', protocol: 'icmp' }).reachable).toBe(true);
    const timestamp = run(resources, { from: 'i-web', to: 'i-app', protocol: 'icmp', port: 13 });
    expect(blocker(timestamp)).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', id: 'acl-x', direction: 'forward' });
    const repliesOnly = patch(resources, 'acl-x', { inbound: [icmp(100, 0)] } as Partial<Resource>);
    expect(blocker(run(repliesOnly, { from: 'i-web', to: 'i-app', protocol: 'icmp' }))).toMatchObject({
      id: 'acl-x',
      direction: 'forward',
    });
  });
});

describe('internet gateway', () => {
  it('translates the private address to the public one and back (1:1 NAT)', () => {
    const r = run(classicResources(), { from: 'i-web', to: 'internet' });
    expect(r.reachable).toBe(true);
    expect(r.forward.find((h) => h.id === 'igw-a')?.detail).toContain('10.0.0.10 → 198.51.100.10');
    expect(r.return.find((h) => h.id === 'igw-a')?.detail).toContain('198.51.100.10 → 10.0.0.10');
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html — needs a public IPv4 address.
  it('drops traffic from an instance without a public address', () => {
    const resources = [
      ...classicResources(),
      anInstance({
        id: 'i-nopub',
        subnetId: 'subnet-pub',
        privateIp: '10.0.0.20',
        associatePublicIp: false,
        securityGroupIds: ['sg-web'],
      }),
    ];
    expect(blocker(run(resources, { from: 'i-nopub', to: 'internet' }))).toMatchObject({
      code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS',
      id: 'igw-a',
    });
  });

  it('does not carry traffic to private destinations', () => {
    const r = run(classicResources(), { from: 'i-web', to: 'ip:172.16.5.5' });
    expect(blocker(r)).toMatchObject({ code: 'IGW_PRIVATE_DESTINATION', id: 'igw-a' });
  });

  it('lets the internet in only to public addresses', () => {
    expect(run(classicResources(), { from: 'internet', to: 'i-web' }).reachable).toBe(true);
    expect(blocker(run(classicResources(), { from: 'internet', to: 'i-app', port: 8080 }))).toMatchObject({
      code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
      id: 'i-app',
    });
  });

  it('fails the return when the reply would leave by the NAT gateway instead of the internet gateway', () => {
    const resources = patch(classicResources(), 'i-app', {
      associatePublicIp: true,
      publicIp: '198.51.100.11',
      securityGroupIds: ['sg-web'],
    } as Partial<Resource>);
    const r = run(resources, { from: 'internet', to: 'i-app' });
    expect(r.reachable).toBe(false);
    expect(blocker(r)).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', id: 'rtb-priv', direction: 'return' });
  });

  it('treats "internet" as an address no specific rule names: an office-only rule does not open a port to it', () => {
    const resources = patch(classicResources(), 'sg-web', {
      ingress: [{ id: 'office', protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '192.0.2.0/24' }],
    } as Partial<SecurityGroup>);
    expect(run(resources, { from: 'internet', to: 'i-web', port: 22 }).reachable).toBe(false);
    expect(run(resources, { from: 'ip:192.0.2.7', to: 'i-web', port: 22 }).reachable).toBe(true);
  });
});

describe('NAT gateway', () => {
  // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
  it('lets a private subnet reach the internet through the NAT gateway and the internet gateway', () => {
    const r = run(classicResources(), { from: 'i-app', to: 'internet' });
    expect(r.reachable).toBe(true);
    expect(ids(r.forward)).toEqual(expect.arrayContaining(['nat-a', 'igw-a', 'rtb-pub']));
    expect(r.forward.find((h) => h.id === 'igw-a')?.detail).toContain('203.0.113.10');
    expect(ids(r.return)).toContain('nat-a');
  });

  it('takes no connection the internet starts', () => {
    const r = run(classicResources(), { from: 'internet', to: 'ip:203.0.113.10' });
    expect(blocker(r)).toMatchObject({ code: 'NAT_GATEWAY_UNSOLICITED_INBOUND', id: 'nat-a' });
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-comparison.html — bastion servers: "Not supported"
  // for a NAT gateway; a NAT instance can be one. Nothing on a NAT gateway accepts a connection, from inside the
  // VPC either, whatever the network ACLs allow (it has no security group).
  it('is no host: SSH or any other connection to it from inside the VPC is refused, so it cannot be a bastion', () => {
    for (const query of [
      { from: 'i-app', to: 'nat-a', port: 22 },
      { from: 'i-app', to: 'nat-a', port: 443 },
      { from: 'i-app', to: 'nat-a', protocol: 'icmp' as const },
    ]) {
      const r = run(classicResources(), query);
      expect(r.reachable, JSON.stringify(query)).toBe(false);
      expect(blocker(r)).toMatchObject({ code: 'NAT_GATEWAY_NOT_A_HOST', id: 'nat-a' });
    }
  });

  // A NAT gateway whose own subnet sends 0.0.0.0/0 back to it: the packet would circle until dropped.
  it('reports a routing loop instead of following it forever', () => {
    const resources = patch(classicResources(), 'subnet-pub', { routeTableId: 'rtb-priv' } as Partial<Resource>);
    expect(blocker(run(resources, { from: 'i-app', to: 'internet' }))).toMatchObject({
      code: 'ROUTING_LOOP',
      id: 'r-priv-default',
      related: expect.arrayContaining(['nat-a']),
    });
  });

  it('needs its own subnet to route to an internet gateway', () => {
    const resources = patch(classicResources(), 'rtb-pub', { routes: [] } as Partial<RouteTable>);
    const r = run(resources, { from: 'i-app', to: 'internet' });
    expect(blocker(r)).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', id: 'rtb-pub' });
    // The explanation names the NAT gateway whose traffic stops there, and the subnet whose table it is.
    expect(blocker(r)?.related).toEqual(expect.arrayContaining(['nat-a', 'subnet-pub']));
  });

  it('cannot reach the internet when private', () => {
    const resources = patch(classicResources(), 'nat-a', {
      connectivityType: 'private',
      elasticIpId: undefined,
    } as Partial<Resource>);
    expect(blocker(run(resources, { from: 'i-app', to: 'internet' }))).toMatchObject({
      code: 'PRIVATE_NAT_GATEWAY_TO_INTERNET',
      id: 'nat-a',
    });
  });

  it('cannot reach the internet without an Elastic IP', () => {
    const resources = patch(classicResources(), 'nat-a', { elasticIpId: undefined } as Partial<Resource>);
    expect(blocker(run(resources, { from: 'i-app', to: 'internet' }))).toMatchObject({
      code: 'NAT_GATEWAY_NO_ELASTIC_IP',
      id: 'nat-a',
    });
  });

  it('carries UDP and ICMP too', () => {
    expect(run(classicResources(), { from: 'i-app', to: 'internet', protocol: 'udp', port: 123 }).reachable).toBe(true);
    expect(run(classicResources(), { from: 'i-app', to: 'internet', protocol: 'icmp' }).reachable).toBe(true);
  });
});

describe('NAT instance', () => {
  const natInstance = (sourceDestCheck: boolean, extra: Partial<Resource> = {}) => [
    ...patch(classicResources(), 'rtb-priv', {
      routes: [{ id: 'r-priv-default', destinationCidrBlock: '0.0.0.0/0', targetId: 'i-nat' }],
    } as Partial<RouteTable>),
    anInstance({
      id: 'i-nat',
      subnetId: 'subnet-pub',
      privateIp: '10.0.0.50',
      publicIp: '198.51.100.50',
      securityGroupIds: ['sg-nat'],
      sourceDestCheck,
      ...extra,
    } as Partial<Resource> as never),
    aSecurityGroup({
      id: 'sg-nat',
      vpcId: 'vpc-a',
      ingress: [{ id: 'nat-from-private', protocol: '-1', fromPort: -1, toPort: -1, cidr: '10.0.1.0/24' }],
    }),
  ];

  // https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html — disable source/destination checks.
  it('forwards only with source/destination check off', () => {
    expect(blocker(run(natInstance(true), { from: 'i-app', to: 'internet' }))).toMatchObject({
      code: 'ENI_SOURCE_DEST_CHECK_RESTRICTION',
      id: 'i-nat',
    });
    const r = run(natInstance(false), { from: 'i-app', to: 'internet' });
    expect(r.reachable).toBe(true);
    expect(r.forward.find((h) => h.id === 'igw-a')?.detail).toContain('198.51.100.50');
  });

  // A route may name the NAT instance's primary network interface: the same interface, with the instance's public
  // address. https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html
  it("forwards through a route that names the instance's primary network interface", () => {
    const resources = [
      ...patch(natInstance(false), 'rtb-priv', {
        routes: [{ id: 'r-priv-default', destinationCidrBlock: '0.0.0.0/0', targetId: 'eni-nat' }],
      } as Partial<RouteTable>),
      {
        id: 'eni-nat',
        kind: 'networkInterface',
        name: 'eni-nat',
        subnetId: 'subnet-pub',
        privateIps: ['10.0.0.50'],
        securityGroupIds: ['sg-nat'],
        sourceDestCheck: false,
        instanceId: 'i-nat',
        deviceIndex: 0,
      } as Resource,
    ];
    const r = run(resources, { from: 'i-app', to: 'internet' });
    expect(r.reachable).toBe(true);
    expect(ids(r.forward)).toEqual(expect.arrayContaining(['eni-nat', 'i-nat', 'igw-a']));
    expect(r.forward.find((h) => h.id === 'igw-a')?.detail).toContain('198.51.100.50');
    // Traffic addressed to the interface arrives at the instance that holds it.
    expect(run(resources, { from: 'i-app', to: 'eni-nat', port: 22 }).reachable).toBe(true);
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html — a route more specific than the local
  // route can send traffic between subnets through a firewall appliance, which forwards it unchanged.
  it('forwards traffic inside the VPC without translating it (an inspection appliance)', () => {
    // The appliance sits in a subnet of its own, whose route table keeps the local route (in the web subnet it
    // would receive its own traffic back: a loop).
    const resources = addRoute(
      [
        ...classicResources(),
        aSubnet({ id: 'subnet-fw', vpcId: 'vpc-a', cidrBlock: '10.0.2.0/24', routeTableId: 'rtb-fw' }),
        aRouteTable({ id: 'rtb-fw', vpcId: 'vpc-a', routes: [] }),
        anInstance({
          id: 'i-fw',
          subnetId: 'subnet-fw',
          privateIp: '10.0.2.60',
          securityGroupIds: ['sg-fw'],
          sourceDestCheck: false,
        }),
        aSecurityGroup({
          id: 'sg-fw',
          vpcId: 'vpc-a',
          ingress: [{ protocol: '-1', fromPort: -1, toPort: -1, cidr: '10.0.0.0/16' }],
        }),
      ],
      'rtb-pub',
      { id: 'r-inspect', destinationCidrBlock: '10.0.1.0/24', targetId: 'i-fw' },
    );
    const r = run(resources, { from: 'i-web', to: 'i-app', port: 8080 });
    // sg-app admits sg-web members: the source is still i-web's address after the appliance.
    expect(r.reachable).toBe(true);
    expect(ids(r.forward)).toEqual(expect.arrayContaining(['i-fw', 'sg-app']));
  });

  it('applies its security group to the traffic it forwards', () => {
    const resources = patch(natInstance(false), 'sg-nat', { ingress: [] } as Partial<SecurityGroup>);
    expect(blocker(run(resources, { from: 'i-app', to: 'internet' }))).toMatchObject({
      code: 'ENI_SG_RULES_MISMATCH',
      id: 'sg-nat',
    });
  });

  it('needs a public address itself to reach the internet', () => {
    const resources = natInstance(false, { publicIp: undefined, associatePublicIp: false });
    expect(blocker(run(resources, { from: 'i-app', to: 'internet' }))).toMatchObject({
      code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS',
      id: 'igw-a',
    });
  });
});

describe('VPC peering', () => {
  const peered = () =>
    addRoute([...classicResources(), ...peerResources()], 'rtb-priv', {
      id: 'r-to-b',
      destinationCidrBlock: '10.1.0.0/16',
      targetId: 'pcx-ab',
    });

  it('carries traffic between the two VPCs, there and back', () => {
    const r = run(peered(), { from: 'i-app', to: 'i-peer', port: 5432 });
    expect(r.reachable).toBe(true);
    expect(ids(r.return)).toEqual(expect.arrayContaining(['rtb-b', 'pcx-ab']));
  });

  it('fails the return when the peer has no route back', () => {
    const r = run(patch(peered(), 'rtb-b', { routes: [] } as Partial<RouteTable>), {
      from: 'i-app',
      to: 'i-peer',
      port: 5432,
    });
    expect(blocker(r)).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', id: 'rtb-b', direction: 'return' });
  });

  // https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html — only active connections.
  it('carries nothing while the request is pending acceptance', () => {
    const r = run(patch(peered(), 'pcx-ab', { status: 'pending-acceptance' } as Partial<Resource>), {
      from: 'i-app',
      to: 'i-peer',
      port: 5432,
    });
    expect(blocker(r)).toMatchObject({ code: 'BAD_STATE_ROUTE', id: 'pcx-ab' });
  });

  // No transitive peering: A → B → C.
  it('is not transitive', () => {
    const resources = addRoute(
      [
        ...peered(),
        aVpc({ id: 'vpc-c', cidrBlocks: ['10.2.0.0/16'] }),
        aSubnet({ id: 'subnet-c', vpcId: 'vpc-c', cidrBlock: '10.2.0.0/24' }),
        anInstance({ id: 'i-c', subnetId: 'subnet-c', privateIp: '10.2.0.10' }),
      ],
      'rtb-priv',
      { id: 'r-to-c', destinationCidrBlock: '10.2.0.0/16', targetId: 'pcx-ab' },
    );
    const r = run(resources, { from: 'i-app', to: 'i-c' });
    expect(blocker(r)).toMatchObject({ code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', id: 'pcx-ab' });
    expect(blocker(r)!.related).toContain('r-to-c');
  });

  // No edge-to-edge routing: the peer's internet gateway, NAT gateway or gateway endpoint.
  // A peering to an existing VPC the design does not describe (another account's, named by id): its blocks are
  // unknown, so a private address routed to the peering is taken to be in it, both ways.
  it('carries private addresses to and from a peer VPC whose blocks are unknown', () => {
    const resources = [
      ...addRoute(classicResources(), 'rtb-priv', {
        id: 'r-to-partner',
        destinationCidrBlock: '10.50.0.0/16',
        targetId: 'pcx-partner',
      }),
      aVpc({ id: 'vpc-partner', cidrBlocks: [], external: true }),
      {
        id: 'pcx-partner',
        kind: 'peeringConnection',
        name: 'pcx-partner',
        requesterVpcId: 'vpc-a',
        accepterVpcId: 'vpc-partner',
        status: 'active',
      } as Resource,
    ];
    const out = run(resources, { from: 'i-app', to: 'ip:10.50.1.10' });
    expect(out.reachable).toBe(true);
    expect(ids(out.forward)).toEqual(expect.arrayContaining(['pcx-partner', 'vpc-partner']));
    const opened = patch(resources, 'sg-app', {
      ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '10.50.0.0/16' }],
    } as Partial<SecurityGroup>);
    expect(ids(run(opened, { from: 'ip:10.50.1.10', to: 'i-app', port: 22 }).forward)).toContain('pcx-partner');
    expect(run(opened, { from: 'ip:10.50.1.10', to: 'i-app', port: 22 }).reachable).toBe(true);
    expect(run(resources, { from: 'i-app', to: 'internet' }).forward.map((h) => h.id)).not.toContain('pcx-partner');
  });

  it("cannot use the peer's internet gateway or NAT gateway", () => {
    const resources = patch([...classicResources(), ...peerResources()], 'rtb-b', {
      routes: [
        { id: 'r-b-to-a', destinationCidrBlock: '10.0.0.0/16', targetId: 'pcx-ab' },
        { id: 'r-b-default', destinationCidrBlock: '0.0.0.0/0', targetId: 'pcx-ab' },
      ],
    } as Partial<RouteTable>);
    const r = run(resources, { from: 'i-peer', to: 'internet' });
    expect(blocker(r)).toMatchObject({ code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', id: 'pcx-ab' });
    const s3 = run(resources, {
      from: 'i-peer',
      to: 'service:s3',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
    });
    expect(blocker(s3)).toMatchObject({ code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', id: 'pcx-ab' });
  });
});

describe('gateway endpoints and policies', () => {
  const withEndpoint = (policyDocument?: unknown, bucketPolicy?: unknown, bucketRegion = 'us-east-1'): Resource[] => [
    ...classicResources(),
    {
      id: 'vpce-s3',
      kind: 'vpcEndpoint',
      name: 'vpce-s3',
      vpcId: 'vpc-a',
      endpointType: 'Gateway',
      serviceName: 'com.amazonaws.us-east-1.s3',
      routeTableIds: ['rtb-priv'],
      subnetIds: [],
      securityGroupIds: [],
      privateDnsEnabled: false,
      policyDocument,
    },
    {
      id: 'bucket',
      kind: 's3Bucket',
      name: 'bucket',
      bucketName: 'reports',
      region: bucketRegion,
      policyDocument: bucketPolicy,
    },
  ];
  const get = { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q1.csv' };

  // https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html — the prefix-list route is more specific than 0.0.0.0/0.
  it('takes S3 traffic through the endpoint, not the NAT gateway', () => {
    const r = run(withEndpoint(), { from: 'i-app', to: 'service:s3', ...get });
    expect(r.reachable).toBe(true);
    expect(ids(r.forward)).toContain('vpce-s3');
    expect(ids(r.forward)).not.toContain('nat-a');
  });

  it('goes to the public service through the NAT gateway without an endpoint', () => {
    const r = run(without(withEndpoint(), 'vpce-s3'), { from: 'i-app', to: 'service:s3', ...get });
    expect(r.reachable).toBe(true);
    expect(ids(r.forward)).toContain('nat-a');
  });

  // https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
  it('denies an action the endpoint policy does not allow', () => {
    const policy = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: '*' }] };
    expect(blocker(run(withEndpoint(policy), { from: 'i-app', to: 'service:s3', ...get }))).toMatchObject({
      code: 'VPCE_POLICY_RESTRICTION',
      id: 'vpce-s3',
    });
    const wildcard = {
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:Get*', Resource: 'arn:aws:s3:::reports/*' }],
    };
    expect(run(withEndpoint(wildcard), { from: 'i-app', to: 'service:s3', ...get }).reachable).toBe(true);
  });

  it('lets an explicit deny win over an allow', () => {
    const policy = {
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
        { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' },
      ],
    };
    expect(blocker(run(withEndpoint(policy), { from: 'i-app', to: 'service:s3', ...get }))).toMatchObject({
      code: 'VPCE_POLICY_RESTRICTION',
    });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html
  it('honours a bucket policy that admits only the endpoint (aws:SourceVpce)', () => {
    const onlyEndpoint = {
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'],
          Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-s3' } },
        },
      ],
    };
    expect(run(withEndpoint(undefined, onlyEndpoint), { from: 'i-app', to: 'service:s3', ...get }).reachable).toBe(
      true,
    );
    const r = run(without(withEndpoint(undefined, onlyEndpoint), 'vpce-s3'), {
      from: 'i-app',
      to: 'service:s3',
      ...get,
    });
    expect(blocker(r)).toMatchObject({ code: 'BUCKET_POLICY_RESTRICTION', id: 'bucket' });
  });

  it('sees no public aws:SourceIp through an endpoint, so a public-IP allow-list denies it', () => {
    const ipOnly = {
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: 'arn:aws:s3:::reports/*',
          Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
        },
      ],
    };
    expect(blocker(run(withEndpoint(undefined, ipOnly), { from: 'i-app', to: 'service:s3', ...get }))).toMatchObject({
      code: 'BUCKET_POLICY_RESTRICTION',
    });
    // Through the NAT gateway the bucket sees its Elastic IP, 203.0.113.10, which the list admits.
    expect(
      run(without(withEndpoint(undefined, ipOnly), 'vpce-s3'), { from: 'i-app', to: 'service:s3', ...get }).reachable,
    ).toBe(true);
  });

  it("gives the endpoint policy the request's keys: a condition on aws:SourceVpc holds for this VPC only", () => {
    const policy = (vpc: string) => ({
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceVpc': vpc } },
        },
      ],
    });
    expect(run(withEndpoint(policy('vpc-a')), { from: 'i-app', to: 'service:s3', ...get }).reachable).toBe(true);
    expect(blocker(run(withEndpoint(policy('vpc-other')), { from: 'i-app', to: 'service:s3', ...get }))).toMatchObject({
      code: 'VPCE_POLICY_RESTRICTION',
    });
  });

  it("matches a security group rule naming the service prefix list (any Region's list id)", () => {
    const resources = patch(withEndpoint(), 'sg-app', {
      egress: [{ id: 'to-s3', protocol: 'tcp', fromPort: 443, toPort: 443, prefixListId: 'pl-6fa54006' }],
    } as Partial<SecurityGroup>);
    const r = run(resources, { from: 'i-app', to: 'service:s3', ...get });
    expect(r.reachable).toBe(true);
    expect(r.forward.find((h) => h.id === 'sg-app')?.matched).toBe('to-s3');
    expect(run(resources, { from: 'i-app', to: 'internet' }).reachable).toBe(false);
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html — aws:PrincipalAccount,
  // aws:ResourceAccount and aws:SecureTransport are in every request's context.
  it("gives policies the caller's and the bucket's accounts and whether the request uses TLS", () => {
    const design = designOf(withEndpoint());
    const account = design.accountId;
    const perimeter = {
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalAccount': account, 'aws:ResourceAccount': account } },
        },
      ],
    };
    expect(run(withEndpoint(perimeter), { from: 'i-app', to: 'service:s3', ...get }).reachable).toBe(true);
    // A bucket the design does not hold belongs to no known account: the data perimeter keeps it out.
    const foreign = run(withEndpoint(perimeter), {
      from: 'i-app',
      to: 'service:s3',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::someone-else/x',
    });
    expect(blocker(foreign)).toMatchObject({ code: 'VPCE_POLICY_RESTRICTION', id: 'vpce-s3' });
    const tlsOnly = {
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: 'arn:aws:s3:::reports/*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    };
    expect(
      run(withEndpoint(undefined, tlsOnly), { from: 'i-app', to: 'service:s3', ...get, port: 443 }).reachable,
    ).toBe(true);
    expect(
      blocker(run(withEndpoint(undefined, tlsOnly), { from: 'i-app', to: 'service:s3', ...get, port: 80 })),
    ).toMatchObject({ code: 'BUCKET_POLICY_RESTRICTION', id: 'bucket' });
  });

  // Reachability Analyzer takes a gateway endpoint as a destination: its service, reached through that endpoint.
  it('traces to a gateway endpoint named as the destination, only from subnets whose route table uses it', () => {
    const r = run(withEndpoint(), { from: 'i-app', to: 'vpce-s3', ...get });
    expect(r.reachable).toBe(true);
    expect(ids(r.forward)).toContain('vpce-s3');
    // The public subnet's table has no route to the endpoint: its S3 traffic goes to the internet gateway instead.
    expect(blocker(run(withEndpoint(), { from: 'i-web', to: 'vpce-s3', ...get }))).toMatchObject({
      code: 'NO_ROUTE_TO_DESTINATION',
      id: 'rtb-pub',
    });
    expect(blocker(run(withEndpoint(), { from: 'internet', to: 'vpce-s3' }))).toMatchObject({ id: 'vpce-s3' });
  });

  it('reaches buckets of its own Region only', () => {
    expect(
      blocker(run(withEndpoint(undefined, undefined, 'eu-west-1'), { from: 'i-app', to: 'service:s3', ...get })),
    ).toMatchObject({ code: 'ENDPOINT_REGION_MISMATCH', id: 'vpce-s3' });
  });
});

describe('interface endpoints', () => {
  const withSsm = (privateDnsEnabled: boolean, ingress: SecurityGroup['ingress']): Resource[] => [
    ...classicResources(),
    {
      id: 'vpce-ssm',
      kind: 'vpcEndpoint',
      name: 'ssm',
      vpcId: 'vpc-a',
      endpointType: 'Interface',
      serviceName: 'com.amazonaws.us-east-1.ssm',
      routeTableIds: [],
      subnetIds: ['subnet-priv'],
      securityGroupIds: ['sg-ssm'],
      privateDnsEnabled,
    },
    aSecurityGroup({ id: 'sg-ssm', vpcId: 'vpc-a', ingress }),
  ];

  // https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html — private DNS and the endpoint's security group.
  it('resolves the service to the endpoint with private DNS, and its security group applies', () => {
    const open = run(
      withSsm(true, [{ id: 'https-vpc', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16' }]),
      { from: 'i-app', to: 'service:ssm' },
    );
    expect(open.reachable).toBe(true);
    expect(ids(open.forward)).toContain('vpce-ssm');
    expect(ids(open.forward)).not.toContain('nat-a');
    expect(blocker(run(withSsm(true, []), { from: 'i-app', to: 'service:ssm' }))).toMatchObject({
      code: 'ENI_SG_RULES_MISMATCH',
      id: 'sg-ssm',
    });
  });

  it('goes to the public endpoint when private DNS is off', () => {
    const r = run(withSsm(false, []), { from: 'i-app', to: 'service:ssm' });
    expect(r.reachable).toBe(true);
    expect(ids(r.forward)).toContain('nat-a');
  });

  // https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html — "An endpoint policy is a
  // resource-based policy that you attach to a VPC endpoint to control which AWS principals can use the endpoint to
  // access an AWS service": it applies whether the client names the service or the endpoint's own DNS name.
  it('applies the endpoint policy when the endpoint itself is the destination', () => {
    const https = [{ id: 'https-vpc', protocol: 'tcp' as const, fromPort: 443, toPort: 443, cidr: '10.0.0.0/16' }];
    const policy = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ssm:GetParameter', Resource: '*' }] };
    const resources = patch(withSsm(false, https), 'vpce-ssm', { policyDocument: policy } as Partial<Resource>);
    const denied = run(resources, { from: 'i-app', to: 'vpce-ssm', action: 'ssm:PutParameter', resource: '*' });
    expect(blocker(denied)).toMatchObject({ code: 'VPCE_POLICY_RESTRICTION', id: 'vpce-ssm' });
    expect(run(resources, { from: 'i-app', to: 'vpce-ssm', action: 'ssm:GetParameter', resource: '*' }).reachable).toBe(
      true,
    );
  });
});

describe('virtual private gateway', () => {
  const withVpn = (attached = true): Resource[] => [
    ...patch(classicResources(), 'rtb-priv', { propagatingGatewayIds: ['vgw-a'] } as Partial<RouteTable>),
    aVirtualPrivateGateway({ id: 'vgw-a', vpcId: attached ? 'vpc-a' : undefined }),
    { id: 'cgw-a', kind: 'customerGateway', name: 'cgw', ipAddress: '198.51.100.200', bgpAsn: 65000 } as Resource,
    {
      id: 'vpn-a',
      kind: 'vpnConnection',
      name: 'vpn',
      vpnGatewayId: 'vgw-a',
      customerGatewayId: 'cgw-a',
      staticRoutesOnly: false,
      onPremisesCidrs: ['192.168.0.0/16'],
    } as Resource,
  ];

  // https://docs.aws.amazon.com/vpn/latest/s2svpn/VPC_VPN.html — propagated routes lead to the on-premises network.
  it('leaves towards on-premises by a propagated route', () => {
    const r = run(withVpn(), { from: 'i-app', to: 'ip:192.168.1.10' });
    expect(r.reachable).toBe(true);
    expect(ids(r.forward)).toEqual(expect.arrayContaining(['vgw-a', 'on-premises']));
  });

  it('propagates nothing from a detached gateway', () => {
    const r = run(withVpn(false), { from: 'i-app', to: 'ip:192.168.1.10' });
    expect(ids(r.forward)).not.toContain('vgw-a');
  });

  it('lets on-premises reach an instance whose subnet routes the reply back to the gateway', () => {
    const resources = patch(withVpn(), 'sg-app', {
      ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '192.168.0.0/16' }],
    } as Partial<SecurityGroup>);
    expect(run(resources, { from: 'ip:192.168.1.10', to: 'i-app', port: 22 }).reachable).toBe(true);
    const noRouteBack = patch(resources, 'rtb-priv', { propagatingGatewayIds: [] } as Partial<RouteTable>);
    expect(blocker(run(noRouteBack, { from: 'ip:192.168.1.10', to: 'i-app', port: 22 }))).toMatchObject({
      direction: 'return',
      id: 'rtb-priv',
    });
  });

  // https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNRoutingTypes.html — with dynamic routing the customer gateway
  // advertises its networks over BGP; a design that does not list them is taken to advertise the private ranges.
  it('assumes a dynamic VPN with no known routes advertises the private ranges', () => {
    const bgp = patch(withVpn(), 'vpn-a', { onPremisesCidrs: [] } as Partial<Resource>);
    const r = run(bgp, { from: 'i-app', to: 'ip:172.20.1.10' });
    expect(r.reachable).toBe(true);
    expect(r.forward.find((h) => h.id === 'rtb-priv')?.matched).toBe('vgw-a:propagated:172.16.0.0/12');
    // The VPC's own addresses stay local (more specific), and public addresses still go to the NAT gateway.
    expect(ids(run(bgp, { from: 'i-app', to: 'internet' }).forward)).toContain('nat-a');
  });

  // A static VPN carries only the prefixes of its static routes.
  it('drops at the gateway what no static VPN route covers', () => {
    const resources = addRoute(patch(withVpn(), 'vpn-a', { staticRoutesOnly: true } as Partial<Resource>), 'rtb-priv', {
      id: 'r-lab',
      destinationCidrBlock: '172.31.0.0/16',
      targetId: 'vgw-a',
    });
    expect(blocker(run(resources, { from: 'i-app', to: 'ip:172.31.0.10' }))).toMatchObject({
      code: 'NO_ROUTE_TO_DESTINATION',
      id: 'vgw-a',
    });
    expect(run(resources, { from: 'i-app', to: 'ip:192.168.1.10' }).reachable).toBe(true);
  });
});

describe('endpoints and queries', () => {
  it('resolves ip: addresses to the interface that holds them, public or private', () => {
    expect(run(classicResources(), { from: 'ip:10.0.0.10', to: 'ip:10.0.1.10', port: 8080 }).reachable).toBe(true);
    expect(run(classicResources(), { from: 'ip:192.0.2.1', to: 'ip:198.51.100.10' }).forward.at(-1)?.id).toBe('i-web');
  });

  it('resolves an Elastic IP id to the interface it is associated with', () => {
    const r = run(classicResources(), { from: 'internet', to: 'eip-nat' });
    expect(blocker(r)).toMatchObject({ code: 'NAT_GATEWAY_UNSOLICITED_INBOUND', id: 'nat-a' });
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html — "The first four IP addresses and the last
  // IP address in each subnet CIDR block are not available for your use, and they cannot be assigned to a resource".
  it('assumes no host at an address AWS reserves in a subnet', () => {
    for (const to of ['ip:10.0.1.1', 'ip:10.0.1.3', 'ip:10.0.1.255']) {
      expect(blocker(run(classicResources(), { from: 'i-web', to, port: 22 }))).toMatchObject({
        code: 'NO_ROUTE_TO_DESTINATION',
        id: 'subnet-priv',
      });
    }
    expect(run(classicResources(), { from: 'i-web', to: 'ip:10.0.1.4', port: 8080 }).explanations[0]?.code).not.toBe(
      'NO_ROUTE_TO_DESTINATION',
    );
  });

  it('sends from an address of a subnet that no interface holds, with no security group of its own', () => {
    const r = run(classicResources(), { from: 'ip:10.0.1.200', to: 'internet' });
    expect(r.reachable).toBe(true);
    expect(ids(r.forward).slice(0, 2)).toEqual(['subnet-priv', 'rtb-priv']);
    expect(ids(r.forward)).toContain('nat-a');
  });

  it('answers ping with ICMP when a rule allows it', () => {
    const resources = patch(classicResources(), 'sg-app', {
      ingress: [{ protocol: 'icmp', fromPort: -1, toPort: -1, cidr: '10.0.0.0/16' }],
    } as Partial<SecurityGroup>);
    expect(run(resources, { from: 'i-web', to: 'i-app', protocol: 'icmp' }).reachable).toBe(true);
    expect(run(classicResources(), { from: 'i-web', to: 'i-app', protocol: 'icmp' }).reachable).toBe(false);
  });

  it('refuses unknown endpoints and bad options with a plain message', () => {
    const design = designOf(classicResources());
    expect(trace(design, { from: 'i-nope', to: 'internet' })).toEqual({
      ok: false,
      error: expect.stringContaining('unknown endpoint "i-nope"'),
    });
    expect(trace(design, { from: 'ip:999.1.1.1', to: 'internet' })).toMatchObject({ ok: false });
    expect(trace(design, { from: 'i-web', to: 'internet', port: 70000 })).toMatchObject({ ok: false });
    expect(trace(design, { from: 'service:s3', to: 'i-web' })).toMatchObject({ ok: false });
  });

  it('answers the example design as its flows say', () => {
    const design = exampleDesign();
    const [web, s3, transitive] = design.flows.map((f) => trace(design, f));
    expect(web).toMatchObject({ ok: true, result: { reachable: true } });
    expect(s3).toMatchObject({ ok: true, result: { reachable: true } });
    expect(transitive).toMatchObject({
      ok: true,
      result: { reachable: false, explanations: [{ code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', id: 'pcx-prod-shared' }] },
    });
  });
});

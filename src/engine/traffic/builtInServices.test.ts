import { describe, expect, it } from 'vitest';
import { aNetworkAcl, aSecurityGroup } from '../model/builders.ts';
import type { Resource } from '../model/types.ts';
import { classicResources, designOf, patch } from './testNetwork.ts';
import { trace } from './trace.ts';
import type { TraceQuery, TraceResult } from './types.ts';

function run(resources: Resource[], query: TraceQuery): TraceResult {
  const outcome = trace(designOf(resources), query);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

/** i-app with a group that sends nothing (one outbound rule to 127.0.0.1/32) in a subnet whose network ACL denies everything. */
function lockedDown(): Resource[] {
  return [
    ...patch(patch(classicResources(), 'i-app', { securityGroupIds: ['sg-locked'] }), 'subnet-priv', {
      networkAclId: 'acl-none',
    }),
    aSecurityGroup({
      id: 'sg-locked',
      vpcId: 'vpc-a',
      ingress: [],
      egress: [{ id: 'only-localhost', protocol: '-1', fromPort: -1, toPort: -1, cidr: '127.0.0.1/32' }],
    }),
    aNetworkAcl({ id: 'acl-none', vpcId: 'vpc-a', inbound: [], outbound: [] }),
  ];
}

describe('services the VPC answers itself', () => {
  // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html — "Security groups don't filter
  // traffic destined to and from the following: Amazon Domain Name Services (DNS), … Amazon EC2 instance metadata,
  // … Amazon Time Sync Service"; https://docs.aws.amazon.com/vpc/latest/userguide/nacl-basics.html — "Network ACLs
  // can't block DNS requests to or from the Route 53 Resolver (also known as the VPC+2 IP address or
  // AmazonProvidedDNS)" and "Network ACLs can't block traffic to the Instance Metadata Service (IMDS)".
  it.each([
    ['the DNS server at the VPC base + 2', 'ip:10.0.0.2', 'udp', 53, 'service:dns'],
    ['the DNS server at 169.254.169.253', 'ip:169.254.169.253', 'tcp', 53, 'service:dns'],
    ['the instance metadata service', 'ip:169.254.169.254', 'tcp', 80, 'service:instance-metadata'],
    ['the Time Sync Service', 'ip:169.254.169.123', 'udp', 123, 'service:time-sync'],
  ] as const)('reaches %s whatever the groups, network ACLs and routes say', (_, to, protocol, port, id) => {
    const r = run(lockedDown(), { from: 'i-app', to, protocol, port });
    expect(r.reachable).toBe(true);
    expect(r.forward.map((h) => h.id)).toEqual(['i-app', id]);
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html — enableDnsSupport: "If this attribute is
  // true, queries to the Amazon provided DNS server succeed."
  it('has no DNS server when the VPC turns DNS resolution off', () => {
    const resources = patch(lockedDown(), 'vpc-a', { enableDnsSupport: false } as Partial<Resource>);
    expect(
      run(resources, { from: 'i-app', to: 'ip:10.0.0.2', protocol: 'udp', port: 53 }).explanations[0],
    ).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', id: 'service:dns' });
    expect(run(resources, { from: 'i-app', to: 'ip:169.254.169.254', protocol: 'tcp', port: 80 }).reachable).toBe(true);
  });

  it('answers only its own protocol and port', () => {
    const r = run(lockedDown(), { from: 'i-app', to: 'ip:169.254.169.254', protocol: 'tcp', port: 443 });
    expect(r.reachable).toBe(false);
    expect(r.explanations[0]).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', id: 'service:instance-metadata' });
  });

  it('leaves other addresses of the VPC to the groups and network ACLs', () => {
    const r = run(lockedDown(), { from: 'i-app', to: 'ip:10.0.0.3', protocol: 'udp', port: 53 });
    expect(r.reachable).toBe(false);
    expect(r.explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', id: 'sg-locked' });
  });
});

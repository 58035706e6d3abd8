import { describe, expect, it } from 'vitest';
import { aDesign, aPeering, aRouteTable, aSecurityGroup, aSubnet, aVpc } from '../../model/builders.ts';
import type { PeeringConnection, Resource, Route } from '../../model/types.ts';
import { NOW, findingsOf } from '../testing.ts';
import { peeringCidrOverlap } from './peeringCidrOverlap.ts';
import { peeringCrossRegionSgReference } from './peeringCrossRegionSgReference.ts';
import { peeringDuplicate } from './peeringDuplicate.ts';
import { peeringNotActive } from './peeringNotActive.ts';
import { peeringNotTransitive } from './peeringNotTransitive.ts';
import { peeringQuota } from './peeringQuota.ts';
import { peeringRoutes } from './peeringRoutes.ts';

const LIMITATIONS = 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations';

/** VPC "Team" (10.0.0.0/16) peered with "Lonely" (10.1.0.0/16); each has a main table with the given routes. */
function peered(
  options: {
    team?: Route[];
    lonely?: Route[];
    peering?: Partial<PeeringConnection>;
    lonelyVpc?: Parameters<typeof aVpc>[0];
  } = {},
  ...extra: Resource[]
) {
  return aDesign(
    aVpc({ id: 'vpc-a', name: 'Team' }),
    aVpc({ id: 'vpc-b', name: 'Lonely', cidrBlocks: ['10.1.0.0/16'], ...options.lonelyVpc }),
    aRouteTable({ id: 'rtb-team', vpcId: 'vpc-a', main: true, routes: options.team ?? [] }),
    aRouteTable({ id: 'rtb-lonely', vpcId: 'vpc-b', main: true, routes: options.lonely ?? [] }),
    aPeering({ id: 'pcx-a', ...options.peering }),
    ...extra,
  );
}

const toLonely: Route = { id: 'TeamToLonely', destinationCidrBlock: '10.1.0.0/16', targetId: 'pcx-a' };
const toTeam: Route = { id: 'LonelyToTeam', destinationCidrBlock: '10.0.0.0/16', targetId: 'pcx-a' };

describe(`peering-cidr-overlap (${LIMITATIONS})`, () => {
  it('cites the peering limitations', () => expect(peeringCidrOverlap.docs).toBe(LIMITATIONS));

  it('reports overlapping VPCs, including through a secondary block', () => {
    expect(
      findingsOf(peered({ lonelyVpc: { cidrBlocks: ['10.0.128.0/17'] } }), 'peering-cidr-overlap')[0],
    ).toMatchObject({ severity: 'error', resources: ['pcx-a', 'vpc-a', 'vpc-b'] });
    const [f] = findingsOf(
      peered({ lonelyVpc: { cidrBlocks: ['10.1.0.0/16', '10.0.5.0/24'] } }),
      'peering-cidr-overlap',
    );
    expect(f!.message).toContain('10.0.5.0/24');
  });

  it('is silent for disjoint VPCs', () => {
    expect(findingsOf(peered({ team: [toLonely], lonely: [toTeam] }), 'peering-cidr-overlap')).toEqual([]);
  });
});

describe(`peering-duplicate (${LIMITATIONS})`, () => {
  it('cites the peering limitations', () => expect(peeringDuplicate.docs).toBe(LIMITATIONS));

  it('reports a second peering between the same VPCs, either direction', () => {
    const design = peered({}, aPeering({ id: 'pcx-b', requesterVpcId: 'vpc-b', accepterVpcId: 'vpc-a' }));
    expect(findingsOf(design, 'peering-duplicate')[0]).toMatchObject({
      severity: 'error',
      resources: ['pcx-b', 'pcx-a'],
    });
  });

  it('ignores rejected or deleted requests', () => {
    expect(findingsOf(peered({}, aPeering({ id: 'pcx-b', status: 'deleted' })), 'peering-duplicate')).toEqual([]);
  });
});

describe('peering-not-active (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-lifecycle)', () => {
  it('cites the peering lifecycle', () => expect(peeringNotActive.docs).toContain('vpc-peering-lifecycle'));

  it('warns that a pending request waits for the accepter, naming it', () => {
    const [f] = findingsOf(
      peered({ peering: { status: 'pending-acceptance', requestedAt: '2025-05-30T00:00:00Z' } }),
      'peering-not-active',
    );
    expect(f).toMatchObject({ severity: 'warning', resources: ['pcx-a', 'vpc-b'] });
    expect(f!.message).toContain('VPC "Lonely" (vpc-b)');
  });

  it('reports a request older than 7 days as expired (an error)', () => {
    const [f] = findingsOf(
      peered({ peering: { status: 'pending-acceptance', requestedAt: '2025-05-20T00:00:00Z' } }),
      'peering-not-active',
      NOW,
    );
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('expired');
  });

  it('is silent for an active peering', () => {
    expect(findingsOf(peered(), 'peering-not-active')).toEqual([]);
  });
});

describe('peering-routes (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html)', () => {
  it('cites the peering routing page', () =>
    expect(peeringRoutes.docs).toBe('https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html'));

  it('warns when only one side routes through the peering, naming the side without a route', () => {
    const [f] = findingsOf(peered({ team: [toLonely] }), 'peering-routes');
    expect(f).toMatchObject({ severity: 'warning', resources: ['pcx-a', 'vpc-b'] });
    expect(f!.message).toContain('no route back');
  });

  it('is silent when both sides route', () => {
    expect(findingsOf(peered({ team: [toLonely], lonely: [toTeam] }), 'peering-routes')).toEqual([]);
  });

  it('only tells (info) about a peering that no route uses', () => {
    expect(findingsOf(peered(), 'peering-routes')[0]!.severity).toBe('info');
  });
});

describe('peering-not-transitive (https://docs.aws.amazon.com/vpc/latest/peering/invalid-peering-configurations.html)', () => {
  it('cites the unsupported peering configurations', () =>
    expect(peeringNotTransitive.docs).toBe(
      'https://docs.aws.amazon.com/vpc/latest/peering/invalid-peering-configurations.html',
    ));

  it('reports a route through the peering to a range outside the peer VPC, naming the route and the peering', () => {
    const design = peered({
      team: [{ id: 'TeamToLonely', destinationCidrBlock: '10.2.0.0/16', targetId: 'pcx-a' }],
      lonely: [toTeam],
    });
    const [f] = findingsOf(design, 'peering-not-transitive');
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('VPC peering is not transitive');
    expect(f!.message).toContain('TeamToLonely');
    expect(f!.resources).toEqual(expect.arrayContaining(['pcx-a', 'TeamToLonely']));
    expect(f!.resources[0]).toBe('rtb-team');
  });

  it("reports a default route through a peering (edge-to-edge through the peer's gateway)", () => {
    expect(
      findingsOf(
        peered({ team: [{ id: 'r', destinationCidrBlock: '0.0.0.0/0', targetId: 'pcx-a' }] }),
        'peering-not-transitive',
      ),
    ).toHaveLength(1);
  });

  it('only warns about a wider private range that holds the peer VPC (it still reaches the peer)', () => {
    const [f] = findingsOf(
      peered({ team: [{ id: 'r', destinationCidrBlock: '10.0.0.0/8', targetId: 'pcx-a' }] }),
      'peering-not-transitive',
    );
    expect(f).toMatchObject({ severity: 'warning', resources: expect.arrayContaining(['r', 'pcx-a']) });
    expect(
      findingsOf(
        peered({ team: [{ id: 'r', destinationCidrBlock: '0.0.0.0/0', targetId: 'pcx-a' }] }),
        'peering-not-transitive',
      )[0]?.severity,
    ).toBe('error');
  });

  it('accepts routes to the peer VPC or a part of it', () => {
    expect(
      findingsOf(
        peered({
          team: [toLonely, { id: 'r', destinationCidrBlock: '10.1.4.0/24', targetId: 'pcx-a' }],
          lonely: [toTeam],
        }),
        'peering-not-transitive',
      ),
    ).toEqual([]);
  });
});

describe('peering-cross-region-sg-reference (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html)', () => {
  it('cites the peering security groups page', () =>
    expect(peeringCrossRegionSgReference.docs).toBe(
      'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html',
    ));

  const groups = [
    aSecurityGroup({
      id: 'sg-team',
      vpcId: 'vpc-a',
      ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, groupId: 'sg-lonely' }],
    }),
    aSecurityGroup({ id: 'sg-lonely', vpcId: 'vpc-b' }),
  ];

  it('reports a reference to the peer group across Regions', () => {
    const design = peered({ lonelyVpc: { region: 'eu-west-1', availabilityZones: ['eu-west-1a'] } }, ...groups);
    const [f] = findingsOf(design, 'peering-cross-region-sg-reference');
    expect(f).toMatchObject({ severity: 'error', resources: ['sg-team', 'sg-lonely'] });
    expect(f!.message).toContain('eu-west-1');
    expect(findingsOf(design, 'sg-reference-scope')).toEqual([]);
  });

  it('accepts the same reference within one Region', () => {
    expect(findingsOf(peered({}, ...groups), 'peering-cross-region-sg-reference')).toEqual([]);
    expect(findingsOf(peered({}, ...groups), 'sg-reference-scope')).toEqual([]);
  });
});

describe('peering-quota (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-peering)', () => {
  it('cites the quotas page', () => expect(peeringQuota.docs).toContain('vpc-limits-peering'));

  function hub(spokes: number) {
    const resources: Resource[] = [aVpc({ id: 'hub', cidrBlocks: ['10.0.0.0/16'] })];
    for (let i = 1; i <= spokes; i++) {
      resources.push(
        aVpc({ id: `spoke-${i}`, cidrBlocks: [`10.${i}.0.0/16`] }),
        aPeering({ id: `pcx-${i}`, requesterVpcId: 'hub', accepterVpcId: `spoke-${i}` }),
      );
    }
    return aDesign(...resources);
  }

  it('is silent at 50, warns above 50 and is an error above 125', () => {
    expect(findingsOf(hub(50), 'peering-quota')).toEqual([]);
    expect(findingsOf(hub(51), 'peering-quota')[0]).toMatchObject({ severity: 'warning', resources: ['hub'] });
    expect(findingsOf(hub(126), 'peering-quota')[0]).toMatchObject({ severity: 'error', resources: ['hub'] });
  });
});

describe('subnets in peered VPCs', () => {
  it('are not compared with each other for overlap', () => {
    expect(findingsOf(peered({}, aSubnet({ vpcId: 'vpc-a' })), 'subnet-cidr-overlap')).toEqual([]);
  });
});

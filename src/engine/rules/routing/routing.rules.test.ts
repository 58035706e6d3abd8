import { describe, expect, it } from 'vitest';
import {
  aDesign,
  aNatGateway,
  aPeering,
  aRouteTable,
  aSubnet,
  aVpc,
  anElasticIp,
  anInstance,
  anInternetGateway,
} from '../../model/builders.ts';
import type { NetworkInterface, Route } from '../../model/types.ts';
import { findingsOf } from '../testing.ts';
import { mainRouteTable } from './mainRouteTable.ts';
import { routeBlackhole } from './routeBlackhole.ts';
import { routeDestination } from './routeDestination.ts';
import { routeDuplicate } from './routeDuplicate.ts';
import { routeMoreSpecificThanLocal } from './routeMoreSpecificThanLocal.ts';
import { routeTableAssociation } from './routeTableAssociation.ts';

const ROUTE_TABLES_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html';

/** A VPC whose subnet uses route table `rtb-a` holding these routes. */
function withRoutes(routes: Route[], ...extra: Parameters<typeof aDesign>) {
  return aDesign(aVpc(), aSubnet({ routeTableId: 'rtb-a' }), aRouteTable({ routes }), ...extra);
}

describe(`main-route-table (${ROUTE_TABLES_DOCS}#main-route-table)`, () => {
  it('cites the route tables page', () => expect(mainRouteTable.docs).toBe(`${ROUTE_TABLES_DOCS}#main-route-table`));

  it('reports a VPC without a main route table, naming the subnets left without routes', () => {
    const design = aDesign(aVpc(), aSubnet());
    delete design.resources['vpc-a-main'];
    const [f] = findingsOf(design, 'main-route-table');
    expect(f).toMatchObject({ severity: 'error', resources: ['vpc-a', 'subnet-a'] });
    expect(f!.message).toContain('no main route table');
    expect(f!.message).toContain('1 subnet');
  });

  it('reports two main route tables', () => {
    const design = aDesign(aVpc(), aRouteTable({ id: 'rtb-1', main: true }), aRouteTable({ id: 'rtb-2', main: true }));
    expect(findingsOf(design, 'main-route-table')[0]!.message).toContain('2 main route tables');
  });

  it('is silent when each VPC has one', () => {
    expect(findingsOf(aDesign(aVpc(), aSubnet()), 'main-route-table')).toEqual([]);
  });
});

describe(`route-table-association (${ROUTE_TABLES_DOCS})`, () => {
  it('cites the route tables page', () => expect(routeTableAssociation.docs).toContain(ROUTE_TABLES_DOCS));

  it("reports a subnet associated with a missing table or another VPC's table", () => {
    expect(
      findingsOf(aDesign(aVpc(), aSubnet({ routeTableId: 'rtb-gone' })), 'route-table-association')[0]!.message,
    ).toContain('does not exist');
    const other = aDesign(
      aVpc(),
      aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] }),
      aSubnet({ routeTableId: 'rtb-b' }),
      aRouteTable({ id: 'rtb-b', vpcId: 'vpc-b' }),
    );
    expect(findingsOf(other, 'route-table-association')[0]).toMatchObject({ resources: ['subnet-a', 'rtb-b'] });
  });

  it('is silent for its own VPC table', () => {
    expect(findingsOf(withRoutes([]), 'route-table-association')).toEqual([]);
  });
});

describe(`route-blackhole (${ROUTE_TABLES_DOCS})`, () => {
  it('cites the route tables page', () => expect(routeBlackhole.docs).toContain(ROUTE_TABLES_DOCS));

  it('reports a route to a deleted target', () => {
    const [f] = findingsOf(
      withRoutes([{ id: 'r-1', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-deleted' }]),
      'route-blackhole',
    );
    expect(f).toMatchObject({ severity: 'error', resources: ['rtb-a', 'r-1'] });
    expect(f!.message).toContain('does not exist');
  });

  it('reports a route to a never-attached internet gateway, and to one attached elsewhere', () => {
    const detached = withRoutes(
      [{ id: 'r-1', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' }],
      anInternetGateway({ vpcId: undefined }),
    );
    expect(findingsOf(detached, 'route-blackhole')[0]!.message).toContain('not attached');
    const elsewhere = withRoutes(
      [{ id: 'r-1', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' }],
      aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] }),
      anInternetGateway({ vpcId: 'vpc-b' }),
    );
    expect(findingsOf(elsewhere, 'route-blackhole')[0]!.message).toContain('another VPC');
  });

  it('reports a route through a peering connection that is not active', () => {
    const design = withRoutes(
      [{ id: 'r-1', destinationCidrBlock: '10.1.0.0/16', targetId: 'pcx-a' }],
      aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] }),
      aPeering({ status: 'pending-acceptance' }),
    );
    expect(findingsOf(design, 'route-blackhole')[0]!.message).toContain('pending-acceptance, not active');
  });

  it("reports a NAT gateway of another VPC, and a 'local' route outside the VPC", () => {
    const design = withRoutes(
      [
        { id: 'r-1', destinationCidrBlock: '0.0.0.0/0', targetId: 'nat-b' },
        { id: 'r-2', destinationCidrBlock: '192.168.0.0/16', targetId: 'local' },
      ],
      aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] }),
      aSubnet({ id: 'subnet-b', vpcId: 'vpc-b', cidrBlock: '10.1.0.0/24' }),
      anElasticIp(),
      aNatGateway({ id: 'nat-b', subnetId: 'subnet-b' }),
    );
    expect(findingsOf(design, 'route-blackhole').map((f) => f.resources[1])).toEqual(['r-1', 'r-2']);
  });

  it('is silent for working targets', () => {
    const design = withRoutes(
      [
        { id: 'r-1', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' },
        { id: 'r-2', destinationCidrBlock: '10.1.0.0/16', targetId: 'pcx-a' },
      ],
      anInternetGateway(),
      aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] }),
      aPeering(),
    );
    expect(findingsOf(design, 'route-blackhole')).toEqual([]);
  });
});

describe(`route-destination (${ROUTE_TABLES_DOCS}#route-table-rule-considerations)`, () => {
  it('cites the rules and considerations', () =>
    expect(routeDestination.docs).toBe(`${ROUTE_TABLES_DOCS}#route-table-rule-considerations`));

  it('reports routes without a destination, with an invalid one, or into 169.254.168.0/22', () => {
    const design = withRoutes([
      { id: 'r-none', targetId: 'local' },
      { id: 'r-bad', destinationCidrBlock: '10.9.9.9/8', targetId: 'local' },
      { id: 'r-imds', destinationCidrBlock: '169.254.169.0/24', targetId: 'local' },
    ]);
    expect(findingsOf(design, 'route-destination').map((f) => f.resources[1])).toEqual(['r-none', 'r-bad', 'r-imds']);
  });

  it('accepts a CIDR or a prefix list', () => {
    expect(
      findingsOf(
        withRoutes([{ id: 'r-1', destinationPrefixListId: 'pl-s3', targetId: 'vpce-x' }]),
        'route-destination',
      ),
    ).toEqual([]);
  });
});

describe(`route-duplicate-destination (${ROUTE_TABLES_DOCS})`, () => {
  it('cites the route tables page', () => expect(routeDuplicate.docs).toContain(ROUTE_TABLES_DOCS));

  it('reports two routes to the same destination, naming both', () => {
    const design = withRoutes(
      [
        { id: 'r-1', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' },
        { id: 'r-2', destinationCidrBlock: '0.0.0.0/0', targetId: 'nat-a' },
      ],
      anInternetGateway(),
    );
    const [f] = findingsOf(design, 'route-duplicate-destination');
    expect(f).toMatchObject({ severity: 'error', resources: ['rtb-a', 'r-2', 'r-1'] });
  });

  it('is silent for different destinations', () => {
    expect(
      findingsOf(
        withRoutes(
          [
            { id: 'r-1', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' },
            { id: 'r-2', destinationCidrBlock: '0.0.0.0/1', targetId: 'igw-a' },
          ],
          anInternetGateway(),
        ),
        'route-duplicate-destination',
      ),
    ).toEqual([]);
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html: a static route and a prefix-list
  // route to the same block may stand side by side; the static one takes priority. Two routes to one list may not.
  it('lets an entry of a customer-managed prefix list share a block with a static route, not with a second route to that list', () => {
    const entry = (id: string, cidr: string) => ({
      id,
      destinationCidrBlock: cidr,
      fromPrefixListId: 'LabNets',
      targetId: 'igw-a',
    });
    expect(
      findingsOf(
        withRoutes(
          [
            entry('via-list', '10.71.5.0/24'),
            entry('via-list', '10.71.9.0/24'),
            { id: 'via-static', destinationCidrBlock: '10.71.5.0/24', targetId: 'igw-a' },
          ],
          anInternetGateway(),
        ),
        'route-duplicate-destination',
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        withRoutes([entry('one', '10.71.5.0/24'), entry('two', '10.71.5.0/24')], anInternetGateway()),
        'route-duplicate-destination',
      ),
    ).toHaveLength(1);
  });
});

describe(`route-more-specific-than-local (${ROUTE_TABLES_DOCS}#route-table-rule-considerations)`, () => {
  it('cites the rules and considerations', () =>
    expect(routeMoreSpecificThanLocal.docs).toBe(`${ROUTE_TABLES_DOCS}#route-table-rule-considerations`));

  const eni: NetworkInterface = {
    id: 'eni-fw',
    kind: 'networkInterface',
    name: 'firewall',
    subnetId: 'subnet-a',
    privateIps: ['10.0.1.50'],
    securityGroupIds: [],
    sourceDestCheck: false,
  };

  it('accepts a route to exactly a subnet block through a network interface or NAT gateway (middlebox routing)', () => {
    const design = withRoutes(
      [{ id: 'r-1', destinationCidrBlock: '10.0.2.0/24', targetId: 'eni-fw' }],
      eni,
      aSubnet({ id: 'subnet-b', cidrBlock: '10.0.2.0/24' }),
    );
    expect(findingsOf(design, 'route-more-specific-than-local')).toEqual([]);
  });

  it('refuses a route inside the VPC that is not a subnet block', () => {
    const [f] = findingsOf(
      withRoutes([{ id: 'r-1', destinationCidrBlock: '10.0.128.0/17', targetId: 'eni-fw' }], eni),
      'route-more-specific-than-local',
    );
    expect(f!.message).toContain('not the block of one of its subnets');
  });

  it('refuses a subnet-block route to an internet gateway', () => {
    const design = withRoutes(
      [{ id: 'r-1', destinationCidrBlock: '10.0.2.0/24', targetId: 'igw-a' }],
      anInternetGateway(),
      aSubnet({ id: 'subnet-b', cidrBlock: '10.0.2.0/24' }),
    );
    expect(findingsOf(design, 'route-more-specific-than-local')[0]!.message).toContain(
      'NAT gateway, a network interface or a Gateway Load Balancer endpoint',
    );
  });

  it('refuses a route to exactly the VPC block except through a network interface', () => {
    expect(
      findingsOf(
        withRoutes([{ id: 'r-1', destinationCidrBlock: '10.0.0.0/16', targetId: 'igw-a' }], anInternetGateway()),
        'route-more-specific-than-local',
      )[0]!.message,
    ).toContain('collides with the local route');
    expect(
      findingsOf(
        withRoutes([{ id: 'r-1', destinationCidrBlock: '10.0.0.0/16', targetId: 'eni-fw' }], eni),
        'route-more-specific-than-local',
      ),
    ).toEqual([]);
  });

  it('leaves wider routes alone (longest prefix match keeps the local route)', () => {
    expect(
      findingsOf(
        withRoutes([{ id: 'r-1', destinationCidrBlock: '10.0.0.0/8', targetId: 'igw-a' }], anInternetGateway()),
        'route-more-specific-than-local',
      ),
    ).toEqual([]);
  });
});

describe('route tables used by instances as targets', () => {
  it('an instance target in the same VPC is usable', () => {
    const design = withRoutes(
      [{ id: 'r-1', destinationCidrBlock: '192.168.0.0/16', targetId: 'i-a' }],
      anInstance({ sourceDestCheck: false }),
    );
    expect(findingsOf(design, 'route-blackhole')).toEqual([]);
  });
});

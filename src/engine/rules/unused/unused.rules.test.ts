import { describe, expect, it } from 'vitest';
import { aDesign, aNatGateway, anElasticIp, anInternetGateway, aRouteTable, aSubnet, aVpc } from '../../model/builders.ts';
import type { Resource } from '../../model/types.ts';
import { findingsOf } from '../testing.ts';
import { igwUnused } from './igwUnused.ts';
import { natGatewayUnused } from './natGatewayUnused.ts';
import { routeTableUnused } from './routeTableUnused.ts';

const IGW_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html';
const NAT_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-scenarios.html';
const RTB_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-assocation';

/** A public subnet (subnet-a, table rtb-pub → igw-a) holding nat-a, and a private subnet-p on the main table. */
function network(mainRoutes: Resource[] = [], ...extra: Resource[]) {
  return aDesign(
    aVpc(),
    anInternetGateway(),
    aRouteTable({ id: 'rtb-pub', routes: [{ id: 'r', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' }] }),
    aSubnet({ routeTableId: 'rtb-pub' }),
    aSubnet({ id: 'subnet-p', cidrBlock: '10.0.2.0/24' }),
    aNatGateway(),
    anElasticIp(),
    ...mainRoutes,
    ...extra,
  );
}

const mainToNat = aRouteTable({ id: 'vpc-a-main', main: true, routes: [{ id: 'r', destinationCidrBlock: '0.0.0.0/0', targetId: 'nat-a' }] });

describe(`igw-unused (${IGW_DOCS})`, () => {
  it('cites the internet gateway page and is info', () => {
    expect(igwUnused.docs).toBe(IGW_DOCS);
    expect(igwUnused.severity).toBe('info');
  });

  it('tells about an attached internet gateway that no route table routes to', () => {
    const [f] = findingsOf(aDesign(aVpc(), anInternetGateway(), aSubnet()), 'igw-unused');
    expect(f).toMatchObject({ severity: 'info', resources: ['igw-a', 'vpc-a'] });
    expect(f!.message).toContain('no route table routes to it');
    expect(f!.fix).toContain('Route to the internet gateway');
  });

  it('is silent when a route uses it, when it is detached (igw-detached says so), or when the VPC is not in the design', () => {
    expect(findingsOf(network([mainToNat]), 'igw-unused')).toEqual([]);
    expect(findingsOf(aDesign(anInternetGateway({ vpcId: undefined })), 'igw-unused')).toEqual([]);
    expect(findingsOf(aDesign(aVpc({ external: true, cidrBlocks: [] }), anInternetGateway()), 'igw-unused')).toEqual([]);
    expect(findingsOf(aDesign(aVpc(), anInternetGateway(), aRouteTable({ id: 'rtb-x', external: true })), 'igw-unused')).toEqual([]);
  });
});

describe(`nat-gateway-unused (${NAT_DOCS})`, () => {
  it('cites the NAT gateway scenarios page and is info', () => {
    expect(natGatewayUnused.docs).toBe(NAT_DOCS);
    expect(natGatewayUnused.severity).toBe('info');
  });

  it('tells about a NAT gateway no route uses, and how to route a private subnet of its zone to it', () => {
    const [f] = findingsOf(network(), 'nat-gateway-unused');
    expect(f).toMatchObject({ severity: 'info', resources: ['nat-a'] });
    expect(f!.fix).toContain('private subnet in us-east-1a');
  });

  it('is silent when a private subnet routes to it, or when its VPC has route tables outside the design', () => {
    expect(findingsOf(network([mainToNat]), 'nat-gateway-unused')).toEqual([]);
    expect(findingsOf(network([], aRouteTable({ id: 'rtb-existing', external: true })), 'nat-gateway-unused')).toEqual([]);
  });
});

describe(`route-table-unused (${RTB_DOCS})`, () => {
  it('cites the route table association section and is info', () => {
    expect(routeTableUnused.docs).toBe(RTB_DOCS);
    expect(routeTableUnused.severity).toBe('info');
  });

  it('tells about a custom route table no subnet is associated with', () => {
    const [f] = findingsOf(aDesign(aVpc(), aSubnet(), aRouteTable({ id: 'rtb-spare' })), 'route-table-unused');
    expect(f).toMatchObject({ severity: 'info', resources: ['rtb-spare'] });
    expect(f!.message).toContain('not associated with any subnet');
  });

  it('is silent for the main table (used implicitly), an associated table, a table taking VPN route propagation, and an existing one', () => {
    const design = aDesign(
      aVpc(),
      aSubnet({ routeTableId: 'rtb-used' }),
      aRouteTable({ id: 'rtb-used' }),
      aRouteTable({ id: 'rtb-vpn', propagatingGatewayIds: ['vgw-a'] }),
      aRouteTable({ id: 'rtb-existing', external: true }),
    );
    expect(findingsOf(design, 'route-table-unused')).toEqual([]);
    expect(findingsOf(aDesign(aVpc()), 'route-table-unused')).toEqual([]);
  });
});

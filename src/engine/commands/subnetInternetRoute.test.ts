/**
 * One-click default routes: a public subnet's 0.0.0.0/0 to the internet gateway, a private subnet's to a NAT
 * gateway in a public subnet of its own zone — without changing any other subnet's routing.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-scenarios.html
 */
import { describe, expect, it } from 'vitest';
import {
  aDesign,
  aNatGateway,
  anElasticIp,
  anEndpoint,
  anInternetGateway,
  aRouteTable,
  aSubnet,
  aVpc,
} from '../model/builders.ts';
import { routeTableOfSubnet } from '../model/queries.ts';
import type { Design, Subnet, VpcEndpoint } from '../model/types.ts';
import { trace } from '../traffic/index.ts';
import { run } from './command.ts';
import {
  internetGatewayRouteOffer,
  natGatewayChoices,
  natGatewayRouteOffer,
  routeSubnetToInternet,
} from './subnetInternetRoute.ts';

const subnet = (d: Design, id: string) => d.resources[id] as Subnet;

/** Two public and two private subnets in two zones, every subnet on the main table, two NAT gateways. */
function network(): Design {
  return aDesign(
    aVpc(),
    anInternetGateway(),
    aSubnet({ id: 'pub-a', cidrBlock: '10.0.0.0/24', availabilityZone: 'us-east-1a', routeTableId: 'rtb-pub' }),
    aSubnet({ id: 'pub-b', cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1b', routeTableId: 'rtb-pub' }),
    aSubnet({ id: 'priv-a', cidrBlock: '10.0.10.0/24', availabilityZone: 'us-east-1a' }),
    aSubnet({ id: 'priv-b', cidrBlock: '10.0.11.0/24', availabilityZone: 'us-east-1b' }),
    aRouteTable({ id: 'rtb-pub', routes: [{ id: 'r', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' }] }),
    aNatGateway({ id: 'nat-b', subnetId: 'pub-b', elasticIpId: 'eip-b' }),
    aNatGateway({ id: 'nat-a', subnetId: 'pub-a', elasticIpId: 'eip-a' }),
    anElasticIp({ id: 'eip-a' }),
    anElasticIp({ id: 'eip-b', publicIp: '203.0.113.11' }),
  );
}

describe('route to the NAT gateway', () => {
  it("prefers the NAT gateway in the subnet's own zone", () => {
    const d = network();
    expect(natGatewayChoices(d, subnet(d, 'priv-a')).map((n) => n.id)).toEqual(['nat-a', 'nat-b']);
    expect(natGatewayChoices(d, subnet(d, 'priv-b')).map((n) => n.id)).toEqual(['nat-b', 'nat-a']);
  });

  it('gives a subnet on the shared main table a table of its own, leaving the other subnets as they were', () => {
    const d = network();
    const offer = natGatewayRouteOffer(d, subnet(d, 'priv-a'));
    expect(offer).toMatchObject({ ok: true, target: { id: 'nat-a' } });
    expect(offer.ok && offer.description).toMatch(/main route table, also used by priv-b/);
    const r = run(d, routeSubnetToInternet('priv-a', 'nat-a'));
    const table = routeTableOfSubnet(r.design, subnet(r.design, 'priv-a'))!;
    expect(table).toMatchObject({
      id: 'rtb-1',
      main: false,
      routes: [{ destinationCidrBlock: '0.0.0.0/0', targetId: 'nat-a' }],
    });
    expect(routeTableOfSubnet(r.design, subnet(r.design, 'priv-b'))!.id).toBe('vpc-a-main');
    expect(r.design.resources['vpc-a-main']).toEqual(d.resources['vpc-a-main']);
  });

  it('makes a trace from a private instance to the internet succeed', () => {
    const d = network();
    d.resources['i-a'] = {
      id: 'i-a',
      kind: 'instance',
      name: 'app',
      subnetId: 'priv-a',
      instanceType: 't3.micro',
      privateIp: '10.0.10.20',
      securityGroupIds: ['vpc-a-sg'],
      sourceDestCheck: true,
    };
    const query = { from: 'i-a', to: 'internet', protocol: 'tcp' as const, port: 443 };
    const reachable = (design: Design) => {
      const outcome = trace(design, query);
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.result.reachable;
    };
    expect(reachable(d)).toBe(false);
    expect(reachable(run(d, routeSubnetToInternet('priv-a', 'nat-a')).design)).toBe(true);
  });

  it('says when there is no NAT gateway to use, and when the subnet already routes to one', () => {
    const bare = aDesign(aVpc(), aSubnet());
    expect(natGatewayRouteOffer(bare, subnet(bare, 'subnet-a'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/No public NAT gateway/),
    });
    const d = run(network(), routeSubnetToInternet('priv-a', 'nat-a')).design;
    expect(natGatewayRouteOffer(d, subnet(d, 'priv-a'))).toMatchObject({ ok: false, done: true });
  });

  it('is not offered to a public subnet, nor to the subnet a NAT gateway sits in', () => {
    const d = network();
    expect(natGatewayRouteOffer(d, subnet(d, 'pub-a'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^nat-a sits in this subnet/),
    });
    delete d.resources['nat-b'];
    expect(natGatewayRouteOffer(d, subnet(d, 'pub-b'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^This is a public subnet/),
    });
  });

  it('notes a NAT gateway in another zone', () => {
    const d = network();
    delete d.resources['nat-b'];
    const offer = natGatewayRouteOffer(d, subnet(d, 'priv-b'));
    expect(offer.ok && offer.description).toMatch(/nat-a is in us-east-1a: there is no NAT gateway in us-east-1b/);
  });

  it('refuses a NAT gateway in the subnet itself, or in another VPC', () => {
    const d = network();
    expect(run(d, routeSubnetToInternet('pub-a', 'nat-a')).error).toMatch(/sits in pub-a/);
    const other = aDesign(
      aVpc({ id: 'vpc-b', cidrBlocks: ['10.9.0.0/16'] }),
      aSubnet({ id: 'far', vpcId: 'vpc-b', cidrBlock: '10.9.0.0/24' }),
      aNatGateway({ id: 'nat-far', subnetId: 'far' }),
    );
    const both = { ...d, resources: { ...d.resources, ...other.resources } };
    expect(run(both, routeSubnetToInternet('priv-a', 'nat-far')).error).toMatch(/not in priv-a's VPC/);
  });
});

describe('route to the internet gateway', () => {
  it("edits a subnet's own route table in place", () => {
    const d = aDesign(
      aVpc(),
      anInternetGateway(),
      aSubnet({ routeTableId: 'rtb-own' }),
      aRouteTable({
        id: 'rtb-own',
        routes: [{ id: 'route-1', destinationCidrBlock: '10.1.0.0/16', targetId: 'pcx-1' }],
      }),
    );
    expect(internetGatewayRouteOffer(d, subnet(d, 'subnet-a'))).toMatchObject({
      ok: true,
      description: expect.stringMatching(
        /^Adds 0.0.0.0\/0 → igw-a to route table rtb-own, which only this subnet uses/,
      ),
    });
    const r = run(d, routeSubnetToInternet('subnet-a', 'igw-a'));
    expect(r.design.resources['rtb-own']).toMatchObject({
      routes: [{ destinationCidrBlock: '10.1.0.0/16' }, { destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' }],
    });
    expect(Object.keys(r.design.resources).filter((id) => !(id in d.resources))).toEqual([]);
  });

  it('replaces a default route to a NAT gateway, and the new table keeps gateway endpoints and propagation', () => {
    const d = network();
    d.resources['vpc-a-main'] = aRouteTable({
      id: 'vpc-a-main',
      main: true,
      routes: [{ id: 'route-1', destinationCidrBlock: '0.0.0.0/0', targetId: 'nat-a' }],
      propagatingGatewayIds: ['vgw-a'],
    });
    d.resources['vpce-s3'] = anEndpoint({ id: 'vpce-s3', routeTableIds: ['vpc-a-main'] });
    const offer = internetGatewayRouteOffer(d, subnet(d, 'priv-a'));
    expect(offer.ok && offer.description).toMatch(/replacing its route to nat-a/);
    const r = run(d, routeSubnetToInternet('priv-a', 'igw-a'));
    expect(r.design.resources['rtb-1']).toMatchObject({
      routes: [{ destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' }],
      propagatingGatewayIds: ['vgw-a'],
    });
    expect((r.design.resources['vpce-s3'] as VpcEndpoint).routeTableIds).toEqual(['vpc-a-main', 'rtb-1']);
  });

  it('tells how to add an internet gateway when the VPC has none, and says when the subnet is already public', () => {
    const bare = aDesign(aVpc(), aSubnet());
    expect(internetGatewayRouteOffer(bare, subnet(bare, 'subnet-a'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/drag "Internet gateway"/),
    });
    const d = network();
    expect(internetGatewayRouteOffer(d, subnet(d, 'pub-a'))).toMatchObject({ ok: false, done: true });
  });
});

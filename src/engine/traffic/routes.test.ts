import { describe, expect, it } from 'vitest';
import { parseIp } from '../cidr/cidr.ts';
import { aDesign, anEndpoint, aRouteTable, aVirtualPrivateGateway, aVpc } from '../model/builders.ts';
import type { Resource } from '../model/types.ts';
import { collectRouteSources, effectiveRoutes, findRoute } from './routes.ts';

function routesOf(...resources: Resource[]) {
  const design = aDesign(...resources);
  const table = design.resources['rtb-a'];
  if (table?.kind !== 'routeTable') throw new Error('no rtb-a');
  return effectiveRoutes(design, table, collectRouteSources(design));
}

const vpn: Resource = {
  id: 'vpn-a',
  kind: 'vpnConnection',
  name: 'vpn',
  vpnGatewayId: 'vgw-a',
  customerGatewayId: 'cgw-a',
  staticRoutesOnly: true,
  onPremisesCidrs: ['172.31.0.0/24', '192.168.0.0/16'],
};

// https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html
describe('effectiveRoutes and findRoute', () => {
  it('adds the local route for every VPC CIDR', () => {
    const routes = routesOf(aVpc({ cidrBlocks: ['10.0.0.0/16', '100.64.0.0/16'] }), aRouteTable());
    expect(findRoute(routes, parseIp('100.64.3.3')!)).toMatchObject({ id: 'local', targetId: 'local' });
  });

  it('prefers the longest prefix', () => {
    const routes = routesOf(
      aVpc(),
      aRouteTable({
        routes: [
          { id: 'wide', destinationCidrBlock: '10.1.0.0/16', targetId: 'pcx-1' },
          { id: 'narrow', destinationCidrBlock: '10.1.2.0/24', targetId: 'pcx-2' },
        ],
      }),
    );
    expect(findRoute(routes, parseIp('10.1.2.9')!)?.id).toBe('narrow');
    expect(findRoute(routes, parseIp('10.1.3.9')!)?.id).toBe('wide');
  });

  it('prefers a static route over a propagated one with the same destination', () => {
    const routes = routesOf(
      aVpc(),
      aVirtualPrivateGateway(),
      vpn,
      aRouteTable({
        propagatingGatewayIds: ['vgw-a'],
        routes: [{ id: 'static', destinationCidrBlock: '172.31.0.0/24', targetId: 'igw-a' }],
      }),
    );
    expect(findRoute(routes, parseIp('172.31.0.5')!)?.id).toBe('static');
    expect(findRoute(routes, parseIp('192.168.4.4')!)).toMatchObject({ origin: 'propagated', targetId: 'vgw-a' });
  });

  // Same page: priority is "Static routes", then "Prefix list routes", then "Propagated routes".
  it('prefers a static route over an entry of a customer-managed prefix list with the same destination, and that entry over a propagated route', () => {
    const routes = routesOf(
      aVpc(),
      aVirtualPrivateGateway(),
      vpn,
      aRouteTable({
        propagatingGatewayIds: ['vgw-a'],
        routes: [
          { id: 'via-list', destinationCidrBlock: '10.71.5.0/24', fromPrefixListId: 'Nets', targetId: 'vgw-a' },
          { id: 'via-peer', destinationCidrBlock: '10.71.5.0/24', targetId: 'pcx-1' },
          { id: 'via-list', destinationCidrBlock: '192.168.0.0/16', fromPrefixListId: 'Nets', targetId: 'pcx-2' },
        ],
      }),
    );
    expect(findRoute(routes, parseIp('10.71.5.9')!)).toMatchObject({ id: 'via-peer', origin: 'static' });
    expect(findRoute(routes, parseIp('192.168.4.4')!)).toMatchObject({
      id: 'via-list',
      origin: 'prefixList',
      targetId: 'pcx-2',
    });
  });

  it('adds a prefix-list route for an associated gateway endpoint, more specific than 0.0.0.0/0', () => {
    const routes = routesOf(
      aVpc(),
      anEndpoint({ id: 'vpce-s3', routeTableIds: ['rtb-a'] }),
      aRouteTable({ routes: [{ id: 'default', destinationCidrBlock: '0.0.0.0/0', targetId: 'nat-a' }] }),
    );
    expect(findRoute(routes, parseIp('52.216.0.10')!)).toMatchObject({ origin: 'prefixList', targetId: 'vpce-s3' });
    expect(findRoute(routes, parseIp('8.8.8.8')!)?.id).toBe('default');
  });

  it('propagates nothing from a gateway that is not attached to the VPC', () => {
    const routes = routesOf(
      aVpc(),
      aVirtualPrivateGateway({ vpcId: undefined }),
      vpn,
      aRouteTable({ propagatingGatewayIds: ['vgw-a'] }),
    );
    expect(findRoute(routes, parseIp('192.168.4.4')!)).toBeUndefined();
  });
});

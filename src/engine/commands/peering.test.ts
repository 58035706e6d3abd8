/**
 * Requesting a peering connection as AWS's guide does: the requester asks, the accepter accepts, each side routes
 * to the other. https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html
 */
import { describe, expect, it } from 'vitest';
import { aDesign, aPeering, aRouteTable, aVpc } from '../model/builders.ts';
import type { PeeringConnection, RouteTable } from '../model/types.ts';
import { run } from './command.ts';
import { connect } from './edit.ts';
import { peerNote, peeringRefusal, requestPeering } from './peering.ts';

const two = () =>
  aDesign(
    aVpc({ id: 'vpc-a', name: 'prod' }),
    aVpc({ id: 'vpc-b', name: 'shared', cidrBlocks: ['10.1.0.0/16', '10.2.0.0/16'] }),
  );

describe('requesting a peering connection', () => {
  it('makes a request from the requester to the accepter, pending until accepted, and selects it', () => {
    const r = run(two(), requestPeering('vpc-a', 'vpc-b'));
    expect(r.error).toBeUndefined();
    expect(r.design.resources['pcx-1']).toEqual({
      id: 'pcx-1',
      kind: 'peeringConnection',
      name: 'prod ↔ shared',
      requesterVpcId: 'vpc-a',
      accepterVpcId: 'vpc-b',
      status: 'pending-acceptance',
    });
    expect(r.select).toEqual(['pcx-1']);
  });

  it('accepted, it is active; with routes, each VPC routes every block of the other through it', () => {
    const r = run(two(), requestPeering('vpc-a', 'vpc-b', { accept: true, addRoutes: true }));
    expect((r.design.resources['pcx-1'] as PeeringConnection).status).toBe('active');
    // https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html
    expect((r.design.resources['vpc-a-main'] as RouteTable).routes).toEqual([
      { id: 'route-1', destinationCidrBlock: '10.1.0.0/16', targetId: 'pcx-1' },
      { id: 'route-2', destinationCidrBlock: '10.2.0.0/16', targetId: 'pcx-1' },
    ]);
    expect((r.design.resources['vpc-b-main'] as RouteTable).routes).toEqual([
      { id: 'route-1', destinationCidrBlock: '10.0.0.0/16', targetId: 'pcx-1' },
    ]);
  });

  it('does not add a route to a destination a table already routes elsewhere', () => {
    const design = two();
    design.resources['rtb-x'] = aRouteTable({
      id: 'rtb-x',
      vpcId: 'vpc-a',
      routes: [{ id: 'vpn', destinationCidrBlock: '10.1.0.0/16', targetId: 'vgw-1' }],
    });
    const r = run(design, requestPeering('vpc-a', 'vpc-b', { accept: true, addRoutes: true }));
    expect((r.design.resources['rtb-x'] as RouteTable).routes.map((x) => x.destinationCidrBlock)).toEqual([
      '10.1.0.0/16',
      '10.2.0.0/16',
    ]);
    expect((r.design.resources['rtb-x'] as RouteTable).routes[0]!.targetId).toBe('vgw-1');
  });

  it('refuses routes through a request nobody has accepted', () => {
    expect(run(two(), requestPeering('vpc-a', 'vpc-b', { addRoutes: true })).error).toMatch(/only once it is accepted/);
  });

  it('refuses what AWS refuses, in the words of the rule that reports it', () => {
    // https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations
    expect(run(two(), requestPeering('vpc-a', 'vpc-a')).error).toMatch(/to itself/);
    const overlapping = aDesign(aVpc({ id: 'vpc-a' }), aVpc({ id: 'vpc-b', cidrBlocks: ['10.0.128.0/17'] }));
    expect(peeringRefusal(overlapping, 'vpc-a', 'vpc-b')).toMatch(/overlap/);
    const peered = {
      ...two(),
      resources: {
        ...two().resources,
        'pcx-9': aPeering({ id: 'pcx-9', requesterVpcId: 'vpc-b', accepterVpcId: 'vpc-a' }),
      },
    };
    expect(run(peered, requestPeering('vpc-a', 'vpc-b')).error).toMatch(/only one peering connection per pair/);
    expect(run(two(), requestPeering('vpc-a', 'vpc-zzz')).error).toMatch(/two VPCs/);
  });

  it('allows a new request where an old one was rejected', () => {
    const design = {
      ...two(),
      resources: { ...two().resources, 'pcx-9': aPeering({ id: 'pcx-9', status: 'rejected' }) },
    };
    expect(run(design, requestPeering('vpc-a', 'vpc-b')).error).toBeUndefined();
  });

  it('dragging one VPC onto another makes the same request', () => {
    const r = run(two(), connect('vpc-b', 'vpc-a'));
    expect(r.design.resources['pcx-1']).toMatchObject({
      requesterVpcId: 'vpc-b',
      accepterVpcId: 'vpc-a',
      status: 'pending-acceptance',
    });
  });

  it('notes an inter-region or cross-account peer', () => {
    const home = aVpc();
    expect(peerNote(home, aVpc({ region: 'eu-west-1', accountId: '222222222222' }))).toBe(
      'inter-region: eu-west-1, account 222222222222',
    );
    expect(peerNote(home, aVpc({ id: 'vpc-b' }))).toBe('');
  });
});

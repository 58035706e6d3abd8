import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../../engine/model/example.ts';
import { run } from '../../engine/commands/command.ts';
import { updateResource } from '../../engine/commands/edit.ts';
import type { Design, Flow, NetworkAcl, SecurityGroup } from '../../engine/model/types.ts';
import { trace } from '../../engine/traffic/index.ts';
import { designToFlow } from '../adapter.ts';
import { containsPoint, type Rect, type XY } from '../geometry.ts';
import { borderPoint, flowGeometry, selectableIdOf, stepsOf } from '../../engine/traffic/hopGeometry.ts';
import { buildTimeline, DWELL, packetAt, type PacketState } from './timeline.ts';

function geometryOf(design: Design, flow: Pick<Flow, 'from' | 'to' | 'protocol' | 'port' | 'action' | 'resource'>) {
  const outcome = trace(design, flow);
  if (!outcome.ok) throw new Error(outcome.error);
  const { placed } = designToFlow(design);
  const rect = (id: string) => placed.get(id)!.abs;
  return { result: outcome.result, geometry: flowGeometry(design, placed, flow, outcome.result), rect };
}

function onBorder(r: Rect, p: XY): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 3;
  return (
    containsPoint({ x: r.x - 3, y: r.y - 3, width: r.width + 6, height: r.height + 6 }, p) &&
    (near(p.x, r.x) || near(p.x, r.x + r.width) || near(p.y, r.y) || near(p.y, r.y + r.height))
  );
}

const center = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const flow = (id: string) => exampleDesign().flows.find((f) => f.id === id)!;

function edited(...commands: Parameters<typeof run>[1][]): Design {
  return commands.reduce((d, c) => run(d, c).design, exampleDesign());
}

describe('placing hops on the canvas', () => {
  it('puts nodes at their centres, the security group on its instance, the NACL on the subnet border', () => {
    const { result, geometry, rect } = geometryOf(exampleDesign(), flow('flow-web-internet'));
    expect(geometry.stops).toHaveLength(result.forward.length + result.return.length);
    const at = (id: string, direction = 'forward') => {
      const hops = direction === 'forward' ? result.forward : result.return;
      return geometry.stops.find((s) => s.direction === direction && hops[s.hopIndex]?.id === id)!.point;
    };
    expect(at('i-web-a')).toEqual(center(rect('i-web-a')));
    expect(onBorder(rect('i-web-a'), at('sg-web'))).toBe(true);
    expect(onBorder(rect('subnet-public-a'), at('acl-prod-default'))).toBe(true);
    expect(containsPoint(rect('subnet-public-a'), at('rtb-public'))).toBe(true);
    expect(at('igw-prod')).toEqual(center(rect('igw-prod')));
    expect(at('internet')).toEqual(center(rect('internet')));
    expect(at('internet', 'return')).toEqual(center(rect('internet')));
    expect(geometry.blocked).toBeUndefined();
  });

  it('stops a transitive-peering packet at the middle of the peering line, between the two VPCs', () => {
    const { geometry, rect } = geometryOf(exampleDesign(), flow('flow-transitive'));
    const last = geometry.stops.at(-1)!;
    expect(last.blocked).toBe(true);
    expect(geometry.blocked?.componentId).toBe('pcx-prod-shared');
    expect(geometry.blocked?.explanation?.code).toBe('PCX_REQUIRES_ADDRESS_IN_VPC_CIDR');
    const prod = rect('vpc-prod');
    const shared = rect('vpc-shared');
    expect(last.point.x).toBeGreaterThan(prod.x + prod.width - 1);
    expect(last.point.x).toBeLessThan(shared.x + 1);
  });

  it('stops a packet at the security group whose egress rule is gone, ringing the instance it guards', () => {
    const design = edited(updateResource<SecurityGroup>('sg-web', { egress: [] }));
    const { geometry, rect } = geometryOf(design, flow('flow-web-internet'));
    expect(geometry.blocked?.componentId).toBe('sg-web');
    expect(geometry.blocked?.explanation?.code).toBe('ENI_SG_RULES_MISMATCH');
    expect(geometry.blocked?.rings).toContainEqual(rect('i-web-a'));
    expect(onBorder(rect('i-web-a'), geometry.blocked!.point)).toBe(true);
  });

  it('finds the instance an inbound rule guards from the destination when the packet never reaches it', () => {
    const { geometry, rect } = geometryOf(exampleDesign(), {
      from: 'internet',
      to: 'i-web-a',
      protocol: 'tcp',
      port: 22,
    });
    expect(geometry.blocked?.componentId).toBe('sg-web');
    expect(geometry.blocked?.rings).toContainEqual(rect('i-web-a'));
  });

  it('rings the subnet of a network ACL that drops the reply', () => {
    const design = edited(
      updateResource<NetworkAcl>('acl-prod-default', {
        inbound: [{ ruleNumber: 100, protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', action: 'allow' }],
      }),
    );
    const { geometry, rect } = geometryOf(design, flow('flow-web-internet'));
    expect(geometry.blocked?.direction).toBe('return');
    expect(geometry.blocked?.componentId).toBe('acl-prod-default');
    expect(geometry.blocked?.rings).toContainEqual(rect('subnet-public-a'));
  });

  it('places a service the design does not draw outside the network', () => {
    const design = exampleDesign();
    const { geometry } = geometryOf(design, { from: 'i-app-a', to: 'service:dynamodb', protocol: 'tcp', port: 443 });
    const { placed } = designToFlow(design);
    const last = geometry.stops.filter((s) => s.direction === 'forward').at(-1)!;
    for (const p of placed.values()) if (p.type !== 'region') expect(containsPoint(p.abs, last.point)).toBe(false);
  });

  it('selects design resources for hops, the drawn internet for `internet`, nothing for an undrawn service', () => {
    const design = exampleDesign();
    expect(selectableIdOf(design, 'sg-web')).toBe('sg-web');
    expect(selectableIdOf(design, 'internet')).toBe('internet');
    expect(selectableIdOf(design, 'service:dynamodb')).toBeUndefined();
  });

  it('lists the same steps as the overlay stops at, with a stop of its own for a drop no hop records', () => {
    for (const f of exampleDesign().flows) {
      const { result, geometry } = geometryOf(exampleDesign(), f);
      expect(stepsOf(result)).toEqual(geometry.stops.map((s) => ({ direction: s.direction, hopIndex: s.hopIndex })));
    }
    // A NAT gateway drops what the internet starts.
    const { result, geometry, rect } = geometryOf(exampleDesign(), {
      from: 'internet',
      to: 'nat-a',
      protocol: 'tcp',
      port: 443,
    });
    expect(geometry.stops.at(-1)?.blocked).toBe(true);
    expect(geometry.blocked?.componentId).toBe('nat-a');
    expect(geometry.blocked?.rings).toContainEqual(rect('nat-a'));
    // Should a trace ever end without a deny hop, the drop still gets a stop of its own, at the component named.
    const { placed } = designToFlow(exampleDesign());
    const withoutDeny = { ...result, forward: result.forward.filter((h) => h.action !== 'deny') };
    expect(stepsOf(withoutDeny).at(-1)).toEqual({ direction: 'forward', hopIndex: -1 });
    const fallback = flowGeometry(exampleDesign(), placed, { from: 'internet', to: 'nat-a' }, withoutDeny);
    expect(fallback.stops.at(-1)).toMatchObject({
      hopIndex: -1,
      blocked: true,
      point: { x: rect('nat-a').x + rect('nat-a').width / 2 },
    });
  });

  it('computes where a segment leaves a box', () => {
    expect(borderPoint({ x: 0, y: 0, width: 100, height: 50 }, { x: 50, y: -100 })).toEqual({ x: 50, y: 0 });
    expect(borderPoint({ x: 0, y: 0, width: 100, height: 50 }, { x: 300, y: 25 })).toEqual({ x: 100, y: 25 });
  });
});

describe('the packet clock', () => {
  const stops = [
    { direction: 'forward' as const, hopIndex: 0, point: { x: 0, y: 0 } },
    { direction: 'forward' as const, hopIndex: 1, point: { x: 260, y: 0 } },
    { direction: 'return' as const, hopIndex: 0, point: { x: 260, y: 0 } },
    { direction: 'return' as const, hopIndex: 1, point: { x: 0, y: 0 } },
  ];
  const out: PacketState = { x: 0, y: 0, direction: 'forward', stopIndex: 0 };

  it('dwells at each stop, then travels at a steady pace', () => {
    const t = buildTimeline(stops);
    [0, DWELL + 1, 2 * DWELL + 1, 3 * DWELL + 2].forEach((want, i) => expect(t.arrivals[i]).toBeCloseTo(want));
    expect(packetAt(stops, t, DWELL / 2, out)).toMatchObject({ x: 0, stopIndex: 0, direction: 'forward' });
    expect(packetAt(stops, t, DWELL + 0.5, out).x).toBeCloseTo(130);
    expect(packetAt(stops, t, DWELL + 1, out)).toMatchObject({ x: 260, stopIndex: 1 });
  });

  it('turns into a reply once it travels towards a return stop', () => {
    const t = buildTimeline(stops);
    expect(packetAt(stops, t, 3 * DWELL + 1.5, out)).toMatchObject({ direction: 'return', stopIndex: 2 });
    expect(packetAt(stops, t, t.period, out)).toMatchObject({ x: 0, stopIndex: 3 });
  });
});

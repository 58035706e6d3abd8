import { describe, expect, it } from 'vitest';
import { addFromPalette, exampleDesign, emptyDesign, run, type Design } from '../engine/index.ts';
import { designToFlow } from './adapter.ts';
import { commandForDrag, commandForNudge } from './dragCommit.ts';
import { containersAt, dropTargetFor, keyboardTargetFor } from './dropTarget.ts';
import { AUTO_GAP, intersects, LEAF } from './geometry.ts';

const design = exampleDesign();
const flow = designToFlow(design);
const centre = (id: string) => {
  const b = flow.placed.get(id)!.abs;
  return { x: b.x + b.width / 2, y: b.y + b.height - 10 };
};

describe('dropping palette items', () => {
  it('finds the containers under a point, innermost last', () => {
    const ids = containersAt(flow, centre('subnet-private-a')).map((p) => p.id);
    expect(ids).toEqual(['region:us-east-1', 'vpc-prod', 'az:vpc-prod:us-east-1a', 'subnet-private-a']);
  });

  it('drops an instance into the subnet under the pointer, centred where it was dropped', () => {
    const target = dropTargetFor(flow, 'EC2 instance', centre('subnet-private-b'));
    expect(target.nodeId).toBe('subnet-private-b');
    const result = run(design, addFromPalette('EC2 instance', target));
    expect(result.error).toBeUndefined();
    expect(result.design.resources['i-1']).toMatchObject({ subnetId: 'subnet-private-b' });
  });

  it('drops a subnet dropped on an existing subnet into that AZ band, below what is there', () => {
    const target = dropTargetFor(flow, 'Subnet', centre('subnet-public-b'));
    expect(target.nodeId).toBe('az:vpc-prod:us-east-1b');
    const next = run(design, addFromPalette('Subnet', target)).design;
    expect(next.resources['subnet-1']).toMatchObject({ vpcId: 'vpc-prod', availabilityZone: 'us-east-1b' });
    const after = designToFlow(next).placed;
    const added = after.get('subnet-1')!.abs;
    for (const other of ['subnet-public-b', 'subnet-private-b']) {
      const o = after.get(other)!.abs;
      expect(added.y >= o.y + o.height || added.y + added.height <= o.y).toBe(true);
    }
  });

  it('puts an internet gateway dropped anywhere in a VPC on that VPC', () => {
    const target = dropTargetFor(flow, 'Internet gateway', centre('subnet-shared-a'));
    expect(target.nodeId).toBe('vpc-shared');
  });

  it('hands a refused drop to the command so the user reads why (instance on a VPC, VPC in a VPC)', () => {
    const onBand = dropTargetFor(flow, 'EC2 instance', {
      x: flow.placed.get('az:vpc-prod:us-east-1a')!.abs.x + 4,
      y: flow.placed.get('az:vpc-prod:us-east-1a')!.abs.y + 4,
    });
    expect(run(design, addFromPalette('EC2 instance', onBand)).error).toMatch(/subnet/);
    const vpcInVpc = dropTargetFor(flow, 'VPC', centre('subnet-public-a'));
    expect(run(design, addFromPalette('VPC', vpcInVpc)).error).toMatch(/cannot sit inside another VPC/);
  });

  it('places a VPC dropped on empty canvas at the drop point', () => {
    const target = dropTargetFor(designToFlow(emptyDesign()), 'VPC', { x: 1000, y: 1000 });
    const next = run(emptyDesign(), addFromPalette('VPC', target)).design;
    expect(next.layout['vpc-1']).toEqual({ x: 976, y: 976 });
  });
});

describe('adding from the keyboard', () => {
  it('adds an instance to the selected subnet, or to the subnet of the selected instance', () => {
    const k = keyboardTargetFor(flow, design, 'EC2 instance', ['i-app-a']);
    expect(k).toMatchObject({ ok: true, target: { nodeId: 'subnet-private-a' } });
    const next = run(design, addFromPalette('EC2 instance', k.ok ? k.target : { position: { x: 0, y: 0 } })).design;
    const placed = designToFlow(next).placed;
    const a = placed.get('i-1')!.abs;
    const b = placed.get('i-app-a')!.abs;
    expect(a.x >= b.x + b.width || a.x + a.width <= b.x || a.y >= b.y + b.height).toBe(true);
  });

  it('says what to select first', () => {
    expect(keyboardTargetFor(flow, design, 'EC2 instance', [])).toEqual({
      ok: false,
      error: 'To add an EC2 instance, first select the subnet it goes in, then press Enter on EC2 instance again.',
    });
    expect(keyboardTargetFor(flow, design, 'Subnet', ['s3-assets'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/select the VPC/),
    });
  });

  it('adds a VPC to the right of what the region holds, without overlapping', () => {
    const k = keyboardTargetFor(flow, design, 'VPC', []);
    const next = run(design, addFromPalette('VPC', k.ok ? k.target : { position: { x: 0, y: 0 } })).design;
    const placed = designToFlow(next).placed;
    const added = placed.get('vpc-1')!.abs;
    const shared = placed.get('vpc-shared')!.abs;
    expect(added.x).toBeGreaterThan(shared.x + shared.width);
  });
});

describe('committing drags and nudges', () => {
  const move = (d: Design, ...args: Parameters<typeof commandForDrag>) => {
    const command = commandForDrag(...args);
    if (!command) throw new Error('no command');
    return run(d, command);
  };

  it('stores a dragged VPC at its page position (its children follow because they are relative)', () => {
    const vpc = flow.nodes.find((n) => n.id === 'vpc-prod')!;
    const r = move(design, flow, [{ id: 'vpc-prod', position: { x: vpc.position.x + 40, y: vpc.position.y + 16 } }]);
    expect(r.design.layout['vpc-prod']).toMatchObject({ x: 120, y: 136 });
    expect(r.design.layout['i-web-a']).toEqual(design.layout['i-web-a']);
  });

  it('moves an instance dropped on another subnet of the same VPC into it', () => {
    const target = flow.placed.get('subnet-private-a')!.abs;
    const parent = flow.placed.get('subnet-public-a')!.abs;
    const pointer = { x: target.x + 100, y: target.y + 90 };
    const r = move(
      design,
      flow,
      [{ id: 'i-web-a', position: { x: pointer.x - parent.x - 50, y: pointer.y - parent.y - 30 } }],
      pointer,
    );
    expect(r.error).toBeUndefined();
    expect(r.design.resources['i-web-a']).toMatchObject({ subnetId: 'subnet-private-a' });
    // Dropped onto app-a: it lands at the nearest free place instead of covering it, a readable gap away.
    const moved = { ...r.design.layout['i-web-a']!, ...LEAF };
    const appA = { ...r.design.layout['i-app-a']!, ...LEAF };
    expect(
      intersects(
        {
          x: moved.x - AUTO_GAP + 1,
          y: moved.y - AUTO_GAP + 1,
          width: LEAF.width + 2 * AUTO_GAP - 2,
          height: LEAF.height + 2 * AUTO_GAP - 2,
        },
        appA,
      ),
    ).toBe(false);
    expect(Math.hypot(moved.x - 50, moved.y - 60)).toBeLessThan(LEAF.width);
  });

  it('gives an instance moved into another subnet an address in that subnet, in the same undo step', () => {
    // A private IPv4 address comes from its subnet's range: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html
    const target = flow.placed.get('subnet-private-b')!.abs;
    const pointer = { x: target.x + target.width - 40, y: target.y + target.height - 20 };
    const command = commandForDrag(flow, [{ id: 'i-app-a', position: { x: 0, y: 0 } }], pointer)!;
    const r = run(design, command);
    expect(r.design.resources['i-app-a']).toMatchObject({ subnetId: 'subnet-private-b', privateIp: '10.0.11.10' });
    expect(command.label).toBe('Move into another container');
  });

  it('keeps the address of an instance whose address already fits its new subnet', () => {
    const d: Design = {
      ...design,
      resources: {
        ...design.resources,
        'subnet-private-b': { ...design.resources['subnet-private-b']!, cidrBlock: '10.0.8.0/21' } as never,
      },
    };
    const f = designToFlow(d);
    const target = f.placed.get('subnet-private-b')!.abs;
    const r = run(
      d,
      commandForDrag(f, [{ id: 'i-app-a', position: { x: 0, y: 0 } }], {
        x: target.x + target.width - 40,
        y: target.y + target.height - 20,
      })!,
    );
    expect(r.design.resources['i-app-a']).toMatchObject({ subnetId: 'subnet-private-b', privateIp: '10.0.10.20' });
  });

  it('refuses an instance dragged into another VPC, with the reason', () => {
    const target = flow.placed.get('subnet-shared-a')!.abs;
    const pointer = { x: target.x + 60, y: target.y + 90 };
    const r = move(design, flow, [{ id: 'i-web-a', position: { x: 0, y: 0 } }], pointer);
    expect(r.error).toMatch(/another VPC/);
  });

  it('moves a subnet into another AZ band of its VPC', () => {
    const band = flow.placed.get('az:vpc-prod:us-east-1b')!.abs;
    const pointer = { x: band.x + 60, y: band.y + band.height - 20 };
    const r = move(design, flow, [{ id: 'subnet-private-a', position: { x: 0, y: 0 } }], pointer);
    expect(r.design.resources['subnet-private-a']).toMatchObject({ availabilityZone: 'us-east-1b' });
  });

  it('nudges the selection as one step, and a selected container carries its selected children once', () => {
    const command = commandForNudge(flow, ['vpc-prod', 'i-web-a'], 10, 0)!;
    expect(command.label).toBe('Nudge');
    const r = run(design, command);
    expect(r.design.layout['vpc-prod']).toMatchObject({ x: 90, y: 120 });
    expect(r.design.layout['i-web-a']).toEqual(design.layout['i-web-a']);
  });
});

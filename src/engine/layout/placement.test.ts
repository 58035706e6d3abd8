import { describe, expect, it } from 'vitest';
import { addFromPalette } from '../commands/add.ts';
import { tidy } from '../commands/arrange.ts';
import { copyResources, duplicateResources, pasteResources } from '../commands/clipboard.ts';
import { moveNodes } from '../commands/edit.ts';
import { run } from '../commands/command.ts';
import { aDesign, aNatGateway, anInstance, aSubnet, aVpc } from '../model/builders.ts';
import { emptyDesign } from '../model/create.ts';
import type { Design, Subnet, Vpc } from '../model/types.ts';
import { indexChildren, layoutSubnet, layoutVpc } from './containers.ts';
import { AUTO_GAP, AZ, intersects, LEAF, REGION, SUBNET, type Rect } from './geometry.ts';
import { findFreeSpot } from './placement.ts';
import { arrangeNewVpc } from './tidy.ts';
import { applyCommands } from '../commands/testing.ts';

const apply = applyCommands;

/** The gap between two boxes (negative when they overlap): the larger of the horizontal and vertical gaps. */
function gapBetween(a: Rect, b: Rect): number {
  return Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width), b.y - (a.y + a.height), a.y - (b.y + b.height));
}

function expectApart(boxes: Array<{ id: string; rect: Rect }>, gap: number) {
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      expect(gapBetween(a.rect, b.rect), `${a.id} and ${b.id} are at least ${gap} apart`).toBeGreaterThanOrEqual(gap);
    }
  }
}

/** A subnet's leaves as the canvas draws them, and the subnet's drawn size. */
function subnetDrawn(design: Design, id: string) {
  const children = indexChildren(design, false);
  const layout = layoutSubnet(design, design.resources[id] as Subnet, children.get(id) ?? []);
  return {
    ...layout,
    boxes: layout.leaves.map((l) => ({ id: l.item.id, rect: { x: l.x, y: l.y, width: l.width, height: l.height } })),
  };
}

/** Every VPC's page box (its stored corner and its drawn size). */
function vpcBoxes(design: Design) {
  const children = indexChildren(design, true);
  return Object.values(design.resources)
    .filter((r): r is Vpc => r.kind === 'vpc')
    .map((v) => {
      const { width, height } = layoutVpc(design, v, children);
      return { id: v.id, rect: { ...design.layout[v.id]!, width, height } };
    });
}

const base = () =>
  aDesign(
    aVpc({ id: 'v', cidrBlocks: ['10.0.0.0/16'] }),
    aSubnet({ id: 's', vpcId: 'v', cidrBlock: '10.0.0.0/24', availabilityZone: 'us-east-1a' }),
    aSubnet({ id: 'below', vpcId: 'v', cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' }),
    aNatGateway({ id: 'nat', subnetId: 's', privateIp: '10.0.0.10' }),
  );

function laidOut(): Design {
  const d = base();
  return {
    ...d,
    layout: {
      v: { x: 0, y: 0 },
      s: { x: AZ.pad, y: AZ.header + 8 },
      below: { x: AZ.pad, y: AZ.header + 8 + SUBNET.minHeight + AUTO_GAP },
      nat: { x: SUBNET.pad, y: SUBNET.header },
    },
  };
}

describe('findFreeSpot', () => {
  const size = { width: 100, height: 50 };
  it('keeps the wanted place when it is free', () => {
    expect(findFreeSpot([{ x: 0, y: 0, width: 100, height: 50 }], size, { x: 200, y: 0 })).toEqual({ x: 200, y: 0 });
  });

  it('moves to the nearest place a readable gap away from what is there', () => {
    const taken = [{ x: 0, y: 0, width: 100, height: 50 }];
    const spot = findFreeSpot(taken, size, { x: 60, y: 0 });
    expect(gapBetween(taken[0]!, { ...spot, ...size })).toBeGreaterThanOrEqual(AUTO_GAP);
    // The shortest way out: right beside it (60 px away), not below (72 px) or somewhere far.
    expect(spot).toEqual({ x: 120, y: 0 });
    expect(findFreeSpot(taken, size, { x: 8, y: 0 })).toEqual({ x: 8, y: 72 });
  });

  it('never goes above or left of the container edge', () => {
    const taken = [{ x: 16, y: 48, width: 100, height: 50 }];
    const spot = findFreeSpot(taken, size, { x: 16, y: 48 }, { x: 16, y: 48 });
    expect(spot.x).toBeGreaterThanOrEqual(16);
    expect(spot.y).toBeGreaterThanOrEqual(48);
    expect(intersects(taken[0]!, { ...spot, ...size })).toBe(false);
  });

  it('finds a place among many neighbours', () => {
    const taken = Array.from({ length: 200 }, (_, i) => ({
      x: (i % 20) * 120,
      y: Math.floor(i / 20) * 60,
      width: 100,
      height: 50,
    }));
    const spot = findFreeSpot(taken, size, { x: 130, y: 70 }, { x: 0, y: 0 });
    expect(taken.some((t) => intersects(t, { ...spot, ...size }))).toBe(false);
  });
});

describe('a dropped resource takes the nearest free place in its container', () => {
  it('lands a NAT instance dropped 8 px from a NAT gateway beside it, not on it', () => {
    const d = apply(
      laidOut(),
      addFromPalette('NAT instance', { nodeId: 's', position: { x: SUBNET.pad + 8, y: SUBNET.header } }),
    );
    const { boxes } = subnetDrawn(d, 's');
    expect(boxes.map((b) => b.id).sort()).toEqual(['i-1', 'nat']);
    expectApart(boxes, AUTO_GAP);
  });

  it('keeps several instances dropped at one point apart, and the subnet grows to hold them', () => {
    const drops = Array.from({ length: 7 }, () =>
      addFromPalette('EC2 instance', { nodeId: 's', position: { x: SUBNET.pad, y: SUBNET.header } }),
    );
    const d = apply(laidOut(), ...drops);
    const drawn = subnetDrawn(d, 's');
    expect(drawn.boxes).toHaveLength(8);
    expectApart(drawn.boxes, AUTO_GAP);
    // Every leaf inside the subnet, with its padding.
    for (const b of drawn.boxes) {
      expect(b.rect.x + b.rect.width + SUBNET.pad).toBeLessThanOrEqual(drawn.width);
      expect(b.rect.y + b.rect.height + SUBNET.pad).toBeLessThanOrEqual(drawn.height);
    }
    expect(drawn.height).toBeGreaterThan(SUBNET.minHeight);
  });

  it('pushes the subnet below down when a subnet grows, so the two never overlap', () => {
    const drops = Array.from({ length: 7 }, () =>
      addFromPalette('EC2 instance', { nodeId: 's', position: { x: SUBNET.pad, y: SUBNET.header } }),
    );
    const d = apply(laidOut(), ...drops);
    const grown = subnetDrawn(d, 's');
    const below = d.layout['below']!;
    expect(below.y).toBeGreaterThanOrEqual(d.layout['s']!.y + grown.height + AUTO_GAP);
  });

  it('puts a subnet dropped on the VPC (not a band) where no other subnet is', () => {
    const d = apply(laidOut(), addFromPalette('Subnet', { nodeId: 'v', position: { x: 0, y: 0 } }));
    const children = indexChildren(d, false);
    const zoneA = children.subnetsOf('v').filter((s) => s.availabilityZone === 'us-east-1a');
    const boxes = zoneA.map((s) => ({
      id: s.id,
      rect: { ...d.layout[s.id]!, ...layoutSubnet(d, s, children.get(s.id) ?? []) },
    }));
    expect(boxes).toHaveLength(3);
    expectApart(
      boxes.map((b) => ({ id: b.id, rect: { x: b.rect.x, y: b.rect.y, width: b.rect.width, height: b.rect.height } })),
      AUTO_GAP,
    );
  });
});

describe('a new VPC', () => {
  it('never lands on another VPC, however close to it it is dropped', () => {
    const d = apply(laidOut(), addFromPalette('VPC', { position: { x: 40, y: 40 }, absolute: { x: 40, y: 40 } }));
    const boxes = vpcBoxes(d);
    expect(boxes).toHaveLength(2);
    expectApart(boxes, REGION.gap);
  });

  it('keeps three VPCs added at the same point apart', () => {
    const add = () => addFromPalette('VPC', { position: { x: 0, y: 0 }, absolute: { x: 0, y: 0 } });
    const d = apply(emptyDesign(), add(), add(), add());
    expectApart(vpcBoxes(d), REGION.gap);
  });

  it('moves a neighbouring VPC aside when a VPC grows into it', () => {
    const d0 = laidOut();
    const neighbour = apply(d0, addFromPalette('VPC', { position: { x: 0, y: 0 }, absolute: { x: 600, y: 0 } }));
    // A dozen subnets in one band make the first VPC much taller; the neighbour sat right of it, within reach.
    const adds = Array.from({ length: 12 }, () =>
      addFromPalette('EC2 instance', { nodeId: 's', position: { x: SUBNET.pad, y: SUBNET.header } }),
    );
    const d = apply(neighbour, ...adds);
    expectApart(vpcBoxes(d), REGION.gap - 1);
  });
});

describe('paste and duplicate', () => {
  it('pastes an instance into its subnet at a free place, not on the original', () => {
    const d0 = apply(
      laidOut(),
      addFromPalette('EC2 instance', { nodeId: 's', position: { x: 200, y: SUBNET.header } }),
    );
    const d = apply(d0, pasteResources(copyResources(d0, ['i-1'])));
    expectApart(subnetDrawn(d, 's').boxes, AUTO_GAP);
  });

  it('duplicates a VPC beside the original, not overlapping it', () => {
    const d = apply(laidOut(), duplicateResources(laidOut(), ['v']));
    expectApart(vpcBoxes(d), REGION.gap);
  });
});

describe('Tidy', () => {
  const messy = (): Design => {
    const d = aDesign(
      aVpc({ id: 'v' }),
      aSubnet({ id: 's', vpcId: 'v', cidrBlock: '10.0.0.0/24' }),
      aSubnet({ id: 't', vpcId: 'v', cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1b' }),
      aNatGateway({ id: 'nat', subnetId: 's' }),
      anInstance({ id: 'i1', subnetId: 's', privateIp: '10.0.0.11' }),
      anInstance({ id: 'i2', subnetId: 's', privateIp: '10.0.0.12' }),
      anInstance({ id: 'i3', subnetId: 's', privateIp: '10.0.0.13' }),
      aVpc({ id: 'w', cidrBlocks: ['10.1.0.0/16'] }),
    );
    // Saved before drops found free places: everything piled up at nearly one point, VPCs on top of each other.
    const pile = { x: SUBNET.pad + 8, y: SUBNET.header };
    return {
      ...d,
      layout: {
        v: { x: 0, y: 0 },
        w: { x: 40, y: 40 },
        s: { x: AZ.pad, y: AZ.header + 8 },
        t: { x: AZ.pad, y: AZ.header + 8 },
        nat: pile,
        i1: { x: pile.x + 8, y: pile.y },
        i2: { x: pile.x + 16, y: pile.y + 4 },
        i3: { x: pile.x, y: pile.y + 8 },
      },
    };
  };

  it('puts a subnet’s resources on a grid, none overlapping, all inside the subnet', () => {
    const d = apply(messy(), tidy('s'));
    const drawn = subnetDrawn(d, 's');
    expectApart(drawn.boxes, AUTO_GAP);
    const rows = new Set(drawn.boxes.map((b) => b.rect.y));
    expect(rows.size).toBe(2);
    for (const b of drawn.boxes) {
      expect(b.rect.x).toBeGreaterThanOrEqual(SUBNET.pad);
      expect(b.rect.y).toBeGreaterThanOrEqual(SUBNET.header);
      expect(b.rect.x + LEAF.width).toBeLessThanOrEqual(drawn.width);
      expect(b.rect.y + LEAF.height).toBeLessThanOrEqual(drawn.height);
    }
    // The NAT gateway leads, as on AWS's diagrams.
    expect(d.layout['nat']).toMatchObject({ x: SUBNET.pad, y: SUBNET.header });
  });

  it('tidies a whole VPC and moves the VPC it overlapped aside', () => {
    const d = apply(messy(), tidy('v'));
    expectApart(subnetDrawn(d, 's').boxes, AUTO_GAP);
    expectApart(vpcBoxes(d), REGION.gap);
  });

  it('is one command that leaves other designs alone, and says when there is nothing to tidy', () => {
    const d = apply(messy(), tidy('s'));
    expect(run(d, tidy('s')).error).toMatch(/already tidy/);
    expect(run(d, tidy('nat')).error).toMatch(/subnet or a VPC/);
  });
});

describe('a VPC created with its network (for the "VPC and more" dialog)', () => {
  it('goes beside the VPCs already there, its subnets and resources on the grid', () => {
    const existing = laidOut();
    const network = aDesign(
      aVpc({ id: 'n', cidrBlocks: ['10.9.0.0/16'] }),
      aSubnet({ id: 'n-pub-a', vpcId: 'n', cidrBlock: '10.9.0.0/24', availabilityZone: 'us-east-1a' }),
      aSubnet({ id: 'n-pub-b', vpcId: 'n', cidrBlock: '10.9.1.0/24', availabilityZone: 'us-east-1b' }),
      anInstance({ id: 'n-i1', subnetId: 'n-pub-a', privateIp: '10.9.0.10' }),
      anInstance({ id: 'n-i2', subnetId: 'n-pub-a', privateIp: '10.9.0.11' }),
    );
    const merged: Design = { ...existing, resources: { ...existing.resources, ...network.resources } };
    const d = arrangeNewVpc(merged, 'n');
    expectApart(vpcBoxes(d), REGION.gap);
    expect(d.layout['n']!.x).toBeGreaterThan(d.layout['v']!.x);
    expectApart(subnetDrawn(d, 'n-pub-a').boxes, AUTO_GAP);
    // Subnets of the same tier line up across zones.
    expect(d.layout['n-pub-a']!.y).toBe(d.layout['n-pub-b']!.y);
  });
});

describe('moving what is already there', () => {
  it('a resource dragged to the bottom of its subnet grows it, and the subnet below moves down', () => {
    const d0 = laidOut();
    const d = apply(d0, moveNodes({ nat: { x: SUBNET.pad, y: SUBNET.header + 120 } }));
    const grown = subnetDrawn(d, 's');
    expect(grown.height).toBeGreaterThan(SUBNET.minHeight);
    expect(d.layout['below']!.y).toBeGreaterThanOrEqual(d.layout['s']!.y + grown.height + AUTO_GAP);
  });

  it('a VPC the user drags onto another stays where it was put (Tidy separates them on request)', () => {
    const d0 = apply(laidOut(), addFromPalette('VPC', { position: { x: 0, y: 0 }, absolute: { x: 900, y: 0 } }));
    const d = apply(d0, moveNodes({ 'vpc-1': { x: 40, y: 40 } }));
    expect(d.layout['vpc-1']).toMatchObject({ x: 40, y: 40 });
    expect(d.layout['v']).toEqual(d0.layout['v']);
  });
});

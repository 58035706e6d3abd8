/**
 * Drops, pastes and Tidy drawn through the real canvas adapter: after many additions at crowded points, no node
 * overlaps a sibling (with route tables shown or hidden) and every child is drawn inside its container.
 */
import { describe, expect, it } from 'vitest';
import {
  addFromPalette,
  copyResources,
  exampleDesign,
  pasteResources,
  run,
  tidy,
  type Design,
  type PaletteLabel,
} from '../engine/index.ts';
import { designToFlow } from './adapter.ts';
import { dropTargetFor } from './dropTarget.ts';
import { intersects, type Rect } from './geometry.ts';
import { applyCommands } from '../engine/commands/testing.ts';

function expectReadable(design: Design): void {
  for (const showSupporting of [false, true]) {
    const { placed } = designToFlow(design, { showSupporting });
    const byParent = new Map<string, Array<{ id: string; abs: Rect }>>();
    for (const p of placed.values()) {
      const list = byParent.get(p.parentId ?? '(page)') ?? [];
      list.push(p);
      byParent.set(p.parentId ?? '(page)', list);
      const parent = p.parentId ? placed.get(p.parentId) : undefined;
      // Chips ride the VPC's top border, half outside it by design.
      if (parent && p.type !== 'border' && parent.type !== 'region') {
        expect(
          p.abs.x >= parent.abs.x &&
            p.abs.y >= parent.abs.y &&
            p.abs.x + p.abs.width <= parent.abs.x + parent.abs.width &&
            p.abs.y + p.abs.height <= parent.abs.y + parent.abs.height,
          `${p.id} inside ${parent.id}`,
        ).toBe(true);
      }
    }
    for (const [parent, siblings] of byParent) {
      for (let i = 0; i < siblings.length; i++) {
        for (let j = i + 1; j < siblings.length; j++) {
          expect(
            intersects(siblings[i]!.abs, siblings[j]!.abs),
            `${siblings[i]!.id} overlaps ${siblings[j]!.id} in ${parent} (shown: ${showSupporting})`,
          ).toBe(false);
        }
      }
    }
  }
}

function start(): Design {
  const d = exampleDesign();
  // The example's bucket box grazes the shared VPC's corner (its icon does not): keep this test about new things.
  return { ...d, layout: { ...d.layout, 's3-assets': { x: 1220, y: 200 } } };
}

/** Drops `label` at the centre of node `id` as the canvas would (the drop target comes from the drawn boxes). */
function dropOn(design: Design, label: PaletteLabel, id: string): Design {
  const box = designToFlow(design).placed.get(id)!.abs;
  const result = run(
    design,
    addFromPalette(
      label,
      dropTargetFor(designToFlow(design), label, { x: box.x + box.width / 2, y: box.y + box.height / 2 }),
    ),
  );
  if (result.error) throw new Error(result.error);
  return result.design;
}

const apply = applyCommands;

describe('a crowded design stays readable', () => {
  it('after instances, NAT instances, subnets, gateways and VPCs dropped on top of what is there', () => {
    let d = start();
    for (let i = 0; i < 5; i++) d = dropOn(d, 'EC2 instance', 'nat-a');
    d = dropOn(d, 'NAT instance', 'nat-b');
    d = dropOn(d, 'Interface endpoint', 'i-app-a');
    for (let i = 0; i < 3; i++) d = dropOn(d, 'Subnet', 'az:vpc-prod:us-east-1a');
    d = dropOn(d, 'Internet gateway', 'vpc-shared');
    d = dropOn(d, 'Route table', 'vpc-shared');
    for (let i = 0; i < 3; i++) d = dropOn(d, 'EC2 instance', 'subnet-shared-a');
    expectReadable(d);
  });

  it('after VPCs, buckets and copies pasted over and over', () => {
    let d = start();
    // In the narrow gap between the two VPCs: every VPC dropped there would cover one of them.
    const prod = designToFlow(d).placed.get('vpc-prod')!.abs;
    const gap = { x: prod.x + prod.width + 30, y: prod.y + 100 };
    for (let i = 0; i < 3; i++) d = apply(d, addFromPalette('VPC', dropTargetFor(designToFlow(d), 'VPC', gap)));
    d = apply(d, addFromPalette('S3 bucket', dropTargetFor(designToFlow(d), 'S3 bucket', gap)));
    const clip = copyResources(d, ['vpc-shared', 'i-web-a']);
    for (let i = 0; i < 3; i++) d = apply(d, pasteResources(clip));
    expectReadable(d);
  });

  it('after Tidy of every container of a design piled up at one point', () => {
    const d0 = start();
    const layout = { ...d0.layout };
    for (const id of ['nat-a', 'i-web-a', 'nat-b', 'i-web-b']) layout[id] = { x: 24, y: 56 };
    layout['vpc-shared'] = { x: 300, y: 240 };
    let d: Design = { ...d0, layout };
    for (const id of ['subnet-public-a', 'subnet-public-b', 'vpc-prod', 'vpc-shared']) {
      const r = run(d, tidy(id));
      if (!r.error) d = r.design;
    }
    expectReadable(d);
  });
});

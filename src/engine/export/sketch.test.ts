import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../index.ts';
import { diagramGeometry } from '../layout/diagram.ts';
import { generateDesign } from '../model/generate.ts';
import { GROUP_BOXES } from '../model/kinds.ts';
import { SKETCH_MAX_LEAF_LABELS, sketchOf, type Sketch } from './sketch.ts';

/** The sketch's boxes as rects with their style. */
function boxesOf(s: Sketch) {
  const out: Array<{ x: number; y: number; width: number; height: number; style: Sketch['styles'][number] }> = [];
  for (let i = 0; i < s.b.length; i += 5)
    out.push({ x: s.b[i]!, y: s.b[i + 1]!, width: s.b[i + 2]!, height: s.b[i + 3]!, style: s.styles[s.b[i + 4]!]! });
  return out;
}
const textsOf = (s: Sketch) => s.t.filter((_, i) => i % 5 === 4) as string[];

describe('sketchOf (the early paint of index.html)', () => {
  it('draws every group box where the geometry has it, in AWS colours, with names and CIDRs', () => {
    const design = exampleDesign();
    const geometry = diagramGeometry(design, { showSupporting: false });
    const sketch = sketchOf(geometry);
    const boxes = boxesOf(sketch);
    const texts = textsOf(sketch);
    for (const g of geometry.boxes.filter((b) => b.type !== 'resource' && b.type !== 'border')) {
      const drawn = boxes.find(
        (b) => b.x === g.abs.x && b.y === g.abs.y && b.width === g.abs.width && b.height === g.abs.height,
      );
      expect(drawn, g.id).toBeDefined();
      if (g.type === 'subnet')
        expect(drawn!.style[1]).toBe((g.isPublic ? GROUP_BOXES.publicSubnet : GROUP_BOXES.privateSubnet).stroke);
      if (g.type === 'vpc') expect(drawn!.style[1]).toBe(GROUP_BOXES.vpc.stroke);
      expect(texts.some((t) => t.includes(g.title))).toBe(true);
      if (g.subtitle && g.type !== 'az') expect(texts).toContain(g.subtitle);
    }
    for (const leaf of geometry.boxes.filter((b) => b.type === 'resource')) expect(texts).toContain(leaf.title);
    expect(sketch.l.length).toBe(geometry.connections.length * 5);
    expect(sketch.box).toEqual({ ...geometry.bounds });
  });

  it('stays small for the 979-resource design: every box drawn, leaf labels capped', () => {
    const design = generateDesign({ vpcs: 20, subnetsPerVpc: 5, instancesPerSubnet: 5 });
    const geometry = diagramGeometry(design, { showSupporting: false });
    const sketch = sketchOf(geometry);
    const leaves = geometry.boxes.filter((b) => b.type === 'resource' || b.type === 'border').length;
    expect(leaves).toBeGreaterThan(SKETCH_MAX_LEAF_LABELS);
    // One box per group and chip, one tile per leaf and group icon.
    expect(sketch.b.length / 5).toBeGreaterThanOrEqual(geometry.boxes.length);
    for (const vpc of geometry.boxes.filter((b) => b.type === 'vpc')) expect(textsOf(sketch)).toContain(vpc.title);
    const leafTitles = new Set(geometry.boxes.filter((b) => b.type === 'resource').map((b) => b.title));
    expect(textsOf(sketch).filter((t) => leafTitles.has(t)).length).toBeLessThanOrEqual(SKETCH_MAX_LEAF_LABELS);
    expect(JSON.stringify(sketch).length).toBeLessThan(200_000);
  });
});

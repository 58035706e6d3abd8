/**
 * The diagram geometry on real designs: the example, a generated design, and AWS's own templates from the shared
 * corpus imported through the CloudFormation importer (laid out by autoLayout, as the app opens them).
 */
import { describe, expect, it } from 'vitest';
import { aDesign, anEndpoint, aRouteTable, aVpc } from '../model/builders.ts';
import { isDrawnAsNode } from '../model/diagram.ts';
import { exampleDesign } from '../model/example.ts';
import { generateDesign } from '../model/generate.ts';
import type { Design } from '../model/types.ts';
import { isShownOnCanvas } from './containers.ts';
import { diagramGeometry, layoutPositionOf, sidePoint, type DiagramBox, type DiagramGeometry } from './diagram.ts';
import { intersects, type Rect } from './geometry.ts';
import { importCorpusTemplate } from '../../testing/corpus.ts';

const imported = importCorpusTemplate;

const DESIGNS: [string, () => Design][] = [
  ['the example design', exampleDesign],
  ['a generated design', () => generateDesign({ vpcs: 4, subnetsPerVpc: 4, instancesPerSubnet: 5 })],
  ['the VPC peering template', () => imported('Solutions_VPCPeering_templates_VPCPeering-Updates.cfn.yaml')],
  ['the managed NAT template', () => imported('VPC_VPC_With_Managed_NAT_And_Private_Subnet.yaml')],
  ['the EKS template', () => imported('EKS_template.yaml')],
];

function inside(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

function onBoundary(r: Rect, p: { x: number; y: number }): boolean {
  const withinX = p.x >= r.x && p.x <= r.x + r.width;
  const withinY = p.y >= r.y && p.y <= r.y + r.height;
  return (withinX && (p.y === r.y || p.y === r.y + r.height)) || (withinY && (p.x === r.x || p.x === r.x + r.width));
}

describe.each(DESIGNS)('diagramGeometry on %s', (_, make) => {
  const design = make();
  for (const showSupporting of [false, true]) {
    const g: DiagramGeometry = diagramGeometry(design, { showSupporting });
    const parentOf = (b: DiagramBox) => (b.parentId === undefined ? undefined : g.byId.get(b.parentId));

    it(`draws every shown resource in exactly one box (supports ${showSupporting ? 'shown' : 'hidden'})`, () => {
      const count = new Map<string, number>();
      for (const b of g.boxes) if (b.resource) count.set(b.resource.id, (count.get(b.resource.id) ?? 0) + 1);
      const drawn = Object.values(design.resources).filter(
        (r) => isDrawnAsNode(r) && isShownOnCanvas(r, showSupporting),
      );
      expect(drawn.length).toBeGreaterThan(0);
      for (const r of drawn) expect(count.get(r.id), r.id).toBe(1);
      expect(new Set(g.boxes.map((b) => b.id)).size).toBe(g.boxes.length);
      expect(g.byId.size).toBe(g.boxes.length);
    });

    it(`lists parents before children, one level deeper (supports ${showSupporting ? 'shown' : 'hidden'})`, () => {
      const seen = new Set<string>();
      for (const b of g.boxes) {
        const parent = parentOf(b);
        if (b.parentId !== undefined) {
          expect(seen, `${b.id} after ${b.parentId}`).toContain(b.parentId);
          expect(b.depth).toBe(parent!.depth + 1);
        } else expect(b.depth).toBe(0);
        seen.add(b.id);
      }
    });

    it(`keeps children inside their parents, and chips on their VPC's top border (supports ${showSupporting ? 'shown' : 'hidden'})`, () => {
      for (const b of g.boxes) {
        const parent = parentOf(b);
        if (!parent) continue;
        if (b.type === 'border') {
          expect(b.abs.y + b.abs.height / 2, b.id).toBe(parent.abs.y);
          expect(b.abs.x >= parent.abs.x && b.abs.x + b.abs.width <= parent.abs.x + parent.abs.width, b.id).toBe(true);
        } else expect(inside(parent.abs, b.abs), `${b.id} in ${parent.id}`).toBe(true);
        expect(inside(g.bounds, b.abs), `${b.id} in the bounds`).toBe(true);
      }
    });

    it(`never overlaps two leaves of one subnet (supports ${showSupporting ? 'shown' : 'hidden'})`, () => {
      const bySubnet = new Map<string, DiagramBox[]>();
      for (const b of g.boxes) {
        if (b.type !== 'resource' || parentOf(b)?.type !== 'subnet') continue;
        bySubnet.set(b.parentId!, [...(bySubnet.get(b.parentId!) ?? []), b]);
      }
      for (const leaves of bySubnet.values()) {
        for (let i = 0; i < leaves.length; i++) {
          for (let j = i + 1; j < leaves.length; j++)
            expect(intersects(leaves[i]!.abs, leaves[j]!.abs), `${leaves[i]!.id} / ${leaves[j]!.id}`).toBe(false);
        }
      }
    });

    it(`ends every connection on its boxes' facing sides (supports ${showSupporting ? 'shown' : 'hidden'})`, () => {
      for (const c of g.connections) {
        const a = g.byId.get(c.source)!;
        const b = g.byId.get(c.target)!;
        expect(onBoundary(a.abs, c.sourcePoint), c.id).toBe(true);
        expect(onBoundary(b.abs, c.targetPoint), c.id).toBe(true);
        expect(c.sourcePoint).toEqual(sidePoint(a.abs, c.sourceSide));
        expect(c.targetPoint).toEqual(sidePoint(b.abs, c.targetSide));
        expect(c.label).not.toBe('');
      }
    });

    it(`labels boxes with their names, CIDRs, details, zones and regions (supports ${showSupporting ? 'shown' : 'hidden'})`, () => {
      for (const b of g.boxes) {
        if (b.resource) expect(b.title).toBe(b.resource.name);
        if (b.resource?.kind === 'subnet') {
          expect(b.subtitle).toBe(b.resource.cidrBlock);
          expect(b.zone).toBe(b.resource.availabilityZone);
          expect(typeof b.isPublic).toBe('boolean');
        }
        if (b.resource?.kind === 'vpc') {
          expect(b.subtitle).toBe(b.resource.cidrBlocks.join(', '));
          expect(b.region).toBe(b.resource.region);
        }
        if (b.type === 'region') expect(b.id).toBe(`region:${b.title}`);
        if (b.type === 'az') expect(b.zone).toBe(b.title);
        if (b.resource?.kind === 'instance') expect(b.subtitle).toContain(b.resource.privateIp);
      }
    });

    it(`turns every stored position back into its layout entry (supports ${showSupporting ? 'shown' : 'hidden'})`, () => {
      // Positions the geometry keeps as stored: VPCs, buckets and services on the page, leaves in subnets.
      let checked = 0;
      for (const b of g.boxes) {
        const stored = design.layout[b.id];
        if (!stored || !(b.type === 'vpc' || b.type === 'resource')) continue;
        expect(layoutPositionOf(b, b.abs), b.id).toEqual({ x: stored.x, y: stored.y });
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});

describe('diagramGeometry connections and text', () => {
  it("draws the example design's peering between its two VPCs, facing each other", () => {
    const design = exampleDesign();
    const g = diagramGeometry(design);
    const peering = g.connections.find((c) => c.kind === 'peering');
    expect(peering).toBeDefined();
    const a = g.byId.get(peering!.source)!;
    const b = g.byId.get(peering!.target)!;
    expect([a.type, b.type]).toEqual(['vpc', 'vpc']);
    expect(peering!.label).toMatch(/^Peering · /);
    // Facing sides: the source's side points at the target.
    if (peering!.sourceSide === 'r') expect(peering!.targetPoint.x).toBeGreaterThanOrEqual(peering!.sourcePoint.x);
    if (peering!.sourceSide === 'l') expect(peering!.targetPoint.x).toBeLessThanOrEqual(peering!.sourcePoint.x);
  });

  it('marks a subnet with a route to an internet gateway public, and one without private', () => {
    const g = diagramGeometry(exampleDesign());
    const subnets = g.boxes.filter((b) => b.type === 'subnet');
    expect(subnets.some((s) => s.isPublic)).toBe(true);
    expect(subnets.some((s) => !s.isPublic)).toBe(true);
  });

  it("draws a gateway endpoint's routes to its route tables only when route tables are shown", () => {
    // A gateway endpoint is a route target in the route tables it is associated with:
    // https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
    const design = aDesign(aVpc(), aRouteTable(), anEndpoint({ routeTableIds: ['rtb-a'] }));
    expect(diagramGeometry(design, { showSupporting: false }).connections).toEqual([]);
    const shown = diagramGeometry(design, { showSupporting: true }).connections;
    expect(shown.map((c) => [c.kind, c.source, c.target])).toEqual([['endpointRoute', 'vpce-a', 'rtb-a']]);
    // The endpoint is a chip on the VPC's top border, the route table below the bands: the route leaves downwards.
    expect(shown[0]!.sourceSide).toBe('b');
    expect(shown[0]!.targetSide).toBe('t');
  });
});

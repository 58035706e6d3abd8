import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../engine/index.ts';
import { generateDesign } from '../engine/model/generate.ts';
import { designToFlow } from './adapter.ts';
import { drawnNodes, foldLeaves, isLargeFlow, sideHandles, subnetsInView } from './largeDesign.ts';

// 20 VPCs × 10 subnets × 10 instances: 2,000 instances, about 2,500 nodes.
const big = designToFlow(generateDesign({ vpcs: 20, subnetsPerVpc: 10, instancesPerSubnet: 10 }), {});
const PANE = { width: 1000, height: 700 };

describe('drawing a large design', () => {
  it('is only for designs of thousands of nodes: the example draws every node as before', () => {
    expect(isLargeFlow(designToFlow(exampleDesign(), {}).nodes.length)).toBe(false);
    expect(isLargeFlow(big.nodes.length)).toBe(true);
  });

  it('gives every node its four handles where Handles.tsx draws them, so React Flow need not measure (or, in a large design, render) it to find them', () => {
    expect(big.nodes.every((n) => n.handles?.length === 4)).toBe(true);
    expect(designToFlow(exampleDesign(), {}).nodes.every((n) => n.handles?.length === 4)).toBe(true);
    const [top, right, bottom, left] = sideHandles(100, 60).map((h) => ({
      id: h.id,
      x: h.x + h.width! / 2,
      y: h.y + h.height! / 2,
    }));
    expect([top, right, bottom, left]).toEqual([
      { id: 't', x: 50, y: 0 },
      { id: 'r', x: 100, y: 30 },
      { id: 'b', x: 50, y: 60 },
      { id: 'l', x: 0, y: 30 },
    ]);
  });

  it('zoomed out past the level of detail, draws the containers and no instance', () => {
    const subnets = subnetsInView(big.placed, [0, 0, 0.1], PANE.width, PANE.height);
    expect(subnets).toEqual([]);
    const drawn = drawnNodes(big.nodes, big.placed, subnets);
    expect(drawn.some((n) => n.id.startsWith('i-'))).toBe(false);
    expect(drawn.filter((n) => n.type === 'subnet')).toHaveLength(200);
    expect(drawn.filter((n) => n.type === 'vpc')).toHaveLength(20);
  });

  it('zoomed in, draws the instances of the subnets in view and no others', () => {
    const subnet = big.placed.get('subnet-0-0')!;
    // Centred on the first VPC's first subnet at zoom 1.
    const zoom = 1;
    const tx = PANE.width / 2 - (subnet.abs.x + subnet.abs.width / 2) * zoom;
    const ty = PANE.height / 2 - (subnet.abs.y + subnet.abs.height / 2) * zoom;
    const subnets = subnetsInView(big.placed, [tx, ty, zoom], PANE.width, PANE.height);
    expect(subnets).toContain('subnet-0-0');
    expect(subnets).not.toContain('subnet-19-0');
    const drawn = drawnNodes(big.nodes, big.placed, subnets);
    const ids = new Set(drawn.map((n) => n.id));
    expect(ids.has('i-0-0-0')).toBe(true);
    expect(ids.has('i-19-0-0')).toBe(false);
    expect(drawn.length).toBeLessThan(big.nodes.length / 2);
    // Every container stays, so the design keeps its shape around what is drawn.
    expect(drawn.filter((n) => n.type === 'subnet')).toHaveLength(200);
  });
});

describe('a design of hundreds of nodes zoomed out (foldLeaves)', () => {
  // The open benchmark's 300-resource design: 232 nodes, 161 of them leaves in subnets.
  const design = generateDesign({ vpcs: 7, subnetsPerVpc: 4, instancesPerSubnet: 5 });
  const flow = designToFlow(design, {});

  it('gives React Flow the containers and chips, and each subnet its own leaves where their nodes would be', () => {
    const { nodes, leaves } = foldLeaves(flow.nodes, flow.placed, flow.edges);
    const inSubnets = flow.nodes.filter(
      (n) => n.type === 'resource' && flow.placed.get(n.parentId!)?.type === 'subnet',
    );
    expect(inSubnets).toHaveLength(161);
    expect(nodes).toHaveLength(flow.nodes.length - inSubnets.length);
    expect(nodes.filter((n) => n.type === 'subnet')).toHaveLength(28);
    expect(nodes.filter((n) => n.type === 'border')).toHaveLength(14);
    // Every folded leaf is listed under its own subnet, as the same node object (same position, same marks).
    const listed = [...leaves.entries()].flatMap(([subnet, list]) => list.map((n) => [subnet, n] as const));
    expect(listed).toHaveLength(161);
    for (const [subnet, n] of listed) {
      expect(n.parentId).toBe(subnet);
      expect(flow.nodes).toContain(n);
    }
  });

  it('keeps a selected leaf a node (with its selection outline, draggable)', () => {
    const selected = designToFlow(design, { selection: new Set(['i-0-0-2']) });
    const { nodes, leaves } = foldLeaves(selected.nodes, selected.placed, selected.edges);
    expect(nodes.map((n) => n.id)).toContain('i-0-0-2');
    expect([...leaves.values()].flat().map((n) => n.id)).not.toContain('i-0-0-2');
  });

  it("keeps the lists of subnets whose leaves did not change, so a drag re-renders only the moved subnet's leaves", () => {
    const first = foldLeaves(flow.nodes, flow.placed, flow.edges);
    const moved = flow.nodes.map((n) => (n.id === 'i-0-0-0' ? { ...n, position: { x: 40, y: 60 } } : n));
    const second = foldLeaves(moved, flow.placed, flow.edges, first);
    const subnet = flow.nodes.find((n) => n.id === 'i-0-0-0')!.parentId!;
    for (const [id, list] of second.leaves) {
      if (id === subnet) expect(list).not.toBe(first.leaves.get(id));
      else expect(list).toBe(first.leaves.get(id));
    }
  });
});

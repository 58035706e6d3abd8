/**
 * Large designs (thousands of nodes, e.g. a 26,000-resource import) stay responsive by drawing only what is useful
 * on screen:
 *
 * - React Flow renders only the nodes inside the viewport (`onlyRenderVisibleElements`). It would still render
 *   every node once to find its connection handles, so the adapter gives each node its handles
 *   up front (`sideHandles`: where Handles.tsx draws them), and nodes off screen are never created.
 * - React Flow is given only the leaves (instances, NAT gateways, interface endpoints' ENIs) of the subnets in view
 *   (`subnetsInView`, `drawnNodes`), and none when zoomed out past the level of detail (`DETAIL_ZOOM`, where a
 *   node's label is a 3 px smudge): the containers show the design's shape, zooming in brings the leaves in view.
 *   So React Flow never holds (nor, when the view jumps, renders) tens of thousands of nodes.
 * - The minimap, which draws every node, is left out.
 *
 * Designs of hundreds of nodes (below `LARGE_FLOW_NODES`) are drawn whole, but zoomed out past the level of detail
 * a subnet's leaves are not React Flow nodes: the subnet's own node draws them, one element each, where the
 * geometry puts them (`foldLeaves`, nodes/FoldedLeaves.tsx). At that zoom a leaf is its coloured tile only, so the
 * picture is the same, for a fraction of the work: React Flow's cost grows with its nodes (each one a wrapper,
 * its handles, its store entry and its own render), and the 300- and 979-resource designs open framed below the
 * level of detail with 232 and 781 nodes, 161 and 560 of them leaves. A selected leaf, and one a connection
 * ends at, stays a node; clicking a drawn leaf selects it, which makes it one. Zooming in past the level of detail
 * brings every leaf back as a node (dragging, handles, labels).
 * - A large design arriving (an import, an undo across one) is drawn in a deferred render
 *   (`useLargeDesignDeferred`): the rest of the page updates first, in a task of its own.
 *
 * Small designs draw everything, as before.
 */
import type { NodeHandle, Position } from '@xyflow/react';
import { useDeferredValue } from 'react';
import type { Design } from '../engine/index.ts';
import type { DiagramEdge, DiagramNode, PlacedNode, ResourceNode } from './adapter.ts';
import { DETAIL_ZOOM } from './nodes/detail.ts';

/** From this many nodes on, a design is drawn as described above. */
export const LARGE_FLOW_NODES = 2000;

export function isLargeFlow(nodeCount: number): boolean {
  return nodeCount >= LARGE_FLOW_NODES;
}

/** The handle size the stylesheet gives `.react-flow__handle` (index.css). */
const HANDLE = 9;

/** The four handles of Handles.tsx (`t`, `r`, `b`, `l`, centred on the sides), relative to the node's box. */
export function sideHandles(width: number, height: number): NodeHandle[] {
  const h = HANDLE / 2;
  const at = (id: string, position: string, x: number, y: number): NodeHandle => ({
    id,
    type: 'source',
    position: position as Position,
    x: x - h,
    y: y - h,
    width: HANDLE,
    height: HANDLE,
  });
  return [
    at('t', 'top', width / 2, 0),
    at('r', 'right', width, height / 2),
    at('b', 'bottom', width / 2, height),
    at('l', 'left', 0, height / 2),
  ];
}

const subnetsOf = new WeakMap<Map<string, PlacedNode>, PlacedNode[]>();
const NONE: readonly string[] = [];

/**
 * The subnets whose leaves are drawn: none when zoomed out past the level of detail, else those in (or within a
 * quarter screen of) the view. `transform` and the size are React Flow's (`[x, y, zoom]`, the pane's pixels).
 */
export function subnetsInView(
  placed: Map<string, PlacedNode>,
  [tx, ty, zoom]: readonly number[],
  width: number,
  height: number,
): readonly string[] {
  if (zoom! < DETAIL_ZOOM) return NONE;
  let subnets = subnetsOf.get(placed);
  if (!subnets) {
    subnets = [...placed.values()].filter((p) => p.type === 'subnet');
    subnetsOf.set(placed, subnets);
  }
  const w = width / zoom!;
  const h = height / zoom!;
  const x0 = -tx! / zoom! - w / 4;
  const y0 = -ty! / zoom! - h / 4;
  const x1 = x0 + w * 1.5;
  const y1 = y0 + h * 1.5;
  const out: string[] = [];
  for (const { id, abs } of subnets)
    if (abs.x < x1 && abs.x + abs.width > x0 && abs.y < y1 && abs.y + abs.height > y0) out.push(id);
  return out;
}

/** The nodes React Flow is given: all but the leaves of subnets not in `subnets` (see `subnetsInView`). */
export function drawnNodes(
  nodes: readonly DiagramNode[],
  placed: Map<string, PlacedNode>,
  subnets: readonly string[],
): DiagramNode[] {
  const keep = new Set(subnets);
  return nodes.filter(
    (n) =>
      !(
        n.type === 'resource' &&
        n.parentId !== undefined &&
        !keep.has(n.parentId) &&
        placed.get(n.parentId)?.type === 'subnet'
      ),
  );
}

/** The nodes React Flow is given zoomed out past the level of detail, and the leaves each subnet draws itself. */
export interface FoldedFlow {
  nodes: DiagramNode[];
  /** By subnet id: the leaves its node draws, positions relative to the subnet (as the leaves' own nodes have). */
  leaves: ReadonlyMap<string, readonly ResourceNode[]>;
}

const NO_LEAVES: readonly ResourceNode[] = [];

/**
 * Folds the subnets' leaves into their subnets (see the top of this file): every leaf node whose parent is a subnet
 * leaves `nodes` and is listed under its subnet, unless it is selected or a connection ends at it. A subnet's list
 * is the `previous` one when it holds the same node objects, so a drag that moves one node re-renders only that
 * subnet's leaves.
 *
 * @example
 * const { nodes, leaves } = foldLeaves(flow.nodes, flow.placed, flow.edges);
 * leaves.get('subnet-public-a') // the instances and NAT gateway the subnet's node draws
 */
export function foldLeaves(
  nodes: readonly DiagramNode[],
  placed: Map<string, PlacedNode>,
  edges: readonly DiagramEdge[],
  previous?: FoldedFlow,
): FoldedFlow {
  const ends = new Set<string>();
  for (const e of edges) {
    ends.add(e.source);
    ends.add(e.target);
  }
  const kept: DiagramNode[] = [];
  const lists = new Map<string, ResourceNode[]>();
  for (const n of nodes) {
    if (
      n.type === 'resource' &&
      n.parentId !== undefined &&
      !n.selected &&
      !ends.has(n.id) &&
      placed.get(n.parentId)?.type === 'subnet'
    ) {
      const list = lists.get(n.parentId);
      if (list) list.push(n);
      else lists.set(n.parentId, [n]);
    } else kept.push(n);
  }
  const leaves = new Map<string, readonly ResourceNode[]>();
  for (const [subnet, list] of lists) {
    const old = previous?.leaves.get(subnet) ?? NO_LEAVES;
    leaves.set(subnet, old.length === list.length && old.every((n, i) => n === list[i]) ? old : list);
  }
  return { nodes: kept, leaves };
}

/** From this many resources on, the canvas draws a new design in a deferred render (see `useLargeDesignDeferred`). */
const LARGE_DESIGN_RESOURCES = 3000;
const resourceCounts = new WeakMap<Design, number>();

function isLargeDesign(design: Design): boolean {
  let count = resourceCounts.get(design);
  if (count === undefined) {
    count = Object.keys(design.resources).length;
    resourceCounts.set(design, count);
  }
  return count >= LARGE_DESIGN_RESOURCES;
}

/**
 * The design the canvas draws: `design` itself, or — when it or the one drawn is large — React's deferred copy of
 * it, so the toolbar, inspector and panels update in one task and the canvas (the adapter, React Flow) in the next.
 */
export function useLargeDesignDeferred(design: Design): Design {
  const deferred = useDeferredValue(design);
  return isLargeDesign(design) || isLargeDesign(deferred) ? deferred : design;
}

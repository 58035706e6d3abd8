/**
 * Where each hop of a trace is drawn on the diagram (the canvas's overlay and the SVG exporters): the plan (hopPlan.ts) says which node a hop sits on; this
 * turns it into points from the nodes' rectangles —
 *   - a security group on the border of the interface it guards, facing where the packet goes or comes from;
 *   - a network ACL where the packet crosses its subnet's border; a route table just inside that crossing;
 *   - a peering connection at the middle of the line between the two VPCs;
 *   - everything else drawn at its node's centre; the internet and services the design does not draw above the
 *     VPCs the flow crosses, on-premises to their left, clear of every drawn box.
 * Pure and cheap (no search of the design): the overlay runs it again on every frame of a drag, with the nodes'
 * live rectangles, so packets and paths follow the node being dragged.
 */
import type { Design } from '../model/types.ts';
import { boundsOf, containsPoint, type Rect, type XY } from '../layout/geometry.ts';
import type { Explanation, HopDirection, TraceResult } from './types.ts';
import { planFlow, type Anchor, type Endpoints, type FlowPlan, type PlacedRects } from './hopPlan.ts';
import { obstaclesOf, routeSegment } from './pathRoute.ts';

export { planFlow, selectableIdOf, stepsOf, type FlowPlan, type PlacedRects, type Step } from './hopPlan.ts';

export interface Stop {
  direction: HopDirection;
  /** The hop's index in its leg (`forward` or `return`); -1 for the point where a packet stops without a deny hop. */
  hopIndex: number;
  point: XY;
  /** The packet is dropped here. */
  blocked?: boolean;
  /** Set for an endpoint the design does not draw (the internet, a service, on-premises): what to call the point. */
  outside?: string;
  /**
   * Bends on the way here from the previous stop, so the path goes round the boxes of nodes it does not pass
   * through (pathRoute.ts); absent when the straight line is clear.
   */
  via?: XY[];
}

export interface BlockMark {
  direction: HopDirection;
  point: XY;
  /** Boxes to ring in red: the component itself when drawn, and what it acts on (instance, subnet, VPC). */
  rings: Rect[];
  /** The design id of the component that drops the packet. */
  componentId: string;
  explanation?: Explanation;
}

/**
 * Gives each stop the bends of the line from the stop before it, so lines go round the nodes the packet does not
 * pass through (pathRoute.ts); a stop whose line is clear has none.
 */
export function routeStops(stops: Stop[], obstacles: readonly Rect[]): void {
  for (let k = 1; k < stops.length; k++) {
    const via = routeSegment(stops[k - 1]!.point, stops[k]!.point, obstacles);
    if (via.length) stops[k]!.via = via;
    else delete stops[k]!.via;
  }
}

/** The points a path's line passes from the previous stop to this one: its bends, then the stop. */
export function legPoints(stop: Stop): XY[] {
  return stop.via ? [...stop.via, stop.point] : [stop.point];
}

export interface FlowGeometry {
  /** Forward hops, then return hops, in the order a packet passes them. */
  stops: Stop[];
  blocked?: BlockMark;
}

const OUTSIDE = 90;

function center(r: Rect): XY {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** Where the segment from the rectangle's centre towards `p` leaves the rectangle. */
export function borderPoint(r: Rect, toward: XY): XY {
  const c = center(r);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return { x: c.x, y: r.y };
  const sx = dx === 0 ? Infinity : r.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : r.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

function moveToward(from: XY, to: XY, distance: number): XY {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy);
  if (len <= distance || len === 0) return { ...to };
  return { x: from.x + (dx / len) * distance, y: from.y + (dy / len) * distance };
}

/** The middle of the line between the facing sides of two boxes (what a peering edge looks like). */
function facingMidpoint(a: Rect, b: Rect): XY {
  const ca = center(a);
  const cb = center(b);
  const pa = borderPoint(a, cb);
  const pb = borderPoint(b, ca);
  return { x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2 };
}

function anchorPoint(at: Anchor, rectOf: (id: string) => Rect | undefined): XY | undefined {
  if (at.kind === 'between') {
    const a = rectOf(at.a);
    const b = rectOf(at.b);
    return a && b ? facingMidpoint(a, b) : undefined;
  }
  const r = rectOf(at.id);
  if (!r) return undefined;
  return at.kind === 'vpcLabel' ? { x: r.x + r.width / 2, y: r.y + 24 } : center(r);
}

/**
 * The points of a planned flow, from the nodes' rectangles (the adapter's, or live ones during a drag).
 *
 * @example placeFlow(planFlow(design, placed, flow, result), placed).stops[0].point // the source instance's centre
 */
export function placeFlow(plan: FlowPlan, placed: PlacedRects): FlowGeometry {
  const rectOf = (id: string) => placed.get(id)?.abs;
  const { hops } = plan;
  const n = hops.length;
  const points: Array<XY | undefined> = new Array(n);
  const rects: Array<Rect | undefined> = new Array(n);

  // Pass 1: points at nodes; the boxes that guards, crossings and route tables sit on.
  for (let k = 0; k < n; k++) {
    const role = hops[k]!.role;
    if (role.kind === 'solid') points[k] = anchorPoint(role.at, rectOf);
    else if (role.kind === 'guard' || role.kind === 'boundary' || role.kind === 'router')
      rects[k] = rectOf(role.nodeId);
  }

  // Pass 2: virtual points, outside the VPCs the flow touches and clear of every drawn box but regions.
  const solids: XY[] = [];
  for (let k = 0; k < n; k++) {
    const p = points[k] ?? (rects[k] ? center(rects[k]!) : undefined);
    if (p) solids.push(p);
  }
  const boxes: Rect[] = [];
  const touched: Rect[] = [];
  // Only flows with an undrawn endpoint need the boxes (most do not: skip the walk over every node).
  const hasVirtual = hops.some((h) => h.role.kind === 'virtual');
  for (const p of hasVirtual ? placed.values() : []) {
    if (p.type === 'region') continue;
    boxes.push(p.abs);
    if (p.type === 'vpc' && solids.some((s) => containsPoint(p.abs, s))) touched.push(p.abs);
  }
  const extent = boundsOf([...solids.map((p) => ({ ...p, width: 0, height: 0 })), ...touched]) ?? {
    x: 0,
    y: 0,
    width: 0,
    height: 0,
  };
  const mid = center(extent);
  const clear = (start: XY, step: XY): XY => {
    const p = { ...start };
    for (let k = 0; k < 40 && boxes.some((b) => containsPoint(b, p)); k++) {
      p.x += step.x;
      p.y += step.y;
    }
    return p;
  };
  for (let k = 0; k < n; k++) {
    const role = hops[k]!.role;
    if (role.kind !== 'virtual') continue;
    if (role.where === 'internet') points[k] = clear({ x: mid.x, y: extent.y - OUTSIDE }, { x: 0, y: -40 });
    // Services are reached through gateways on the VPC's top border, like the internet: above it, to the right.
    else if (role.where === 'service')
      points[k] = clear({ x: mid.x + 2 * OUTSIDE, y: extent.y - OUTSIDE }, { x: 0, y: -40 });
    else points[k] = clear({ x: extent.x - OUTSIDE, y: mid.y }, { x: -40, y: 0 });
  }

  // Pass 3: crossings of subnet borders (network ACLs), then route tables just inside them, then security groups
  // on the border of the interface they guard. Each looks along its leg for the nearest placed point outside.
  const outsidePoint = (k: number, rect: Rect, toward: 'next' | 'previous'): XY | undefined => {
    const direction = hops[k]!.direction;
    const look = (step: number) => {
      for (let j = k + step; j >= 0 && j < n && hops[j]!.direction === direction; j += step) {
        const p = points[j];
        if (p && !containsPoint(rect, p)) return p;
      }
      return undefined;
    };
    // Nothing beyond in this leg: look the other way (the packet stops at the border it came to).
    const step = toward === 'next' ? 1 : -1;
    return look(step) ?? look(-step);
  };
  for (let k = 0; k < n; k++) {
    const role = hops[k]!.role;
    const rect = rects[k];
    if (role.kind !== 'boundary' || !rect) continue;
    const toward = outsidePoint(k, rect, role.outward);
    points[k] = toward ? borderPoint(rect, toward) : { x: center(rect).x, y: rect.y };
  }
  for (let k = 0; k < n; k++) {
    const rect = rects[k];
    if (hops[k]!.role.kind !== 'router' || !rect) continue;
    const toward = outsidePoint(k, rect, 'next');
    points[k] = toward ? moveToward(borderPoint(rect, toward), center(rect), 18) : { x: rect.x + 28, y: rect.y + 18 };
  }
  for (let k = 0; k < n; k++) {
    const role = hops[k]!.role;
    const rect = rects[k];
    if (role.kind !== 'guard' || !rect) continue;
    const toward = outsidePoint(k, rect, role.eniBefore ? 'next' : 'previous');
    // A packet dropped on its way out never leaves: it stops on the interface's top edge.
    points[k] = toward ? moveToward(borderPoint(rect, toward), center(rect), 2) : { x: center(rect).x, y: rect.y + 2 };
  }

  // Hops that cannot be placed at all sit with the hop before them, so the packet simply pauses there.
  let last: XY = points.find((p) => p) ?? { x: 0, y: 0 };
  const stops: Stop[] = hops.map((h, k) => {
    if (points[k]) last = points[k]!;
    const stop: Stop = { direction: h.direction, hopIndex: h.hopIndex, point: points[k] ?? last };
    if (h.role.kind === 'virtual') stop.outside = h.role.label;
    if (k === plan.blockedIndex) stop.blocked = true;
    return stop;
  });
  routeStops(stops, obstaclesOf(placed));

  let blocked: BlockMark | undefined;
  if (plan.blocked && plan.blockedIndex >= 0) {
    const h = hops[plan.blockedIndex]!;
    const ringIds: string[] = [];
    if (h.role.kind === 'guard' || h.role.kind === 'boundary' || h.role.kind === 'router') ringIds.push(h.role.nodeId);
    else if (h.role.kind === 'solid' && h.role.ring) ringIds.push(h.role.ring);
    if (h.ownId && !ringIds.includes(h.ownId)) ringIds.push(h.ownId);
    blocked = {
      direction: plan.blocked.direction,
      point: stops[plan.blockedIndex]!.point,
      rings: ringIds.map(rectOf).filter((r): r is Rect => r !== undefined),
      componentId: plan.blocked.componentId,
      explanation: plan.blocked.explanation,
    };
  }
  return { stops, blocked };
}

/**
 * Places every hop of a trace (and, for a blocked flow, the point where the packet stops).
 *
 * @example
 * const { placed } = designToFlow(design);
 * flowGeometry(design, placed, flow, trace(design, flow).result).stops[0].point // the source instance's centre
 */
export function flowGeometry(
  design: Design,
  placed: PlacedRects,
  endpoints: Endpoints,
  result: TraceResult,
): FlowGeometry {
  return placeFlow(planFlow(design, placed, endpoints, result), placed);
}

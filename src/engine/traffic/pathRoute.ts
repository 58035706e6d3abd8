/**
 * Traffic paths drawn around nodes, not across them: between two consecutive stops of a traced flow, a straight
 * line that would cross the box of a node the packet does not pass through is replaced by an orthogonal detour
 * (one or two bends) through the free space beside the boxes in the way. The boxes are the one diagram
 * geometry's (layout/diagram.ts, or the canvas's live rectangles during a drag); only leaf nodes — resources,
 * border chips, supporting nodes — are obstacles: containers (regions, VPCs, zones, subnets) are crossed by
 * design, that is where the network ACLs and route tables sit.
 *
 * @example
 * routeSegment({ x: 0, y: 50 }, { x: 300, y: 50 }, [{ x: 100, y: 20, width: 100, height: 60 }])
 * // [{ x: 0, y: 12 }, { x: 300, y: 12 }]: over the box, with a margin, then down to the end
 */
import { containsPoint, type Rect, type XY } from '../layout/geometry.ts';

/** Clearance kept between a detour and the box it goes round. */
export const PATH_MARGIN = 8;

/** Box kinds a path must not cross (the diagram's leaf boxes). */
const OBSTACLE_TYPES = new Set(['resource', 'border', 'support']);

/** The leaf boxes of a placed diagram: what a path goes round. */
export function obstaclesOf(placed: ReadonlyMap<string, { abs: Rect; type?: string }>): Rect[] {
  const out: Rect[] = [];
  for (const p of placed.values()) if (p.type !== undefined && OBSTACLE_TYPES.has(p.type)) out.push(p.abs);
  return out;
}

/** Whether the segment a→b passes through the inside of the rectangle (touching its edge does not count). */
export function segmentCrosses(a: XY, b: XY, r: Rect): boolean {
  // Liang–Barsky clipping against the open rectangle, shrunk by a hair so grazing an edge is not a crossing.
  const e = 0.5;
  const x0 = r.x + e;
  const x1 = r.x + r.width - e;
  const y0 = r.y + e;
  const y1 = r.y + r.height - e;
  if (x1 <= x0 || y1 <= y0) return false;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number) => {
    if (p === 0) return q > 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return clip(-dx, a.x - x0) && clip(dx, x1 - a.x) && clip(-dy, a.y - y0) && clip(dy, y1 - a.y) && t1 - t0 > 1e-9;
}

function length(points: XY[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++)
    total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  return total;
}

function isClear(points: XY[], boxes: Rect[]): boolean {
  for (let i = 1; i < points.length; i++)
    for (const b of boxes) if (segmentCrosses(points[i - 1]!, points[i]!, b)) return false;
  return true;
}

/**
 * The bends to put between `a` and `b` so the path crosses none of `obstacles` (boxes holding `a` or `b` do not
 * count: the packet is at those nodes). Empty when the straight line is clear, or when no detour of one or two
 * bends is (the straight line is kept then).
 */
export function routeSegment(a: XY, b: XY, obstacles: readonly Rect[], margin = PATH_MARGIN): XY[] {
  const boxes = obstacles.filter((r) => !containsPoint(r, a) && !containsPoint(r, b));
  const inTheWay = boxes.filter((r) => segmentCrosses(a, b, r));
  if (inTheWay.length === 0) return [];
  // Channels beside the boxes in the way, and the ends' own lines.
  const xs = new Set([a.x, b.x]);
  const ys = new Set([a.y, b.y]);
  for (const r of inTheWay) {
    xs.add(r.x - margin);
    xs.add(r.x + r.width + margin);
    ys.add(r.y - margin);
    ys.add(r.y + r.height + margin);
  }
  let best: XY[] | undefined;
  let bestLength = Infinity;
  const consider = (bends: XY[]) => {
    const path = [a, ...bends, b];
    const len = length(path);
    if (len < bestLength && isClear(path, boxes)) {
      best = bends;
      bestLength = len;
    }
  };
  for (const x of xs)
    consider([
      { x, y: a.y },
      { x, y: b.y },
    ]);
  for (const y of ys)
    consider([
      { x: a.x, y },
      { x: b.x, y },
    ]);
  if (!best) return [];
  // Drop bends that sit on the ends themselves (an L-shape is a two-bend path with one bend at an end).
  return best.filter((p) => !(p.x === a.x && p.y === a.y) && !(p.x === b.x && p.y === b.y));
}

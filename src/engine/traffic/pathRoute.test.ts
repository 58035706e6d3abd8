/**
 * Traffic paths are drawn around nodes, not across them: on the example design's diagram, no line of a traced
 * flow crosses the box of a node the packet does not pass through — while the straight lines would.
 */
import { describe, expect, it } from 'vitest';
import { diagramGeometry } from '../layout/diagram.ts';
import type { Rect, XY } from '../layout/geometry.ts';
import { exampleDesign } from '../model/example.ts';
import { flowGeometry, legPoints, type FlowGeometry } from './hopGeometry.ts';
import { obstaclesOf, routeSegment, segmentCrosses } from './pathRoute.ts';
import { trace } from './trace.ts';
import type { TraceQuery } from './types.ts';

const contains = (r: Rect, p: XY) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/** The boxes each line of the flow crosses that hold neither of its two stops (nodes the packet does not visit). */
function crossings(geometry: FlowGeometry, boxes: Rect[], routed: boolean): number {
  let count = 0;
  const { stops } = geometry;
  for (let k = 1; k < stops.length; k++) {
    const a = stops[k - 1]!.point;
    const b = stops[k]!.point;
    const own = boxes.filter((r) => !contains(r, a) && !contains(r, b));
    const line = [a, ...(routed ? legPoints(stops[k]!) : [b])];
    for (let i = 1; i < line.length; i++) for (const r of own) if (segmentCrosses(line[i - 1]!, line[i]!, r)) count++;
  }
  return count;
}

describe('traffic paths go round nodes', () => {
  const design = exampleDesign();
  const placed = diagramGeometry(design).byId;
  const boxes = obstaclesOf(placed);
  const queries: TraceQuery[] = [
    ...design.flows,
    { from: 'internet', to: 'i-web-a', protocol: 'tcp', port: 443 },
    { from: 'i-app-a', to: 'internet', protocol: 'tcp', port: 443 },
    { from: 'i-app-b', to: 'internet', protocol: 'tcp', port: 443 },
    { from: 'i-web-a', to: 'i-app-b', protocol: 'tcp', port: 8080 },
    { from: 'i-tools', to: 'i-app-a', protocol: 'tcp', port: 22 },
    { from: 'i-web-b', to: 'i-tools', protocol: 'tcp', port: 443 },
  ];

  it('on the example design, no line of any flow crosses a node it does not pass through', () => {
    let straight = 0;
    for (const q of queries) {
      const outcome = trace(design, q);
      if (!outcome.ok) throw new Error(outcome.error);
      const geometry = flowGeometry(design, placed, q, outcome.result);
      straight += crossings(geometry, boxes, false);
      expect(crossings(geometry, boxes, true), `${q.from} → ${q.to}`).toBe(0);
    }
    // The straight lines would have crossed nodes: the routing had work to do.
    expect(straight).toBeGreaterThan(0);
  });

  it('keeps a clear line straight and bends round a box in the way, with a margin', () => {
    const box = { x: 100, y: 20, width: 100, height: 60 };
    expect(routeSegment({ x: 0, y: 0 }, { x: 300, y: 0 }, [box])).toEqual([]);
    const bends = routeSegment({ x: 0, y: 50 }, { x: 300, y: 50 }, [box]);
    expect(bends).toEqual([
      { x: 0, y: 12 },
      { x: 300, y: 12 },
    ]);
    // A box holding an end is the node the packet is at, not an obstacle.
    expect(routeSegment({ x: 150, y: 50 }, { x: 300, y: 50 }, [box])).toEqual([]);
  });
});

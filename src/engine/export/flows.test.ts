/**
 * Exported pictures draw traffic paths round the nodes a packet does not pass through, as the canvas does
 * (issue 9 item 4): the lines run between icons there, so they are routed again from those points.
 */
import { describe, expect, it } from 'vitest';
import type { Rect, XY } from '../layout/geometry.ts';
import { exampleDesign } from '../model/example.ts';
import type { Flow } from '../model/types.ts';
import { legPoints as stopPoints } from '../traffic/hopGeometry.ts';
import { obstaclesOf, segmentCrosses } from '../traffic/pathRoute.ts';
import { drawFlows, type DrawnFlow } from './flows.ts';
import { resolveDiagramOptions } from './options.ts';
import { buildScene } from './scene.ts';

const contains = (r: Rect, p: XY) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/** Lines of the drawn flow that cross a box holding neither of the two stops they join. */
function crossings(flow: DrawnFlow, boxes: readonly Rect[], routed: boolean): number {
  let count = 0;
  for (let k = 1; k < flow.stops.length; k++) {
    const a = flow.stops[k - 1]!.point;
    const b = flow.stops[k]!;
    const others = boxes.filter((r) => !contains(r, a) && !contains(r, b.point));
    const line = [a, ...(routed ? stopPoints(b) : [b.point])];
    for (let i = 1; i < line.length; i++)
      for (const r of others) if (segmentCrosses(line[i - 1]!, line[i]!, r)) count++;
  }
  return count;
}

describe('exported flows go round nodes', () => {
  it('on the example design, no drawn line crosses a node the packet does not pass through', () => {
    const design = exampleDesign();
    const scene = buildScene(design, resolveDiagramOptions({ flows: 'all' }));
    const boxes = obstaclesOf(new Map([...scene.byId].map(([id, b]) => [id, { abs: b.rect, type: b.box.type }])));
    const extra: Flow[] = [
      { id: 'x1', name: 'app-a → internet', from: 'i-app-a', to: 'internet', protocol: 'tcp', port: 443 },
      { id: 'x2', name: 'web-a → app-b', from: 'i-web-a', to: 'i-app-b', protocol: 'tcp', port: 8080 },
      { id: 'x3', name: 'web-b → tools', from: 'i-web-b', to: 'i-tools', protocol: 'tcp', port: 443 },
    ];
    let straight = 0;
    for (const flow of drawFlows(design, scene, [...design.flows, ...extra])) {
      expect(flow.error).toBeUndefined();
      straight += crossings(flow, boxes, false);
      expect(crossings(flow, boxes, true), flow.flow.name).toBe(0);
    }
    expect(straight).toBeGreaterThan(0);
  });
});

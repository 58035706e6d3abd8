/**
 * The chosen flows as an exported diagram draws them: each traced by the engine's simulation and placed hop by
 * hop on the drawn boxes with the same placement the canvas's traffic overlay uses (traffic/hopGeometry.ts).
 */
import type { Rect, XY } from '../layout/geometry.ts';
import type { Design, Flow } from '../model/types.ts';
import { flowGeometry, legPoints as stopPoints, routeStops, type Stop } from '../traffic/hopGeometry.ts';
import { obstaclesOf } from '../traffic/pathRoute.ts';
import { trace } from '../traffic/trace.ts';
import type { Scene } from './scene.ts';
import { el, esc, num, textWidth, wrap } from './xml.ts';

/** Path colours of the flows, in order (none is a group's colour or the blocked red). */
export const FLOW_COLORS = ['#D45B07', '#0972D3', '#B0084D', '#067F68', '#6B40C4', '#5F6B7A'] as const;
export const BLOCKED_COLOR = '#D13212';

export interface DrawnFlow {
  flow: Flow;
  color: string;
  /** Where the packet starts (the source's box), then each stop of the forward and return legs. */
  start: XY;
  stops: Stop[];
  reachable: boolean;
  /** For a blocked flow: where it stops and why. */
  blocked?: { point: XY; reason: string };
  /** A flow the simulation cannot trace (an endpoint that is gone): why. */
  error?: string;
  /** The icon centres of the drawn resources (as `key` gives them): a path ending on one stops at the icon's edge. */
  icons: ReadonlySet<string>;
}

const key = (p: XY) => `${Math.round(p.x)},${Math.round(p.y)}`;

/** Half an icon and a little: how far short of an icon's centre a path's arrow stops. */
const ICON_CLEARANCE = 21;

/** Traces the flows and places their hops on the scene's boxes. */
export function drawFlows(design: Design, scene: Scene, flows: readonly Flow[]): DrawnFlow[] {
  const placed = new Map([...scene.byId].map(([id, b]) => [id, { abs: b.rect, type: b.box.type }]));
  // The hop placement puts a resource's hops at its box's centre; the picture draws them on its icon (drawing.ts
  // places a leaf's 36-unit icon 2 units below the box's top), so packets land on icons, not on names.
  const iconOf = new Map<string, XY>();
  for (const b of scene.boxes) {
    if (b.box.type !== 'resource') continue;
    const c = { x: b.rect.x + b.rect.width / 2, y: b.rect.y + b.rect.height / 2 };
    iconOf.set(key(c), { x: c.x, y: b.rect.y + 20 });
  }
  const icons = new Set([...iconOf.values()].map(key));
  const onIcon = (p: XY) => iconOf.get(key(p)) ?? p;
  const obstacles = obstaclesOf(placed);
  return flows.map((flow, i) => {
    const color = FLOW_COLORS[i % FLOW_COLORS.length]!;
    const outcome = trace(design, flow);
    if (!outcome.ok)
      return { flow, color, start: { x: 0, y: 0 }, stops: [], reachable: false, error: outcome.error, icons };
    const { result } = outcome;
    const geometry = flowGeometry(design, placed, flow, result);
    const stops = geometry.stops.map((s) => ({ ...s, point: onIcon(s.point) }));
    // Drawn between icons rather than box centres, the lines are routed round the other nodes again.
    routeStops(stops, obstacles);
    const source = scene.byId.get(flow.from)?.rect;
    const first = stops[0]?.point ?? { x: 0, y: 0 };
    const start = source ? onIcon({ x: source.x + source.width / 2, y: source.y + source.height / 2 }) : first;
    const reason =
      geometry.blocked?.explanation?.message ?? result.explanations[0]?.message ?? 'The packet is dropped here.';
    return {
      flow,
      color,
      start,
      stops,
      reachable: result.reachable,
      blocked: result.reachable
        ? undefined
        : { point: onIcon(geometry.blocked?.point ?? geometry.stops.at(-1)?.point ?? start), reason },
      icons,
    };
  });
}

/** How far the return leg is drawn beside the forward one, so both show. */
export const RETURN_OFFSET = 4;

/** A leg's points without repeats (hops placed at the same point). */
export function legPoints(flow: DrawnFlow, direction: 'forward' | 'return'): XY[] {
  // Each stop's bends first (paths go around the boxes they do not pass through, as on the canvas), then the stop.
  const stops = flow.stops.filter((s) => s.direction === direction).flatMap((s) => stopPoints(s));
  const raw =
    direction === 'forward'
      ? [flow.start, ...stops]
      : [flow.stops.filter((s) => s.direction === 'forward').at(-1)?.point ?? flow.start, ...stops];
  const unique = raw.filter(
    (p, i) => i === 0 || Math.abs(p.x - raw[i - 1]!.x) > 0.5 || Math.abs(p.y - raw[i - 1]!.y) > 0.5,
  );
  // A leg that ends on a resource's icon stops at its edge, so the arrow shows; one that starts on an icon leaves it.
  const clear = (p: XY, toward: XY | undefined): XY => {
    if (!toward || !flow.icons.has(key(p))) return p;
    const dx = toward.x - p.x;
    const dy = toward.y - p.y;
    const len = Math.hypot(dx, dy);
    return len <= ICON_CLEARANCE * 2
      ? p
      : { x: p.x + (dx / len) * ICON_CLEARANCE, y: p.y + (dy / len) * ICON_CLEARANCE };
  };
  const n = unique.length;
  const points = unique.map((p, i) => (i === 0 ? clear(p, unique[1]) : i === n - 1 ? clear(p, unique[n - 2]) : p));
  const offset = direction === 'return' ? RETURN_OFFSET : 0;
  return points.map((p) => ({ x: p.x + offset, y: p.y + offset }));
}

/** Markup of the flows drawn still: each leg as a path with arrowheads, the return leg dashed. */
export function flowMarkerDefs(flows: readonly DrawnFlow[]): string {
  const colors = [...new Set(flows.map((f) => f.color))];
  return colors
    .map((c) =>
      el(
        'marker',
        {
          id: `a${c.slice(1)}`,
          viewBox: '0 0 10 10',
          refX: 8,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
        },
        el('path', { d: 'M0 1L9 5L0 9Z', fill: c }),
      ),
    )
    .join('');
}

/** A blocked flow's callout: its reason wrapped in at most three lines, in the box `rect`. */
export interface Callout {
  rect: Rect;
  lines: string[];
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Places each blocked flow's callout beside its blocked point — right, left, below or above, whichever covers
 * the fewest resources and other callouts.
 */
export function placeCallouts(flows: readonly DrawnFlow[], obstacles: readonly Rect[]): Map<DrawnFlow, Callout> {
  const out = new Map<DrawnFlow, Callout>();
  const taken: Rect[] = [];
  for (const f of flows) {
    if (!f.blocked) continue;
    const lines = wrap(f.blocked.reason, 240, 11, 4);
    const width = Math.max(70, ...lines.map((l) => textWidth(l, 11))) + 20;
    const height = 24 + lines.length * 14;
    const { x, y } = f.blocked.point;
    const candidates: Rect[] = [];
    for (const gap of [18, 72]) {
      candidates.push(
        { x: x + gap, y: y - height / 2, width, height },
        { x: x - gap - width, y: y - height / 2, width, height },
        { x: x - width / 2, y: y + gap, width, height },
        { x: x - width / 2, y: y - gap - height, width, height },
        { x: x + gap, y: y + gap, width, height },
        { x: x + gap, y: y - gap - height, width, height },
        { x: x - gap - width, y: y + gap, width, height },
        { x: x - gap - width, y: y - gap - height, width, height },
      );
    }
    const cost = (r: Rect) => [...obstacles, ...taken].reduce((sum, o) => sum + overlap(r, o), 0);
    let best = candidates[0]!;
    for (const c of candidates.slice(1)) if (cost(c) < cost(best)) best = c;
    taken.push(best);
    out.set(f, { rect: best, lines });
  }
  return out;
}

/** The paths of one flow (`id` names its forward leg `<id>f`, its return leg `<id>r`), drawn still. */
export function drawFlowPaths(flow: DrawnFlow, id: string): string {
  if (flow.error) return '';
  const marker = `url(#a${flow.color.slice(1)})`;
  const path = (points: XY[], leg: string, dashed: boolean) =>
    points.length < 2
      ? ''
      : el('path', {
          id: `${id}${leg}`,
          d: pathOf(points),
          class: dashed ? 'fp fr' : 'fp',
          stroke: flow.color,
          'marker-end': marker,
        });
  return path(legPoints(flow, 'forward'), 'f', false) + path(legPoints(flow, 'return'), 'r', true);
}

/** The red mark where a blocked packet stops, and its reason in a callout beside it. */
export function drawBlocked(flow: DrawnFlow, callout: Callout | undefined): string {
  if (!flow.blocked || !callout) return '';
  const { x, y } = flow.blocked.point;
  const { rect, lines } = callout;
  const text = lines.map((l, i) => el('tspan', { x: rect.x + 10, y: rect.y + 30 + i * 14 }, esc(l))).join('');
  return el(
    'g',
    { class: 'fx', 'data-blocked': flow.flow.id },
    el('title', {}, esc(`${flow.flow.name}: blocked. ${flow.blocked.reason}`)) +
      el('circle', { cx: x, cy: y, r: 10, class: 'xb' }) +
      el('path', { d: `M${num(x - 4.5)} ${num(y - 4.5)}l9 9m0 -9l-9 9`, class: 'xx' }) +
      el('rect', { x: rect.x, y: rect.y, width: rect.width, height: rect.height, rx: 4, class: 'xc' }) +
      el('text', { x: rect.x + 10, y: rect.y + 15, class: 'xh' }, 'Blocked here') +
      el('text', { class: 'xt' }, text),
  );
}

/** The labels of the places a flow reaches that the diagram does not draw (the internet, a service). */
export function drawOutside(flows: readonly DrawnFlow[]): string {
  const seen = new Set<string>();
  let out = '';
  for (const f of flows) {
    for (const s of f.stops) {
      if (!s.outside) continue;
      const key = `${num(s.point.x)},${num(s.point.y)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const w = textWidth(s.outside, 11, true) + 16;
      out +=
        el('rect', { x: s.point.x - w / 2, y: s.point.y - 24, width: w, height: 18, rx: 9, class: 'ol' }) +
        el('text', { x: s.point.x, y: s.point.y - 11, class: 'ot' }, esc(s.outside));
    }
  }
  return out;
}

/** Everything the flows draw, for the picture's bounds. */
export function flowExtents(flows: readonly DrawnFlow[], callouts: ReadonlyMap<DrawnFlow, Callout>): Rect[] {
  const rects: Rect[] = [...callouts.values()].map((c) => c.rect);
  for (const f of flows) {
    for (const p of [f.start, ...f.stops.map((s) => s.point)])
      rects.push({ x: p.x - 12, y: p.y - 28, width: 24, height: 40 });
  }
  return rects;
}

export function pathOf(points: readonly XY[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join('');
}

export const FLOW_STYLE = [
  `.fp{fill:none;stroke-width:3;stroke-linejoin:round;stroke-linecap:round;opacity:.9}`,
  `.fr{stroke-dasharray:7 5;stroke-width:2}`,
  `.xb{fill:${BLOCKED_COLOR};stroke:#fff;stroke-width:2}`,
  `.xx{stroke:#fff;stroke-width:2.5;stroke-linecap:round}`,
  `.xc{fill:#FDF3F1;stroke:${BLOCKED_COLOR};stroke-width:1.5}`,
  `.xh{font-size:11px;font-weight:700;fill:${BLOCKED_COLOR}}`,
  `.xt{font-size:11px}`,
  `.ol{fill:#fff;stroke:#545B64}`,
  `.ot{font-size:11px;font-weight:700;text-anchor:middle}`,
].join('');

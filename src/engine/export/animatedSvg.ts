/**
 * The chosen flows as a self-contained animated SVG: the diagram with each flow's path drawn still, and a packet
 * moving along it hop by hop — one `<animateMotion>` per hop, each starting when the one before ends — then the
 * reply coming back for a flow that succeeds, or the packet stopping at the blocker (its reason written beside
 * it) for one that does not; then the flow starts over.
 *
 * SMIL rather than CSS motion: SMIL plays where the file is shown as an image (`<img>`, a README on GitHub), which
 * CSS `offset-path` on SVG elements does not do everywhere. SMIL cannot be paused by a media query, so under
 * `prefers-reduced-motion: reduce` the stylesheet hides the packets instead: the paths, arrows and blocked marks
 * stay, drawn still. Renderers without animation (rasterisers, PDF) draw the same still picture.
 *
 * That holds where the SVG is a document of its own. Inside an `<img>`, Chromium does not pass the reduced-motion
 * preference into the image's document (it does pass `prefers-color-scheme`; e2e/animatedSvgMotion.spec.ts), so a
 * page embeds it with the still picture (renderSvg with the same flows) for reduced motion:
 * `<picture><source media="(prefers-reduced-motion: reduce)" srcset="still.svg"><img src="animated.svg" alt="…"></picture>`.
 */
import type { XY } from '../layout/geometry.ts';
import type { Design } from '../model/types.ts';
import { legPoints as stopPoints } from '../traffic/hopGeometry.ts';
import { RETURN_OFFSET, type DrawnFlow } from './flows.ts';
import type { DiagramOptions } from './options.ts';
import { composeSvg } from './svg.ts';
import { el, num } from './xml.ts';

/** Seconds a packet takes per hop, at least and at most (long hops go at a steady speed in between). */
const HOP_MIN = 0.25;
const HOP_MAX = 1.2;
const SPEED = 320; // units per second
/** Seconds a flow rests at its end (or at its blocker) before it starts over. */
const REST = 1.5;

const ANIMATION_STYLE = [
  `.pk{stroke:#fff;stroke-width:2}`,
  `.pr{fill:#fff;stroke-width:3}`,
  `@media (prefers-reduced-motion: reduce){.pk,.pr{display:none}}`,
].join('');

interface Hop {
  id: string;
  from: XY;
  /** Bends on the way (the path goes around boxes it does not pass through), then the stop. */
  points: XY[];
}

function hopsOf(flow: DrawnFlow, direction: 'forward' | 'return', id: string, from: XY, offset: number): Hop[] {
  let at = from;
  return flow.stops
    .filter((s) => s.direction === direction)
    .map((s, k) => {
      const points = stopPoints(s).map((p) => ({ x: p.x + offset, y: p.y + offset }));
      const hop = { id: `${id}${k}`, from: at, points };
      at = points.at(-1)!;
      return hop;
    });
}

function duration(h: Hop): number {
  let len = 0;
  let at = h.from;
  for (const p of h.points) {
    len += Math.hypot(p.x - at.x, p.y - at.y);
    at = p;
  }
  return Math.min(HOP_MAX, Math.max(HOP_MIN, len / SPEED));
}

/** A packet: hidden until its first hop starts; each hop moves it from the stop before to its stop. */
function packet(hops: Hop[], first: string, until: string, attrs: Record<string, string | number>): string {
  if (hops.length === 0) return '';
  let motions = el('set', { attributeName: 'visibility', to: 'visible', begin: `${hops[0]!.id}.begin`, end: until });
  hops.forEach((h, k) => {
    const begin = k === 0 ? first : `${hops[k - 1]!.id}.end`;
    motions += el('animateMotion', {
      id: h.id,
      begin,
      dur: `${num(duration(h))}s`,
      fill: 'freeze',
      path: `M${num(h.from.x)} ${num(h.from.y)}${h.points.map((p) => `L${num(p.x)} ${num(p.y)}`).join('')}`,
    });
  });
  return el('circle', { r: 6, cx: 0, cy: 0, visibility: 'hidden', ...attrs }, motions);
}

/** The packets of every flow: a forward packet, and for a flow that succeeds, its reply. */
function packets(flows: readonly DrawnFlow[]): string {
  let out = '';
  flows.forEach((f, i) => {
    if (f.error) return;
    const id = `p${i}`;
    const forward = hopsOf(f, 'forward', `${id}f`, f.start, 0);
    if (forward.length === 0) return;
    // The reply: all the way back for a flow that succeeds, up to its blocker for one dropped on the way back.
    const back = hopsOf(f, 'return', `${id}r`, forward.at(-1)!.points.at(-1)!, RETURN_OFFSET);
    const last = (back.at(-1) ?? forward.at(-1))!;
    const restart = `0s;${last.id}.end+${REST}s`;
    out += packet(forward, restart, back.length > 0 ? `${forward.at(-1)!.id}.end` : `${last.id}.end+${REST}s`, {
      class: 'pk',
      fill: f.color,
      'data-packet': f.flow.id,
    });
    if (back.length > 0)
      out += packet(back, `${forward.at(-1)!.id}.end`, `${last.id}.end+${REST}s`, {
        class: 'pr',
        stroke: f.color,
        'data-reply': f.flow.id,
      });
  });
  return out;
}

/**
 * The design with the chosen flows (`options.flows`; every saved flow when not given) animated.
 *
 * @example renderAnimatedSvg(exampleDesign(), { flows: ['web-a → internet (HTTPS)'] }) // '<svg …><animateMotion id="p0f0" …'
 */
export function renderAnimatedSvg(design: Design, options: DiagramOptions = {}): string {
  return composeSvg(
    design,
    { ...options, flows: options.flows ?? 'all' },
    {
      kind: 'Animated traffic diagram',
      flows: (flows) => ({ markup: el('g', { class: 'packets' }, packets(flows)), style: ANIMATION_STYLE }),
    },
  );
}

/**
 * The design as a sketch for the early paint of index.html (issue 8, item 9): the diagram geometry's boxes and
 * labels as plain numbers and strings — group boxes in AWS's colours, each resource as its icon's coloured tile,
 * connections as straight lines, names and CIDRs — that a few lines of script draw on a 2D canvas before the app's
 * script has loaded (library/thumbnail.ts `paintSketch`). No SVG to parse and decode: the 979-resource design's
 * sketch is drawn in a few ms, where its SVG picture took ~330 ms to decode.
 *
 * Everything is in page coordinates (the geometry's `abs`, as the canvas and the SVG exporter place it), at the
 * positions the SVG exporter draws them (drawing.ts), so the canvas replaces the sketch without a jump.
 *
 * @example sketchOf(diagramGeometry(exampleDesign(), { showSupporting: false })) // { box, styles, fonts, b, t, l }
 */
import type { DiagramGeometry } from '../layout/diagram.ts';
import { AWS_COLORS, GROUP_BOXES, kindColor, type DrawnKind } from '../model/kinds.ts';
import { isNatInstance } from '../model/queries.ts';

/** How a box is drawn: fill ('' none), stroke ('' none), line width, dash length (0 solid), corner radius. */
export type SketchStyle = [fill: string, stroke: string, lineWidth: number, dash: number, radius: number];
/** How a label is drawn: CSS font, colour, alignment. */
export type SketchFont = [font: string, color: string, align: 'left' | 'center' | 'right'];

export interface Sketch {
  /** The page region drawn (the geometry's bounds). */
  box: { x: number; y: number; width: number; height: number };
  styles: SketchStyle[];
  fonts: SketchFont[];
  /** Boxes, five numbers each: x, y, width, height, index into `styles`; drawn in order (containers first). */
  b: number[];
  /** Labels, five items each: x, y (baseline), the widest it may be drawn, index into `fonts`, the text. */
  t: Array<number | string>;
  /** Connections, five numbers each: x1, y1, x2, y2, index into `styles` (its stroke). */
  l: number[];
}

/** Leaf labels (names and details of resources) drawn at most: a larger design's leaves are drawn without. */
export const SKETCH_MAX_LEAF_LABELS = 400;

const INK = '#232F3E';
const MUTED = '#545B64';
const FONT = 'Arial, Helvetica, sans-serif';

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The sketch of a geometry (see the module's comment). */
export function sketchOf(geometry: DiagramGeometry): Sketch {
  const styles: SketchStyle[] = [];
  const styleIndex = new Map<string, number>();
  const style = (s: SketchStyle) => {
    const key = s.join('|');
    let i = styleIndex.get(key);
    if (i === undefined) {
      i = styles.push(s) - 1;
      styleIndex.set(key, i);
    }
    return i;
  };
  const fonts: SketchFont[] = [];
  const fontIndex = new Map<string, number>();
  const font = (f: SketchFont) => {
    const key = f.join('|');
    let i = fontIndex.get(key);
    if (i === undefined) {
      i = fonts.push(f) - 1;
      fontIndex.set(key, i);
    }
    return i;
  };
  const b: number[] = [];
  const t: Array<number | string> = [];
  const l: number[] = [];
  const rect = (x: number, y: number, w: number, h: number, s: number) => b.push(r1(x), r1(y), r1(w), r1(h), s);
  const label = (x: number, y: number, width: number, f: number, text: string) => {
    if (text) t.push(r1(x), r1(y), Math.max(1, Math.round(width)), f, text);
  };
  const tile = (kind: DrawnKind, x: number, y: number, size: number, color = kindColor(kind)) =>
    rect(x, y, size, size, style([color, '', 0, 0, size / 8]));
  const heading = font([`bold 13px ${FONT}`, INK, 'left']);
  const caption = font([`11px ${FONT}`, MUTED, 'left']);
  let leafLabels = 0;

  for (const box of geometry.boxes) {
    const r = box.abs;
    switch (box.type) {
      case 'region':
        rect(r.x, r.y, r.width, r.height, style(['', GROUP_BOXES.region.stroke, 2, 8, 0]));
        tile('region', r.x, r.y, 32);
        label(
          r.x + 40,
          r.y + 21,
          r.width - 48,
          font([`bold 13px ${FONT}`, AWS_COLORS.region, 'left']),
          `Region ${box.title}`,
        );
        break;
      case 'vpc':
        rect(r.x, r.y, r.width, r.height, style(['', GROUP_BOXES.vpc.stroke, 2, 0, 0]));
        tile('vpc', r.x, r.y, 32);
        label(r.x + 40, r.y + 15, r.width - 48, heading, box.title);
        label(r.x + 40, r.y + 30, r.width - 48, caption, box.subtitle);
        break;
      case 'az':
        rect(r.x, r.y, r.width, r.height, style(['', GROUP_BOXES.availabilityZone.stroke, 1.5, 6, 0]));
        label(
          r.x + r.width / 2,
          r.y + 20,
          r.width - 16,
          font([`bold 11.5px ${FONT}`, AWS_COLORS.availabilityZone, 'center']),
          `Availability Zone ${box.title}`,
        );
        break;
      case 'subnet': {
        const group = box.isPublic === true ? GROUP_BOXES.publicSubnet : GROUP_BOXES.privateSubnet;
        rect(r.x, r.y, r.width, r.height, style([group.fill, group.stroke, 1.5, 0, 0]));
        tile('subnet', r.x, r.y, 26, group.stroke);
        label(r.x + 34, r.y + 16, r.width - 130, heading, box.title);
        label(
          r.x + r.width - 8,
          r.y + 16,
          90,
          font([`bold 11px ${FONT}`, group.stroke, 'right']),
          box.isPublic === true ? 'Public subnet' : 'Private subnet',
        );
        label(r.x + 34, r.y + 31, r.width - 42, caption, box.subtitle);
        break;
      }
      case 'border':
      case 'support': {
        const chip = box.type === 'border';
        const size = chip ? 24 : 20;
        const pad = (r.height - size) / 2;
        rect(
          r.x,
          r.y,
          r.width,
          r.height,
          style(['#fff', chip ? AWS_COLORS.networking : '#B4A2E8', chip ? 1.5 : 1, 0, 6]),
        );
        tile(isNatInstance(box.resource!) ? 'natInstance' : box.resource!.kind, r.x + pad, r.y + pad, size);
        if (leafLabels++ < SKETCH_MAX_LEAF_LABELS)
          label(
            r.x + pad + size + 6,
            r.y + r.height / 2 + 4,
            r.width - pad - size - 12,
            font([`bold 11px ${FONT}`, INK, 'left']),
            box.title,
          );
        break;
      }
      case 'resource': {
        const cx = r.x + r.width / 2;
        tile(isNatInstance(box.resource!) ? 'natInstance' : box.resource!.kind, cx - 18, r.y + 2, 36);
        if (leafLabels++ < SKETCH_MAX_LEAF_LABELS) {
          label(cx, r.y + 52, r.width + 8, font([`bold 11.5px ${FONT}`, INK, 'center']), box.title);
          label(cx, r.y + 65, r.width + 8, font([`10px ${FONT}`, MUTED, 'center']), box.subtitle);
        }
        break;
      }
    }
  }
  for (const c of geometry.connections) {
    const color = c.kind === 'peering' ? AWS_COLORS.networking : AWS_COLORS.general;
    l.push(
      r1(c.sourcePoint.x),
      r1(c.sourcePoint.y),
      r1(c.targetPoint.x),
      r1(c.targetPoint.y),
      style(['', color, 2, 0, 0]),
    );
  }
  const { x, y, width, height } = geometry.bounds;
  return { box: { x, y, width, height }, styles, fonts, b, t, l };
}

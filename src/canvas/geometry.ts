/**
 * The diagram's geometry helpers. Its fixed sizes live in the engine (the automatic layout of imported designs
 * uses the same ones), re-exported here for the canvas.
 */
import { AUTO_GAP, GRID } from '../engine/layout/geometry.ts';

export { AUTO_GAP, AZ, CHIP, GRID, LEAF, REGION, SUBNET, SUPPORT, VPC } from '../engine/layout/geometry.ts';

export interface XY {
  x: number;
  y: number;
}

export interface Rect extends XY {
  width: number;
  height: number;
}

export function containsPoint(rect: Rect, p: XY): boolean {
  return p.x >= rect.x && p.x <= rect.x + rect.width && p.y >= rect.y && p.y <= rect.y + rect.height;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function boundsOf(rects: Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const r of rects) {
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.width);
    y2 = Math.max(y2, r.y + r.height);
  }
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/**
 * Places items of the given widths along a line from `min` to `max`, as near their wanted positions as possible
 * without overlapping (a forward pass pushes right, a backward pass pulls back inside). Returns the positions and
 * the end of the last item, which is past `max` only when the items cannot fit at all.
 */
export function packAlongLine(wanted: number[], widths: number[], min: number, max: number, gap: number): { positions: number[]; end: number } {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a]! - wanted[b]! || a - b);
  const pos = new Array<number>(wanted.length);
  let cursor = min;
  for (const i of order) {
    pos[i] = Math.max(wanted[i]!, cursor);
    cursor = pos[i]! + widths[i]! + gap;
  }
  let limit = max;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    if (pos[i]! + widths[i]! > limit) pos[i] = Math.max(min, limit - widths[i]!);
    limit = pos[i]! - gap;
  }
  // Pulling back can only overlap when there is no room at all: redo the forward pass from the left edge.
  cursor = min;
  for (const i of order) {
    pos[i] = Math.max(pos[i]!, cursor);
    cursor = pos[i]! + widths[i]! + gap;
  }
  return { positions: pos, end: order.length ? cursor - gap : min };
}

/** The first free cell of a grid of `size` cells starting at `origin`, `perRow` to a row. */
export function freeSlot(occupied: Rect[], size: { width: number; height: number }, origin: XY, perRow: number): XY {
  for (let row = 0; row < 10_000; row++) {
    for (let col = 0; col < perRow; col++) {
      const cell = { x: origin.x + col * (size.width + AUTO_GAP), y: origin.y + row * (size.height + AUTO_GAP), width: size.width, height: size.height };
      if (!occupied.some((o) => intersects(o, cell))) return { x: cell.x, y: cell.y };
    }
  }
  return origin;
}

export function snap(value: number): number {
  return Math.round(value / GRID) * GRID;
}

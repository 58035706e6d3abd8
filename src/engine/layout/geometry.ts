/**
 * The diagram's fixed sizes, in flow units (1 unit = 1 px at 100 % zoom): leaves, chips on a VPC's border and the
 * paddings between. The one source for both the engine's automatic layout and the canvas (src/canvas/geometry.ts
 * re-exports them), so an imported layout is laid out with the sizes the canvas draws.
 */
export const GRID = 8;
export const LEAF = { width: 112, height: 72 } as const;
export const CHIP = { width: 176, height: 36 } as const;
export const SUPPORT = { width: 160, height: 32 } as const;
export const SUBNET = { header: 48, pad: 16, minWidth: 224, minHeight: 144 } as const;
export const AZ = { header: 32, pad: 16, gap: 16, minWidth: 256, minHeight: 200 } as const;
export const VPC = { header: 48, pad: 16, minWidth: 320, minHeight: 200, chipInset: 12, chipGap: 8 } as const;
export const REGION = { header: 48, pad: 32, emptyWidth: 560, emptyHeight: 320, gap: 64 } as const;
/** Gap between things placed automatically (imported designs without a layout). */
export const AUTO_GAP = 16;
/** Leaves per row inside a subnet (the canvas fills free cells three to a row too). */
export const LEAVES_PER_ROW = 3;

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
  let x1 = Infinity,
    y1 = Infinity,
    x2 = -Infinity,
    y2 = -Infinity;
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
export function packAlongLine(
  wanted: number[],
  widths: number[],
  min: number,
  max: number,
  gap: number,
): { positions: number[]; end: number } {
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
      const cell = {
        x: origin.x + col * (size.width + AUTO_GAP),
        y: origin.y + row * (size.height + AUTO_GAP),
        width: size.width,
        height: size.height,
      };
      if (!occupied.some((o) => intersects(o, cell))) return { x: cell.x, y: cell.y };
    }
  }
  return origin;
}

export function snap(value: number): number {
  return Math.round(value / GRID) * GRID;
}

/** The VPC's corner label width, as the canvas estimates it: chips on its top border start after it. */
export function labelWidth(vpc: { name: string; cidrBlocks: readonly string[] }): number {
  const longest = Math.max(vpc.name.length, vpc.cidrBlocks.join(', ').length);
  return Math.min(260, 48 + longest * 7);
}

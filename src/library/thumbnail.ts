/**
 * A design's picture as the library keeps it (`thumb:<id>`, storage.ts), and the pure decisions around it: when
 * the next one may be drawn (thumbnails.ts draws them), whether a design is drawn at all, and where the early paint
 * of index.html (earlyRead.ts) puts it on screen so that the canvas, opening, covers it exactly.
 *
 * `picturePlacement` is also turned into text and run in the page before any module (see earlyRead.ts): it must
 * stand alone — no imports, no helpers, only arithmetic.
 */

/** A box on screen (CSS pixels, the viewport's coordinates). */
export interface ScreenRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where the canvas opens the design, as measured when the picture was drawn. */
export interface OpeningView {
  /** The browser window's inner size then: the picture is painted early only in a window of the same size. */
  window: { width: number; height: number };
  /** The canvas's box on screen (the panels around it, as laid out then). */
  canvas: ScreenRect;
  /** The viewport the canvas opens with for the design then (its first framing: see canvas/openingFit.ts). */
  viewport: { x: number; y: number; zoom: number };
}

export interface Thumbnail {
  /** The design drawn by renderSvg (no title block, legend, flows or findings; transparent), in page coordinates. */
  svg: string;
  /** The SVG's viewBox: the page region it draws. */
  box: { x: number; y: number; width: number; height: number };
  /** The entry's `editedAt` when the picture was stored: a picture stamped otherwise shows an older design. */
  editedAt: number;
  /** Absent when there was no canvas on screen to measure. */
  open?: OpeningView;
}

/**
 * Designs with more resources than this get no picture (the stored one is removed): drawing one takes too long to
 * do every few seconds in idle time, and their canvas opens slowly anyway (largeDesign.ts).
 */
export const THUMBNAIL_MAX_RESOURCES = 3000;

/** At most one picture every this many ms while the user edits (a save happens about every second). */
export const THUMBNAIL_INTERVAL_MS = 4000;

/** Whether a design of `resources` resources gets a picture. */
export function drawsThumbnail(resources: number): boolean {
  return resources <= THUMBNAIL_MAX_RESOURCES;
}

/** How long to wait before drawing the next picture, the last one drawn at `lastAt` (undefined: none yet). */
export function thumbnailDelay(lastAt: number | undefined, now: number, interval = THUMBNAIL_INTERVAL_MS): number {
  return lastAt === undefined ? 0 : Math.max(0, Math.min(interval, lastAt + interval - now));
}

/** The page region an SVG draws: its viewBox, or undefined when it has none that reads. */
export function svgBox(svg: string): Thumbnail['box'] | undefined {
  const m = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg.slice(0, 2000));
  if (!m) return undefined;
  const [x, y, width, height] = m.slice(1).map(Number) as [number, number, number, number];
  return width > 0 && height > 0 ? { x, y, width, height } : undefined;
}

/**
 * Where the early paint shows the picture: the canvas's box on screen, and the picture's box inside it, at the
 * viewport the canvas will open with (page point p is drawn at viewport.x + p.x × zoom). Undefined — paint nothing,
 * never somewhere wrong — when the window is not the size it was when the picture was drawn, or the stored numbers
 * do not read.
 *
 * @example picturePlacement(thumb, { width: 1440, height: 900 }) // { canvas: {…}, picture: { left, top, width, height } }
 */
export function picturePlacement(
  thumb: { box?: { x: number; y: number; width: number; height: number }; open?: OpeningView },
  win: { width: number; height: number },
): { canvas: ScreenRect; picture: ScreenRect } | undefined {
  const open = thumb.open;
  const box = thumb.box;
  if (!open || !box || !open.window || !open.canvas || !open.viewport) return undefined;
  if (open.window.width !== win.width || open.window.height !== win.height) return undefined;
  const c = open.canvas;
  const v = open.viewport;
  const numbers = [c.left, c.top, c.width, c.height, v.x, v.y, v.zoom, box.x, box.y, box.width, box.height];
  for (const n of numbers) if (typeof n !== 'number' || !isFinite(n)) return undefined;
  if (c.width <= 0 || c.height <= 0 || v.zoom <= 0) return undefined;
  return {
    canvas: { left: c.left, top: c.top, width: c.width, height: c.height },
    picture: {
      left: v.x + box.x * v.zoom,
      top: v.y + box.y * v.zoom,
      width: box.width * v.zoom,
      height: box.height * v.zoom,
    },
  };
}

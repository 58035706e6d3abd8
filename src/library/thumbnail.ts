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

/** The sketch as the early paint reads it (engine/export/sketch.ts `Sketch`), loosely: it comes from web storage. */
interface PaintableSketch {
  box: { x: number; y: number; width: number; height: number };
  styles: Array<[string, string, number, number, number]>;
  fonts: Array<[string, string, CanvasTextAlign]>;
  b: number[];
  t: Array<number | string>;
  l: number[];
}

/**
 * Draws a design's sketch (engine/export/sketch.ts) on `canvas`, which covers the canvas's box on screen, with the
 * sketch's page region at `picture` (`picturePlacement`'s picture box, relative to the canvas box) and `dpr` device
 * pixels per CSS pixel. Returns whether it drew.
 *
 * Also turned into text and run in the page before any module (see earlyRead.ts): it must stand alone.
 */
export function paintSketch(
  canvas: HTMLCanvasElement,
  sketch: PaintableSketch,
  picture: ScreenRect,
  dpr: number,
): boolean {
  const ctx = canvas.getContext('2d');
  if (!ctx || !(sketch.box.width > 0)) return false;
  const zoom = picture.width / sketch.box.width;
  ctx.setTransform(
    dpr * zoom,
    0,
    0,
    dpr * zoom,
    dpr * (picture.left - sketch.box.x * zoom),
    dpr * (picture.top - sketch.box.y * zoom),
  );
  const styles = sketch.styles;
  const b = sketch.b;
  for (let i = 0; i + 4 < b.length; i += 5) {
    const s = styles[b[i + 4]!];
    if (!s) continue;
    ctx.beginPath();
    if (s[4] > 0 && typeof ctx.roundRect === 'function') ctx.roundRect(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, s[4]);
    else ctx.rect(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!);
    if (s[0]) {
      ctx.fillStyle = s[0];
      ctx.fill();
    }
    if (s[1]) {
      ctx.strokeStyle = s[1];
      ctx.lineWidth = s[2];
      ctx.setLineDash(s[3] ? [s[3], s[3] * 0.625] : []);
      ctx.stroke();
    }
  }
  const l = sketch.l;
  ctx.setLineDash([]);
  for (let i = 0; i + 4 < l.length; i += 5) {
    const s = styles[l[i + 4]!];
    if (!s) continue;
    ctx.beginPath();
    ctx.moveTo(l[i]!, l[i + 1]!);
    ctx.lineTo(l[i + 2]!, l[i + 3]!);
    ctx.strokeStyle = s[1];
    ctx.lineWidth = s[2];
    ctx.stroke();
  }
  const t = sketch.t;
  let current = -1;
  for (let i = 0; i + 4 < t.length; i += 5) {
    const f = t[i + 3] as number;
    const font = sketch.fonts[f];
    if (!font) continue;
    if (f !== current) {
      current = f;
      ctx.font = font[0];
      ctx.fillStyle = font[1];
      ctx.textAlign = font[2];
    }
    ctx.fillText(String(t[i + 4]), t[i] as number, t[i + 1] as number, t[i + 2] as number);
  }
  return true;
}

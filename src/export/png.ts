/**
 * PNG in the browser, from the same SVG every other export draws: the SVG as an image (from a Blob URL, so the
 * canvas stays untainted; the SVG has no external references), drawn on a canvas `scale` times its size, then
 * `canvas.toBlob('image/png')`. The background is the SVG's own (a white rectangle, or none for a transparent
 * picture): the canvas starts transparent and adds nothing.
 *
 * Browsers refuse canvases past a size (Chromium: 32767 px a side, 268 M pixels; Safari far less) and fail
 * silently or with a blank picture, so a picture that would be larger is drawn at the largest scale that fits
 * `MAX_CANVAS_SIDE` and `MAX_CANVAS_PIXELS`, and `planPng` says so first.
 */
import { svgSize } from './svgSize.ts';

export { svgSize };

/** The largest canvas side drawn, in pixels (what every current desktop browser accepts). */
export const MAX_CANVAS_SIDE = 16384;
/** The largest canvas area drawn, in pixels (256 MB of RGBA). */
export const MAX_CANVAS_PIXELS = 64 * 1024 * 1024;

export interface PngPlan {
  /** The PNG's size in pixels. */
  width: number;
  height: number;
  /** The scale drawn: the one asked for, or a smaller one when that would exceed the browser's canvas. */
  scale: number;
  /** Whether the scale had to be lowered; `message` says so in a sentence. */
  clamped: boolean;
  message?: string;
}

/**
 * The PNG's size for a picture `width` × `height` at `scale`, lowered to fit the browser's canvas.
 *
 * @example planPng(5000, 3000, 4) // { width: 16384, height: 9830, scale: 3.2768, clamped: true, message: '…' }
 */
export function planPng(width: number, height: number, scale: number): PngPlan {
  const fit = Math.min(
    scale,
    MAX_CANVAS_SIDE / width,
    MAX_CANVAS_SIDE / height,
    Math.sqrt(MAX_CANVAS_PIXELS / (width * height)),
  );
  const w = (s: number) => Math.max(1, Math.round(width * s));
  const h = (s: number) => Math.max(1, Math.round(height * s));
  if (fit >= scale) return { width: w(scale), height: h(scale), scale, clamped: false };
  // Rounded down, so the clamped canvas stays within both limits.
  const shown = Math.floor(fit * 100) / 100;
  const width2 = Math.max(1, Math.min(Math.floor(width * fit), MAX_CANVAS_SIDE));
  const height2 = Math.max(1, Math.min(Math.floor(height * fit), MAX_CANVAS_SIDE));
  return {
    width: width2,
    height: height2,
    scale: fit,
    clamped: true,
    message: `At ${scale}× the picture would be ${w(scale)} × ${h(scale)} px, more than a browser can draw; it is drawn at ${shown}× (${width2} × ${height2} px).`,
  };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The browser could not read the picture to draw it as a PNG.'));
    image.src = url;
  });
}

/**
 * The SVG drawn as a PNG at `scale` (lowered as `planPng` says when the browser's canvas is too small for it).
 * Rejects with a plain one-line message when the browser cannot draw it.
 */
export async function svgToPngBlob(svg: string, options: { scale: number }): Promise<Blob> {
  const size = svgSize(svg);
  const plan = planPng(size.width, size.height, options.scale);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = plan.width;
    canvas.height = plan.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('The browser gave no canvas to draw the PNG on.');
    context.imageSmoothingQuality = 'high';
    context.drawImage(image, 0, 0, plan.width, plan.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob)
      throw new Error(`The browser could not make a ${plan.width} × ${plan.height} px PNG: choose a smaller scale.`);
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

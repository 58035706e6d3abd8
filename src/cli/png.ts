/**
 * The CLI's PNG: the exported SVG rasterised by resvg (a Rust SVG renderer shipped as prebuilt npm binaries), at
 * `scale` times its size. The browser makes its PNG with the canvas instead (src/export/png.ts).
 *
 * Text needs fonts: resvg reads the system's. The SVG asks for Arial, Helvetica or sans-serif; a machine without
 * Arial draws it with a metric-compatible face (Liberation Sans) when there is one, else DejaVu Sans.
 */
import { Resvg } from '@resvg/resvg-js';

/** Faces for `sans-serif`, best first: Liberation Sans has Arial's metrics, so labels keep their widths. */
const SANS = ['Arial', 'Liberation Sans', 'Helvetica', 'DejaVu Sans'];

export interface Raster {
  png: Uint8Array;
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

let sansFamily: string | undefined;

/** The first of SANS the system has (resvg matches family names exactly, without fontconfig's aliases). */
function sans(): string {
  if (sansFamily) return sansFamily;
  const probe = (family: string) =>
    new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text x="2" y="15" font-family="${family}" font-size="14">Ag</text></svg>`,
      {
        font: { loadSystemFonts: true, defaultFontFamily: 'no such font' },
      },
    )
      .render()
      .pixels.some((v, i) => i % 4 === 3 && v > 0);
  sansFamily = SANS.find(probe) ?? 'sans-serif';
  return sansFamily;
}

/** Rasterises an SVG at `scale` (1 = one pixel per SVG unit). */
export function rasterize(svg: string, scale: number): Raster {
  const family = sans();
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: family, sansSerifFamily: family },
    textRendering: 1,
    shapeRendering: 2,
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}

/** The PNG file's bytes. */
export function svgToPng(svg: string, scale: number): Uint8Array {
  return rasterize(svg, scale).png;
}

/**
 * The CLI's rasteriser: the PNG is `scale` times the drawing, and text is drawn (resvg needs the machine's fonts:
 * without one, labels would silently vanish from every PNG).
 */
import { describe, expect, it } from 'vitest';
import { rasterize } from './png.ts';

const TEXT_ONLY =
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="40"><text x="4" y="28" font-family="Arial, Helvetica, sans-serif" font-size="20">Production 10.0.0.0/16</text></svg>';

describe('rasterize', () => {
  it('draws text with a font the machine has', () => {
    const { pixels } = rasterize(TEXT_ONLY, 1);
    const inked = pixels.filter((v, i) => i % 4 === 3 && v > 128).length;
    // 22 glyphs at 20 px: hundreds of opaque pixels; none would mean no font was found.
    expect(inked).toBeGreaterThan(300);
  });

  it.each([1, 2, 4, 1.5])('makes the PNG %s times the drawing', (scale) => {
    const { png, width, height } = rasterize(TEXT_ONLY, scale);
    expect([width, height]).toEqual([Math.ceil(240 * scale), Math.ceil(40 * scale)]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([width, height]);
  });
});

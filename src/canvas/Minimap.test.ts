import { describe, expect, it } from 'vitest';
import { MINIMAP, viewportClearOfMinimap } from './Minimap.tsx';

const options = { padding: 0.12, minZoom: 0.1, maxZoom: 1.1, minimap: true };

/** The minimap's box and the design's box on screen, for a viewport. */
function screen(
  bounds: { x: number; y: number; width: number; height: number },
  width: number,
  height: number,
  v: { x: number; y: number; zoom: number },
) {
  const design = {
    left: bounds.x * v.zoom + v.x,
    top: bounds.y * v.zoom + v.y,
    right: (bounds.x + bounds.width) * v.zoom + v.x,
    bottom: (bounds.y + bounds.height) * v.zoom + v.y,
  };
  const minimap = { left: width - MINIMAP.margin - MINIMAP.width, top: height - MINIMAP.margin - MINIMAP.height };
  return { design, minimap };
}

describe('Fit view beside the minimap', () => {
  it.each([
    ['a design as wide as the canvas', { x: 0, y: 0, width: 1600, height: 800 }, 900, 450],
    ['a tall design', { x: 100, y: 100, width: 600, height: 1200 }, 900, 500],
    ['a square design in a square canvas', { x: 0, y: 0, width: 1000, height: 1000 }, 700, 700],
  ])('leaves the minimap’s corner clear: %s', (_what, bounds, width, height) => {
    const v = viewportClearOfMinimap(bounds, width, height, options);
    const { design, minimap } = screen(bounds, width, height, v);
    expect(design.right <= minimap.left || design.bottom <= minimap.top).toBe(true);
    expect(design.left).toBeGreaterThanOrEqual(0);
    expect(design.top).toBeGreaterThanOrEqual(0);
  });

  it('frames as closely as plain fit view when the minimap is hidden', () => {
    const bounds = { x: 0, y: 0, width: 1000, height: 1000 };
    const hidden = viewportClearOfMinimap(bounds, 700, 700, { ...options, minimap: false });
    const shown = viewportClearOfMinimap(bounds, 700, 700, options);
    expect(hidden.zoom).toBeGreaterThan(shown.zoom);
  });
});

import { expect, it } from 'vitest';
import { MAX_CANVAS_PIXELS, MAX_CANVAS_SIDE, planPng, svgSize } from './png.ts';

it('reads the picture size from the root element, or its viewBox', () => {
  expect(
    svgSize(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800"><rect width="5" height="5"/></svg>',
    ),
  ).toEqual({ width: 1200, height: 800 });
  expect(svgSize('<svg viewBox="0 0 640.5 480" xmlns="http://www.w3.org/2000/svg"></svg>')).toEqual({
    width: 640.5,
    height: 480,
  });
  expect(() => svgSize('<svg></svg>')).toThrow('the SVG drawing has no size');
});

it('draws at the scale asked for while the canvas fits', () => {
  expect(planPng(1200, 800, 1)).toEqual({ width: 1200, height: 800, scale: 1, clamped: false });
  expect(planPng(1200, 800, 4)).toEqual({ width: 4800, height: 3200, scale: 4, clamped: false });
});

it('lowers the scale to the largest canvas a browser draws, and says so', () => {
  const long = planPng(6000, 1000, 4);
  expect(long.clamped).toBe(true);
  expect(long.width).toBe(MAX_CANVAS_SIDE);
  expect(long.height).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
  expect(long.message).toMatch(
    /^At 4× the picture would be 24000 × 4000 px, more than a browser can draw; it is drawn at 2\.73× \(16384 × 2730 px\)\.$/,
  );

  const big = planPng(4000, 3000, 4);
  expect(big.clamped).toBe(true);
  expect(big.width * big.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
  expect(big.width / big.height).toBeCloseTo(4000 / 3000, 2);
  // The 300-resource benchmark design's size: the area binds, and the rounded size must not pass it.
  const wide = planPng(7802, 1956, 4);
  expect(wide.width * wide.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
});

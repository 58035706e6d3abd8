/**
 * How the canvas frames a design when it opens — one place, read by the canvas's first render (Canvas.tsx) and by
 * the library's pictures (library/thumbnails.ts), which store the viewport the canvas will open with so that the
 * early paint of index.html puts the picture exactly where the canvas then draws the design.
 */
import { getViewportForBounds, type FitViewOptions, type Rect, type Viewport } from '@xyflow/react';
import { usePanelLayout } from '../store/panelLayout.ts';
import { isLargeFlow } from './largeDesign.ts';
import { paddingClearOfMinimap } from './Minimap.tsx';

/** How the design is framed when the canvas opens (and by React Flow's own fit once it has measured the nodes). */
export const INITIAL_FIT = { padding: 0.08, maxZoom: 1.1 } as const;
export const MIN_ZOOM = 0.1;

/** Whether the minimap shows when a design drawn as `nodeCount` nodes opens. */
export function minimapAtOpening(nodeCount: number): boolean {
  return !usePanelLayout.getState().minimapHidden && !isLargeFlow(nodeCount);
}

/**
 * The first framing of `bounds` (undefined: nothing drawn) in a canvas of `size`: INITIAL_FIT, with the corner the
 * minimap covers kept clear as Fit view keeps it (Minimap.tsx).
 */
export function openingFitOptions(
  bounds: Rect | undefined,
  size: { width: number; height: number },
  minimap: boolean,
): FitViewOptions {
  if (!minimap || !bounds) return { ...INITIAL_FIT };
  const fit = { padding: INITIAL_FIT.padding, minZoom: MIN_ZOOM, maxZoom: INITIAL_FIT.maxZoom, minimap };
  return { ...INITIAL_FIT, padding: paddingClearOfMinimap(bounds, size.width, size.height, fit) };
}

/** The viewport React Flow opens with for those options (its fitView: the same function, the same numbers). */
export function openingViewport(bounds: Rect, size: { width: number; height: number }, minimap: boolean): Viewport {
  const options = openingFitOptions(bounds, size, minimap);
  return getViewportForBounds(
    bounds,
    size.width,
    size.height,
    MIN_ZOOM,
    INITIAL_FIT.maxZoom,
    options.padding ?? INITIAL_FIT.padding,
  );
}

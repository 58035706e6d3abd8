/**
 * The minimap, which the user can hide, and Fit view that leaves it room: the design is framed so that no node
 * lies under the minimap's corner — with extra padding on the right or at the bottom, whichever keeps the larger
 * zoom. (Framing under a corner overlay needs one side cleared; clearing both would waste the most room.)
 */
import { getViewportForBounds, MiniMap, Panel, type Rect, type Viewport } from '@xyflow/react';

/** React Flow's per-side padding (its `Padding` type is not exported by @xyflow/react). */
type Padding = Parameters<typeof getViewportForBounds>[5];
import type { DiagramNode } from './adapter.ts';
import { usePanelLayout } from '../store/panelLayout.ts';

/** The minimap's size and React Flow's panel margin, in screen pixels. */
export const MINIMAP = { width: 168, height: 112, margin: 15 } as const;
/** Breathing room kept between the design and the minimap. */
const GAP = 8;

/**
 * The viewport that frames `bounds` in a `width` × `height` canvas with `padding` (a fraction, as React Flow's
 * fitView takes it), keeping the bottom-right corner the minimap covers clear when it shows.
 *
 * @example viewportClearOfMinimap({ x: 0, y: 0, width: 800, height: 600 }, 900, 500, { padding: 0.12, minZoom: 0.1, maxZoom: 1.1, minimap: true })
 */
export function viewportClearOfMinimap(
  bounds: Rect,
  width: number,
  height: number,
  o: { padding: number; minZoom: number; maxZoom: number; minimap: boolean },
): Viewport {
  return getViewportForBounds(
    bounds,
    width,
    height,
    o.minZoom,
    o.maxZoom,
    paddingClearOfMinimap(bounds, width, height, o),
  );
}

/**
 * The per-side padding (React Flow's `Padding`) of `viewportClearOfMinimap`: also what the canvas's first framing
 * is given, so the design opens clear of the minimap too.
 */
export function paddingClearOfMinimap(
  bounds: Rect,
  width: number,
  height: number,
  o: { padding: number; minZoom: number; maxZoom: number; minimap: boolean },
): Padding {
  const baseX = Math.floor((width - width / (1 + o.padding)) * 0.5);
  const baseY = Math.floor((height - height / (1 + o.padding)) * 0.5);
  const plain = { top: `${baseY}px`, bottom: `${baseY}px`, left: `${baseX}px`, right: `${baseX}px` } as const;
  if (!o.minimap) return plain;
  const clearRight = { ...plain, right: `${Math.max(baseX, MINIMAP.width + MINIMAP.margin + GAP)}px` } as const;
  const clearBottom = { ...plain, bottom: `${Math.max(baseY, MINIMAP.height + MINIMAP.margin + GAP)}px` } as const;
  const right = getViewportForBounds(bounds, width, height, o.minZoom, o.maxZoom, clearRight);
  const bottom = getViewportForBounds(bounds, width, height, o.minZoom, o.maxZoom, clearBottom);
  return right.zoom >= bottom.zoom ? clearRight : clearBottom;
}

const toggleClass =
  'rounded border border-gray-300 bg-white px-2 py-0.5 text-[11px] font-semibold text-gray-700 shadow-sm hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-[#0972d3]';

export function DesignMinimap({
  nodeColor,
  nodeStrokeColor,
}: {
  nodeColor: (n: DiagramNode) => string;
  nodeStrokeColor: (n: DiagramNode) => string;
}) {
  const hidden = usePanelLayout((s) => s.minimapHidden);
  const toggle = usePanelLayout((s) => s.toggleMinimap);
  return (
    <>
      {!hidden && (
        <MiniMap<DiagramNode>
          position="bottom-right"
          pannable
          zoomable
          ariaLabel="Minimap"
          nodeColor={nodeColor}
          nodeStrokeColor={nodeStrokeColor}
          nodeStrokeWidth={3}
          style={{ width: MINIMAP.width, height: MINIMAP.height }}
        />
      )}
      {/* Sits just above the minimap's top edge (or in the corner when the minimap is hidden). */}
      <Panel position="bottom-right" style={hidden ? undefined : { marginBottom: MINIMAP.margin + MINIMAP.height + 4 }}>
        <button
          type="button"
          className={toggleClass}
          aria-pressed={!hidden}
          title={hidden ? 'Show the minimap' : 'Hide the minimap'}
          onClick={toggle}
        >
          Minimap
        </button>
      </Panel>
    </>
  );
}

/**
 * The nodes' rectangles as React Flow shows them right now. During a drag, positions live only in React Flow's
 * node state (the design changes once, at the drop), so the overlay reads them here to keep packets and paths on
 * the nodes being dragged. Outside a drag it is the adapter's own map, unchanged, so nothing is recomputed.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useMemo } from 'react';
import type { XY } from '../geometry.ts';
import type { PlacedRects } from '../../engine/traffic/hopPlan.ts';

/** What liveRects needs of React Flow's node lookup: each node's absolute position. */
export type PositionLookup = ReadonlyMap<string, { internals: { positionAbsolute: XY } }>;

/**
 * `placed` with every node moved to where `lookup` has it (sizes kept); `placed` itself when nothing moved.
 *
 * @example liveRects(placed, store.nodeLookup).get('i-web-a').abs // where the instance is mid-drag
 */
export function liveRects(placed: PlacedRects, lookup: PositionLookup): PlacedRects {
  let out: Map<string, { abs: { x: number; y: number; width: number; height: number }; type?: string }> | undefined;
  for (const [id, p] of placed) {
    const at = lookup.get(id)?.internals.positionAbsolute;
    if (!at || (at.x === p.abs.x && at.y === p.abs.y)) continue;
    out ??= new Map(placed);
    out.set(id, { ...p, abs: { ...p.abs, x: at.x, y: at.y } });
  }
  return out ?? placed;
}

/**
 * The rectangles to draw traffic on: live ones while a node is being dragged, else `placed`. Re-renders only
 * when a drag moves something (not on pans, zooms or selection), and not at all when `enabled` is false.
 */
export function useLiveRects(placed: PlacedRects, enabled: boolean): PlacedRects {
  const select = useMemo(() => {
    let lastNodes: ReactFlowState['nodes'] | undefined;
    let last: PlacedRects = placed;
    return (s: ReactFlowState): PlacedRects => {
      if (!enabled) return placed;
      if (s.nodes === lastNodes) return last;
      lastNodes = s.nodes;
      last = s.nodes.some((n) => n.dragging) ? liveRects(placed, s.nodeLookup) : placed;
      return last;
    };
  }, [placed, enabled]);
  return useStore(select);
}

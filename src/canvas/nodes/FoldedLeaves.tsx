/**
 * A subnet's leaves as its own node draws them when zoomed out past the level of detail (largeDesign.ts
 * `foldLeaves`): one button per leaf, where the leaf's node would be and looking as it would at that zoom (its box
 * and its icon's coloured tile), named as the node is. Clicking one selects the resource — a selected leaf is a
 * node again, with its selection outline, ready to drag.
 */
import { createContext, memo, useContext, type KeyboardEvent, type MouseEvent } from 'react';
import { kindIcon } from '../../engine/model/kinds.ts';
import type { ResourceNode } from '../adapter.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { syncSelection } from '../../store/selection.ts';

/** The leaves each subnet draws, by subnet id (provided by the canvas; empty at the level of detail and above). */
export const FoldedLeaves = createContext<ReadonlyMap<string, readonly ResourceNode[]>>(new Map());

function select(id: string, additive: boolean): void {
  if (additive) syncSelection([{ type: 'select', id, selected: true }]);
  else useDesignStore.getState().select([id]);
}

function onClick(e: MouseEvent<HTMLButtonElement>): void {
  // The subnet's node must not take the click (React Flow would select the subnet).
  e.stopPropagation();
  select(e.currentTarget.dataset.id!, e.shiftKey || e.metaKey || e.ctrlKey);
}

function onKeyDown(e: KeyboardEvent<HTMLButtonElement>): void {
  // Enter and Space press the button; React Flow's node would otherwise select the subnet on them too.
  if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
}

const LeafList = memo(function LeafList({ leaves }: { leaves: readonly ResourceNode[] }) {
  return leaves.map((n) => {
    const attributes = n.domAttributes as Record<string, string> | undefined;
    return (
      <button
        key={n.id}
        type="button"
        className="folded-leaf nodrag nopan"
        data-id={n.id}
        data-kind={attributes?.['data-kind']}
        data-severity={attributes?.['data-severity']}
        data-external={attributes?.['data-external']}
        data-failed={attributes?.['data-failed']}
        aria-label={n.ariaLabel}
        title={n.data.findings ? `${n.ariaLabel}\n\n${n.data.findings}` : n.ariaLabel}
        onClick={onClick}
        onKeyDown={onKeyDown}
        style={{
          left: n.position.x,
          top: n.position.y,
          width: n.width,
          height: n.height,
          ['--tile' as string]: kindIcon(n.data.icon).color,
        }}
      />
    );
  });
});

/** The leaves subnet `subnetId` draws itself, if any. */
export function FoldedLeavesOf({ subnetId }: { subnetId: string }) {
  const leaves = useContext(FoldedLeaves).get(subnetId);
  return leaves ? <LeafList leaves={leaves} /> : null;
}

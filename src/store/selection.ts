/**
 * One selection, and it is the one the user can see. The store's selection is either several things drawn (and
 * highlighted) on the canvas, or the one resource the inspector shows — which may be a record the canvas does not
 * draw, such as a route table opened from a subnet's inspector while route tables are hidden. A canvas click never
 * adds to a hidden record: clicking empty canvas clears everything, clicking a node replaces the hidden record, and
 * hiding route tables drops them from a selection of several. So Delete, Copy and Duplicate act on what is seen.
 */
import { isShownOnCanvas } from '../engine/layout/containers.ts';
import { getResource, type Design, type ResourceId } from '../engine/index.ts';
import { useDesignStore } from './designStore.ts';
import { useUiStore } from './uiStore.ts';

/** A change reported by the canvas; the ones that matter here are `select` changes of a node or an edge. */
export type CanvasChange = { type: string } | { type: 'select'; id: string; selected: boolean };
type SelectChange = { type: 'select'; id: string; selected: boolean };

const isSelect = (c: CanvasChange): c is SelectChange => c.type === 'select' && 'id' in c;

/** Whether resource `id` is drawn on the canvas as it is shown now. */
export function isDrawn(design: Design, id: ResourceId, showSupporting: boolean): boolean {
  const r = getResource(design, id);
  return r !== undefined && isShownOnCanvas(r, showSupporting);
}

/**
 * The selection after the canvas's select changes. The canvas knows only what it draws, so whatever it does not
 * draw (a record opened from the inspector) leaves the selection as soon as the canvas selection changes.
 *
 * @example
 * applySelectChanges(['rtb-1'], [{ type: 'select', id: 'subnet-2', selected: true }], (id) => id !== 'rtb-1') // ['subnet-2']
 */
export function applySelectChanges(
  selection: readonly ResourceId[],
  changes: readonly CanvasChange[],
  drawn: (id: ResourceId) => boolean,
): ResourceId[] {
  const select = changes.filter(isSelect);
  if (select.length === 0) return [...selection];
  const next = new Set(selection.filter(drawn));
  for (const c of select) {
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  return [...next];
}

/** What a selection of several keeps when the canvas stops drawing some of it: only what is still drawn. */
export function visibleSelection(selection: readonly ResourceId[], drawn: (id: ResourceId) => boolean): ResourceId[] {
  return selection.length <= 1 ? [...selection] : selection.filter(drawn);
}

function drawnNow(): (id: ResourceId) => boolean {
  const { design } = useDesignStore.getState();
  const { showSupporting } = useUiStore.getState();
  return (id) => isDrawn(design, id, showSupporting);
}

function setSelection(next: readonly ResourceId[]): void {
  const { selection, select } = useDesignStore.getState();
  if (next.length === selection.length && next.every((id, i) => selection[i] === id)) return;
  select([...next]);
}

/** Applies the canvas's selection changes (React Flow's `select` node and edge changes) to the store. */
export function syncSelection(changes: readonly CanvasChange[]): void {
  if (!changes.some(isSelect)) return;
  const { selection } = useDesignStore.getState();
  const next = applySelectChanges(selection, changes, drawnNow());
  if (next.length === selection.length && next.every((id) => selection.includes(id))) return;
  setSelection(next);
}

/** A click on empty canvas: nothing is selected any more, drawn or not. */
export function clearSelection(): void {
  setSelection([]);
}

// Hiding route tables, groups and ACLs takes them out of a selection of several.
useUiStore.subscribe((state, previous) => {
  if (state.showSupporting === previous.showSupporting) return;
  setSelection(visibleSelection(useDesignStore.getState().selection, drawnNow()));
});

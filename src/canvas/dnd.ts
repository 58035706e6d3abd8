/**
 * Drag and drop from the palette. The label travels in the DataTransfer under our own type (so a drop of some
 * other text is ignored), and in memory too: browsers hide DataTransfer contents until the drop, and the canvas
 * wants to show where the item would land while it is dragged.
 */
import { PALETTE_ITEMS, type PaletteLabel } from '../engine/index.ts';

export const PALETTE_MIME = 'application/x-vpc-designer-palette';

let current: PaletteLabel | undefined;

export function isPaletteLabel(text: string): text is PaletteLabel {
  return PALETTE_ITEMS.some((i) => i.label === text);
}

export function startPaletteDrag(dataTransfer: DataTransfer, label: PaletteLabel): void {
  dataTransfer.setData(PALETTE_MIME, label);
  dataTransfer.setData('text/plain', label);
  dataTransfer.effectAllowed = 'copy';
  current = label;
}

export function endPaletteDrag(): void {
  current = undefined;
}

/** The palette item being dragged, while a drag from this page is in progress. */
export function draggedPaletteItem(): PaletteLabel | undefined {
  return current;
}

/** The palette item a drop carries, if any. */
export function droppedPaletteItem(dataTransfer: DataTransfer): PaletteLabel | undefined {
  const text = dataTransfer.getData(PALETTE_MIME);
  return isPaletteLabel(text) ? text : undefined;
}

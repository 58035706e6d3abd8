/**
 * Level of detail. Zoomed out so far that a node's 12 px label is a 3 px smudge and its icon's pictogram a few
 * pixels (a large design fitted to the screen), nodes draw their boxes and colours only: the same picture at that
 * size for a fraction of the elements to create, lay out and paint. Zooming in past `DETAIL_ZOOM` brings the labels
 * and icons back; names stay in each node's accessible label and tooltip at every zoom.
 */
import { createContext, useContext } from 'react';

export const DETAIL_ZOOM = 0.3;

/** Whether nodes draw their labels and pictograms (provided by the canvas from the current zoom). */
export const NodeDetail = createContext(true);

export function useNodeDetail(): boolean {
  return useContext(NodeDetail);
}

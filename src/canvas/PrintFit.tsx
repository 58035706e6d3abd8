/**
 * Printing (Ctrl+P): the page prints the diagram alone, fitted to the paper (index.css's print rules hide the
 * panels and give the canvas a fixed printed size). Before printing the whole design is framed for that size,
 * synchronously so the printed page already shows it; afterwards the view the user had comes back.
 */
import { getViewportForBounds, useReactFlow, type Viewport } from '@xyflow/react';
import { useEffect } from 'react';
import { flushSync } from 'react-dom';

/**
 * The canvas's printed size in CSS pixels (96 per inch): 259 × 185 mm, the printable area of both A4 and US Letter in
 * landscape with 10 mm margins — index.css's `@media print` gives `.print-diagram` the same size.
 */
export const PRINTED_SIZE = { width: (259 / 25.4) * 96, height: (185 / 25.4) * 96 };

export function PrintFit() {
  const { getNodes, getNodesBounds, getViewport, setViewport } = useReactFlow();
  useEffect(() => {
    let before: Viewport | undefined;
    const fit = () => {
      const nodes = getNodes();
      if (nodes.length === 0) return;
      before = getViewport();
      const viewport = getViewportForBounds(
        getNodesBounds(nodes),
        PRINTED_SIZE.width,
        PRINTED_SIZE.height,
        0.02,
        2,
        0.04,
      );
      flushSync(() => void setViewport(viewport));
    };
    const restore = () => {
      if (before) void setViewport(before);
      before = undefined;
    };
    window.addEventListener('beforeprint', fit);
    window.addEventListener('afterprint', restore);
    return () => {
      window.removeEventListener('beforeprint', fit);
      window.removeEventListener('afterprint', restore);
    };
  }, [getNodes, getNodesBounds, getViewport, setViewport]);
  return null;
}

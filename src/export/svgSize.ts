/**
 * An SVG drawing's size in CSS pixels, read from its root element: what the PNG (png.ts), the PDF (pdf.ts) and the
 * CLI draw it at. Light on purpose (no PDF or canvas code), so each of them can import it.
 */

/** The drawing's size from its root element: width/height attributes, else the viewBox. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) throw new Error('not an SVG drawing');
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1];
  const viewBox = attr('viewBox')
    ?.split(/[\s,]+/)
    .map(Number);
  const width = parseFloat(attr('width') ?? '') || viewBox?.[2];
  const height = parseFloat(attr('height') ?? '') || viewBox?.[3];
  if (!width || !height || !(width > 0) || !(height > 0)) throw new Error('the SVG drawing has no size');
  return { width, height };
}

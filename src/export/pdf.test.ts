/**
 * The PDF export read back: its page size follows the choice (A4, Letter, landscape or portrait, or the drawing's
 * own size), the drawing is fitted inside the margins, and its text is text (not a picture of it).
 */
import { describe, expect, it } from 'vitest';
import { PAGE_MARGIN, svgSize, svgToPdf } from './pdf.ts';
import { readPdf } from './pdfReadBack.ts';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600" viewBox="0 0 1200 600">
<style>.t { font-family: sans-serif; font-size: 14px; fill: #232F3E }</style>
<rect x="1" y="1" width="1198" height="598" fill="none" stroke="#8C4FFF"/>
<text class="t" x="40" y="40">Production &amp; shared</text><text class="t" x="40" y="80">10.0.0.0/16 → NAT</text></svg>`;

describe('svgToPdf', () => {
  it.each([
    ['a4', 'landscape', 841.89, 595.28],
    ['a4', 'portrait', 595.28, 841.89],
    ['letter', 'landscape', 792, 612],
    ['letter', 'portrait', 612, 792],
  ] as const)('writes a %s %s page', async (size, orientation, width, height) => {
    const pdf = readPdf(await svgToPdf(SVG, { size, orientation }));
    expect(pdf.pages).toEqual([{ width, height }]);
  });

  it('makes a page the drawing’s own size (in points) plus margins for “fit”', async () => {
    const pdf = readPdf(await svgToPdf(SVG, { size: 'fit', orientation: 'landscape' }));
    expect(pdf.pages).toEqual([{ width: 1200 * 0.75 + 2 * PAGE_MARGIN, height: 600 * 0.75 + 2 * PAGE_MARGIN }]);
  });

  it('keeps text as text, with symbols Helvetica lacks written plainly', async () => {
    const bytes = await svgToPdf(SVG, { size: 'a4', orientation: 'landscape' });
    expect(new TextDecoder('latin1').decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = readPdf(bytes).text.join('\n');
    expect(text).toContain('Production & shared');
    expect(text).toContain('10.0.0.0/16 -> NAT');
  });

  it('reads the drawing’s size from width/height, else the viewBox, and refuses what is not a drawing', () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200"></svg>')).toEqual({
      width: 300,
      height: 200,
    });
    expect(() => svgSize('<html></html>')).toThrow('not an SVG drawing');
    expect(() => svgSize('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toThrow('has no size');
  });
});

/**
 * An exported SVG as a vector PDF, the same in the browser (the export dialog loads this module lazily) and in the
 * CLI (Node): PDFKit writes the PDF and svg-to-pdfkit draws the SVG into it as PDF paths and text — no DOM, no
 * canvas, no picture of the drawing — so text stays selectable and searchable. The drawing is scaled to fit the
 * page inside its margins and centred; 'fit' makes the page the drawing's own size.
 *
 * Text uses the PDF's standard Helvetica (every reader has it, nothing embedded): the few symbols it cannot show
 * are written as their nearest plain characters.
 */
import * as pdfkit from 'pdfkit';
import Helvetica from 'pdfkit/standard-fonts/Helvetica';
import HelveticaBold from 'pdfkit/standard-fonts/HelveticaBold';
import HelveticaBoldOblique from 'pdfkit/standard-fonts/HelveticaBoldOblique';
import HelveticaOblique from 'pdfkit/standard-fonts/HelveticaOblique';
import Courier from 'pdfkit/standard-fonts/Courier';
import CourierBold from 'pdfkit/standard-fonts/CourierBold';
import SVGtoPDF from 'svg-to-pdfkit';
import { svgSize } from './svgSize.ts';

// PDFKit's browser build carries no font metrics until given them (its Node build reads them itself): the fonts
// svg-to-pdfkit picks for sans-serif and monospace text.
const stdFonts = pdfkit as unknown as { registerStdFonts?: (...fonts: unknown[]) => void };
stdFonts.registerStdFonts?.(Helvetica, HelveticaBold, HelveticaOblique, HelveticaBoldOblique, Courier, CourierBold);

export interface PdfPage {
  size: 'a4' | 'letter' | 'fit';
  orientation: 'landscape' | 'portrait';
}

/** Page sizes in PDF points (1/72 inch), portrait. */
export const PAGE_SIZES = { a4: [595.28, 841.89], letter: [612, 792] } as const;
/** Space kept around the drawing on the page, in points (half an inch). */
export const PAGE_MARGIN = 36;
/** CSS pixels to PDF points: an SVG drawn at 100 % on a 'fit' page is its own size. */
const PX_TO_PT = 0.75;

export { svgSize };

/** Symbols outside the standard fonts' character set (WinAnsi), as plain characters. */
const PLAIN: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '✓': '+',
  '✗': 'x',
  '✕': 'x',
  '…': '...',
  '≤': '<=',
  '≥': '>=',
};

/** Replaces, in text between tags only, what Helvetica cannot show. */
function plainText(svg: string): string {
  return svg.replace(
    />([^<]+)</g,
    (_, text: string) =>
      `>${text.replace(/[→←↔✓✗✕…≤≥]/g, (c) => PLAIN[c]!.replace('<', '&lt;').replace('>', '&gt;'))}<`,
  );
}

/**
 * Draws an SVG onto one PDF page.
 *
 * @example const bytes = await svgToPdf(renderSvg(design), { size: 'a4', orientation: 'landscape' });
 */
export async function svgToPdf(svg: string, page: PdfPage): Promise<Uint8Array> {
  const drawing = svgSize(svg);
  const w = drawing.width * PX_TO_PT;
  const h = drawing.height * PX_TO_PT;
  let pageSize: [number, number];
  if (page.size === 'fit') {
    pageSize = [w + 2 * PAGE_MARGIN, h + 2 * PAGE_MARGIN];
  } else {
    const [short, long] = PAGE_SIZES[page.size];
    pageSize = page.orientation === 'landscape' ? [long, short] : [short, long];
  }
  const scale = Math.min((pageSize[0] - 2 * PAGE_MARGIN) / w, (pageSize[1] - 2 * PAGE_MARGIN) / h);
  const x = (pageSize[0] - w * scale) / 2;
  const y = (pageSize[1] - h * scale) / 2;

  const doc = new pdfkit.default({
    size: pageSize,
    margin: 0,
    autoFirstPage: true,
    compress: true,
    info: { Producer: 'VPC Designer', Creator: 'VPC Designer' },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const warnings: string[] = [];
  SVGtoPDF(doc, plainText(svg), x, y, {
    width: w * scale,
    height: h * scale,
    preserveAspectRatio: 'xMidYMid meet',
    assumePt: false,
    warningCallback: (message: string) => warnings.push(message),
  });
  doc.end();
  await done;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

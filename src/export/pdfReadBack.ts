/**
 * Reads a PDF written by svgToPdf back, for tests and the CLI's checks: the page sizes (MediaBox) and the text
 * drawn with the standard fonts (the strings of each TJ/Tj operator in the page content streams, decoded from
 * WinAnsi). Not a general PDF reader: it knows PDFKit's output.
 */
import { inflateSync } from 'node:zlib';

export interface PdfReadBack {
  pages: { width: number; height: number }[];
  /** Text runs in drawing order. */
  text: string[];
}

function hexToText(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return out;
}

export function readPdf(bytes: Uint8Array): PdfReadBack {
  const raw = Buffer.from(bytes).toString('latin1');
  const pages = [...raw.matchAll(/\/MediaBox \[([\d.\s-]+)\]/g)].map((m) => {
    const [x1, y1, x2, y2] = m[1]!.trim().split(/\s+/).map(Number);
    return { width: x2! - x1!, height: y2! - y1! };
  });
  const text: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    const body = Buffer.from(raw.slice(start, end), 'latin1');
    let content: string;
    try {
      content = inflateSync(body).toString('latin1');
    } catch {
      content = body.toString('latin1');
    }
    // svg-to-pdfkit places glyphs one by one: a text element is one BT … ET block.
    for (const block of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      let run = '';
      for (const op of block[1]!.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
        run +=
          op[1] !== undefined
            ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => hexToText(h[1]!)).join('')
            : hexToText(op[2]!);
      }
      if (run) text.push(run);
    }
  }
  return { pages, text };
}

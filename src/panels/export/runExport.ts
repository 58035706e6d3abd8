/**
 * Making the file the Export dialog asked for, from the one drawing: the design file as today; SVG from the
 * engine's `renderSvg` (animated: `renderAnimatedSvg`, the chosen flows' packets moving); PNG drawn from that SVG by the browser's canvas; PDF from that SVG (its library is loaded
 * only when a PDF is asked for); draw.io from the engine's `renderDrawio`. And "Copy image": the PNG on the
 * clipboard. Each step fails with a plain one-line message, never with the design changed.
 */
import { renderAnimatedSvg } from '../../engine/export/animatedSvg.ts';
import { renderDrawio } from '../../engine/export/drawio.ts';
import type { DiagramOptions } from '../../engine/export/options.ts';
import { renderSvg } from '../../engine/export/svg.ts';
import { serializeDesign, type Design } from '../../engine/index.ts';
import { planPng, svgSize, svgToPngBlob } from '../../export/png.ts';
import { exportFileName } from '../../store/download.ts';
import type { ExportChoices, ExportFormat } from './exportChoices.ts';

export interface ExportedFile {
  name: string;
  blob: Blob;
  /** Something the user should know about the file (a PNG drawn at a lower scale than asked). */
  note?: string;
}

const EXTENSION: Record<ExportFormat, string> = {
  json: 'json',
  svg: 'svg',
  'animated-svg': 'animated.svg',
  png: 'png',
  pdf: 'pdf',
  drawio: 'drawio',
};
const MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  svg: 'image/svg+xml',
  'animated-svg': 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  drawio: 'application/vnd.jgraph.mxfile',
};

export function fileNameFor(design: Design, format: ExportFormat): string {
  return exportFileName(design, EXTENSION[format]);
}

/** What a PNG at `scale` of this SVG will be (its size, and whether the browser's canvas forces a lower scale). */
export function pngPlanOf(svg: string, scale: number) {
  const { width, height } = svgSize(svg);
  return planPng(width, height, scale);
}

/**
 * The file for `choices.format`. `svg` is the drawing for `options` when the caller has it already (the preview),
 * else it is drawn here.
 */
export async function makeExportFile(
  design: Design,
  choices: ExportChoices,
  options: DiagramOptions,
  svg?: string,
): Promise<ExportedFile> {
  const name = fileNameFor(design, choices.format);
  const file = (blob: BlobPart, note?: string): ExportedFile => ({
    name,
    blob: new Blob([blob], { type: MIME[choices.format] }),
    ...(note ? { note } : {}),
  });
  const drawing = () => svg ?? renderSvg(design, options);
  switch (choices.format) {
    case 'json':
      return file(serializeDesign(design));
    case 'svg':
      return file(drawing());
    case 'animated-svg':
      return file(renderAnimatedSvg(design, options));
    case 'png': {
      const picture = drawing();
      const { message } = pngPlanOf(picture, choices.scale);
      return {
        name,
        blob: await svgToPngBlob(picture, { scale: choices.scale }),
        ...(message ? { note: message } : {}),
      };
    }
    case 'pdf': {
      const { svgToPdf } = await import('../../export/pdf.ts');
      const bytes = await svgToPdf(drawing(), { size: choices.pageSize, orientation: choices.orientation });
      return file(bytes as Uint8Array<ArrayBuffer>);
    }
    case 'drawio':
      return file(renderDrawio(design, options));
  }
}

/** Why the browser has no way for a page to put an image on the clipboard, or undefined when it has. */
export function clipboardImageUnsupported(): string | undefined {
  if (typeof ClipboardItem === 'undefined' || typeof navigator.clipboard?.write !== 'function') {
    return 'This browser does not let a page copy an image: download the PNG instead.';
  }
  return undefined;
}

/**
 * Puts the SVG drawn as a PNG at `scale` on the clipboard. The PNG is handed over as a promise so the copy stays
 * inside the click that asked for it (browsers allow a clipboard write only during a user's gesture).
 */
export async function copyImage(svg: string, scale: number): Promise<void> {
  const unsupported = clipboardImageUnsupported();
  if (unsupported) throw new Error(unsupported);
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': svgToPngBlob(svg, { scale }) })]);
  } catch (error) {
    if (error instanceof Error && error.name !== 'NotAllowedError' && /PNG|canvas|picture/.test(error.message))
      throw error;
    throw new Error('The browser refused to put the image on the clipboard: download the PNG instead.', {
      cause: error,
    });
  }
}

/** Types the PDF export needs that its libraries do not ship: svg-to-pdfkit's one function, PDFKit's font metrics. */
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    assumePt?: boolean;
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x?: number,
    y?: number,
    options?: SvgToPdfOptions,
  ): void;
}

declare module 'pdfkit/standard-fonts/*' {
  const metrics: unknown;
  export default metrics;
}

// Reads back what a generated PDF draws, for tests: page size, the text shown (standard fonts,
// WinAnsi) and the filled rectangles (barcode bars).
import { decodePDFRawStream, PDFArray, PDFDocument, type PDFRawStream, PDFRef } from "pdf-lib";

export interface PdfPage {
  width: number;
  height: number;
  texts: string[];
  rects: { x: number; y: number; w: number; h: number }[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const parts = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    const ops = parts
      .map((p) => (p instanceof PDFRef ? doc.context.lookup(p) : p) as PDFRawStream)
      .map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString("latin1"))
      .join("\n");
    const winAnsi = new TextDecoder("windows-1252");
    const texts = [...ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) =>
      winAnsi.decode(Buffer.from(m[1]!, "hex")),
    );
    const num = "(-?[0-9.]+)";
    const rects = [...ops.matchAll(new RegExp(`${num} ${num} ${num} ${num} re`, "g"))].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      w: Number(m[3]),
      h: Number(m[4]),
    }));
    const { width, height } = page.getSize();
    return { width, height, texts, rects };
  });
}

/** Bars (rectangles of one row) → alternating bar/space widths in modules, as a scanner reads them. */
export function barWidths(rects: PdfPage["rects"]): number[] {
  const bars = [...rects].sort((a, b) => a.x - b.x);
  const runs: number[] = [];
  bars.forEach((bar, i) => {
    runs.push(bar.w);
    const next = bars[i + 1];
    if (next) runs.push(next.x - (bar.x + bar.w));
  });
  const module = Math.min(...runs);
  return runs.map((r) => Math.round(r / module));
}

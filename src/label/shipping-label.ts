// The 10 × 15 cm shipping label (docs/REQUIREMENTS.md#seed-003 "etiquetas de envio"), the size thermal label printers
// take: carrier, service and tracking as a Code 128 barcode on top, the recipient with the CEP large
// and barred (the sorting centre scans it), the fiscal document that travels with the parcel (the
// NF-e, or a declaração de conteúdo when there is none), the order numbers, the sender at the
// bottom. Built with pdf-lib (pure JS) and its standard fonts.
import {
  fill,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  StandardFonts,
  setFillingGrayscaleColor,
} from "pdf-lib";
import { formatBusinessDate } from "../domain/business-date.ts";
import { formatCep } from "../domain/cep.ts";
import { formatPhoneBr, stateCode } from "../domain/pt-br-labels.ts";
import { encodeCode128 } from "./code128.ts";

const MM = 72 / 25.4;
/** 100 × 150 mm in points: 283.46 × 425.20. */
export const LABEL_SIZE: readonly [number, number] = [100 * MM, 150 * MM];
const MARGIN = 5 * MM;
const BARCODE_HEIGHT = 16 * MM;
/** The CEP's bars: shorter than the tracking code's, so a scanner aimed at one does not read the other. */
const CEP_BARCODE_HEIGHT = 9 * MM;
/** Modules of white either side of the bars, as the standard asks. */
const QUIET_MODULES = 10;
/** Widest module that still fits the page; thermal printers at 203 dpi resolve 0.375 mm. */
const MAX_MODULE = 0.5 * MM;

export interface LabelAddress {
  name: string;
  street: string | null;
  number: string | null;
  complement: string | null;
  neighborhood: string | null;
  city: string | null;
  state: string | null;
  /** Eight digits (normalizeCep), or null when unknown. */
  zipcode: string | null;
  phone?: string | null;
  /** CPF/CNPJ, shown for the sender. */
  document?: string | null;
}

export interface LabelData {
  sender: LabelAddress;
  recipient: LabelAddress;
  orderNumber: number;
  storeOrderNumber: string | null;
  /** The order date (when the customer ordered), written dd/mm/aaaa in São Paulo time. */
  orderedAt: Date;
  storeName: string | null;
  carrier: string | null;
  /** The carrier's service (PAC, SEDEX…): the order's shipping option as the store named it. */
  service: string | null;
  /** The live invoice that travels with the parcel; null: a declaração de conteúdo must go instead. */
  invoice: { number: string | null; series: string | null; accessKey: string | null } | null;
  trackingCode: string | null;
  trackingUrl: string | null;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  charset: Set<number>;
}

/** The standard fonts speak WinAnsi: Portuguese fits; anything else loses its accent or becomes "?". */
function printable(text: string, fonts: Fonts): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0)!;
    if (fonts.charset.has(code)) out += ch;
    else {
      const bare = ch.normalize("NFD").replace(/\p{M}/gu, "");
      out += bare !== ch && [...bare].every((c) => fonts.charset.has(c.codePointAt(0)!)) ? bare : "?";
    }
  }
  return out.replace(/\s+/g, " ").trim();
}

/** Cuts a line to the width with "…" rather than running off the label. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 0 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

class Writer {
  y: number;
  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
  ) {
    this.y = page.getHeight() - MARGIN;
  }

  get width() {
    return this.page.getWidth() - 2 * MARGIN;
  }

  line(text: string, options: { size?: number; bold?: boolean; align?: "left" | "center" | "right" } = {}) {
    const size = options.size ?? 9;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const shown = fit(printable(text, this.fonts), font, size, this.width);
    this.y -= size * 1.2;
    const w = font.widthOfTextAtSize(shown, size);
    const x =
      options.align === "center"
        ? MARGIN + (this.width - w) / 2
        : options.align === "right"
          ? MARGIN + this.width - w
          : MARGIN;
    if (shown) this.page.drawText(shown, { x, y: this.y, size, font });
  }

  /** Left and right text on one line (carrier | order number). */
  pair(left: string, right: string, size: number) {
    const y = this.y - size * 1.2;
    const r = fit(printable(right, this.fonts), this.fonts.bold, size, this.width / 2);
    const rw = this.fonts.bold.widthOfTextAtSize(r, size);
    const l = fit(printable(left, this.fonts), this.fonts.bold, size, this.width - rw - 6);
    if (l) this.page.drawText(l, { x: MARGIN, y, size, font: this.fonts.bold });
    if (r) this.page.drawText(r, { x: MARGIN + this.width - rw, y, size, font: this.fonts.bold });
    this.y = y;
  }

  rule() {
    this.y -= 5;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: MARGIN + this.width, y: this.y },
      thickness: 0.8,
    });
    this.y -= 2;
  }

  gap(points: number) {
    this.y -= points;
  }

  /** The bars as one filled path of rectangles (crisp at any zoom, readable back by the tests). */
  barcode(text: string, height = BARCODE_HEIGHT) {
    const symbol = encodeCode128(text);
    const module = Math.min(MAX_MODULE, this.width / (symbol.modules + 2 * QUIET_MODULES));
    let x = MARGIN + (this.width - symbol.modules * module) / 2;
    this.y -= height + 4;
    const bars = symbol.widths.flatMap((w, i) => {
      const bar = i % 2 === 0 ? [rectangle(x, this.y, w * module, height)] : [];
      x += w * module;
      return bar;
    });
    this.page.pushOperators(
      pushGraphicsState(),
      setFillingGrayscaleColor(0),
      ...bars,
      fill(),
      popGraphicsState(),
    );
  }

  address(title: string, a: LabelAddress, sizes: { name: number; body: number; cep: number }) {
    this.line(title, { size: 7, bold: true });
    this.gap(1);
    this.line(a.name, { size: sizes.name, bold: true });
    const street = [a.street, a.number].filter(Boolean).join(", ");
    if (street) this.line(a.complement ? `${street} - ${a.complement}` : street, { size: sizes.body });
    else if (a.complement) this.line(a.complement, { size: sizes.body });
    if (a.neighborhood) this.line(a.neighborhood, { size: sizes.body });
    const city = [a.city, stateCode(a.state)].filter(Boolean).join(" / ");
    if (city) this.line(city, { size: sizes.body });
    const extra = [
      a.document ? `CPF/CNPJ ${a.document}` : null,
      a.phone ? `Tel. ${formatPhoneBr(a.phone)}` : null,
    ]
      .filter(Boolean)
      .join("  ");
    if (extra) this.line(extra, { size: sizes.body - 1 });
    if (a.zipcode) this.line(`CEP ${formatCep(a.zipcode)}`, { size: sizes.cep, bold: true });
  }
}

/** What travels with the parcel: the NF-e (its number and series), or a declaração de conteúdo. */
function fiscalLine(invoice: LabelData["invoice"]): string {
  if (!invoice) return "Sem nota fiscal: acompanha declaração de conteúdo";
  if (!invoice.accessKey)
    return `Venda sem NF-e${invoice.number ? ` nº ${invoice.number}` : ""}: acompanha declaração de conteúdo`;
  return `NF-e nº ${invoice.number ?? "—"}${invoice.series ? ` série ${invoice.series}` : ""}`;
}

/** The label as PDF bytes: one page of 100 × 150 mm. */
export async function renderShippingLabel(data: LabelData): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`Etiqueta do pedido ${data.orderNumber}`);
  doc.setProducer("Ponte");
  doc.setCreator("Ponte");
  const page = doc.addPage([...LABEL_SIZE]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(page, { regular, bold, charset: new Set(regular.getCharacterSet()) });

  w.pair(data.carrier ?? "Envio", `Pedido ${data.orderNumber}`, 12);
  if (data.service && data.service !== data.carrier)
    w.line(`Serviço: ${data.service}`, { size: 9, bold: true });
  w.gap(2);
  if (data.trackingCode) {
    w.barcode(data.trackingCode);
    w.line(data.trackingCode, { size: 11, bold: true, align: "center" });
  } else {
    // No tracking code (only a link, or not shipped yet): the order number, for the warehouse's scanner.
    w.barcode(String(data.orderNumber));
    w.line(`Pedido ${data.orderNumber} - sem código de rastreio`, { size: 8, align: "center" });
    if (data.trackingUrl) w.line(`Rastreio: ${data.trackingUrl}`, { size: 7, align: "center" });
  }
  w.rule();
  w.gap(2);
  w.address("DESTINATÁRIO", data.recipient, { name: 12, body: 10, cep: 16 });
  if (data.recipient.zipcode) w.barcode(data.recipient.zipcode, CEP_BARCODE_HEIGHT);
  w.rule();
  w.line(fiscalLine(data.invoice), { size: 9, bold: true });
  w.line(`Pedido Ponte nº ${data.orderNumber}`, { size: 9, bold: true });
  if (data.storeOrderNumber) {
    const store = data.storeName ? ` (${data.storeName})` : "";
    w.line(`Pedido da loja nº ${data.storeOrderNumber}${store}`, { size: 9 });
  }
  w.line(`Data do pedido: ${formatBusinessDate(data.orderedAt)}`, { size: 9 });
  w.rule();
  w.gap(1);
  w.address("REMETENTE", data.sender, { name: 9, body: 8, cep: 9 });
  return doc.save();
}

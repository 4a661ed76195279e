// How the panel writes money, dates and documents (pt-BR): R$ 1.234,56, 27/11/2026 14:05,
// 123.456.789-09 and 12.ABC.345/01DE-35.
import { formatDocument } from "../../src/domain/document.ts";

const money = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" });
const dateTime = new Intl.DateTimeFormat("pt-BR", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "America/Sao_Paulo",
});

/** Integer cents → "R$ 1.234,56" (a plain space, so copy-paste and tests see one kind of space). */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "—";
  return money.format(cents / 100).replace(/\u00a0/g, " ");
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return dateTime.format(date).replace(",", "");
}

/** CPF or CNPJ with its mask (the same rule as the API's); "—" when there is none. */
export function formatDocumentOrDash(document: string | null | undefined): string {
  return document ? formatDocument(document) : "—";
}

/** "R$ 12,34" or "12,34" typed by the operator → cents; undefined when empty or unreadable. */
export function parseMoney(text: string): number | undefined {
  const cleaned = text.replace(/[R$\s.]/g, "").replace(",", ".");
  if (!cleaned) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? Math.round(value * 100) : undefined;
}

/** Seconds → "3 min", "2 h 5 min", "agora". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  if (seconds < 60) return seconds < 5 ? "agora" : `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} dias`;
}

/** A calendar date "2026-12-27" (or an ISO timestamp's date part) → "27/12/2026". */
export function formatDate(value: string | null | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : "—";
}

/** "Pix", "Cartão de crédito em 3x", "(11) 91234-5678", "SP" (src/domain/pt-br-labels.ts). */
export { formatPhoneBr, paymentTypeLabel, stateCode } from "../../src/domain/pt-br-labels.ts";

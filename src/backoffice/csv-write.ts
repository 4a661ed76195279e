// CSV as a pt-BR spreadsheet opens it (issue 16, item 5): `;` between fields, decimal comma,
// dates dd/mm/aaaa, CRLF line ends, UTF-8 with a BOM so Excel reads the accents. A field with
// `;`, a quote or a line break is quoted, its quotes doubled; text is otherwise written as stored.
import { BUSINESS_TIME_ZONE } from "../domain/business-date.ts";

export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

export type CsvValue = string | number | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(";")}\r\n`;
}

/** Integer cents → "1234,56" (no thousands separator: a spreadsheet reads it as a number). */
export function csvCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

const dayFormat = new Intl.DateTimeFormat("pt-BR", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: BUSINESS_TIME_ZONE,
});

/** An instant → its day where the merchant is, "27/11/2026"; a calendar date "2026-11-27" as is. */
export function csvDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (day) return `${day[3]}/${day[2]}/${day[1]}`;
    return dayFormat.format(new Date(value));
  }
  return dayFormat.format(value);
}

/** "pedidos-2026-12-06.csv": the export's name with today's date. */
export function csvFileName(prefix: string, now = new Date()): string {
  const [d, m, y] = dayFormat.format(now).split("/");
  return `${prefix}-${y}-${m}-${d}.csv`;
}

const minuteFormat = new Intl.DateTimeFormat("pt-BR", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: BUSINESS_TIME_ZONE,
});

/** An instant → "27/11/2026 14:05", where the merchant is. */
export function csvDateTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return minuteFormat.format(new Date(value)).replace(",", "");
}

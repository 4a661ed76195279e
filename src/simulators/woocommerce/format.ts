// How WooCommerce writes money and dates in REST answers.
// - Money: decimal strings with the store's 2 decimals ("150.00"), also when negative ("-5.00")
//   (REST docs, _orders.md "Retrieve an order": "total": "29.35"). A line item's `price` is a JSON
//   number, the line total over the quantity (same sample: "price": 3 for subtotal "6.00", quantity 2).
// - Dates: "YYYY-MM-DDTHH:MM:SS" without an offset, in the site's timezone (date_created) and in
//   UTC (date_created_gmt) (_introduction.md "Dates are returned in ISO8601 format"; _orders.md
//   order properties). The site's offset is fixed (option gmtOffsetMinutes, São Paulo's −180 by
//   default; Brazil has had no daylight saving since 2019).

/** Integer cents → "150.00", "-5.00". */
export function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** "150.00" → 15000; NaN when it is not a money string. */
export function cents(text: unknown): number {
  if (typeof text !== "string" || !/^-?\d+(\.\d{1,2})?$/.test(text)) return Number.NaN;
  const negative = text.startsWith("-");
  const [whole, frac = ""] = text.replace("-", "").split(".");
  const value = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return negative ? -value : value;
}

/** A line item's `price`: a number, possibly with many decimals after a discount. */
export function unitPrice(totalCents: number, quantity: number): number {
  return totalCents / Math.max(1, quantity) / 100;
}

/** Epoch ms → "2017-03-22T19:28:02" in UTC. */
export function gmt(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Epoch ms → the same instant on the site's clock, without an offset. */
export function siteTime(ms: number, offsetMinutes: number): string {
  return gmt(ms + offsetMinutes * 60_000);
}

/** RFC 3339 as WordPress's rest_parse_date accepts it for date-time parameters. */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}(:?\d{2})?)?$/;

/**
 * A date filter value (after, before, modified_after, modified_before) → the site's wall clock, as
 * epoch ms of that wall time read as UTC. WordPress's WP_Date_Query::build_mysql_datetime reads a
 * value without an offset as a site-time wall clock, and converts one WITH an offset to the site's
 * timezone ("Assume local timezone if not provided" … setTimezone(wp_timezone)); the result is then
 * compared, as text, with post_date or — when dates_are_gmt — post_date_gmt. So "…Z" with
 * dates_are_gmt=true is off by the site's offset: a quirk the simulator keeps (see columnWall).
 */
export function filterWall(value: string, offsetMinutes: number): number {
  const text = value.replace(" ", "T");
  const explicit = /([Zz]|[+-]\d{2}:?\d{2}|[+-]\d{2})$/.test(text);
  if (!explicit) return Date.parse(`${text.slice(0, 19)}Z`);
  const instant = Date.parse(text.replace(/([+-]\d{2})$/, "$1:00").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Math.floor(instant / 1000) * 1000 + offsetMinutes * 60_000;
}

/** The wall clock of a stored instant in the column a date filter reads (site time, or GMT). */
export function columnWall(ms: number, datesAreGmt: boolean, offsetMinutes: number): number {
  return datesAreGmt ? ms : ms + offsetMinutes * 60_000;
}

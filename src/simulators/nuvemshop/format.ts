// Nuvemshop's wire formats: "2022-02-23T12:25:18+0000" timestamps and "58.00" money strings.

/** Milliseconds → "2022-02-23T12:25:18+0000" (second resolution, UTC). */
export function formatTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+0000`;
}

/** The PHP DateTime object Nuvemshop serialises for `completed_at`. */
export function completedAt(ms: number): { date: string; timezone_type: number; timezone: string } {
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString();
  return { date: `${iso.slice(0, 10)} ${iso.slice(11, 19)}.000000`, timezone_type: 3, timezone: "UTC" };
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses the ISO 8601 shapes clients send (date only, with or without seconds, Z or ±hh[:]mm).
 * An unencoded "+" in a query string arrives as a space, so "…T10:00:00 0300" reads as "+0300".
 */
export function parseTime(raw: string): number | undefined {
  const value = raw.trim().replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$/, "$1+$2");
  const m = ISO.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", zone] = m;
  const ms = Number(frac.padEnd(3, "0").slice(0, 3));
  let time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const date = new Date(time);
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  if (zone && zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return time;
}

/** A strict calendar date "YYYY-MM-DD" (legacy fulfillment events accept nothing else). */
export function isIsoDate(value: unknown): boolean {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && parseTime(value) !== undefined;
}

/** Integer cents → "58.00". */
export function money(cents: number): string {
  const abs = Math.abs(Math.round(cents));
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** "58.00" (or "58", "58.5") → 5800, split at the dot so no float rounding creeps in. */
export function cents(value: unknown): number {
  const text = String(value ?? "0").trim();
  const m = /^(-?)(\d+)(?:\.(\d{0,2})\d*)?$/.exec(text);
  if (!m) return Number.NaN;
  const [, sign, whole, frac = ""] = m;
  const total = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return sign ? -total : total;
}

export function isoNow(): string {
  return new Date().toISOString();
}

// Small readers of WooCommerce's order JSON shared by the mapping, the listing and the pushes.
import { parseMoney } from "../../domain/money.ts";

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
export const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** Text as received, null when absent or empty. */
export function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

/** The value of the first meta_data entry with `key` (WC_Data::get_meta with single = true). */
export function meta(entries: unknown, key: string): string | null {
  const found = objects(entries).find((m) => m.key === key);
  return found === undefined ? null : text(found.value);
}

/**
 * A WooCommerce amount (a decimal string, "29.35", "-5.00"; REST docs _orders.md) → integer
 * cents, through the string, never a float (domain/money.ts). Absent or "" is 0; anything else
 * that is not an amount is a problem.
 */
export function cents(v: unknown, field: string, problems: string[]): number {
  if (v === null || v === undefined || v === "") return 0;
  try {
    return parseMoney(v as string | number);
  } catch {
    problems.push(`${field}: "${String(v)}" is not an amount`);
    return 0;
  }
}

/**
 * A `*_gmt` date: "2017-03-22T19:28:02", UTC without an offset (_introduction.md "Dates";
 * _orders.md "date_created_gmt: The date the order was created, as GMT") → ISO instant.
 */
export function gmtTime(v: unknown, field: string, problems: string[]): string | null {
  const s = text(v);
  if (s === null) return null;
  const withZone = /([Zz]|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s}Z`;
  const d = new Date(withZone);
  if (Number.isNaN(d.getTime())) {
    problems.push(`${field}: "${s}" is not a date`);
    return null;
  }
  return d.toISOString();
}

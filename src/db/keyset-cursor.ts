// The opaque `after` cursor of the keyset-paginated lists: the last row's sort key and id,
// base64url JSON. A cursor this list did not give is a 400, never a query error.
import { PonteError } from "../errors.ts";

/** The key may be null where the sort column is (such rows sort last). */
export const encodeCursor = <K extends string | null>(key: K, id: number) =>
  Buffer.from(JSON.stringify([key, id])).toString("base64url");

/** [key, id] back from a cursor, when `validKey` accepts the key (a timestamp, a date…). */
export function decodeCursor(cursor: string, validKey: (key: string) => boolean): [string, number];
export function decodeCursor(
  cursor: string,
  validKey: (key: string) => boolean,
  options: { nullKey: true },
): [string | null, number];
export function decodeCursor(
  cursor: string,
  validKey: (key: string) => boolean,
  options?: { nullKey: true },
): [string | null, number] {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    const keyOk = (key === null && options?.nullKey === true) || (typeof key === "string" && validKey(key));
    if (keyOk && Number.isSafeInteger(id)) return [key as string | null, id as number];
  } catch {}
  throw new PonteError("invalid_cursor", "after: not a cursor this list gave", {
    details: { fields: [{ path: "/after", message: "not a cursor this list gave" }] },
  });
}

/** A real calendar day from year 1 on (PostgreSQL refuses year 0 and 2026-02-31, which Date.parse takes). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The ISO form cursors carry (`toISOString()`, or PostgreSQL's `to_json` of a timestamptz). */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,6})?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

const matchesDay = (pattern: RegExp, key: string) => {
  const m = pattern.exec(key);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
};

/** YYYY-MM-DD, a day PostgreSQL's date takes. */
export const isDate = (key: string) => matchesDay(DATE, key);

/** An ISO timestamp with its offset, one PostgreSQL's timestamptz takes. */
export const isTimestamp = (key: string) => matchesDay(TIMESTAMP, key);

export interface NewestFirstOptions {
  storeId?: number;
  limit: number;
  after?: string | null;
}

/**
 * The parameters and where clause of a list read newest first by (timestamp, id), optionally one
 * store's, continued after a cursor: `$1` is the limit plus one (to know whether more follow).
 */
export function newestFirstFilter(
  options: NewestFirstOptions,
  columns: { store: string; at: string; id: string },
  conditions: string[],
): { params: unknown[]; where: string } {
  const params: unknown[] = [options.limit + 1];
  const where = [...conditions];
  if (options.storeId !== undefined) {
    params.push(options.storeId);
    where.push(`${columns.store} = $${params.length}`);
  }
  if (options.after) {
    const [at, id] = decodeCursor(options.after, isTimestamp);
    params.push(at, id);
    where.push(
      `(${columns.at}, ${columns.id}) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`,
    );
  }
  return { params, where: where.join(" and ") };
}

/** One page of such a list: its items and the cursor of the next page (null on the last). */
export function newestFirstPage<R extends { id: number; cursor_at: string }, T>(
  rows: R[],
  limit: number,
  item: (row: R) => T,
): { items: T[]; next: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(item),
    next: rows.length > limit && last ? encodeCursor(last.cursor_at, Number(last.id)) : null,
  };
}

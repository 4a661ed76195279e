// The opaque `after` cursor of the keyset-paginated lists: the last row's sort key and id,
// base64url JSON. A cursor this list did not give is a 400, never a query error.
import { PonteError } from "../errors.ts";

export const encodeCursor = (key: string, id: number) =>
  Buffer.from(JSON.stringify([key, id])).toString("base64url");

/** [key, id] back from a cursor, when `validKey` accepts the key (a timestamp, a date…). */
export function decodeCursor(cursor: string, validKey: (key: string) => boolean): [string, number] {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof key === "string" && validKey(key) && Number.isSafeInteger(id)) return [key, id as number];
  } catch {}
  throw new PonteError("invalid_cursor", "after: not a cursor this list gave", { status: 400 });
}

export const isTimestamp = (key: string) => !Number.isNaN(Date.parse(key));

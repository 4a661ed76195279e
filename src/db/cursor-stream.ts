// Reading a query's rows a batch at a time through a server-side cursor, so an export of a
// million rows holds one batch in memory, whatever the sort. The cursor lives in a read-only
// transaction on a connection of its own, released when the reader finishes or stops early
// (the client went away: the generator's return runs the finally).
import type { Db } from "./db.ts";

export const CURSOR_BATCH = 2000;

export async function* cursorBatches<T>(
  db: Db,
  sql: string,
  params: unknown[],
  batch = CURSOR_BATCH,
): AsyncGenerator<T[]> {
  const client = await db.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("begin transaction isolation level repeatable read read only");
    if (db.setup) await client.query(db.setup); // a tenant's export sees its own rows only
    await client.query(`declare export_cursor no scroll cursor for ${sql}`, params);
    for (;;) {
      const { rows } = await client.query<T & Record<string, unknown>>(`fetch ${batch} from export_cursor`);
      if (rows.length === 0) break;
      yield rows as T[];
      if (rows.length < batch) break;
    }
    await client.query("commit");
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // Stopped early (or failed): the transaction and its cursor go with a rollback.
    await client.query("rollback").catch(() => undefined);
    client.release(broken);
  }
}

// Where a value still is in the database: every text and JSON column of Ponte's tables searched
// (the privacy tests prove an anonymised person left no trace anywhere).
import type { Db } from "../../src/db/db.ts";

/** "table.column" for each column of a public table that holds `value` (case ignored). */
export async function whereIs(db: Db, value: string): Promise<string[]> {
  const { rows: columns } = await db.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'jsonb', 'json')`,
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from "${table_name}" where "${column_name}"::text ilike $1`,
      [`%${value}%`],
    );
    if (rows[0]!.n > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

/** Each value that is still somewhere, with where. */
export async function traces(db: Db, values: readonly string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const value of values) {
    const where = await whereIs(db, value);
    if (where.length > 0) out[value] = where;
  }
  return out;
}

// Replacing a person's values wherever free text copied them (event messages, sync errors, push
// payloads, notes). Text columns get replace(); jsonb columns are replaced in their text form
// (the marker has no character JSON would escape, so the document stays valid).
import type { Queryable } from "../db/db.ts";

/** What a removed value reads as. */
export const REDACTED = "[anonimizado]";

/** LIKE pattern for a value anywhere in a text. */
export const containing = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Replaces each value in `column` of the rows `where` selects (its parameters are $2…); returns
 * how many rows changed. `json`: the column is jsonb.
 */
export async function scrubColumn(
  q: Queryable,
  table: string,
  column: string,
  json: boolean,
  where: string,
  params: unknown[],
  values: readonly string[],
): Promise<number> {
  let changed = 0;
  // In chunks: one nested replace() per value, kept to a sane depth.
  for (let i = 0; i < values.length; i += 40) {
    changed += await scrubChunk(q, table, column, json, where, params, values.slice(i, i + 40));
  }
  return changed;
}

async function scrubChunk(
  q: Queryable,
  table: string,
  column: string,
  json: boolean,
  where: string,
  params: unknown[],
  values: readonly string[],
): Promise<number> {
  const asText = json ? `${column}::text` : column;
  // Longest first: a full name goes before the first name it contains.
  const ordered = [...values].sort((a, b) => b.length - a.length);
  let expression = asText;
  ordered.forEach((_, i) => {
    expression = `replace(${expression}, $${i + 2 + params.length}::text, '${REDACTED}')`;
  });
  const patterns = ordered.map(containing);
  const sql = `update ${table} set ${column} = ${json ? `(${expression})::jsonb` : expression}
                where (${where}) and ${asText} like any($1::text[])`;
  const result = await q.query(sql, [patterns, ...params, ...ordered]);
  return result.rowCount;
}

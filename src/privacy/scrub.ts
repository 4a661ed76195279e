// Replacing a person's values wherever free text copied them (event messages, sync errors, push
// payloads, notes, the audit trail), whatever their case (an e-mail typed in capitals is the same
// e-mail). jsonb columns are replaced in their text form (the marker has no character JSON would
// escape, so the document stays valid).
import type { Queryable } from "../db/db.ts";

/** What a removed value reads as. */
export const REDACTED = "[anonimizado]";

/** The value as a regular expression that matches only itself. */
const literal = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

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
    expression = `regexp_replace(${expression}, $${i + 2 + params.length}::text, '${REDACTED}', 'gi')`;
  });
  const patterns = ordered.map(containing);
  const sql = `update ${table} set ${column} = ${json ? `(${expression})::jsonb` : expression}
                where (${where}) and ${asText} ilike any($1::text[])`;
  const result = await q.query(sql, [patterns, ...params, ...ordered.map(literal)]);
  return result.rowCount;
}

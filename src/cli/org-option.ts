// `--org ID`: the organisation a user or token command works in; the first one when not given.
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { UsageError } from "./command.ts";

export const ORG_OPTION = { org: { type: "string" } } as const;
export const ORG_HELP = "--org ID     the organisation (see `ponte org list`); the first one by default.";

/** The organisation's id, checked to exist. */
export async function orgFromOption(db: Queryable, value: unknown): Promise<number> {
  const text = value === undefined ? "1" : String(value);
  if (!/^[1-9]\d{0,14}$/.test(text))
    throw new UsageError("--org is an organisation's id (see `ponte org list`)");
  const id = Number(text);
  const { rowCount } = await db.query("select 1 from organizations where id = $1", [id]);
  if (rowCount === 0) throw new PonteError("not_found", `no organisation ${id} (see \`ponte org list\`)`);
  return id;
}

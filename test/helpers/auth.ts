import crypto from "node:crypto";
import { createToken } from "../../src/auth/tokens.ts";
import type { AppContext } from "../../src/context.ts";
import type { Db } from "../../src/db/db.ts";

const tokens = new WeakMap<Db, Promise<string>>();

/** An API token on this database, made once per database (as `ponte token create` would). */
export function apiToken(db: Db): Promise<string> {
  let token = tokens.get(db);
  if (!token) {
    token = createToken(db, 1, {
      name: `test-${crypto.randomBytes(4).toString("hex")}`,
      access: "admin",
      createdBy: "cli",
    }).then((t) => t.token);
    tokens.set(db, token);
  }
  return token;
}

/** Headers that authenticate a test's API requests: a Bearer token created for the context's database. */
export async function authHeaders(ctx: Pick<AppContext, "db">): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await apiToken(ctx.db)}` };
}

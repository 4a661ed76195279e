// `ponte token create|revoke|list`: API tokens for scripts (`Authorization: Bearer …`).
import { createToken, listTokens, revokeToken } from "../../auth/tokens.ts";
import { type Command, UsageError } from "../command.ts";
import { withDatabase } from "./with-database.ts";

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "-");

export const token: Command = {
  name: "token",
  summary: "create, revoke and list API tokens",
  help: `ponte token create --name NAME
       ponte token revoke --name NAME
       ponte token list

create   prints a new token alone on the last line of output; it is shown only once
         (Ponte keeps only its hash). Send it as \`Authorization: Bearer <token>\`.
revoke   stops the token named NAME from working (exit 1 when there is none).
list     prints name, prefix, created, last used and revoked for every token.

Example: TOKEN=$(ponte token create --name backup-script | tail -n 1)`,
  options: { name: { type: "string" } },
  async run({ values, positionals }) {
    const [action, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`token: unexpected "${extra.join(" ")}"`);
    const name = values.name as string | undefined;
    if (action === "list") {
      return withDatabase(async (db) => {
        const tokens = await listTokens(db);
        if (tokens.length === 0) console.log("no tokens yet: `ponte token create --name NAME` makes one");
        for (const t of tokens) {
          console.log(
            [
              t.name,
              `${t.prefix}…`,
              `created ${when(t.createdAt)}`,
              `last used ${when(t.lastUsedAt)}`,
              t.revokedAt ? `revoked ${when(t.revokedAt)}` : "active",
            ].join("\t"),
          );
        }
      });
    }
    if (action !== "create" && action !== "revoke") {
      throw new UsageError("token: give create, revoke or list (see `ponte token --help`)");
    }
    if (!name) throw new UsageError(`token ${action}: --name is required`);
    if (action === "create") {
      // Printed after the database is closed, so no log line can follow the token.
      const created = await withDatabase((db) => createToken(db, name));
      console.log(`API token "${name.trim()}" created. Copy it now: it is not shown again.`);
      console.log(created.token);
      return 0;
    }
    return withDatabase(async (db) => {
      if (await revokeToken(db, name)) {
        console.log(`token "${name.trim()}" revoked`);
        return 0;
      }
      console.error(`ponte token revoke: no active token named "${name.trim()}"`);
      return 1;
    });
  },
};

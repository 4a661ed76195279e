// `ponte token create|revoke|list`: API tokens for scripts (`Authorization: Bearer …`).

import { recordTokenCreated, recordTokenRevoked } from "../../audit/access-changes.ts";
import { cliSource } from "../../audit/record.ts";
import { isTokenAccess, TOKEN_ACCESS, type TokenAccess } from "../../auth/roles.ts";
import { createToken, listTokens, MAX_TOKEN_DAYS, revokeToken } from "../../auth/tokens.ts";
import { type Command, UsageError } from "../command.ts";
import { ORG_HELP, ORG_OPTION, orgFromOption } from "../org-option.ts";
import { osUser } from "../os-user.ts";
import { withDatabase } from "./with-database.ts";

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "-");

export const token: Command = {
  name: "token",
  summary: "create, revoke and list API tokens",
  help: `ponte token create --name NAME [--access admin|operator|reader|webhooks] [--expires-days N] [--org ID]
       ponte token revoke --name NAME [--org ID]
       ponte token list [--org ID]

create   prints a new token alone on the last line of output; it is shown only once
         (Ponte keeps only its hash). Send it as \`Authorization: Bearer <token>\`.
         --access is a role (admin, the default; operator; reader) or the webhooks
         scope (the stores' list and Testar conexão only). --expires-days makes it stop
         working after N days (1 to ${MAX_TOKEN_DAYS}); without it, it works until revoked.
revoke   stops the token named NAME from working (exit 1 when there is none).
list     prints name, prefix, created, last used and revoked for every token.

A token works in one organisation. ${ORG_HELP}

Example: TOKEN=$(ponte token create --name backup-script | tail -n 1)`,
  options: {
    name: { type: "string" },
    access: { type: "string" },
    "expires-days": { type: "string" },
    ...ORG_OPTION,
  },
  async run({ values, positionals }) {
    const [action, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`token: unexpected "${extra.join(" ")}"`);
    const name = values.name as string | undefined;
    if (action === "list") {
      return withDatabase(async (db) => {
        const tokens = await listTokens(db, await orgFromOption(db, values.org));
        if (tokens.length === 0) console.log("no tokens yet: `ponte token create --name NAME` makes one");
        for (const t of tokens) {
          console.log(
            [
              t.name,
              `${t.prefix}…`,
              t.access,
              `created ${when(t.createdAt)}`,
              `last used ${when(t.lastUsedAt)}`,
              `expires ${when(t.expiresAt)}`,
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
      const access = (values.access as string | undefined) ?? "admin";
      if (!isTokenAccess(access))
        throw new UsageError(`token create: --access is one of ${TOKEN_ACCESS.join(", ")}`);
      const daysText = values["expires-days"] as string | undefined;
      const expiresInDays = daysText === undefined ? undefined : Number(daysText);
      if (expiresInDays !== undefined && !/^\d+$/.test(daysText!)) {
        throw new UsageError(
          `token create: --expires-days is a whole number of days (1 to ${MAX_TOKEN_DAYS})`,
        );
      }
      // Printed after the database is closed, so no log line can follow the token.
      const created = await withDatabase(async (db) => {
        const orgId = await orgFromOption(db, values.org);
        return db.transaction(async (tx) => {
          const made = await createToken(tx, orgId, {
            name,
            access: access as TokenAccess,
            expiresInDays,
            createdBy: "cli",
          });
          await recordTokenCreated(tx, cliSource(orgId, osUser()), made.listing);
          return made;
        });
      });
      console.log(`API token "${name.trim()}" created. Copy it now: it is not shown again.`);
      console.log(created.token);
      return 0;
    }
    return withDatabase(async (db) => {
      const orgId = await orgFromOption(db, values.org);
      const revoked = await db.transaction(async (tx) => {
        const token = await revokeToken(tx, orgId, name);
        if (token) await recordTokenRevoked(tx, cliSource(orgId, osUser()), token);
        return token;
      });
      if (revoked) {
        console.log(`token "${name.trim()}" revoked`);
        return 0;
      }
      console.error(`ponte token revoke: no active token named "${name.trim()}"`);
      return 1;
    });
  },
};

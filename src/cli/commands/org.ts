// `ponte org create|list`: organisations, one per merchant, from the machine Ponte runs on.
import { cliSource } from "../../audit/record.ts";
import { userIdByEmail } from "../../auth/user-admin.ts";
import { openOrganization } from "../../tenancy/organizations.ts";
import { type Command, UsageError } from "../command.ts";
import { osUser } from "../os-user.ts";
import { withDatabase } from "./with-database.ts";

export const org: Command = {
  name: "org",
  summary: "create and list organisations (one per merchant)",
  help: `ponte org create --name NAME [--admin EMAIL]
       ponte org list

create   makes an organisation with its own stores, orders, customers, users and tokens;
         prints its id (the --org of \`ponte user\` and \`ponte token\`). --admin makes an
         existing user its first admin; otherwise add one with
         \`ponte user create --org ID --email …\`.
list     prints every organisation: id, name, members, stores.`,
  options: { name: { type: "string" }, admin: { type: "string" } },
  async run({ values, positionals }) {
    const [action, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`org: unexpected "${extra.join(" ")}"`);
    if (action === "list") {
      return withDatabase(async (db) => {
        const { rows } = await db.query<{ id: number; name: string; members: number; stores: number }>(
          `select o.id, o.name,
                  (select count(*)::int from memberships m where m.org_id = o.id) as members,
                  (select count(*)::int from stores s where s.org_id = o.id and s.removed_at is null) as stores
             from organizations o order by o.id`,
        );
        for (const r of rows)
          console.log([r.id, r.name, `${r.members} users`, `${r.stores} stores`].join("\t"));
      });
    }
    if (action !== "create") throw new UsageError("org: give create or list (see `ponte org --help`)");
    const name = values.name as string | undefined;
    if (!name) throw new UsageError("org create: --name is required");
    const admin = values.admin as string | undefined;
    return withDatabase(async (db) => {
      const made = await db.transaction(async (tx) =>
        openOrganization(
          tx,
          name,
          admin ? await userIdByEmail(tx, admin) : null,
          (orgId) => cliSource(orgId, osUser()),
          admin ? { admin: admin.trim() } : {},
        ),
      );
      console.log(
        `organisation ${made.id} "${made.name}" created${admin ? ` with ${admin.trim()} as admin` : ""}`,
      );
    });
  },
};

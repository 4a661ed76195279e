// `ponte user create|password|role|disable|enable|remove|list`: the panel's users, from the
// machine Ponte runs on.
import {
  recordPasswordSet,
  recordUserChanged,
  recordUserCreated,
  recordUserRemoved,
} from "../../audit/access-changes.ts";
import { cliSource } from "../../audit/record.ts";
import { ACCESS_LABELS, isRole, ROLES, type Role } from "../../auth/roles.ts";
import { changeUser, removeUser, userIdByEmail } from "../../auth/user-admin.ts";
import { createUser, listUsers, setPassword } from "../../auth/users.ts";
import { type Command, UsageError } from "../command.ts";
import { ORG_HELP, ORG_OPTION, orgFromOption } from "../org-option.ts";
import { osUser } from "../os-user.ts";
import { withDatabase } from "./with-database.ts";

/** Reads a password without echoing it (the terminal is in raw mode meanwhile). */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") {
          finish();
          resolve(value);
          return;
        }
        if (ch === "\u0003") {
          finish();
          reject(new UsageError("user: cancelled"));
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

/** The new password: from stdin with --password-stdin, else typed twice at a terminal. */
async function readNewPassword(fromStdin: boolean, command: string): Promise<string> {
  if (fromStdin) {
    const text = await new Response(process.stdin as unknown as ReadableStream).text();
    return text.replace(/\r?\n$/, ""); // the newline `echo` adds is not part of it
  }
  if (!process.stdin.isTTY) {
    throw new UsageError(
      `user ${command}: no terminal to type the password in: pipe it with --password-stdin`,
    );
  }
  const first = await promptHidden("Password (10 to 256 characters): ");
  const second = await promptHidden("Same password again: ");
  if (first !== second) throw new UsageError(`user ${command}: the two passwords differ`);
  return first;
}

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "-");

export const user: Command = {
  name: "user",
  summary: "create panel users, reset a password, set roles, disable or remove users, list users",
  help: `ponte user create --email EMAIL [--role admin|operator|reader] [--password-stdin] [--org ID]
       ponte user password --email EMAIL [--password-stdin]
       ponte user role --email EMAIL --role admin|operator|reader [--org ID]
       ponte user disable|enable|remove --email EMAIL [--org ID]
       ponte user list [--org ID]

create     adds a user who can sign in to the panel and the API (the first one can
           also be created in the panel, from a browser on this machine). The role is
           admin unless --role says otherwise: admin (users, tokens, stores, settings),
           operator (orders, invoices, shipments, Integração, Falhas), reader (sees,
           changes nothing).
           A person who already works in another organisation is added with their own
           password (the one typed is not used).
password   sets a new password and signs the user out everywhere.
role       changes the user's role in the organisation.
disable    stops the user working in the organisation and ends their sessions there;
           enable undoes it.
remove     takes the user out of the organisation (their sessions there end; a user left
           in none is deleted). Each organisation keeps at least one enabled admin.
list       prints the organisation's users with role, state and when they last signed in.

${ORG_HELP}

The password is typed twice without echo, or read from standard input with
--password-stdin (a trailing newline is dropped). 10 to 256 characters.

Example: printf '%s' "$PASSWORD" | ponte user create --email ana@example.com --password-stdin`,
  options: {
    email: { type: "string" },
    role: { type: "string" },
    "password-stdin": { type: "boolean" },
    ...ORG_OPTION,
  },
  async run({ values, positionals }) {
    const [action, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`user: unexpected "${extra.join(" ")}"`);
    const email = values.email as string | undefined;
    const fromStdin = values["password-stdin"] === true;
    const roleValue = values.role as string | undefined;
    if (roleValue !== undefined && !isRole(roleValue)) {
      throw new UsageError(`user: --role is one of ${ROLES.join(", ")}`);
    }
    const role = roleValue as Role | undefined;
    if (action === "list") {
      return withDatabase(async (db) => {
        const users = await listUsers(db, await orgFromOption(db, values.org));
        if (users.length === 0) console.log("no users yet: `ponte user create --email EMAIL` adds one");
        for (const u of users) {
          console.log(
            [
              u.email,
              u.role,
              u.disabled ? "disabled" : "active",
              `created ${when(u.createdAt)}`,
              `last sign-in ${when(u.lastLoginAt)}`,
            ].join("\t"),
          );
        }
      });
    }
    const changes = ["role", "disable", "enable", "remove"];
    if (action !== "create" && action !== "password" && !changes.includes(action ?? "")) {
      throw new UsageError(
        "user: give create, password, role, disable, enable, remove or list (see `ponte user --help`)",
      );
    }
    if (!email) throw new UsageError(`user ${action}: --email is required`);
    if (action === "role" && !role) throw new UsageError("user role: --role is required");
    if (changes.includes(action!)) {
      return withDatabase(async (db) => {
        const orgId = await orgFromOption(db, values.org);
        const id = await userIdByEmail(db, email);
        const cli = { kind: "cli", id: 0 } as const;
        if (action === "remove") {
          await db.transaction(async (tx) =>
            recordUserRemoved(tx, cliSource(orgId, osUser()), await removeUser(tx, orgId, id, cli)),
          );
          console.log(`user ${email.trim()} removed; their sessions were ended`);
          return;
        }
        const change = action === "role" ? { role } : { disabled: action === "disable" };
        const changed = await db.transaction(async (tx) => {
          const { before, after } = await changeUser(tx, orgId, id, change, cli);
          await recordUserChanged(tx, cliSource(orgId, osUser()), before, after);
          return after;
        });
        console.log(
          `user ${changed.email}: ${ACCESS_LABELS[changed.role]} (${changed.role}), ${changed.disabled ? "disabled, sessions ended" : "active"}`,
        );
      });
    }
    const password = await readNewPassword(fromStdin, action!);
    return withDatabase(async (db) => {
      if (action === "create") {
        const orgId = await orgFromOption(db, values.org);
        const created = await createUser(db, orgId, { email, password, role: role ?? "admin" }, (tx, u) =>
          recordUserCreated(tx, cliSource(orgId, osUser()), u),
        );
        console.log(
          `created user ${created.email} (${created.role}): sign in to the panel with this e-mail and password`,
        );
      } else {
        // Recorded in every organisation the user works in: each one's admins see it.
        const changed = await setPassword(db, email, password, async (tx, u) => {
          for (const orgId of u.orgIds) await recordPasswordSet(tx, cliSource(orgId, osUser()), u);
        });
        console.log(`password of ${changed.email} changed; their sessions were ended`);
      }
    });
  },
};

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { ponte, run } from "../helpers/process.ts";

describe("the ponte CLI", () => {
  it("prints help for every command", async () => {
    const overview = await run(["--help"], {});
    assert.equal(overview.code, 0);
    const names = [...overview.output.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]!);
    assert.ok(names.includes("start") && names.includes("migrate"), overview.output);
    for (const name of names) {
      const help = await run([name, "--help"], {});
      assert.equal(help.code, 0, `${name} --help`);
      assert.match(help.output, new RegExp(`^Usage: ponte ${name}`), `${name} --help`);
    }
  });

  it("exits non-zero with one line on bad input", async () => {
    for (const args of [["nonsense"], ["migrate", "--bogus"], ["selftest", "--jobs", "zero"]]) {
      const result = await run(args, {});
      assert.equal(result.code, 2, args.join(" "));
      assert.equal(result.output.trim().split("\n").length, 1, result.output);
    }
  });

  it("a bad or unreachable DATABASE_URL ends with exit 1 and one line, not a stack trace", async () => {
    for (const url of ["mysql://x@y/z", "postgres://ponte:x@127.0.0.1:1/ponte"]) {
      const result = await run(["migrate"], { DATABASE_URL: url });
      assert.equal(result.code, 1, result.output);
      const lines = result.output.trim().split("\n");
      assert.equal(lines.length, 1, result.output);
      assert.match(lines[0]!, /^ponte migrate: /);
      assert.doesNotMatch(result.output, /at .*\.ts:\d+/);
    }
  });
});

describe("ponte user and ponte token", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let env: Record<string, string>;
  before(async () => {
    t = await createTestDatabase({ migrated: false }); // the commands migrate, as `start` does
    env = { DATABASE_URL: t.url };
  });
  after(async () => {
    await app?.close();
    await t.drop();
  });

  /** Runs the CLI with `input` on its standard input. */
  async function withStdin(args: string[], input: string) {
    const p = ponte(args, env);
    p.child.stdin?.end(input);
    return { code: await p.exited, output: p.output() };
  }

  it("token create prints the token alone on the last line; it authenticates until revoked", async () => {
    const created = await run(["token", "create", "--name", "nightly backup"], env);
    assert.equal(created.code, 0, created.output);
    const lines = created.output.trimEnd().split("\n");
    const token = lines.at(-1)!;
    assert.match(token, /^ponte_[A-Za-z0-9_-]{43}$/, created.output);
    assert.ok(lines.length >= 2 && !lines.slice(0, -1).join("\n").includes(token), "shown once, at the end");

    app = await buildApp({ ctx: testContext(t.db), version: "test" });
    const call = () => app.inject({ url: "/api/v1/stores", headers: { authorization: `Bearer ${token}` } });
    assert.equal((await call()).statusCode, 200);

    const again = await run(["token", "create", "--name", "nightly backup"], env);
    assert.equal(again.code, 1, "a live token name is taken");
    assert.match(again.output, /already exists/);

    const listed = await run(["token", "list"], env);
    assert.match(listed.output, new RegExp(`nightly backup\\t${token.slice(0, 12)}…`));
    assert.doesNotMatch(listed.output, new RegExp(token), "the list never shows the token");

    const revoked = await run(["token", "revoke", "--name", "nightly backup"], env);
    assert.equal(revoked.code, 0, revoked.output);
    assert.equal((await call()).statusCode, 401);
    const missing = await run(["token", "revoke", "--name", "nightly backup"], env);
    assert.equal(missing.code, 1);
    assert.match(missing.output, /no active token named "nightly backup"/);
  });

  it("user create reads the password from stdin; user password resets it and ends sessions", async () => {
    const noPassword = await run(["user", "create", "--email", "bia@example.com"], env);
    assert.equal(noPassword.code, 2, "no terminal and no --password-stdin: usage error");
    assert.match(noPassword.output, /--password-stdin/);
    const weak = await withStdin(
      ["user", "create", "--email", "bia@example.com", "--password-stdin"],
      "curta\n",
    );
    assert.equal(weak.code, 1);
    assert.match(weak.output, /10 to 256 characters/);

    const created = await withStdin(
      ["user", "create", "--email", "bia@example.com", "--password-stdin"],
      "senha da bia 123\n",
    );
    assert.equal(created.code, 0, created.output);
    assert.match(created.output, /created user bia@example\.com/);
    const login = (password: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { origin: "http://localhost" },
        payload: { email: "bia@example.com", password },
      });
    const first = await login("senha da bia 123");
    assert.equal(first.statusCode, 200, "the trailing newline is not part of the password");
    const cookie = String(first.headers["set-cookie"]).split(";")[0]!;

    const reset = await withStdin(
      ["user", "password", "--email", "BIA@example.com", "--password-stdin"],
      "outra senha longa",
    );
    assert.equal(reset.code, 0, reset.output);
    const probe = await app.inject({ url: "/api/v1/auth/session", headers: { cookie } });
    assert.equal(probe.statusCode, 401, "the reset signed her out");
    assert.equal((await login("senha da bia 123")).statusCode, 401);
    assert.equal((await login("outra senha longa")).statusCode, 200);

    const listed = await run(["user", "list"], env);
    assert.match(
      listed.output,
      /^bia@example\.com\tadmin\tactive\t/m,
      "an admin unless --role says otherwise",
    );
  });

  it("user role, disable and remove; token create with a scope and an expiry", async () => {
    const admin = await run(["token", "create", "--name", "auditoria"], env);
    const token = admin.output.trim().split("\n").at(-1)!;
    const made = await withStdin(
      ["user", "create", "--email", "caio@example.com", "--role", "reader", "--password-stdin"],
      "senha do caio 123",
    );
    assert.equal(made.code, 0, made.output);
    assert.match(made.output, /\(reader\)/);
    const badRole = await run(["user", "role", "--email", "caio@example.com", "--role", "chefe"], env);
    assert.equal(badRole.code, 2);
    const role = await run(["user", "role", "--email", "caio@example.com", "--role", "operator"], env);
    assert.equal(role.code, 0, role.output);
    const disabled = await run(["user", "disable", "--email", "caio@example.com"], env);
    assert.match(disabled.output, /disabled, sessions ended/);
    assert.match((await run(["user", "list"], env)).output, /^caio@example\.com\toperator\tdisabled\t/m);
    const removed = await run(["user", "remove", "--email", "caio@example.com"], env);
    assert.equal(removed.code, 0, removed.output);
    assert.doesNotMatch((await run(["user", "list"], env)).output, /caio@example\.com/);
    // Each change is in the audit trail, made from the command line.
    const audit = await app.inject({
      url: "/api/v1/audit?entityType=user&q=caio",
      headers: { authorization: `Bearer ${token}` },
    });
    const actions = (audit.json().items as { action: string; actorKind: string }[]).map(
      (e) => `${e.actorKind}:${e.action}`,
    );
    assert.deepEqual(actions, ["cli:user.delete", "cli:user.update", "cli:user.update", "cli:user.create"]);

    const created = await run(
      ["token", "create", "--name", "relatórios", "--access", "reader", "--expires-days", "7"],
      env,
    );
    assert.equal(created.code, 0, created.output);
    const reader = created.output.trim().split("\n").at(-1)!;
    const headers = { authorization: `Bearer ${reader}` };
    assert.equal((await app.inject({ url: "/api/v1/orders", headers })).statusCode, 200);
    assert.equal(
      (await app.inject({ method: "POST", url: "/api/v1/orders", headers, payload: {} })).statusCode,
      403,
    );
    assert.match((await run(["token", "list"], env)).output, /relatórios\t.*\treader\t.*expires \d{4}-/);
    const badDays = await run(["token", "create", "--name", "x", "--expires-days", "0"], env);
    assert.equal(badDays.code, 1);
    assert.match(badDays.output, /1 to 3650 whole days/);
  });

  it("org create with an admin; a user and a token of that organisation work in it alone", async () => {
    await withStdin(
      ["user", "create", "--email", "gerente@example.com", "--password-stdin"],
      "senha da gerente 1",
    );
    const made = await run(["org", "create", "--name", "Loja Gama", "--admin", "gerente@example.com"], env);
    assert.equal(made.code, 0, made.output);
    const id = /organisation (\d+) "Loja Gama" created with gerente@example.com as admin/.exec(
      made.output,
    )?.[1];
    assert.ok(id, made.output);
    assert.match(
      (await run(["org", "list"], env)).output,
      new RegExp(`^${id}\tLoja Gama\t1 users\t0 stores$`, "m"),
    );
    const token = (await run(["token", "create", "--name", "gama", "--org", id], env)).output
      .trim()
      .split("\n")
      .at(-1)!;
    const headers = { authorization: `Bearer ${token}` };
    const orgs = (await app.inject({ url: "/api/v1/organizations", headers })).json();
    assert.equal(orgs.current, Number(id));
    assert.deepEqual(
      (await app.inject({ url: "/api/v1/users", headers }))
        .json()
        .users.map((u: { email: string }) => u.email),
      ["gerente@example.com"],
      "only the new organisation's members",
    );
    assert.doesNotMatch(
      (await run(["token", "list"], env)).output,
      /^gama\t/m,
      "not the first organisation's token",
    );
    assert.match((await run(["token", "list", "--org", id], env)).output, /^gama\t/m);
    const unknown = await run(["user", "list", "--org", "999"], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.output, /no organisation 999/);
  });
});

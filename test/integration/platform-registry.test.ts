// The engine reads platforms only through the registry: GET /api/v1/platforms lists what each
// module declares, connecting checks the module's schemas, webhooks find their module by path,
// and a status table keeps the extra columns its platform declares (seed 004: Linx Commerce's
// "ID Status EZ Core" and "ID Fluxo EZ Core"), shown here with a module registered by the test.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import type { PlatformModule } from "../../src/platforms/module.ts";
import { nuvemshop } from "../../src/platforms/nuvemshop/index.ts";
import { registerPlatformForTests } from "../../src/platforms/registry.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { signedWebhook } from "../helpers/reliability.ts";

/** A platform with codes of its own beside each status, and a store id that is a name. */
const linxLike: PlatformModule = {
  ...(nuvemshop as PlatformModule),
  id: "colunas-extras",
  label: "Plataforma com Colunas",
  install: undefined,
  storeId: {
    schema: { type: "string", title: "Conta na plataforma", pattern: "^[a-z][a-z0-9-]{1,40}$" },
    hint: "A conta tem letras minúsculas, números e hífens, por exemplo minha-loja.",
  },
  statusColumns: [
    { key: "ezStatus", label: "ID Status EZ Core", maxLength: 20 },
    { key: "ezFlow", label: "ID Fluxo EZ Core", maxLength: 20 },
  ],
};

describe("the platform registry", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let auth: Record<string, string>;
  let unregister: () => void;

  before(async () => {
    t = await createTestDatabase();
    unregister = registerPlatformForTests(linxLike);
    ctx = testContext(t.db);
    app = await buildApp({ ctx, version: "test" });
    auth = await authHeaders(ctx);
  });
  after(async () => {
    await app.close();
    unregister();
    await t.drop();
  });

  const connect = (body: Record<string, unknown>) =>
    app.inject({ method: "POST", url: "/api/v1/stores", headers: auth, payload: { name: "Loja", ...body } });

  it("lists each platform with its connect fields, install, status values and columns", async () => {
    const res = await app.inject({ url: "/api/v1/platforms", headers: auth });
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json() as {
      id: string;
      label: string;
      installAvailable: boolean;
      installSettings: string[];
      credentials: { required: string[]; properties: Record<string, { title: string; writeOnly?: boolean }> };
      storeId: { schema: { title: string }; hint: string };
      statusValues: { value: string; label: string }[];
      statusColumns: { key: string; label: string }[];
    }[];
    const ns = list.find((p) => p.id === "nuvemshop")!;
    assert.equal(ns.label, "Nuvemshop");
    assert.equal(ns.installAvailable, true, "the test context has the app's id and secret");
    assert.ok(ns.installSettings.length > 0);
    assert.deepEqual(ns.credentials.required, ["accessToken"]);
    assert.equal(ns.credentials.properties.accessToken?.writeOnly, true);
    assert.equal(ns.storeId.schema.title, "ID da loja na Nuvemshop");
    assert.deepEqual(
      ns.statusValues.find((v) => v.value === "paid"),
      { value: "paid", label: "Pago" },
    );
    assert.deepEqual(ns.statusColumns, []);
    const extra = list.find((p) => p.id === linxLike.id)!;
    assert.equal(extra.installAvailable, false);
    assert.deepEqual(extra.installSettings, []);
    assert.deepEqual(
      extra.statusColumns.map((c) => c.label),
      ["ID Status EZ Core", "ID Fluxo EZ Core"],
    );
  });

  it("refuses a store id or credentials that do not fit the module's schemas, in pt-BR", async () => {
    const badId = await connect({
      platform: "nuvemshop",
      externalId: "loja-abc",
      accessToken: "token-12345678",
    });
    assert.equal(badId.statusCode, 400, badId.body);
    assert.match(badId.json().error.reason, /ID da loja na Nuvemshop tem só números/);
    const shortToken = await connect({
      platform: "nuvemshop",
      externalId: "123",
      credentials: { accessToken: "x" },
    });
    assert.equal(shortToken.statusCode, 400, shortToken.body);
    assert.match(shortToken.json().error.reason, /Token de acesso: pelo menos 8 caracteres/);
    assert.deepEqual(
      shortToken.json().error.fields.map((f: { path: string }) => f.path),
      ["/credentials/accessToken"],
    );
    const unknown = await connect({
      platform: "plataforma-que-nao-existe",
      externalId: "1",
      accessToken: "x",
    });
    assert.equal(unknown.statusCode, 400, unknown.body);
  });

  it("keeps the extra status columns its platform declares, and refuses others", async () => {
    const made = await connect({
      platform: linxLike.id,
      externalId: "minha-loja",
      credentials: { accessToken: "token-12345678" },
      apiBaseUrl: "http://127.0.0.1:9/v1",
    });
    assert.equal(made.statusCode, 201, made.body);
    const storeId = made.json().id as number;
    const url = `/api/v1/stores/${storeId}/status-map`;
    const rows = (await app.inject({ url, headers: auth })).json().rows as Record<string, unknown>[];
    assert.equal(rows.length, 8, "the module's default table");
    rows[1] = { ...rows[1], extra: { ezStatus: " 12 ", ezFlow: "3" } };
    const saved = await app.inject({ method: "PUT", url, headers: auth, payload: { rows } });
    assert.equal(saved.statusCode, 200, saved.body);
    const back = (await app.inject({ url, headers: auth })).json().rows as {
      extra?: Record<string, string>;
    }[];
    assert.deepEqual(back[1]!.extra, { ezStatus: "12", ezFlow: "3" });
    assert.equal(back[0]!.extra, undefined, "a row with nothing in its extra columns has no extra");

    rows[2] = { ...rows[2], extra: { outraColuna: "1" } };
    const refused = await app.inject({ method: "PUT", url, headers: auth, payload: { rows } });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.ok(
      refused.json().error.details.some((d: { problem: string }) => d.problem === "unknown_column"),
      refused.body,
    );
  });

  it("finds a webhook's module by its path, and knows no other", async () => {
    const hook = signedWebhook(ctx.platforms.nuvemshop!.webhookSecret, 5001, "order/created", 42);
    const headers = { "content-type": "application/json", "x-linkedstore-hmac-sha256": hook.signature };
    const known = await app.inject({
      method: "POST",
      url: "/webhooks/nuvemshop",
      headers,
      payload: hook.body,
    });
    assert.equal(known.statusCode, 200, known.body);
    const forged = await app.inject({
      method: "POST",
      url: "/webhooks/nuvemshop",
      headers: { ...headers, "x-linkedstore-hmac-sha256": "0".repeat(64) },
      payload: hook.body,
    });
    assert.equal(forged.statusCode, 401, forged.body);
    const other = await app.inject({
      method: "POST",
      url: "/webhooks/desconhecida",
      headers,
      payload: hook.body,
    });
    assert.equal(other.statusCode, 404, other.body);
  });
});

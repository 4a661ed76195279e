// The audit trail through the API (issue 17): changes made by a signed-in user and by an API
// token — a store's connection and settings, a DE-PARA row, an e-mail template, an order's status
// and invoice — each recorded once with who, from where and the changed fields; credentials only
// masked; a refused change leaves no row; the filters, the pages and the CSV export.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { createToken } from "../../src/auth/tokens.ts";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { testContext } from "../helpers/context.ts";
import { parseCsv } from "../helpers/csv-parse.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { ensureUser, PANEL_ORIGIN, signInCookie } from "../helpers/session.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;
type Method = "GET" | "POST" | "PATCH" | "PUT";

const USER = { email: "ana@loja.example", password: "senha-forte-da-ana-123" };
const TOKEN_NAME = "erp-integracao";
const USER_IP = "198.51.100.10";
const TOKEN_IP = "203.0.113.7";
const MASK = "••••";

/** Today in São Paulo, YYYY-MM-DD. */
const spToday = (offsetDays = 0) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString("en-CA", {
    timeZone: "America/Sao_Paulo",
  });

describe("audit trail: who changed what, from where, before and after", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let asUser: { headers: Record<string, string>; remoteAddress: string };
  let asToken: { headers: Record<string, string>; remoteAddress: string };
  let storeId: number;
  let placedId: number;
  let orderId: number;
  let receivables: Json[];

  const call = async (as: typeof asUser, method: Method, url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      ...as,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, body: res.body, json: () => res.json() as Json };
  };
  const ok = async (as: typeof asUser, method: Method, url: string, payload?: unknown) => {
    const res = await call(as, method, url, payload);
    assert.ok(res.status >= 200 && res.status < 300, `${method} ${url}: ${res.status} ${res.body}`);
    return res.json();
  };
  /** The audit rows a filter finds, every page, newest first. */
  const audit = async (query: string, limit = 200): Promise<Json[]> => {
    const rows: Json[] = [];
    let after: string | null = null;
    do {
      const page: Json = await ok(
        asToken,
        "GET",
        `/api/v1/audit?limit=${limit}&${query}${after ? `&after=${encodeURIComponent(after)}` : ""}`,
      );
      rows.push(...page.items);
      after = page.next;
    } while (after);
    return rows;
  };

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 1717, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    await ensureUser(t.db, USER);
    const cookie = await signInCookie(app, USER);
    asUser = {
      headers: { cookie, ...PANEL_ORIGIN, "user-agent": "Mozilla/5.0 (Painel de teste)" },
      remoteAddress: USER_IP,
    };
    const { token } = await createToken(t.db, 1, { name: TOKEN_NAME, access: "admin", createdBy: "cli" });
    asToken = {
      headers: { authorization: `Bearer ${token}`, "user-agent": "erp/2.1" },
      remoteAddress: TOKEN_IP,
    };
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("records a store connected and its token replaced with the credentials masked, never the secret", async () => {
    const connect = {
      platform: "nuvemshop",
      name: "Loja Centro",
      externalId: String(sim.storeId),
      accessToken: sim.accessToken,
      apiBaseUrl: sim.apiBase,
    };
    storeId = (await ok(asUser, "POST", "/api/v1/stores", connect)).id;
    await ok(asToken, "POST", "/api/v1/stores", { ...connect, reconnect: true });

    const rows = await audit(`entityType=store&entityId=${storeId}&action=store.`);
    assert.deepEqual(
      rows.map((r) => [r.action, r.actorKind, r.actorName]),
      [
        ["store.reconnect", "token", TOKEN_NAME],
        ["store.connect", "user", USER.email],
      ],
    );
    for (const row of rows) {
      assert.equal(row.entityLabel, "Loja Centro");
      assert.deepEqual(row.after.credentials, { accessToken: MASK });
      assert.equal(row.after.name, "Loja Centro");
    }
    assert.equal(rows[1]!.ip, USER_IP);
    assert.equal(rows[0]!.ip, TOKEN_IP);
    const everything = await call(asToken, "GET", "/api/v1/audit?limit=200");
    assert.ok(!everything.body.includes(sim.accessToken), "the token's value is nowhere in the trail");
    const csv = await call(asToken, "GET", "/api/v1/exports/audit");
    assert.ok(!csv.body.includes(sim.accessToken), "nor in its CSV");
  });

  it("records a store setting change once, with who, from where, before and after; a refused change leaves no row", async () => {
    await ok(asUser, "PATCH", `/api/v1/stores/${storeId}`, {
      attentionIgnoreAfterDays: 30,
      importIntervalMinutes: 20,
    });
    await ok(asToken, "PATCH", `/api/v1/stores/${storeId}`, { negativeStockPolicy: "block" });
    // The same value again changes nothing: no row.
    await ok(asToken, "PATCH", `/api/v1/stores/${storeId}`, { negativeStockPolicy: "block" });
    assert.equal(
      (await call(asUser, "PATCH", `/api/v1/stores/${storeId}`, { importIntervalMinutes: 0 })).status,
      400,
    );
    const unsafe = await call(asUser, "PATCH", `/api/v1/stores/${storeId}`, {
      pushChannel: { kind: "xml", url: "http://127.0.0.1/feed" },
    });
    assert.equal(unsafe.status, 400, unsafe.body);

    const rows = await audit("action=store.settings.update");
    assert.equal(rows.length, 2, JSON.stringify(rows));
    const [byToken, byUser] = rows as [Json, Json];
    assert.equal(byUser.actorKind, "user");
    assert.equal(byUser.actorName, USER.email);
    assert.equal(byUser.ip, USER_IP);
    assert.equal(byUser.userAgent, "Mozilla/5.0 (Painel de teste)");
    assert.equal(byUser.entityType, "store");
    assert.equal(byUser.entityId, String(storeId));
    assert.deepEqual(byUser.before, { attentionIgnoreAfterDays: null, importIntervalMinutes: 15 });
    assert.deepEqual(byUser.after, { attentionIgnoreAfterDays: 30, importIntervalMinutes: 20 });
    assert.ok(Date.now() - Date.parse(byUser.at) < 60_000, "when: just now");
    assert.equal(byToken.actorName, TOKEN_NAME);
    assert.equal(byToken.userAgent, "erp/2.1");
    assert.equal(byToken.after.negativeStock, "block");
    assert.notEqual(byToken.before.negativeStock, "block");
  });

  it("records a DE-PARA row changed: only the rows that changed, before and after", async () => {
    const rows: Json[] = (await ok(asToken, "GET", `/api/v1/stores/${storeId}/status-map`)).rows;
    const old = structuredClone(rows[7]);
    rows[7] = { ...rows[7], platformValues: ["chargeback"] };
    await ok(asToken, "PUT", `/api/v1/stores/${storeId}/status-map`, { rows });
    const invalid = await call(asToken, "PUT", `/api/v1/stores/${storeId}/status-map`, {
      rows: rows.slice(1),
    });
    assert.equal(invalid.status, 400, invalid.body);

    const found = await audit("action=mapping");
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0]!.action, "mapping.status-map.update");
    assert.equal(found[0]!.actorName, TOKEN_NAME);
    assert.deepEqual(found[0]!.before, { "status-map": [old] });
    assert.deepEqual(found[0]!.after["status-map"][0].platformValues, ["chargeback"]);
    assert.equal(found[0]!.after["status-map"].length, 1);
  });

  it("records an e-mail template saved; a template that does not parse leaves no row", async () => {
    const base = `/api/v1/stores/${storeId}/email-templates`;
    const template = {
      subject: "Pagamento aprovado: pedido {{ order.store_number }}",
      html: "<p>Olá {{ customer.name }}</p>",
      text: "Olá {{ customer.name }}",
      notifyByDefault: true,
    };
    const broken = await call(asUser, "PUT", `${base}/pagamento_confirmado`, {
      ...template,
      html: "<p>{% if x %}",
    });
    assert.equal(broken.status, 400, broken.body);
    await ok(asUser, "PUT", `${base}/pagamento_confirmado`, template);

    const found = await audit("action=email_template");
    assert.equal(found.length, 1, JSON.stringify(found));
    const [row] = found as [Json];
    assert.equal(row.actorName, USER.email);
    assert.equal(row.entityType, "email_template");
    assert.equal(row.entityId, `${storeId}/pagamento_confirmado`);
    assert.equal(row.after.subject, template.subject);
    assert.equal(row.before.custom, false);
    assert.equal(row.after.custom, true);
  });

  it("records an order's status change and invoice against the order; a refused second invoice leaves no row", async () => {
    const placed = sim.createOrder({ payment_status: "paid" }) as { id: number };
    placedId = placed.id;
    const synced = await syncOrder(ctx, storeId, String(placed.id));
    orderId = synced?.salesOrderId as number;
    assert.ok(orderId, JSON.stringify(synced));
    const order = await ok(asUser, "GET", `/api/v1/orders/${orderId}`);

    await ok(asUser, "POST", `/api/v1/orders/${orderId}/status`, { status: "em_preparacao" });
    receivables = (await ok(asToken, "POST", `/api/v1/orders/${orderId}/invoice`, { kind: "simple" }))
      .receivables;
    assert.equal(
      (await call(asToken, "POST", `/api/v1/orders/${orderId}/invoice`, { kind: "simple" })).status,
      409,
    );

    const rows = await audit(`entityType=order&entityId=${orderId}`);
    assert.deepEqual(
      rows.map((r) => [r.action, r.actorName]),
      [
        ["order.invoice", TOKEN_NAME],
        ["order.status", USER.email],
      ],
    );
    const [invoice, status] = rows as [Json, Json];
    assert.equal(status.entityLabel, String(order.number));
    assert.deepEqual(
      [status.before.canonicalStatus, status.after.canonicalStatus],
      [order.canonicalStatus, "em_preparacao"],
    );
    assert.equal(invoice.before.status, order.status);
    assert.equal(invoice.after.status, "faturado");
    assert.ok(invoice.after.invoice, "the invoice it made");
  });

  it("records a baixa, a shipment, a stock count, customer edits and the label's sender, each against its entity", async () => {
    const first = receivables[0]!;
    const receipt = (amountCents: number) => ({ receivedOn: spToday(), amountCents, method: "pix" });
    const url = `/api/v1/receivables/${first.id}/receipts`;
    assert.equal((await call(asUser, "POST", url, receipt(first.amountCents + 1))).status, 409);
    await ok(asUser, "POST", url, receipt(100));
    await ok(asUser, "POST", `/api/v1/orders/${orderId}/shipments`, {
      carrier: "Transportadora X",
      trackingCode: "TX123",
    });
    const { items } = await ok(asUser, "GET", `/api/v1/orders/${orderId}`);
    const sku = items[0].sku as string;
    await ok(asToken, "POST", `/api/v1/products/${encodeURIComponent(sku)}/stock-adjustments`, {
      reason: "count",
      quantity: 7,
    });
    const csv = `SKU;quantidade\n${sku};9\n`;
    const { token } = await ok(asUser, "POST", "/api/v1/products/stock-import/preview", { csv });
    await ok(asUser, "POST", "/api/v1/products/stock-import", { csv, token });
    const customer = await ok(asUser, "POST", "/api/v1/customers", { name: "Maria Auditada" });
    await ok(asUser, "PATCH", `/api/v1/customers/${customer.id}`, { email: "maria@exemplo.com.br" });
    await ok(asUser, "PUT", "/api/v1/settings/sender", {
      name: "Loja Centro Ltda",
      city: "São Paulo",
      state: "SP",
    });

    const [baixa, ...moreBaixas] = await audit("action=receivable");
    assert.equal(moreBaixas.length, 0, "the refused receipt left no row");
    assert.deepEqual([baixa!.entityType, baixa!.entityId], ["order", String(orderId)]);
    assert.deepEqual(
      [baixa!.before.receivedCents, baixa!.after.receivedCents, baixa!.after.receivableStatus],
      [0, 100, "partial"],
    );
    const [shipped] = await audit("action=order.ship");
    assert.equal(shipped!.after.canonicalStatus, "despachado");
    assert.equal(shipped!.after.carrier, "Transportadora X");
    const [counted] = await audit("action=stock.adjust");
    assert.deepEqual([counted!.entityId, counted!.actorName], [sku, TOKEN_NAME]);
    assert.equal(counted!.after.stockQuantity, 7);
    const [imported] = await audit("action=stock.import");
    assert.deepEqual(imported!.before.stock, [{ sku, quantity: 7 }]);
    assert.deepEqual(imported!.after.stock, [{ sku, quantity: 9 }]);
    const customers = await audit(`entityType=customer&entityId=${customer.id}`);
    assert.deepEqual(
      customers.map((r) => r.action),
      ["customer.update", "customer.create"],
    );
    assert.deepEqual([customers[0]!.before.email, customers[0]!.after.email], [null, "maria@exemplo.com.br"]);
    const [sender] = await audit("action=settings.");
    assert.equal(sender!.after.name, "Loja Centro Ltda");
  });

  it("filters by who, by action, by day and by text, and pages every row once", async () => {
    const all = await audit("");
    assert.ok(all.length >= 8, `rows so far: ${all.length}`);
    const byUser = await audit(`actor=${encodeURIComponent("ana@")}`);
    assert.ok(byUser.length > 0 && byUser.every((r) => r.actorName === USER.email));
    const byToken = await audit(`actor=${TOKEN_NAME}`);
    assert.equal(byUser.length + byToken.length, all.length);
    assert.ok((await audit("action=order.")).every((r) => r.action.startsWith("order.")));
    assert.equal((await audit(`from=${spToday()}&to=${spToday()}`)).length, all.length);
    assert.equal((await audit(`to=${spToday(-1)}`)).length, 0);
    assert.equal((await audit(`from=${spToday(1)}`)).length, 0);
    const chargeback = await audit("q=chargeback");
    assert.deepEqual(
      chargeback.map((r) => r.action),
      ["mapping.status-map.update"],
    );
    const paged = await audit("", 3);
    assert.deepEqual(
      paged.map((r) => r.id),
      all.map((r) => r.id),
    );
    assert.deepEqual(
      all.map((r) => r.id),
      [...all.map((r) => r.id)].sort((a, b) => b - a),
      "newest first",
    );
    assert.equal((await call(asToken, "GET", "/api/v1/audit?after=nonsense")).status, 400);
    assert.equal((await call(asToken, "GET", "/api/v1/audit?from=06-12-2026")).status, 400);
    assert.equal((await call(asToken, "GET", "/api/v1/audit?to=0000-01-01")).status, 400);
  });

  it("exports the filtered rows as pt-BR CSV", async () => {
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/exports/audit?actor=${TOKEN_NAME}`,
      ...asUser,
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers["content-type"] as string, /^text\/csv; charset=utf-8/);
    assert.match(res.headers["content-disposition"] as string, /auditoria-\d{4}-\d{2}-\d{2}\.csv/);
    const { bom, rows } = parseCsv(res.body);
    assert.ok(bom, "UTF-8 with BOM");
    const [header, ...lines] = rows as [string[], ...string[][]];
    assert.deepEqual(header, ["Quando", "Quem", "Tipo", "De onde", "Ação", "Entidade", "Antes", "Depois"]);
    const listed = await audit(`actor=${TOKEN_NAME}`);
    assert.equal(lines.length, listed.length);
    assert.ok(lines.every((l) => l[1] === TOKEN_NAME && l[2] === "Token de API" && l[3] === TOKEN_IP));
    assert.ok(
      lines.every((l) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(l[0]!)),
      JSON.stringify(lines[0]),
    );
    assert.deepEqual(
      lines.map((l) => l[4]),
      listed.map((r) => r.action),
    );
    const invoice = lines.find((l) => l[4] === "order.invoice")!;
    assert.match(invoice[5]!, /^Pedido \d+$/);
    assert.equal(JSON.parse(invoice[7]!).status, "faturado");
  });

  it("records Envio à loja, Reprocessar and Desconectar loja", async () => {
    const push = `/api/v1/stores/${storeId}/push-map`;
    const refused = await call(asUser, "PUT", push, {
      rows: [{ trigger: "entregue", actions: ["teleport"] }],
    });
    assert.equal(refused.status, 400, refused.body);
    await ok(asUser, "PUT", push, { rows: [{ trigger: "entregue", actions: [] }] });
    await ok(asToken, "POST", `/api/v1/integration/${storeId}/orders/${placedId}/retry`);
    await ok(asUser, "POST", `/api/v1/stores/${storeId}/disconnect`);

    const [pushMap, ...others] = await audit("action=push_map");
    assert.equal(others.length, 0);
    assert.equal(pushMap!.actorName, USER.email);
    assert.deepEqual(
      [pushMap!.before["push-map"][0].actions, pushMap!.after["push-map"][0].actions],
      [["close"], []],
    );
    const retried = await audit("action=integration.retry");
    assert.deepEqual(
      retried.map((r) => [r.actorName, r.entityId]),
      [[TOKEN_NAME, `${storeId}/${placedId}`]],
    );
    const [disconnected] = await audit("action=store.disconnect");
    assert.equal(disconnected!.actorName, USER.email);
    assert.deepEqual(
      [disconnected!.before.connectionState, disconnected!.after.connectionState],
      ["ok", "disconnected"],
    );
    assert.deepEqual([disconnected!.before.importEnabled, disconnected!.after.importEnabled], [true, false]);
  });
});

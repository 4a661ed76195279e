// Finding an order from one search box (Pedidos and Integração): Ponte's number, the store's
// number ("160" and "#160"), part of the customer's name, the CPF/CNPJ. Each kind of search is
// checked against a reference computed here from every order the API lists (or, for Integração's
// documents, from the simulator's own orders), on orders imported from the Nuvemshop simulator.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { normalizeDocument } from "../../src/domain/document.ts";
import { buildApp } from "../../src/http/app.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
const masked = (cpf: string) => cpf.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, "$1.$2.$3-$4");

describe("one search box: number, store number, name, CPF/CNPJ", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;
  /** Every sales order, as Pedidos lists them. */
  let orders: Json[];
  /** Every store order, as Integração lists them. */
  let rows: Json[];
  /** A store order whose number is another order's Ponte number. */
  let twin: { number: string; ponte: Json };

  const get = async (url: string, status = 200) => {
    const res = await app.inject({ method: "GET", url, headers });
    assert.equal(res.statusCode, status, `${url}: ${res.body}`);
    return res.json() as Json;
  };
  /** Pedidos: follows `next` to the end. */
  const search = async (query: Record<string, string>) => {
    const items: Json[] = [];
    let after: string | null = null;
    do {
      const params = new URLSearchParams({ limit: "5", ...query, ...(after ? { after } : {}) });
      const page = await get(`/api/v1/orders?${params}`);
      items.push(...page.items);
      after = page.next;
    } while (after);
    return items;
  };
  /** Integração, every order of the store (view=all), all pages. */
  const panel = async (q?: string) => {
    const found: Json[] = [];
    let after: string | null = null;
    do {
      const params = new URLSearchParams({ view: "all", limit: "10", ...(q ? { q } : {}) });
      if (after) params.set("after", after);
      const page = await get(`/api/v1/integration/${storeId}/orders?${params}`);
      found.push(...page.orders);
      after = page.nextCursor;
    } while (after);
    return found;
  };
  const ids = (items: Json[]) => items.map((i) => i.id);
  const numbers = (items: Json[]) => items.map((i) => i.number).sort();

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({
      orders: 60,
      seed: 44,
      clientSecret: ctx.platforms.nuvemshop!.webhookSecret,
      rateLimit: false,
    });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Busca");
    const placed = sim.createOrder({ status: "open", payment_status: "pending" });
    assert.equal(placed.number, 160);
    await importOrders(ctx, storeId);
    // A store order numbered like one of Ponte's numbers: "digits" finds both, "#…" only the store's.
    const ponte = (await get("/api/v1/orders?limit=1&order=asc")).items[0];
    sim.createOrder({ status: "open", payment_status: "pending", number: ponte.number });
    await importOrders(ctx, storeId);
    twin = { number: String(ponte.number), ponte };
    orders = (await get("/api/v1/orders?limit=200")).items;
    rows = await panel();
    assert.ok(orders.length > 40 && rows.length === 62, `${orders.length} sales orders, ${rows.length} rows`);
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("Pedidos: the store's number, typed plain or after #", async () => {
    const want = orders.filter((o) => o.storeOrderNumber === "160");
    assert.equal(want.length, 1);
    assert.deepEqual(ids(await search({ q: "#160" })), ids(want));
    assert.deepEqual(ids(await search({ q: "  # 160 " })), ids(want), "spaces around are ignored");
    assert.deepEqual(ids(await search({ q: "160" })), ids(want), "no Ponte number 160: the store's");
  });

  it("Pedidos: Ponte's number; digits find Ponte's and the store's numbers, #digits only the store's", async () => {
    const other = orders.find((o) => o.id !== twin.ponte.id && o.storeOrderNumber !== twin.number)!;
    assert.deepEqual(ids(await search({ q: String(other.number) })), [other.id]);
    const storeTwin = orders.find((o) => o.storeOrderNumber === twin.number)!;
    assert.ok(storeTwin, "the store order numbered like a Ponte number has its sales order");
    const both = orders.filter((o) => o.id === twin.ponte.id || o.storeOrderNumber === twin.number);
    assert.equal(both.length, 2);
    assert.deepEqual(ids(await search({ q: twin.number })), ids(both));
    assert.deepEqual(ids(await search({ q: `#${twin.number}` })), [storeTwin.id]);
    assert.deepEqual(await search({ q: "99999999999999999999" }), [], "a number nobody has");
  });

  it("Pedidos: part of the customer's name, any case, without accents", async () => {
    const someone = orders.find((o) => o.customerName && /[À-ú]/.test(o.customerName))!;
    assert.ok(someone, "a customer with an accent in the name");
    const word = someone.customerName.split(" ").find((w: string) => /[À-ú]/.test(w))!;
    const term = fold(word).toUpperCase();
    const want = orders.filter((o) => o.customerName && fold(o.customerName).includes(fold(word)));
    assert.deepEqual(ids(await search({ q: term })), ids(want));
    assert.ok(want.some((o) => o.id === someone.id));
  });

  it("Pedidos: the CPF or CNPJ, masked or not, alphanumeric CNPJ included", async () => {
    const cpf = orders.find((o) => o.customerDocument?.length === 11)!.customerDocument;
    const withCpf = ids(orders.filter((o) => o.customerDocument === cpf));
    assert.deepEqual(ids(await search({ q: masked(cpf) })), withCpf);
    assert.deepEqual(ids(await search({ q: cpf })), withCpf, "11 digits: also a CPF");
    const alnum = orders.find((o) => /[A-Z]/.test(o.customerDocument ?? ""))!.customerDocument;
    const withAlnum = ids(orders.filter((o) => o.customerDocument === alnum));
    assert.deepEqual(ids(await search({ q: alnum.toLowerCase() })), withAlnum);
    const punctuated = `${alnum.slice(0, 2)}.${alnum.slice(2, 5)}.${alnum.slice(5, 8)}/${alnum.slice(8, 12)}-${alnum.slice(12)}`;
    assert.deepEqual(ids(await search({ q: punctuated })), withAlnum);
  });

  it("Pedidos: the search combines with the filters, sorts and pages", async () => {
    const status = orders.find((o) => o.storeOrderNumber === "160")!.canonicalStatus;
    const term = fold(orders.find((o) => o.customerName)!.customerName.split(" ")[0]).slice(0, 3);
    const want = orders
      .filter((o) => o.canonicalStatus === status && o.customerName && fold(o.customerName).includes(term))
      .sort((a, b) => a.totalCents - b.totalCents || a.id - b.id);
    const found = await search({ q: term, status, sort: "total", order: "asc", limit: "2" });
    assert.deepEqual(ids(found), ids(want));
    assert.deepEqual(ids(await search({ q: "#160", status: "cancelado" })), [], "and the filters still hold");
  });

  it("Pedidos: refuses a search it cannot run, naming q", async () => {
    for (const q of ["a", "#", "#  "]) {
      const error = (await get(`/api/v1/orders?q=${encodeURIComponent(q)}`, 400)).error;
      assert.equal(error.code, "validation_failed");
      assert.ok(
        error.fields.some((f: Json) => f.path === "/q"),
        `${q}: ${JSON.stringify(error)}`,
      );
    }
  });

  it("Integração: the same search over the store's orders, synced or not", async () => {
    assert.deepEqual(numbers(await panel("#160")), ["160"]);
    assert.deepEqual(numbers(await panel("160")), ["160"]);
    // By Ponte's number: the row of its store order, and the store order numbered like it.
    const ponteRow = rows.find((r) => r.salesOrderNumber === twin.ponte.number)!;
    assert.deepEqual(numbers(await panel(twin.number)), [ponteRow.number, twin.number].sort());
    assert.deepEqual(numbers(await panel(`#${twin.number}`)), [twin.number]);

    const named = rows.find((r) => r.customerName && /[À-ú]/.test(r.customerName))!;
    const word = named.customerName.split(" ").find((w: string) => /[À-ú]/.test(w))!;
    const byName = rows.filter((r) => r.customerName && fold(r.customerName).includes(fold(word)));
    assert.deepEqual(numbers(await panel(fold(word))), numbers(byName));

    // CPF/CNPJ as the store sent it, for orders with and without a sales order.
    const documentOf = new Map(
      sim.listOrders().map((o) => {
        const c = o.customer as Json | null;
        return [
          String(o.number),
          normalizeDocument(c?.identification ?? (o.contact_identification as string)),
        ];
      }),
    );
    const cancelled = rows.find((r) => r.salesOrderId === null && documentOf.get(r.number)?.length === 11);
    assert.ok(cancelled, "an order without a sales order, with a CPF");
    const cpf = documentOf.get(cancelled.number)!;
    const withCpf = rows.filter((r) => documentOf.get(r.number) === cpf);
    assert.deepEqual(numbers(await panel(masked(cpf))), numbers(withCpf));

    const attention = await get(`/api/v1/integration/${storeId}/orders?q=${encodeURIComponent("#160")}`);
    assert.ok(
      attention.orders.every((r: Json) => r.number === "160"),
      "the attention view searches too",
    );
    const refused = (await get(`/api/v1/integration/${storeId}/orders?q=x`, 400)).error;
    assert.ok(refused.fields.some((f: Json) => f.path === "/q"));
  });

  it("both searches are documented in the OpenAPI document", async () => {
    const doc = await get("/api/openapi.json");
    for (const path of ["/api/v1/orders", "/api/v1/integration/{storeId}/orders"]) {
      const q = doc.paths[path].get.parameters.find((p: Json) => p.name === "q");
      assert.ok(q, `${path} takes q`);
      assert.match(q.description, /#160/);
    }
  });
});

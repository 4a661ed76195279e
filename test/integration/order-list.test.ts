// The Pedidos list (seed 003, R6.1) and the order page (R6.2): every filter and sort against a
// reference computed here, pages walked to the end (complete, no duplicates), accent- and
// case-blind name search, CPF/CNPJ search, deleted orders hidden, bad input refused; and the
// order page of an order that came through the real sync path from the Nuvemshop simulator.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { checkDocument } from "../../src/domain/document.ts";
import { CANONICAL_STATUSES } from "../../src/domain/order-status.ts";
import { buildApp } from "../../src/http/app.ts";
import type { CanonicalOrder } from "../../src/platforms/connector.ts";
import { cnpjCheckDigits, cpfCheckDigits } from "../../src/simulators/nuvemshop/documents.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

interface Fixture {
  id: number;
  storeId: number | null;
  status: (typeof CANONICAL_STATUSES)[number];
  name: string | null;
  document: string | null;
  totalCents: number;
  /** The order date. Microseconds matter: the cursor must not round them away. */
  orderedAt: string;
  deleted: boolean;
}

const NAMES = [
  "João Conceição",
  "JOÃO DA SILVA",
  "Joana Araújo",
  "Conceic\u0327a\u0303o Brandão", // decomposed (NFD), as some platforms send it
  "Ângela Simões",
  "Padaria Pão de Açúcar ME",
  "50% Off Ltda",
  "Under_score Comércio",
  "Zoë 🌸 Martins",
  null,
];
const CPF_A = `529982247${cpfCheckDigits("529982247")}`;
const CPF_B = `111444777${cpfCheckDigits("111444777")}`;
const CNPJ_ALNUM = `12ABC34501DE${cnpjCheckDigits("12ABC34501DE")}`;
const CNPJ_NUM = `112223330001${cnpjCheckDigits("112223330001")}`;
const DOCUMENTS = [CPF_A, CPF_B, CNPJ_ALNUM, CNPJ_NUM, null];
const TOTALS = [1990, 5000, 5000, 12345, 99900, 250000, 1990];
const RANK = Object.fromEntries(CANONICAL_STATUSES.map((s, i) => [s, i + 1])) as Record<string, number>;
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

type Query = Record<string, string | number | string[]>;
type Item = Record<string, unknown> & { id: number };

describe("Pedidos: the sales-order list", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let stores: number[];
  let fixtures: Fixture[];
  let live: Fixture[];

  const url = (query: Query) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      for (const value of Array.isArray(v) ? v : [v]) params.append(k, String(value));
    }
    return `/api/v1/orders?${params}`;
  };
  const list = async (query: Query) =>
    app.inject({ method: "GET", url: url(query), headers: await authHeaders(ctx) });

  /** Follows `next` to the end; fails on a repeated order. */
  async function walk(query: Query): Promise<Item[]> {
    const seen: Item[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 500; page++) {
      const res = await list(cursor ? { ...query, after: cursor } : query);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { items: Item[]; next: string | null };
      assert.ok(body.items.length <= Number(query.limit ?? 50));
      seen.push(...body.items);
      cursor = body.next;
      if (cursor === null) break;
      assert.ok(body.items.length > 0, "a page with a next cursor has items");
    }
    const ids = seen.map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length, "no order appears twice across pages");
    return seen;
  }

  const byKey = (sort: string, order: string) => (a: Fixture, b: Fixture) => {
    const keys = (f: Fixture): (number | string)[] =>
      sort === "total"
        ? [f.totalCents, f.id]
        : sort === "status"
          ? [RANK[f.status]!, f.orderedAt, f.id]
          : [f.orderedAt, f.id];
    const [ka, kb] = [keys(a), keys(b)];
    for (let i = 0; i < ka.length; i++) {
      if (ka[i]! < kb[i]!) return order === "asc" ? -1 : 1;
      if (ka[i]! > kb[i]!) return order === "asc" ? 1 : -1;
    }
    return 0;
  };
  const expected = (keep: (f: Fixture) => boolean, sort = "ordered_at", order = "desc") =>
    live
      .filter(keep)
      .sort(byKey(sort, order))
      .map((f) => f.id);
  const ids = (items: Item[]) => items.map((i) => i.id);

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    app = await buildApp({ ctx, version: "test" });
    const { rows } = await t.db.query<{ id: number }>(
      `insert into stores (org_id, platform, name, external_id)
       values (1, 'nuvemshop', 'Loja Centro', '9001'), (1, 'woocommerce', 'Loja Sul', '9002') returning id`,
    );
    stores = rows.map((r) => r.id);

    const drafts = Array.from({ length: 130 }, (_, i) => {
      // Every third hour from 2026-11-20 09:00 São Paulo; some pairs share an instant, to test the id tie-break.
      const at = new Date(Date.UTC(2026, 10, 20, 12) + (i - (i % 10 === 1 ? 1 : 0)) * 3 * 3600_000);
      return {
        storeId: i % 5 === 4 ? null : stores[i % 2]!,
        status: CANONICAL_STATUSES[i % CANONICAL_STATUSES.length]!,
        name: NAMES[i % NAMES.length]!,
        document: DOCUMENTS[i % DOCUMENTS.length]!,
        totalCents: TOTALS[i % TOTALS.length]!,
        orderedAt: at.toISOString().replace(/\.000Z$/, ".000123Z"),
        deleted: i === 7 || i === 8 || i === 40,
      };
    });
    // The edges of 2026-11-27 in São Paulo (UTC−3), to the microsecond.
    for (const orderedAt of [
      "2026-11-27T02:59:59.999999Z",
      "2026-11-27T03:00:00.000000Z",
      "2026-11-28T02:59:59.999999Z",
      "2026-11-28T03:00:00.000000Z",
    ]) {
      drafts.push({ ...drafts[3]!, orderedAt, deleted: false });
    }
    // Timestamps are all rendered alike (…SS.ffffffZ), so they sort as text here.
    const inserted = await t.db.query<{ id: number }>(
      `insert into sales_orders (org_id, origin_store_id, canonical_status, status, total_cents, customer_snapshot,
         ordered_at, deleted_at)
       select 1, store_id, status, case when status = 'cancelado' then 'cancelado' else 'em_aberto' end, total_cents,
              jsonb_build_object('name', name, 'document', document), ordered_at, case when deleted then now() end
         from jsonb_to_recordset($1::jsonb) as r(store_id bigint, status text, name text,
              document text, total_cents bigint, ordered_at timestamptz, deleted boolean, n bigint)
        order by n
       returning id`,
      [
        JSON.stringify(
          drafts.map((d) => ({
            ...d,
            store_id: d.storeId,
            total_cents: d.totalCents,
            ordered_at: d.orderedAt,
          })),
        ),
      ],
    );
    const newIds = inserted.rows.map((r) => r.id).sort((a, b) => a - b); // assigned in insertion order
    fixtures = drafts.map((d, i) => ({ ...d, id: newIds[i]! }));
    live = fixtures.filter((f) => !f.deleted);
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it("lists live orders newest first by default, in pages that add up to all of them", async () => {
    const items = await walk({ limit: 7 });
    assert.deepEqual(
      ids(items),
      expected(() => true),
    );
    for (const f of fixtures.filter((f) => f.deleted)) {
      assert.ok(!ids(items).includes(f.id), `deleted order ${f.id} is not listed`);
    }
    const first = (await list({ limit: 1 })).json();
    assert.equal(first.items.length, 1);
    assert.equal(typeof first.next, "string");
  });

  it("shows each order's numbers, origin store, status, customer and total", async () => {
    const items = await walk({ limit: 200 });
    const fromStore = items.find((i) => i.originStoreId === stores[1]);
    assert.ok(fromStore);
    const f = fixtures.find((x) => x.id === fromStore.id)!;
    assert.deepEqual(
      {
        ...fromStore,
        number: typeof fromStore.number,
        orderedAt: typeof fromStore.orderedAt,
        createdAt: typeof fromStore.createdAt,
      },
      {
        id: f.id,
        number: "number",
        storeOrderNumber: null,
        originStoreId: stores[1],
        originStoreName: "Loja Sul",
        platform: "woocommerce",
        origin: "store",
        canonicalStatus: f.status,
        status: f.status === "cancelado" ? "cancelado" : "em_aberto",
        customerName: f.name === null ? null : f.name,
        customerDocument: f.document,
        totalCents: f.totalCents,
        orderedAt: "string",
        createdAt: "string",
      },
    );
    const manual = items.find((i) => i.originStoreId === null)!;
    assert.deepEqual(
      [manual.origin, manual.originStoreName, manual.platform],
      ["manual", null, null],
      "an order made in the back office has no store",
    );
  });

  for (const sort of ["ordered_at", "status", "total"]) {
    for (const order of ["desc", "asc"]) {
      it(`sorts by ${sort} ${order}, ties broken by id, across pages`, async () => {
        const items = await walk({ sort, order, limit: 9 });
        assert.deepEqual(
          ids(items),
          expected(() => true, sort, order),
        );
      });
    }
  }

  it("created_at, the date sort's name before the order date, sorts by the order date too", async () => {
    for (const order of ["desc", "asc"]) {
      assert.deepEqual(
        ids(await walk({ sort: "created_at", order, limit: 40 })),
        expected(() => true, "ordered_at", order),
      );
    }
  });

  it("filters by period: a plain `to` date includes that whole day in São Paulo", async () => {
    const from = Date.parse("2026-11-27T03:00:00Z");
    const to = Date.parse("2026-11-28T03:00:00Z");
    const inDay = (f: Fixture) => Date.parse(f.orderedAt) >= from && Date.parse(f.orderedAt) < to;
    const items = await walk({ from: "2026-11-27", to: "2026-11-27", limit: 4 });
    assert.deepEqual(ids(items), expected(inDay));
    const edges = items.map((i) => i.orderedAt);
    assert.ok(edges.includes("2026-11-28T02:59:59.999Z"), "the day's last microsecond is in");
    assert.ok(edges.includes("2026-11-27T03:00:00.000Z"), "the day's first instant is in");
    assert.ok(!edges.includes("2026-11-28T03:00:00.000Z"));

    const instant = await walk({ from: "2026-11-25T10:00:00-03:00", to: "2026-11-26T10:00:00-03:00" });
    const [a, b] = [Date.parse("2026-11-25T13:00:00Z"), Date.parse("2026-11-26T13:00:00Z")];
    assert.deepEqual(
      ids(instant),
      expected((f) => Date.parse(f.orderedAt) >= a && Date.parse(f.orderedAt) <= b),
    );
    assert.ok(instant.length > 0);
    const local = await walk({ from: "2026-11-25T10:00", to: "2026-11-26T10:00:00" });
    assert.deepEqual(ids(local), ids(instant), "a date-time without an offset is São Paulo time");
  });

  it("filters by one or several statuses, repeated or comma-separated", async () => {
    const one = await walk({ status: "despachado", limit: 5 });
    assert.deepEqual(
      ids(one),
      expected((f) => f.status === "despachado"),
    );
    const two = await walk({ status: "cancelado,problemas", limit: 5, sort: "total" });
    const want = expected((f) => f.status === "cancelado" || f.status === "problemas", "total");
    assert.deepEqual(ids(two), want);
    assert.deepEqual(ids(await walk({ status: ["cancelado", "problemas"], sort: "total" })), want);
    const byStatus = await walk({
      status: "entregue,aguardando_pagamento",
      sort: "status",
      order: "asc",
      limit: 3,
    });
    assert.deepEqual(
      ids(byStatus),
      expected((f) => f.status === "entregue" || f.status === "aguardando_pagamento", "status", "asc"),
    );
  });

  it("filters by origin store", async () => {
    const items = await walk({ storeId: String(stores[0]), limit: 10 });
    assert.deepEqual(
      ids(items),
      expected((f) => f.storeId === stores[0]),
    );
    const both = await walk({ storeId: `${stores[0]},${stores[1]}`, sort: "total", order: "asc" });
    assert.deepEqual(
      ids(both),
      expected((f) => f.storeId !== null, "total", "asc"),
    );
  });

  it("finds customers by part of the name, ignoring case and accents", async () => {
    const has = (needle: string) => (f: Fixture) => f.name !== null && fold(f.name).includes(fold(needle));
    const conceicao = await walk({ customer: "conceicao", limit: 5 });
    assert.deepEqual(ids(conceicao), expected(has("conceicao")));
    const names = new Set(conceicao.map((i) => i.customerName));
    assert.ok(
      names.has("João Conceição") && names.has(NAMES[3]),
      "composed and decomposed spellings both match",
    );
    assert.deepEqual(ids(await walk({ customer: "JOÃO" })), expected(has("joao")));
    assert.deepEqual(ids(await walk({ customer: "  acuc  " })), expected(has("acuc")));
    assert.deepEqual(ids(await walk({ customer: "Zoë 🌸" })), expected(has("zoe 🌸")));
    assert.ok((await walk({ customer: "Zoë 🌸" })).length > 0);
  });

  it("matches two characters at the start of a word of the name", async () => {
    const startsWord = (term: string) => (f: Fixture) =>
      f.name !== null &&
      fold(f.name)
        .split(" ")
        .some((w) => w.startsWith(term));
    const si = await walk({ customer: "SI", sort: "total" });
    assert.deepEqual(ids(si), expected(startsWord("si"), "total"));
    assert.ok(
      si.some((i) => i.customerName === "JOÃO DA SILVA") &&
        si.some((i) => i.customerName === "Ângela Simões"),
    );
    assert.deepEqual(ids(await walk({ customer: "jo" })), expected(startsWord("jo")));
    assert.equal((await walk({ customer: "va" })).length, 0, "not inside a word (Silva)");
  });

  it("treats % and _ in a name search as plain characters", async () => {
    assert.deepEqual(
      ids(await walk({ customer: "50%" })),
      expected((f) => f.name === "50% Off Ltda"),
    );
    assert.equal((await walk({ customer: "%%" })).length, 0);
    assert.deepEqual(
      ids(await walk({ customer: "r_s" })),
      expected((f) => f.name === "Under_score Comércio"),
      "_ matches only itself",
    );
    assert.equal((await walk({ customer: "o_o" })).length, 0, "not a wildcard (it would match joao)");
  });

  it("finds customers by CPF or CNPJ, with or without the mask, alphanumeric CNPJ included", async () => {
    assert.equal(checkDocument(CNPJ_ALNUM).ok, true);
    const masked = `${CPF_A.slice(0, 3)}.${CPF_A.slice(3, 6)}.${CPF_A.slice(6, 9)}-${CPF_A.slice(9)}`;
    assert.deepEqual(
      ids(await walk({ customer: masked, limit: 3 })),
      expected((f) => f.document === CPF_A),
    );
    assert.deepEqual(
      ids(await walk({ customer: "12.abc.345/01de-35" })),
      expected((f) => f.document === CNPJ_ALNUM),
    );
    assert.deepEqual(
      ids(await walk({ customer: CNPJ_NUM, sort: "total" })),
      expected((f) => f.document === CNPJ_NUM, "total"),
    );
    assert.equal((await walk({ customer: CPF_A.slice(0, 10) })).length, 0, "part of a CPF is not a match");
    const one = (await list({ customer: CPF_B, limit: 1 })).json();
    assert.equal(one.items[0].customerDocument, CPF_B, "unmasked");
  });

  it("filters by value range in cents, with any sort", async () => {
    const inRange = (f: Fixture) => f.totalCents >= 5000 && f.totalCents <= 99900;
    assert.deepEqual(ids(await walk({ minTotal: 5000, maxTotal: 99900, limit: 8 })), expected(inRange));
    assert.deepEqual(
      ids(await walk({ minTotal: 5000, maxTotal: 99900, sort: "total", limit: 8 })),
      expected(inRange, "total"),
    );
    assert.deepEqual(
      ids(await walk({ minTotal: 100000 })),
      expected((f) => f.totalCents >= 100000),
    );
    assert.deepEqual(
      ids(await walk({ maxTotal: 1990 })),
      expected((f) => f.totalCents <= 1990),
    );
  });

  it("combines filters", async () => {
    const query = {
      storeId: String(stores[0]),
      status: "aguardando_pagamento,pagamento_confirmado,em_preparacao,despachado",
      customer: "joa",
      minTotal: 1990,
      from: "2026-11-21",
      sort: "total",
      order: "asc",
      limit: 2,
    };
    const want = expected(
      (f) =>
        f.storeId === stores[0] &&
        RANK[f.status]! <= 4 &&
        f.name !== null &&
        fold(f.name).includes("joa") &&
        Date.parse(f.orderedAt) >= Date.parse("2026-11-21T03:00:00Z"),
      "total",
      "asc",
    );
    assert.ok(want.length > 0);
    assert.deepEqual(ids(await walk(query)), want);
  });

  it("refuses invalid parameters, naming the field", async () => {
    const cases: [Query, string, string][] = [
      [{ status: "enviado" }, "validation_failed", "/status"],
      [{ status: "despachado,foo" }, "validation_failed", "/status"],
      [{ storeId: "abc" }, "validation_failed", "/storeId"],
      [{ from: "2026-02-30" }, "validation_failed", "/from"],
      [{ to: "27/11/2026" }, "validation_failed", "/to"],
      [{ customer: "a" }, "validation_failed", "/customer"],
      [{ minTotal: 500, maxTotal: 100 }, "validation_failed", "/maxTotal"],
      [{ minTotal: "12.50" }, "validation_failed", "/minTotal"],
      [{ limit: 0 }, "validation_failed", "/limit"],
      [{ limit: 201 }, "validation_failed", "/limit"],
      [{ sort: "name" }, "validation_failed", "/sort"],
      [{ after: "not-a-cursor" }, "invalid_cursor", "/after"],
    ];
    for (const [query, code, path] of cases) {
      const res = await list(query);
      assert.equal(res.statusCode, 400, `${JSON.stringify(query)}: ${res.body}`);
      const error = res.json().error;
      assert.equal(error.code, code, JSON.stringify(query));
      assert.ok(
        error.fields.some((f: { path: string }) => f.path === path),
        `${JSON.stringify(query)} names ${path}: ${res.body}`,
      );
    }
  });

  it("refuses a cursor made for another sort or direction", async () => {
    const { next } = (await list({ sort: "total", limit: 2 })).json();
    assert.equal((await list({ sort: "total", limit: 2, after: next })).statusCode, 200);
    const others: Query[] = [{}, { sort: "created_at" }, { sort: "status" }, { sort: "total", order: "asc" }];
    for (const query of others) {
      const res = await list({ ...query, after: next });
      assert.equal(res.statusCode, 400, JSON.stringify(query));
      assert.equal(res.json().error.code, "invalid_cursor");
    }
  });

  it("is documented in the OpenAPI document with every query parameter", async () => {
    const doc = (
      await app.inject({ method: "GET", url: "/api/openapi.json", headers: await authHeaders(ctx) })
    ).json();
    const op = doc.paths["/api/v1/orders"].get;
    assert.deepEqual(op.tags, ["orders"]);
    assert.deepEqual(
      op.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort(),
      [
        "after",
        "customer",
        "from",
        "q",
        "limit",
        "maxTotal",
        "minTotal",
        "order",
        "sort",
        "status",
        "storeId",
        "to",
      ]
        .map((n) => `query:${n}`)
        .sort(),
    );
    const item = op.responses["200"].content["application/json"].schema.properties.items.items;
    assert.ok(item.required.includes("customerDocument") && item.required.includes("origin"));
  });

  it("stops listing an order once it is deleted in the back office", async () => {
    const victim = live.find((f) => f.status === "entregue")!;
    const before = ids(await walk({ status: "entregue" }));
    assert.ok(before.includes(victim.id));
    const del = await app.inject({
      method: "DELETE",
      url: `/api/v1/orders/${victim.id}`,
      headers: await authHeaders(ctx),
    });
    assert.equal(del.statusCode, 204);
    const afterDelete = ids(await walk({ status: "entregue" }));
    assert.deepEqual(
      afterDelete,
      before.filter((id) => id !== victim.id),
    );
    victim.deleted = true;
    live = fixtures.filter((f) => !f.deleted);
  });
});

describe("the order page: an order synced from the store", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let storeId: number;

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({
      orders: 40,
      seed: 21,
      clientSecret: ctx.platforms.nuvemshop!.webhookSecret,
      rateLimit: false,
    });
    app = await buildApp({ ctx, version: "test" });
    storeId = await connectSimulatorStore(ctx, sim, "Loja Nuvem");
    await importOrders(ctx, storeId);
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  const get = async (path: string) =>
    app.inject({ method: "GET", url: path, headers: await authHeaders(ctx) });

  it("lists the synced orders with their store and both numbers", async () => {
    const res = await get("/api/v1/orders?limit=200");
    assert.equal(res.statusCode, 200, res.body);
    const { items } = res.json() as { items: Item[] };
    const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from sales_orders");
    assert.equal(items.length, rows[0]!.n);
    assert.ok(items.length > 0);
    for (const i of items) {
      assert.equal(i.originStoreName, "Loja Nuvem");
      assert.equal(i.platform, "nuvemshop");
      assert.equal(i.origin, "store");
      assert.equal(typeof i.storeOrderNumber, "string");
    }
  });

  it("shows customer, payments, store order and timeline", async () => {
    const { rows } = await t.db.query<{ id: number; normalized: CanonicalOrder; external_id: string }>(
      `select s.id, so.normalized, so.external_id from sales_orders s join store_orders so on so.id = s.store_order_id
        where s.customer_id is not null and so.normalized->'payment'->>'method' is not null
        order by s.id limit 1`,
    );
    const source = rows[0]!;
    const res = await get(`/api/v1/orders/${source.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const order = res.json();
    const n = source.normalized;
    assert.deepEqual(order.originStore, { id: storeId, name: "Loja Nuvem", platform: "nuvemshop" });
    assert.equal(order.origin, "store");
    assert.equal(order.customer.id, order.customerId);
    assert.equal(order.customer.document, n.customer.document, "linked by CPF/CNPJ");
    assert.equal(order.customer.documentKind, n.customer.documentKind);
    assert.equal(typeof order.customer.name, "string");
    assert.equal(order.payments.length, 1);
    const [payment] = order.payments;
    assert.equal(payment.method, n.payment.method);
    assert.equal(payment.gateway, n.payment.gateway);
    assert.equal(payment.installments, order.installments);
    assert.equal(payment.amountCents, order.totalCents);
    assert.equal(payment.platformStatus, n.status.fields.payment_status);
    assert.equal(order.storeOrder.externalId, source.external_id);
    assert.equal(order.storeOrder.number, n.number);
    assert.equal(order.storeOrder.number, order.storeOrderNumber);
    assert.equal(typeof order.storeOrder.platformStatus, "string");
    assert.equal(Date.parse(order.storeOrder.platformCreatedAt), Date.parse(n.createdAt ?? ""));
    assert.ok(order.items.length > 0);
    assert.ok(order.deliveryAddress);
    // Kept as it was: the timeline oldest first.
    const times = order.events.map((e: { createdAt: string; id: number }) => [Date.parse(e.createdAt), e.id]);
    assert.deepEqual(
      times,
      [...times].sort((a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]!),
    );
  });

  it("a sales order made in the back office has no store, store order or linked customer", async () => {
    const { rows } = await t.db.query<{ id: number }>(
      `insert into sales_orders (org_id, total_cents, customer_snapshot) values (1, 1000, '{"name": "Balcão"}')
       returning id`,
    );
    const order = (await get(`/api/v1/orders/${rows[0]!.id}`)).json();
    assert.equal(order.origin, "manual");
    assert.equal(order.originStore, null);
    assert.equal(order.storeOrder, null);
    assert.equal(order.customer, null);
    assert.deepEqual(order.payments, []);
    assert.equal(order.customerSnapshot.name, "Balcão");
  });

  it("answers 404 for an unknown order", async () => {
    const res = await get("/api/v1/orders/999999999");
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, "not_found");
  });
});

// A store's DE-PARA tables and customer default fields through the API: the platform's
// defaults are there on connect, a PUT replaces a whole table, every refused table names the
// field at fault (English and pt-BR) and changes nothing, unknown stores are 404.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { CANONICAL_STATUSES, loadStoreMappings, type StatusRow } from "../../src/stores/mapping-tables.ts";
import { connectStore } from "../../src/stores/stores.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

interface Detail {
  field: string;
  problem: string;
  message: string;
  message_pt: string;
}

describe("mapping tables API", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let auth: Record<string, string>;
  let storeId: number;
  let otherOrgStoreId: number;

  const url = (table: string, id = storeId) => `/api/v1/stores/${id}/${table}`;
  const get = async (table: string, id = storeId) => {
    const res = await app.inject({ headers: auth, method: "GET", url: url(table, id) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().rows;
  };
  const put = (table: string, rows: unknown, id = storeId) =>
    app.inject({ headers: auth, method: "PUT", url: url(table, id), payload: { rows } });
  /** A PUT that must be refused: returns the details, and checks the table did not change. */
  const refused = async (table: string, rows: unknown): Promise<Detail[]> => {
    const before = await get(table);
    const res = await put(table, rows);
    assert.equal(res.statusCode, 400, res.body);
    const { error } = res.json();
    assert.equal(error.code, "validation_failed");
    assert.ok(error.details.length > 0);
    for (const d of error.details as Detail[]) {
      assert.ok(d.field && d.problem && d.message && d.message_pt, JSON.stringify(d));
    }
    assert.deepEqual(await get(table), before, "a refused PUT changes nothing");
    return error.details;
  };
  const has = (details: Detail[], field: string, problem: string) =>
    assert.ok(
      details.some((d) => d.field === field && d.problem === problem),
      `${field} ${problem} in ${JSON.stringify(details)}`,
    );

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    app = await buildApp({ ctx, version: "test" });
    auth = await authHeaders(ctx);
    const input = {
      platform: "nuvemshop",
      name: "Loja Agro",
      credentials: { accessToken: "token-12345678" },
    };
    storeId = (await t.db.transaction((tx) => connectStore(ctx, tx, { ...input, externalId: "1001" }, 1))).id;
    const { rows } = await t.db.query<{ id: number }>(
      "insert into organizations (name) values ('Outra') returning id",
    );
    otherOrgStoreId = (
      await t.db.transaction((tx) => connectStore(ctx, tx, { ...input, externalId: "2002" }, rows[0]!.id))
    ).id;
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it("has Nuvemshop's default status table: 8 rows, cancelled statuses create no order", async () => {
    const rows: StatusRow[] = await get("status-map");
    assert.deepEqual(
      rows.map((r) => r.canonicalStatus),
      [...CANONICAL_STATUSES],
    );
    assert.deepEqual(rows[6], {
      canonicalStatus: "cancelado",
      platformValues: ["cancelled", "voided", "refunded", "abandoned"],
      active: true,
      createsOrder: false,
    });
    assert.deepEqual(rows[1]!.platformValues, ["paid"]);
    assert.ok(rows.filter((r) => r.canonicalStatus !== "cancelado").every((r) => r.createsOrder));
  });

  it("replaces the status table and reads it back, trimmed", async () => {
    const rows: StatusRow[] = await get("status-map");
    rows[7] = {
      canonicalStatus: "problemas",
      platformValues: ["  chargeback "],
      active: true,
      createsOrder: false,
    };
    rows[2]!.platformValues = []; // "packed" no longer mapped
    const res = await put("status-map", rows);
    assert.equal(res.statusCode, 200, res.body);
    const back: StatusRow[] = await get("status-map");
    assert.deepEqual(res.json().rows, back);
    assert.deepEqual(back[7], {
      canonicalStatus: "problemas",
      platformValues: ["chargeback"],
      active: true,
      createsOrder: false,
    });
    assert.deepEqual(back[2]!.platformValues, []);
  });

  it("refuses a status table with the field at fault", async () => {
    const rows: StatusRow[] = await get("status-map");
    const edit = (change: (r: StatusRow[]) => void) => {
      const copy = structuredClone(rows);
      change(copy);
      return copy;
    };
    has(
      await refused(
        "status-map",
        edit((r) => {
          r[2]!.canonicalStatus = "enviado" as never;
        }),
      ),
      "rows[2].canonicalStatus",
      "unknown_canonical_status",
    );
    const twice = await refused(
      "status-map",
      edit((r) => {
        r[7]!.canonicalStatus = "cancelado";
      }),
    );
    has(twice, "rows[7].canonicalStatus", "duplicate_canonical_status");
    has(twice, "rows", "missing_canonical_status");
    const shared = await refused(
      "status-map",
      edit((r) => {
        r[1]!.platformValues = ["paid", " pending "];
      }),
    );
    has(shared, "rows[1].platformValues[1]", "duplicate_platform_value");
    assert.match(shared[0]!.message_pt, /já está em rows\[0\]\.platformValues\[0\]/);
    has(
      await refused(
        "status-map",
        edit((r) => {
          r[0]!.platformValues = ["   "];
        }),
      ),
      "rows[0].platformValues[0]",
      "empty",
    );
    has(
      await refused(
        "status-map",
        edit((r) => {
          r[3]!.platformValues = ["x".repeat(101)];
        }),
      ),
      "rows[3].platformValues[0]",
      "maxLength",
    );
    const missing = await refused("status-map", rows.slice(0, 7));
    assert.deepEqual(missing, [
      {
        field: "rows",
        problem: "missing_canonical_status",
        message: 'rows: the table must have a row for "problemas"',
        message_pt: 'rows: a tabela precisa de uma linha para "problemas"',
      },
    ]);
    has(
      await refused("status-map", [{ canonicalStatus: "cancelado" }]),
      "rows[0].platformValues",
      "required",
    );
  });

  it("replaces the payment table; a platform value appears once", async () => {
    const defaults = await get("payment-map");
    assert.deepEqual(defaults[0], {
      platformValue: "credit_card",
      paymentType: "cartao_credito",
      installments: null,
    });
    const res = await put("payment-map", [
      { platformValue: "credit_card", paymentType: "cartao_credito", installments: 12 },
      { platformValue: " pix", paymentType: "pix " },
    ]);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(await get("payment-map"), [
      { platformValue: "credit_card", paymentType: "cartao_credito", installments: 12 },
      { platformValue: "pix", paymentType: "pix", installments: null },
    ]);
    const dup = [
      { platformValue: "pix", paymentType: "pix", installments: null },
      { platformValue: "pix ", paymentType: "boleto", installments: null },
    ];
    has(await refused("payment-map", dup), "rows[1].platformValue", "duplicate_platform_value");
    const tooMany = [{ platformValue: "credit_card", paymentType: "cartao_credito", installments: 49 }];
    has(await refused("payment-map", tooMany), "rows[0].installments", "maximum");
    const empty = [{ platformValue: "boleto", paymentType: " ", installments: null }];
    has(await refused("payment-map", empty), "rows[0].paymentType", "empty");
  });

  it("replaces the shipping table; a platform value appears once", async () => {
    assert.equal((await get("shipping-map")).length, 3);
    const res = await put("shipping-map", [
      { platformValue: "correios", carrier: "Correios", shippingType: "PAC" },
      { platformValue: "branch", carrier: "Retirada na loja", shippingType: " " },
    ]);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(await get("shipping-map"), [
      { platformValue: "correios", carrier: "Correios", shippingType: "PAC" },
      { platformValue: "branch", carrier: "Retirada na loja", shippingType: null },
    ]);
    const dup = [
      { platformValue: "correios", carrier: "Correios", shippingType: null },
      { platformValue: "correios", carrier: "Jadlog", shippingType: null },
    ];
    has(await refused("shipping-map", dup), "rows[1].platformValue", "duplicate_platform_value");
  });

  it("replaces the customer default fields, in order, checking each expression", async () => {
    assert.deepEqual(await get("customer-defaults"), []);
    const rows = [
      { field: "produtorRural", expression: "true" },
      { field: "ufMT", expression: 'billingAddress.state = "MT"' },
      { field: "apelido", expression: 'customer.name & " (loja)"' },
    ];
    const res = await put("customer-defaults", rows);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(await get("customer-defaults"), rows);

    const dup = [rows[0], { field: "produtorRural", expression: "false" }];
    has(await refused("customer-defaults", dup), "rows[1].field", "duplicate_field");
    has(
      await refused("customer-defaults", [{ field: "1x", expression: "true" }]),
      "rows[0].field",
      "invalid_field_name",
    );
    const syntax = await refused("customer-defaults", [{ field: "x", expression: "customer.name &" }]);
    has(syntax, "rows[0].expression", "syntax_error");
    const regex = [{ field: "x", expression: "$match(customer.name, /a+/)" }];
    has(await refused("customer-defaults", regex), "rows[0].expression", "not_allowed");
    has(await refused("customer-defaults", [{ field: "x", expression: " " }]), "rows[0].expression", "empty");
  });

  it("gives the sync engine every table in one read", async () => {
    const m = await loadStoreMappings(t.db, storeId);
    assert.equal(m.status.length, 8);
    assert.deepEqual(m.status[7]!.platformValues, ["chargeback"]);
    assert.deepEqual(
      m.payment.map((r) => r.platformValue),
      ["credit_card", "pix"],
    );
    assert.deepEqual(
      m.shipping.map((r) => r.platformValue),
      ["correios", "branch"],
    );
    assert.deepEqual(
      m.customerDefaults.map((r) => r.field),
      ["produtorRural", "ufMT", "apelido"],
    );
  });

  it("another organisation's store is not found, and nothing is written under it", async () => {
    const res = await put("customer-defaults", [{ field: "x", expression: "1" }], otherOrgStoreId);
    assert.equal(res.statusCode, 404, res.body);
    const { rows } = await t.db.query("select 1 from customer_default_fields where store_id = $1", [
      otherOrgStoreId,
    ]);
    assert.equal(rows.length, 0);
    assert.equal((await get("customer-defaults")).length, 3, "the first store's fields are untouched");
  });

  it("answers 404 for an unknown store and 400 for a malformed body", async () => {
    for (const method of ["GET", "PUT"] as const) {
      const res = await app.inject({
        headers: auth,
        method,
        url: url("status-map", 999999),
        payload: { rows: [] },
      });
      assert.equal(res.statusCode, 404, res.body);
      assert.equal(res.json().error.code, "not_found");
    }
    const res = await app.inject({
      headers: auth,
      method: "PUT",
      url: url("payment-map"),
      payload: { lines: [] },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.details[0].field, "rows");
    assert.equal(res.json().error.details[0].message_pt, "rows: campo obrigatório");
  });

  it("documents the routes in OpenAPI under the mappings tag", async () => {
    const spec = (await app.inject("/api/openapi.json")).json();
    for (const table of ["status-map", "payment-map", "shipping-map", "customer-defaults"]) {
      const path = spec.paths[`/api/v1/stores/{id}/${table}`];
      assert.ok(path?.get && path?.put, table);
      assert.deepEqual(path.put.tags, ["mappings"]);
    }
  });
});

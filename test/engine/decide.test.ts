// The sync decision, order by order: status table, customers, products, payment and shipping
// tables, and the never-backwards rule — without a database, on orders read from a real
// Nuvemshop payload (here, outside src/, so generic code names no platform).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { mapNuvemshopOrder } from "../../src/platforms/nuvemshop/map-order.ts";
import {
  type DecideInput,
  type Decision,
  decide,
  readStatusRow,
  type StoreMappings,
} from "../../src/sync/decide.ts";

const raw = JSON.parse(
  readFileSync(
    new URL("../../src/platforms/nuvemshop/fixtures/brazilian-order.json", import.meta.url),
    "utf8",
  ),
) as Record<string, unknown>;
const orderWith = (patch: Record<string, unknown> = {}) => mapNuvemshopOrder({ ...raw, ...patch });

const mappings: StoreMappings = {
  status: [
    {
      canonicalStatus: "aguardando_pagamento",
      platformValues: ["pending", "authorized"],
      active: true,
      createsOrder: true,
    },
    { canonicalStatus: "pagamento_confirmado", platformValues: ["paid"], active: true, createsOrder: true },
    { canonicalStatus: "em_preparacao", platformValues: ["packed"], active: true, createsOrder: true },
    { canonicalStatus: "despachado", platformValues: ["shipped"], active: true, createsOrder: true },
    { canonicalStatus: "embarcado", platformValues: [], active: false, createsOrder: true },
    { canonicalStatus: "entregue", platformValues: ["delivered"], active: false, createsOrder: true },
    {
      canonicalStatus: "cancelado",
      platformValues: ["cancelled", "voided"],
      active: true,
      createsOrder: false,
    },
    { canonicalStatus: "problemas", platformValues: [], active: false, createsOrder: true },
  ],
  payment: [{ platformValue: "credit_card", paymentType: "cartao_credito", installments: null }],
  shipping: [{ platformValue: "correios", carrier: "Correios", shippingType: null }],
  customerDefaults: [],
};

function input(patch: Partial<DecideInput> = {}): DecideInput {
  return {
    order: orderWith(),
    normalizeError: null,
    digest: "d1",
    link: null,
    salesOrder: null,
    mappings,
    customerId: null,
    productIds: new Map(),
    unknownSku: "create",
    mode: "auto",
    ...patch,
  };
}

const existing = (
  canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "cancelado" | "despachado",
) => ({
  id: 7,
  number: 1007,
  canonicalStatus,
  status: canonicalStatus === "cancelado" ? ("cancelado" as const) : ("em_aberto" as const),
  customerId: null,
  deleted: false,
});

function writing(d: Decision) {
  assert.ok(d.kind === "create" || d.kind === "update", `expected a write, got ${JSON.stringify(d)}`);
  return d;
}

describe("sync decision", () => {
  it("reads the status table: the active row listing the value wins; inactive and unmapped are told apart", () => {
    assert.deepEqual(readStatusRow(mappings.status, "paid"), {
      kind: "mapped",
      canonical: "pagamento_confirmado",
      createsOrder: true,
    });
    assert.deepEqual(readStatusRow(mappings.status, "delivered"), {
      kind: "inactive",
      canonical: "entregue",
    });
    assert.deepEqual(readStatusRow(mappings.status, "payment_status:weird"), {
      kind: "unmapped",
      key: "payment_status:weird",
    });
  });

  it("creates a paid order as Confirmado and a pending one as Em aberto (docs/REQUIREMENTS.md#seed-001)", () => {
    const paid = writing(decide(input({ order: orderWith({ payment_status: "paid" }) })));
    assert.equal(paid.kind, "create");
    assert.equal(paid.data.status, "confirmado");
    const pending = writing(decide(input({ order: orderWith({ payment_status: "pending" }) })));
    assert.equal(pending.data.status, "em_aberto");
    assert.equal(pending.data.canonicalStatus, "aguardando_pagamento");
  });

  it("holds with a reason: cancelled does not process inclusion, inactive and unmapped statuses", () => {
    const reasons = [
      { status: "cancelled" },
      { shipping_status: "delivered", payment_status: "paid" },
      { payment_status: "weird" },
    ].map((patch) => {
      const d = decide(input({ order: orderWith(patch) }));
      assert.equal(d.kind, "hold");
      return d.kind === "hold" ? d.reason.code : "";
    });
    assert.deepEqual(reasons, ["status_not_creating", "status_inactive", "status_unmapped"]);
  });

  it("a status the platform declares not final waits: held without a problem, an existing order keeps its status", () => {
    const weird = orderWith({ payment_status: "weird" });
    const held = decide(input({ order: weird, waiting: [weird.status.key] }));
    assert.deepEqual(held.kind === "hold" ? held.reason.code : held.kind, "status_waiting");
    const kept = writing(
      decide(
        input({ order: weird, waiting: [weird.status.key], salesOrder: existing("pagamento_confirmado") }),
      ),
    );
    assert.equal(kept.kind, "update");
    assert.equal(kept.data.canonicalStatus, "pagamento_confirmado", "the status is kept");
    assert.equal(kept.statusProblem, null, "a normal wait, not a problem");
    const unmapped = decide(input({ order: weird }));
    assert.equal(unmapped.kind === "hold" ? unmapped.reason.code : unmapped.kind, "status_unmapped");
  });

  it("Criar overrides a hold; an unmapped status is kept as a status problem on the synced order", () => {
    const d = writing(decide(input({ order: orderWith({ payment_status: "weird" }), mode: "create" })));
    assert.equal(d.kind, "create");
    assert.equal(d.statusProblem?.code, "status_unmapped");
    const cancelled = writing(decide(input({ order: orderWith({ status: "cancelled" }), mode: "create" })));
    assert.equal(cancelled.data.status, "cancelado");
  });

  it("links the customer by a valid document, creates one otherwise, and imports without one", () => {
    const found = writing(decide(input({ customerId: 42 })));
    assert.deepEqual(found.customer, { kind: "found", customerId: 42 });
    const created = writing(decide(input()));
    assert.equal(created.customer.kind, "create");
    const invalid = writing(
      decide(
        input({
          order: orderWith({ customer: { ...(raw.customer as object), identification: "111.111.111-11" } }),
        }),
      ),
    );
    assert.equal(invalid.customer.kind, "none");
    assert.ok(invalid.customer.kind === "none" && /dígitos repetidos/.test(invalid.customer.problem));
    assert.ok(invalid.events.some((e) => e.kind === "customer_not_linked"));
  });

  it("unknown SKUs become products, or hold the order when the store says so", () => {
    const order = orderWith();
    const skus = order.items.map((i) => i.sku).filter(Boolean);
    assert.ok(skus.length > 0);
    const create = writing(decide(input({ order })));
    assert.deepEqual(create.newSkus, [...new Set(skus)]);
    const hold = decide(input({ order, unknownSku: "hold" }));
    assert.equal(hold.kind, "hold");
    const known = new Map(skus.map((s, n) => [s!, n + 1]));
    assert.deepEqual(writing(decide(input({ order, unknownSku: "hold", productIds: known }))).newSkus, []);
  });

  it("maps payment and shipping through their tables and flags what passes through unmapped", () => {
    const mapped = writing(
      decide(
        input({
          order: orderWith({
            payment_details: { method: "credit_card", installments: 3 },
            shipping: "correios",
          }),
        }),
      ),
    );
    assert.equal(mapped.data.paymentType, "cartao_credito");
    assert.equal(mapped.data.installments, 3);
    assert.equal(mapped.data.carrier, "Correios");
    const unmapped = writing(
      decide(input({ order: orderWith({ payment_details: { method: "crypto" }, shipping: "drone" }) })),
    );
    assert.equal(unmapped.data.paymentType, "crypto");
    assert.deepEqual(
      unmapped.data.flags.map((f) => f.field),
      ["payment", "shipping"],
    );
  });

  it("moves an existing sales order forward, cancels it, and never back", () => {
    const forward = writing(
      decide(
        input({ order: orderWith({ payment_status: "paid" }), salesOrder: existing("aguardando_pagamento") }),
      ),
    );
    assert.equal(forward.kind, "update");
    assert.deepEqual(forward.statusStep, { apply: true, status: "pagamento_confirmado" });
    const back = writing(
      decide(input({ order: orderWith({ payment_status: "pending" }), salesOrder: existing("despachado") })),
    );
    assert.equal(back.data.canonicalStatus, "despachado");
    assert.ok(back.events.some((e) => e.kind === "status_ignored"));
    const cancel = writing(
      decide(input({ order: orderWith({ status: "cancelled" }), salesOrder: existing("despachado") })),
    );
    assert.equal(cancel.data.status, "cancelado");
    const reopen = writing(
      decide(input({ order: orderWith({ payment_status: "paid" }), salesOrder: existing("cancelado") })),
    );
    assert.equal(reopen.data.canonicalStatus, "cancelado");
  });

  it("skips an order already synced with the same content; a deleted sales order holds it", () => {
    const link = { syncState: "synced" as const, syncedDigest: "d1", reasonCode: null };
    assert.equal(decide(input({ link, salesOrder: existing("aguardando_pagamento") })).kind, "skip");
    assert.equal(
      decide(input({ link, salesOrder: existing("aguardando_pagamento"), mode: "update" })).kind,
      "update",
    );
    const deleted = decide(
      input({ digest: "d2", link, salesOrder: { ...existing("aguardando_pagamento"), deleted: true } }),
    );
    assert.equal(deleted.kind, "hold");
    assert.equal(deleted.kind === "hold" && deleted.reason.code, "sales_order_deleted");
  });

  it("an unreadable payload is an error with the problems listed", () => {
    const d = decide(input({ order: null, normalizeError: 'total: "x" is not an amount of money' }));
    assert.equal(d.kind, "error");
    assert.match(d.kind === "error" ? d.reason.message : "", /ilegível: total/);
  });
});

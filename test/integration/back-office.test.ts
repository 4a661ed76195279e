// The back office's effects through the API (R6.4, R7, seed 003): payment confirmed by hand
// before invoicing, an invoice takes stock out and creates receivables exactly once (also when
// two requests race), the estorno reverses them exactly once, a shipment moves the order to
// Despachado with its tracking, delivery is dated, and the shipping label prints.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { authHeaders } from "../helpers/auth.ts";
import { readCode128 } from "../helpers/code128-read.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { barWidths, readPdf } from "../helpers/pdf-read.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

/** A valid NF-e key (issuer with an alphanumeric CNPJ): series 1, number 123. */
const NFE_KEY = "35260912ABC34501DE35550010000001231123456784";
const NFE_KEY_2 = "23140502179938000146550010000658711000658716";
const NFE_KEY_3 = "33150308370779000149550010001100931002410775";

interface OrderSpec {
  totalCents?: number;
  installments?: number;
  paymentType?: string | null;
  canonical?: string;
  paid?: boolean;
  items?: { sku: string | null; quantity: number; stock?: number }[];
  address?: Record<string, unknown> | null;
}

describe("back office: payment, invoice, estorno, shipments, label", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let skuSeq = 0;

  const request = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const ok = async (method: "GET" | "POST" | "PUT", url: string, payload?: unknown, status = 200) => {
    const res = await request(method, url, payload);
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    return res.json() as Json;
  };
  const refused = async (method: "POST" | "PUT", url: string, payload: unknown, status: number) => {
    const res = await request(method, url, payload);
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    return res.json().error as Json;
  };
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params)).rows[0]!.n;
  const stockOf = async (sku: string) =>
    (await t.db.query<{ s: number }>("select stock_quantity as s from products where sku = $1", [sku]))
      .rows[0]!.s;
  const sku = () => `BO-${++skuSeq}`;

  /** A sales order made in the back office (no store: nothing to push), with products and stock. */
  async function newOrder(spec: OrderSpec = {}): Promise<number> {
    const items = spec.items ?? [{ sku: sku(), quantity: 1, stock: 10 }];
    const { rows } = await t.db.query<{ id: number }>(
      `insert into sales_orders (org_id, canonical_status, status, payment_type, installments, total_cents,
         subtotal_cents, payment_confirmed_at, payment_confirmed_by, customer_snapshot, delivery_address,
         store_order_number)
       values (1, $1, $2, $3, $4, $5, $5, case when $6 then now() end, case when $6 then 'platform' end,
               '{"name": "Conceição Araújo", "email": "c@example.org"}', $7, '5678')
       returning id`,
      [
        spec.canonical ?? (spec.paid === false ? "aguardando_pagamento" : "pagamento_confirmado"),
        spec.paid === false ? "em_aberto" : "confirmado",
        spec.paymentType === undefined ? "pix" : spec.paymentType,
        spec.installments ?? 1,
        spec.totalCents ?? 10000,
        spec.paid !== false,
        JSON.stringify(
          spec.address === undefined
            ? {
                name: "Conceição Araújo",
                street: "Avenida Paulista",
                number: "1578",
                complement: "Apto 42",
                neighborhood: "Bela Vista",
                city: "São Paulo",
                state: "SP",
                zipcode: "01310-200",
                country: "BR",
                phone: null,
              }
            : spec.address,
        ),
      ],
    );
    const id = rows[0]!.id;
    let position = 0;
    for (const item of items) {
      let productId: number | null = null;
      if (item.sku !== null) {
        const p = await t.db.query<{ id: number }>(
          `insert into products (org_id, sku, name, stock_quantity) values (1, $1, $1, $2)
           on conflict (org_id, sku) do update set name = excluded.name returning id`,
          [item.sku, item.stock ?? 0],
        );
        productId = p.rows[0]!.id;
      }
      await t.db.query(
        `insert into sales_order_items (sales_order_id, position, product_id, sku, name, quantity, unit_price_cents, total_cents)
         values ($1, $2, $3, $4, $5, $6, 1000, $6 * 1000)`,
        [id, ++position, productId, item.sku, item.sku ?? "Brinde sem cadastro", item.quantity],
      );
    }
    return id;
  }

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it("invoicing needs the payment confirmed; confirming by hand records who and when, once", async () => {
    const id = await newOrder({ paid: false, paymentType: "deposito" });
    const early = await refused("POST", `/api/v1/orders/${id}/invoice`, { kind: "simple" }, 409);
    assert.equal(early.code, "illegal_transition");
    assert.equal(early.reasonCode, "payment_not_confirmed");
    assert.match(early.reason, /Pagamento não confirmado/);
    assert.equal(await count("invoices where sales_order_id = $1", [id]), 0, "a refusal writes nothing");

    const confirmed = await ok("POST", `/api/v1/orders/${id}/confirm-payment`, {
      note: "depósito conferido no extrato",
    });
    assert.equal(confirmed.statusChanged, true);
    assert.equal(confirmed.order.canonicalStatus, "pagamento_confirmado");
    assert.equal(confirmed.order.status, "confirmado");
    assert.match(confirmed.paymentConfirmedBy, /^token:/);
    assert.ok(Date.now() - Date.parse(confirmed.paymentConfirmedAt) < 60_000);
    const page = await ok("GET", `/api/v1/orders/${id}`);
    assert.equal(page.payments[0].confirmedBy, confirmed.paymentConfirmedBy);
    assert.equal(page.payments[0].confirmedAt, confirmed.paymentConfirmedAt);
    const timeline = (page.events as Json[]).filter((e) =>
      ["payment_confirmed", "status_changed"].includes(e.kind),
    );
    assert.deepEqual(
      timeline.map((e) => e.kind),
      ["payment_confirmed", "status_changed"],
    );
    assert.equal(timeline[0]!.id, confirmed.eventId);
    assert.equal(timeline[0]!.data.note, "depósito conferido no extrato");
    assert.match(timeline[1]!.message, /\(pagamento confirmado à mão\)/);

    const again = await refused("POST", `/api/v1/orders/${id}/confirm-payment`, {}, 409);
    assert.equal(again.reasonCode, "payment_already_confirmed");
    assert.equal(again.confirmedBy, confirmed.paymentConfirmedBy);
    const invoiced = await ok("POST", `/api/v1/orders/${id}/invoice`, { kind: "simple" }, 201);
    assert.equal(invoiced.order.status, "faturado");
  });

  it("an NF-e takes each product out once, splits the receivables in cents and moves the order on", async () => {
    const a = sku();
    const b = sku();
    const id = await newOrder({
      totalCents: 10000,
      installments: 3,
      paymentType: "boleto",
      items: [
        { sku: a, quantity: 2, stock: 5 },
        { sku: b, quantity: 1, stock: 0 },
        { sku: a, quantity: 1 },
        { sku: null, quantity: 1 },
      ],
    });
    const res = await ok(
      "POST",
      `/api/v1/orders/${id}/invoice`,
      {
        kind: "nfe",
        accessKey: NFE_KEY.replace(/(.{4})/g, "$1 ").trim(),
        issuedAt: "2026-03-10T22:30:00-03:00",
      },
      201,
    );
    assert.equal(res.invoice.kind, "nfe");
    assert.equal(res.invoice.accessKey, NFE_KEY);
    assert.deepEqual([res.invoice.number, res.invoice.series, res.invoice.status], ["123", "1", "approved"]);

    const moves = Object.fromEntries((res.stockMovements as Json[]).map((m) => [m.sku, m]));
    assert.deepEqual(
      [moves[a].quantity, moves[a].stockAfter, moves[a].wentNegative],
      [-3, 2, false],
      "two lines of one product: one movement",
    );
    assert.deepEqual([moves[b].quantity, moves[b].stockAfter, moves[b].wentNegative], [-1, -1, true]);
    assert.deepEqual(
      res.negativeStock.map((n: Json) => n.sku),
      [b],
      "negative stock is allowed and flagged",
    );
    assert.equal(res.itemsWithoutProduct.length, 1);
    assert.equal(await stockOf(a), 2);
    assert.equal(await stockOf(b), -1);

    // 100,00 in 3 → 33,34 / 33,33 / 33,33; boleto: issue date in São Paulo, then every 30 days.
    assert.deepEqual(
      res.receivables.map((r: Json) => [r.installment, r.amountCents, r.dueDate, r.status]),
      [
        [1, 3334, "2026-03-10", "open"],
        [2, 3333, "2026-04-09", "open"],
        [3, 3333, "2026-05-09", "open"],
      ],
    );
    assert.deepEqual(
      [res.order.canonicalStatus, res.order.status, res.statusChanged],
      ["em_preparacao", "faturado", true],
    );

    const listed = await ok("GET", `/api/v1/receivables?salesOrderId=${id}`);
    assert.equal(
      listed.items.reduce((s: number, r: Json) => s + r.amountCents, 0),
      10000,
    );
    assert.equal(listed.items[0].paymentType, "boleto");
    const ledger = await ok("GET", `/api/v1/products/${a}/stock-movements`);
    assert.equal(ledger.product.stockQuantity, 2);
    assert.deepEqual(
      ledger.items.map((m: Json) => [m.reason, m.quantity, m.invoiceId]),
      [["invoice", -3, res.invoice.id]],
    );

    const events = (await ok("GET", `/api/v1/orders/${id}`)).events as Json[];
    const invoiced = events.find((e) => e.id === res.eventId)!;
    assert.equal(invoiced.kind, "invoiced");
    assert.match(invoiced.message, /NF-e nº 123 série 1 aprovada/);
    assert.match(invoiced.message, new RegExp(`estoque negativo: ${b}`));
    const moved = events.find((e) => e.kind === "status_changed" && e.id > res.eventId)!;
    assert.match(moved.message, /Pagamento confirmado → Em preparação \(faturamento\)/);
    assert.equal(
      moved.data.invoice.accessKey,
      NFE_KEY,
      "the status event carries the key for the store's push",
    );

    const twice = await refused("POST", `/api/v1/orders/${id}/invoice`, { kind: "simple" }, 409);
    assert.equal(twice.code, "already_invoiced");
    assert.equal(twice.invoiceId, res.invoice.id);
  });

  it("bad invoice input is refused naming the field", async () => {
    const id = await newOrder();
    const digit = await refused(
      "POST",
      `/api/v1/orders/${id}/invoice`,
      { kind: "nfe", accessKey: `${NFE_KEY.slice(0, 43)}0` },
      400,
    );
    assert.deepEqual(
      [digit.code, digit.field, digit.reasonCode],
      ["validation_failed", "accessKey", "bad_check_digit"],
    );
    const missing = await refused("POST", `/api/v1/orders/${id}/invoice`, { kind: "nfe" }, 400);
    assert.equal(missing.field, "accessKey");
    const number = await refused(
      "POST",
      `/api/v1/orders/${id}/invoice`,
      { kind: "nfe", accessKey: NFE_KEY, number: "9" },
      400,
    );
    assert.deepEqual([number.field, number.reasonCode], ["number", "key_mismatch"]);
    const kind = await refused("POST", `/api/v1/orders/${id}/invoice`, { kind: "boleto" }, 400);
    assert.equal(kind.code, "validation_failed");
    assert.equal(await count("invoices where sales_order_id = $1", [id]), 0);
    assert.equal(
      (await refused("POST", "/api/v1/orders/999999/invoice", { kind: "simple" }, 404)).code,
      "not_found",
    );
  });

  it("two invoices at once: exactly one wins, one set of stock movements and receivables", async () => {
    const a = sku();
    const b = sku();
    const id = await newOrder({
      totalCents: 25001,
      installments: 4,
      paymentType: "cartao_credito",
      items: [
        { sku: a, quantity: 2, stock: 10 },
        { sku: b, quantity: 5, stock: 10 },
      ],
    });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        request(
          "POST",
          `/api/v1/orders/${id}/invoice`,
          i % 2 ? { kind: "simple" } : { kind: "nfe", accessKey: NFE_KEY_2 },
        ),
      ),
    );
    const statuses = answers.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409], answers.map((r) => r.body).join("\n"));
    assert.ok(
      answers.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === "already_invoiced"),
    );
    assert.equal(await count("invoices where sales_order_id = $1", [id]), 1);
    assert.equal(await count("stock_movements where sales_order_id = $1", [id]), 2);
    assert.equal(await count("receivables where sales_order_id = $1", [id]), 4);
    assert.equal(await count("order_events where sales_order_id = $1 and kind = 'invoiced'", [id]), 1);
    assert.deepEqual([await stockOf(a), await stockOf(b)], [8, 5]);
    const { rows } = await t.db.query<{ amount_cents: number }>(
      "select amount_cents from receivables where sales_order_id = $1 order by installment",
      [id],
    );
    assert.deepEqual(
      rows.map((r) => r.amount_cents),
      [6251, 6250, 6250, 6250],
    );
  });

  it("estorno reverses stock and receivables exactly once, then the order may be invoiced again", async () => {
    const a = sku();
    const id = await newOrder({
      totalCents: 9000,
      installments: 2,
      paymentType: "cartao_credito",
      items: [{ sku: a, quantity: 4, stock: 4 }],
    });
    const first = await ok(
      "POST",
      `/api/v1/orders/${id}/invoice`,
      { kind: "nfe", accessKey: NFE_KEY_3 },
      201,
    );
    assert.equal(await stockOf(a), 0);

    // The order cannot be cancelled while its invoice is live.
    const cancelOrder = await refused("POST", `/api/v1/orders/${id}/status`, { status: "cancelado" }, 409);
    assert.equal(cancelOrder.reasonCode, "invoice_live");
    assert.match(cancelOrder.reason, /estorno/);

    const both = await Promise.all([
      request("POST", `/api/v1/orders/${id}/invoice/cancel`, { reason: "valor errado" }),
      request("POST", `/api/v1/orders/${id}/invoice/cancel`, { reason: "valor errado" }),
    ]);
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
    const cancelled = both.find((r) => r.statusCode === 200)!.json() as Json;
    assert.equal(both.find((r) => r.statusCode === 409)!.json().error.code, "not_invoiced");
    assert.equal(cancelled.invoice.status, "cancelled");
    assert.equal(cancelled.invoice.cancelReason, "valor errado");
    assert.deepEqual(
      cancelled.stockMovements.map((m: Json) => [m.sku, m.reason, m.quantity, m.stockAfter]),
      [[a, "invoice_reversal", 4, 4]],
    );
    assert.deepEqual(
      cancelled.receivables.map((r: Json) => r.status),
      ["reversed", "reversed"],
    );
    assert.deepEqual(
      [cancelled.order.canonicalStatus, cancelled.order.status],
      ["em_preparacao", "confirmado"],
    );
    assert.equal(await stockOf(a), 4);
    const again = await refused("POST", `/api/v1/orders/${id}/invoice/cancel`, {}, 409);
    assert.equal(again.code, "not_invoiced");
    assert.equal(
      await count("stock_movements where invoice_id = $1 and reason = 'invoice_reversal'", [
        first.invoice.id,
      ]),
      1,
    );
    assert.equal(await stockOf(a), 4, "nothing reversed twice");
    const reversed = await ok("GET", `/api/v1/receivables?salesOrderId=${id}&status=reversed`);
    assert.equal(reversed.items.length, 2);
    const events = ((await ok("GET", `/api/v1/orders/${id}`)).events as Json[]).filter(
      (e) => e.kind === "invoice_cancelled",
    );
    assert.equal(events.length, 1);
    assert.match(events[0]!.message, /estorno.*motivo: valor errado/);

    // A cancelled NF-e's key is never reused; a new invoice is allowed.
    const reused = await refused(
      "POST",
      `/api/v1/orders/${id}/invoice`,
      { kind: "nfe", accessKey: NFE_KEY_3 },
      409,
    );
    assert.equal(reused.reasonCode, "access_key_in_use");
    const second = await ok("POST", `/api/v1/orders/${id}/invoice`, { kind: "simple", number: "V-1" }, 201);
    assert.equal(second.order.status, "faturado");
    assert.equal(second.statusChanged, false, "already in preparation: the status stays");
    assert.equal(await stockOf(a), 0);
    assert.equal(await count("receivables where sales_order_id = $1 and status = 'open'", [id]), 2);
    const ledger = await ok("GET", `/api/v1/products/${a}/stock-movements?limit=2`);
    assert.deepEqual(
      ledger.items.map((m: Json) => m.reason),
      ["invoice", "invoice_reversal"],
    );
    const rest = await ok("GET", `/api/v1/products/${a}/stock-movements?limit=2&after=${ledger.next}`);
    assert.deepEqual(
      rest.items.map((m: Json) => m.reason),
      ["invoice"],
    );
    assert.equal(rest.next, null);
  });

  it("a shipment checks the tracking, moves the order to Despachado and is the only way there", async () => {
    const id = await newOrder();
    const transitions = await ok("GET", `/api/v1/orders/${id}/transitions`);
    const despachado = (transitions.allowed as Json[]).find((a) => a.status === "despachado")!;
    assert.equal(despachado.form, "shipment");
    const embarcado = (transitions.allowed as Json[]).find((a) => a.status === "embarcado")!;
    assert.match(embarcado.blocked, /registre antes o envio/);

    const byForm = await refused("POST", `/api/v1/orders/${id}/status`, { status: "despachado" }, 409);
    assert.equal(byForm.reasonCode, "needs_shipment_form");
    assert.match(byForm.reason, /formulário de envio/);
    assert.equal(
      (await refused("POST", `/api/v1/orders/${id}/status`, { status: "embarcado" }, 409)).reasonCode,
      "needs_shipment",
    );

    const url = `/api/v1/orders/${id}/shipments`;
    const wrongDigit = await refused(
      "POST",
      url,
      { carrier: "Correios", trackingCode: "JT194690697BR" },
      400,
    );
    assert.deepEqual([wrongDigit.field, wrongDigit.reasonCode], ["trackingCode", "bad_check_digit"]);
    const shape = await refused("POST", url, { carrier: "Correios", trackingCode: "JT1946906BR" }, 400);
    assert.equal(shape.reasonCode, "bad_format");
    const looksLike = await refused(
      "POST",
      url,
      { carrier: "Transportadora X", trackingCode: "JT194690697BR" },
      400,
    );
    assert.equal(looksLike.field, "trackingCode");
    assert.equal((await refused("POST", url, { carrier: "Jadlog" }, 400)).reasonCode, "missing");
    assert.equal(
      (await refused("POST", url, { carrier: "Jadlog", trackingUrl: "ftp://x" }, 400)).field,
      "trackingUrl",
    );
    assert.equal(await count("shipments where sales_order_id = $1", [id]), 0);

    const shipped = await ok("POST", url, { carrier: "Correios", trackingCode: " jt194690698br " }, 201);
    assert.equal(shipped.shipment.trackingCode, "JT194690698BR");
    assert.equal(shipped.order.canonicalStatus, "despachado");
    const event = ((await ok("GET", `/api/v1/orders/${id}`)).events as Json[]).find(
      (e) => e.id === shipped.eventId,
    )!;
    assert.equal(event.kind, "status_changed");
    assert.equal(event.message, "Status: Pagamento confirmado → Despachado (envio registrado)");
    assert.deepEqual(event.data.shipment, {
      id: shipped.shipment.id,
      carrier: "Correios",
      trackingCode: "JT194690698BR",
      trackingUrl: null,
    });
    const second = await refused("POST", url, { carrier: "Jadlog", trackingCode: "123" }, 409);
    assert.equal(second.reasonCode, "same");

    // Other carriers' codes are kept as typed.
    const other = await newOrder();
    const jadlog = await ok(
      "POST",
      `/api/v1/orders/${other}/shipments`,
      {
        carrier: "Jadlog",
        trackingCode: "10084100123456",
        trackingUrl: "https://rastreio.example/10084100123456",
      },
      201,
    );
    assert.equal(jadlog.shipment.trackingCode, "10084100123456");
    const cancelled = await newOrder({ canonical: "cancelado" });
    const late = await refused(
      "POST",
      `/api/v1/orders/${cancelled}/shipments`,
      { carrier: "Jadlog", trackingCode: "1" },
      409,
    );
    assert.equal(late.reasonCode, "cancelled_is_final");

    // Embarcado now has its shipment; Entregue dates the delivery; Problemas from anywhere.
    await ok("POST", `/api/v1/orders/${id}/status`, { status: "embarcado" });
    const delivered = await ok("POST", `/api/v1/orders/${id}/status`, { status: "entregue" });
    assert.equal(delivered.canonicalStatus, "entregue");
    const s = ((await ok("GET", `/api/v1/orders/${id}/shipments`)).items as Json[])[0]!;
    assert.ok(
      s.deliveredAt && Date.now() - Date.parse(s.deliveredAt) < 60_000,
      "shipments.delivered_at recorded",
    );
    const deliveredEvent = ((await ok("GET", `/api/v1/orders/${id}`)).events as Json[]).find(
      (e) => e.id === delivered.eventId,
    )!;
    assert.equal(deliveredEvent.data.deliveredAt, s.deliveredAt);
    const { rows } = await t.db.query<{ d: Date | null }>(
      "select delivered_at as d from sales_orders where id = $1",
      [id],
    );
    assert.equal(rows[0]!.d?.toISOString(), s.deliveredAt);
    assert.equal(
      (await ok("POST", `/api/v1/orders/${id}/status`, { status: "problemas" })).canonicalStatus,
      "problemas",
    );
  });

  it("prints a 10 × 15 cm label with the sender, the recipient's CEP and the tracking barcode", async () => {
    const bad = await refused("PUT", "/api/v1/settings/sender", { name: "Loja", zipcode: "123" }, 400);
    assert.equal(bad.field, "zipcode");
    assert.deepEqual(await ok("GET", "/api/v1/settings/sender"), { sender: null });
    await ok("PUT", "/api/v1/settings/sender", {
      name: "Loja Exemplo Ltda",
      document: "11222333000181",
      street: "Rua das Flores",
      number: "100",
      neighborhood: "Centro",
      city: "Curitiba",
      state: "pr",
      zipcode: "80010-000",
    });
    assert.equal((await ok("GET", "/api/v1/settings/sender")).sender.document, "11.222.333/0001-81");

    const id = await newOrder();
    await ok(
      "POST",
      `/api/v1/orders/${id}/shipments`,
      { carrier: "Correios", trackingCode: "JT194690698BR" },
      201,
    );
    const res = await request("GET", `/api/v1/orders/${id}/label.pdf`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers["content-type"], "application/pdf");
    assert.match(String(res.headers["content-disposition"]), /etiqueta-\d+\.pdf/);
    assert.equal(res.rawPayload.subarray(0, 5).toString(), "%PDF-");
    const [page] = await readPdf(res.rawPayload);
    assert.deepEqual([page!.width.toFixed(2), page!.height.toFixed(2)], ["283.46", "425.20"]);
    assert.equal(readCode128(barWidths(page!.rects.filter((r) => r.h > 40))), "JT194690698BR");
    const number = (await ok("GET", `/api/v1/orders/${id}`)).number;
    for (const text of [
      "Conceição Araújo",
      "CEP 01310-200",
      `Pedido Ponte nº ${number}`,
      "Pedido da loja nº 5678",
      "Loja Exemplo Ltda",
      "CEP 80010-000",
      "Curitiba / PR",
    ]) {
      assert.ok(page!.texts.includes(text), `${text} on the label: ${JSON.stringify(page!.texts)}`);
    }

    const noAddress = await newOrder({ address: null });
    const none = await request("GET", `/api/v1/orders/${noAddress}/label.pdf`);
    assert.equal(none.statusCode, 409);
    assert.equal(none.json().error.reasonCode, "no_delivery_address");
    const badCep = await newOrder({ address: { name: "X", zipcode: "1234" } });
    assert.equal(
      (await request("GET", `/api/v1/orders/${badCep}/label.pdf`)).json().error.reasonCode,
      "invalid_cep",
    );
    assert.equal((await request("GET", "/api/v1/orders/999999/label.pdf")).statusCode, 404);
  });

  it("lists receivables by due date in keyset pages and refuses a forged cursor", async () => {
    const first = await ok("GET", "/api/v1/receivables?limit=3");
    assert.equal(first.items.length, 3);
    const all = [...first.items];
    let next = first.next;
    while (next) {
      const page = await ok("GET", `/api/v1/receivables?limit=3&after=${next}`);
      all.push(...page.items);
      next = page.next;
    }
    assert.equal(all.length, await count("receivables"));
    assert.equal(new Set(all.map((r) => r.id)).size, all.length, "no duplicates across pages");
    const keys = all.map((r) => `${r.dueDate}#${String(r.id).padStart(8, "0")}`);
    assert.deepEqual(keys, [...keys].sort());
    const forged = await request("GET", "/api/v1/receivables?after=bm9wZQ");
    assert.equal(forged.statusCode, 400);
    assert.equal(forged.json().error.code, "invalid_cursor");
    assert.equal((await request("GET", "/api/v1/products/NOPE/stock-movements")).statusCode, 404);
  });

  it("documents every back-office route in the OpenAPI document", async () => {
    const doc = await ok("GET", "/api/openapi.json");
    for (const [path, method] of [
      ["/api/v1/orders/{id}/confirm-payment", "post"],
      ["/api/v1/orders/{id}/invoice", "post"],
      ["/api/v1/orders/{id}/invoice/cancel", "post"],
      ["/api/v1/orders/{id}/store-cancellation/resolve", "post"],
      ["/api/v1/orders/{id}/invoices", "get"],
      ["/api/v1/orders/{id}/shipments", "post"],
      ["/api/v1/orders/{id}/shipments", "get"],
      ["/api/v1/orders/{id}/label.pdf", "get"],
      ["/api/v1/receivables", "get"],
      ["/api/v1/products/{sku}/stock-movements", "get"],
      ["/api/v1/settings/sender", "put"],
    ] as const) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method} ${path}`);
      assert.deepEqual(op.tags, ["backoffice"]);
    }
    assert.ok(doc.paths["/api/v1/orders/{id}/label.pdf"].get.responses["200"].content["application/pdf"]);
  });
});

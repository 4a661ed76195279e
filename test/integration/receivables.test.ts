// Recebíveis (issue 16, item 3) through the API, on orders placed on the store simulator and
// imported: baixa partial and in full (open → partial → paid), never more than the amount, the
// undo recorded, overdue ones by São Paulo's today, the filters and the totals per month, and
// an estorno that must say what becomes of money already received.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const TODAY = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date());

describe("receivables: baixa, undo, overdue, filters, totals, estorno with receipts", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;

  const api = async (method: "GET" | "POST", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, json: res.json() as Json };
  };
  const ok = async (method: "GET" | "POST", url: string, payload?: unknown) => {
    const res = await api(method, url, payload);
    assert.ok(
      res.status >= 200 && res.status < 300,
      `${method} ${url}: ${res.status} ${JSON.stringify(res.json)}`,
    );
    return res.json;
  };
  const refused = async (url: string, payload: unknown, status: number) => {
    const res = await api("POST", url, payload);
    assert.equal(res.status, status, `${url}: ${JSON.stringify(res.json)}`);
    return res.json.error as Json;
  };

  /** A paid order placed on the store, imported and invoiced (a simple sale issued at `issuedAt`). */
  async function invoiced(issuedAt?: string): Promise<{ salesOrderId: number; receivables: Json[] }> {
    const order = sim.createOrder({ payment_status: "paid" }) as { id: number };
    const outcome = await syncOrder(ctx, storeId, String(order.id));
    assert.ok(outcome?.salesOrderId, `imported: ${JSON.stringify(outcome)}`);
    const res = await ok("POST", `/api/v1/orders/${outcome.salesOrderId}/invoice`, {
      kind: "simple",
      ...(issuedAt ? { issuedAt } : {}),
    });
    assert.ok(res.receivables.length > 0, "the invoice created receivables");
    return { salesOrderId: outcome.salesOrderId, receivables: res.receivables };
  }
  const receipt = (id: number, amountCents: number, extra: Record<string, unknown> = {}) => ({
    url: `/api/v1/receivables/${id}/receipts`,
    body: { receivedOn: TODAY, amountCents, method: "pix", ...extra },
  });

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 1601, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Recebíveis");
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("an installment past R$ 21.474.836,47 (beyond 32-bit cents) takes its baixa and its undo to the cent", async () => {
    await invoiced(); // the store's order brings a product to sell
    const product = ((await ok("GET", "/api/v1/products")).items as Json[])[0]!;
    const big = 3_000_000_001;
    const made = await ok("POST", "/api/v1/orders", {
      customer: { name: "Compra Grande" },
      items: [{ sku: product.sku, quantity: 1, unitPriceCents: big }],
      pickup: true,
      payment: { type: "pix" },
    });
    await ok("POST", `/api/v1/orders/${made.id}/confirm-payment`, {});
    const invoice = await ok("POST", `/api/v1/orders/${made.id}/invoice`, { kind: "simple" });
    const r = invoice.receivables[0]!;
    assert.equal(r.amountCents, big);
    const part = receipt(r.id, 2_500_000_000);
    const partial = await ok("POST", part.url, part.body);
    assert.equal(partial.receivable.receivedCents, 2_500_000_000);
    assert.equal(partial.receivable.status, "partial");
    const undone = await ok("POST", `/api/v1/receivables/${r.id}/receipts/${partial.receipt.id}/undo`, {
      reason: "lançado errado",
    });
    assert.equal(undone.receivable.receivedCents, 0);
    assert.equal(undone.receivable.status, "open");
    const whole = receipt(r.id, big);
    assert.equal((await ok("POST", whole.url, whole.body)).receivable.status, "paid");
    // The estorno asks what to do with what came in, and says how much it was.
    const ask = await refused(`/api/v1/orders/${made.id}/invoice/cancel`, { reason: "valor errado" }, 409);
    assert.equal(ask.reasonCode, "receipts_need_choice");
    assert.equal(ask.receivedCents, big);
  });

  it("partial receipts add up to paid, never past the amount, and each is in the order's timeline", async () => {
    const { salesOrderId, receivables } = await invoiced();
    const first = receivables[0]!;
    assert.equal(first.status, "open");
    const part = Math.floor(first.amountCents / 3);

    const over = receipt(first.id, first.amountCents + 1);
    const tooMuch = await refused(over.url, over.body, 409);
    assert.equal(tooMuch.reasonCode, "receipt_exceeds_open");
    assert.equal(tooMuch.remainingCents, first.amountCents);
    assert.match(tooMuch.reason, /falta receber/);

    const a = receipt(first.id, part, { method: "dinheiro", note: "no balcão" });
    const partial = await ok("POST", a.url, a.body);
    assert.equal(partial.receivable.status, "partial");
    assert.equal(partial.receivable.receivedCents, part);
    assert.equal(partial.receipt.method, "dinheiro");
    assert.equal(partial.receipt.note, "no balcão");

    const b = receipt(first.id, first.amountCents - part);
    const paid = await ok("POST", b.url, b.body);
    assert.equal(paid.receivable.status, "paid");
    assert.equal(paid.receivable.receivedCents, first.amountCents);
    assert.equal(paid.receivable.receipts.length, 2);

    const c = receipt(first.id, 1);
    const again = await refused(c.url, c.body, 409);
    assert.equal(again.reasonCode, "receipt_exceeds_open");
    assert.equal(again.reason, "Esta parcela já está paga");
    assert.equal((await ok("GET", `/api/v1/receivables/${first.id}`)).receivedCents, first.amountCents);

    const order = await ok("GET", `/api/v1/orders/${salesOrderId}`);
    const kinds = (order.events as Json[]).map((e) => e.kind);
    assert.equal(kinds.filter((k) => k === "receipt_recorded").length, 2);
  });

  it("refuses a receipt dated in the future or on an unknown receivable", async () => {
    const { receivables } = await invoiced();
    const future = receipt(receivables[0]!.id, 100, { receivedOn: "2999-01-01" });
    const err = await refused(future.url, future.body, 400);
    assert.equal(err.field, "receivedOn");
    assert.equal(err.reasonCode, "future");
    const missing = receipt(999999, 100);
    await refused(missing.url, missing.body, 404);
  });

  it("undoes a receipt with who and why, once; the status follows", async () => {
    const { salesOrderId, receivables } = await invoiced();
    const r = receivables[0]!;
    const full = receipt(r.id, r.amountCents);
    const paid = await ok("POST", full.url, full.body);
    assert.equal(paid.receivable.status, "paid");

    const undoUrl = `/api/v1/receivables/${r.id}/receipts/${paid.receipt.id}/undo`;
    const undone = await ok("POST", undoUrl, { reason: "cheque devolvido" });
    assert.equal(undone.receivable.status, "open");
    assert.equal(undone.receivable.receivedCents, 0);
    assert.ok(undone.receipt.undoneAt);
    assert.equal(undone.receipt.undoReason, "cheque devolvido");
    assert.equal(typeof undone.receipt.undoneBy, "string");

    const twice = await refused(undoUrl, {}, 409);
    assert.equal(twice.reasonCode, "receipt_already_undone");
    const order = await ok("GET", `/api/v1/orders/${salesOrderId}`);
    assert.ok(
      (order.events as Json[]).some((e) => e.kind === "receipt_undone" && /cheque devolvido/.test(e.message)),
    );
  });

  it("marks overdue by São Paulo's today and filters by overdue, status, due dates and customer", async () => {
    const late = await invoiced("2026-01-10T10:00:00-03:00");
    const fresh = await invoiced();
    const lateList = await ok("GET", `/api/v1/receivables?salesOrderId=${late.salesOrderId}`);
    assert.ok(lateList.items.length > 0);
    for (const r of lateList.items as Json[]) {
      assert.ok(r.dueDate < TODAY, `${r.dueDate} is past`);
      assert.equal(r.overdue, true);
    }
    const freshList = await ok("GET", `/api/v1/receivables?salesOrderId=${fresh.salesOrderId}`);
    for (const r of freshList.items as Json[]) assert.equal(r.overdue, false, `${r.dueDate} is not past`);

    const overdue = await ok("GET", "/api/v1/receivables?overdue=true&limit=200");
    const overdueIds = new Set((overdue.items as Json[]).map((r) => r.id));
    for (const r of lateList.items as Json[]) assert.ok(overdueIds.has(r.id));
    for (const r of freshList.items as Json[]) assert.ok(!overdueIds.has(r.id));

    // A paid installment is no longer overdue, however late it was.
    const first = lateList.items[0] as Json;
    const pay = receipt(first.id, first.amountCents);
    assert.equal((await ok("POST", pay.url, pay.body)).receivable.overdue, false);
    const paidOnes = await ok("GET", `/api/v1/receivables?status=paid&salesOrderId=${late.salesOrderId}`);
    assert.deepEqual(
      (paidOnes.items as Json[]).map((r) => r.id),
      [first.id],
    );

    const inJanuary = await ok("GET", "/api/v1/receivables?dueFrom=2026-01-01&dueTo=2026-02-28&limit=200");
    for (const r of inJanuary.items as Json[])
      assert.ok(r.dueDate >= "2026-01-01" && r.dueDate <= "2026-02-28");
    assert.ok((inJanuary.items as Json[]).some((r) => r.salesOrderId === late.salesOrderId));

    const name = (freshList.items[0] as Json).customerName as string;
    assert.ok(name, "the receivable names its customer");
    const byCustomer = await ok("GET", `/api/v1/receivables?customer=${encodeURIComponent(name)}&limit=200`);
    assert.ok((byCustomer.items as Json[]).some((r) => r.salesOrderId === fresh.salesOrderId));
    for (const r of byCustomer.items as Json[]) assert.equal(r.customerName, name);
    const document = (await ok("GET", `/api/v1/orders/${fresh.salesOrderId}`)).customerSnapshot?.document;
    if (document) {
      const byDocument = await ok("GET", `/api/v1/receivables?customer=${encodeURIComponent(document)}`);
      assert.deepEqual([...new Set((byDocument.items as Json[]).map((r) => r.customerName))], [name]);
    }
  });

  it("totals per month of the due date: due, received, open and overdue add up", async () => {
    const late = await invoiced("2026-01-10T10:00:00-03:00");
    const r = late.receivables[0]!;
    const part = Math.floor(r.amountCents / 2);
    const pay = receipt(r.id, part);
    await ok("POST", pay.url, pay.body);

    const totals = await ok("GET", `/api/v1/receivables/totals?salesOrderId=${late.salesOrderId}`);
    const due = (late.receivables as Json[]).reduce((sum, x) => sum + x.amountCents, 0);
    assert.equal(totals.total.dueCents, due);
    assert.equal(totals.total.receivedCents, part);
    assert.equal(totals.total.openCents, due - part);
    assert.equal(totals.total.overdueCents, due - part, "everything still open is past due");
    const months = [...new Set((late.receivables as Json[]).map((x) => x.dueDate.slice(0, 7)))].sort();
    assert.deepEqual(
      (totals.periods as Json[]).map((p) => p.period),
      months,
    );
    const perPeriod = (totals.periods as Json[]).reduce((sum, p) => sum + p.dueCents, 0);
    assert.equal(perPeriod, due);
  });

  it("an estorno with receipts is refused without a choice; 'credit' keeps them as the customer's credit", async () => {
    const { salesOrderId, receivables } = await invoiced();
    const r = receivables[0]!;
    const pay = receipt(r.id, r.amountCents);
    await ok("POST", pay.url, pay.body);

    const cancelUrl = `/api/v1/orders/${salesOrderId}/invoice/cancel`;
    const err = await refused(cancelUrl, { reason: "valor errado" }, 409);
    assert.equal(err.reasonCode, "receipts_need_choice");
    assert.equal(err.receivedCents, r.amountCents);
    assert.match(err.reason, /crédito do cliente/);
    const invoices = await ok("GET", `/api/v1/orders/${salesOrderId}/invoices`);
    assert.equal(invoices.items.at(-1).status, "approved", "nothing changed");

    const cancelled = await ok("POST", cancelUrl, { reason: "valor errado", receipts: "credit" });
    const kept = (cancelled.receivables as Json[]).find((x) => x.id === r.id)!;
    assert.equal(kept.status, "reversed");
    assert.equal(kept.creditPending, true);
    assert.equal(kept.receivedCents, r.amountCents);
    assert.equal(kept.receipts[0].undoneAt, null);
    const totals = await ok("GET", `/api/v1/receivables/totals?salesOrderId=${salesOrderId}`);
    assert.equal(totals.total.creditPendingCents, r.amountCents);
    assert.equal(totals.total.openCents, 0);

    const onReversed = receipt(r.id, 1);
    assert.equal((await refused(onReversed.url, onReversed.body, 409)).reasonCode, "receivable_reversed");
    const order = await ok("GET", `/api/v1/orders/${salesOrderId}`);
    assert.ok(
      (order.events as Json[]).some(
        (e) => e.kind === "invoice_cancelled" && /crédito do cliente/.test(e.message),
      ),
    );
  });

  it("an estorno choosing 'undo' undoes every receipt of the invoice", async () => {
    const { salesOrderId, receivables } = await invoiced();
    const r = receivables[0]!;
    const pay = receipt(r.id, Math.max(1, Math.floor(r.amountCents / 2)));
    await ok("POST", pay.url, pay.body);
    const cancelled = await ok("POST", `/api/v1/orders/${salesOrderId}/invoice/cancel`, { receipts: "undo" });
    const undone = (cancelled.receivables as Json[]).find((x) => x.id === r.id)!;
    assert.equal(undone.status, "reversed");
    assert.equal(undone.creditPending, false);
    assert.equal(undone.receivedCents, 0);
    assert.ok(undone.receipts[0].undoneAt);
    assert.equal(undone.receipts[0].undoReason, "estorno da nota fiscal");
  });

  it("an estorno of an invoice without receipts needs no choice", async () => {
    const { salesOrderId } = await invoiced();
    const cancelled = await ok("POST", `/api/v1/orders/${salesOrderId}/invoice/cancel`, {});
    for (const r of cancelled.receivables as Json[]) assert.equal(r.creditPending, false);
  });
});

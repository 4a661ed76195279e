import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Capabilities } from "../platforms/connector.ts";
import { type PushCause, type PushOrigin, planPushes } from "./plan.ts";

/** A platform that can do every action: the plan reads capabilities, never a platform's name. */
const EVERY_ACTION: Capabilities = {
  webhooks: true,
  feed: false,
  pushTracking: true,
  pushInvoice: true,
  pack: true,
  cancel: true,
  close: true,
  markPaid: true,
};

const KEY = "35260912ABC34501DE35550010000001231123456784";

function origin(patch: Partial<PushOrigin> = {}, settings: Record<string, unknown> = {}): PushOrigin {
  return {
    store: { id: 3, name: "Loja Centro", platform: "plataforma-teste", settings },
    capabilities: EVERY_ACTION,
    order: { id: 42, number: 1042, externalOrderId: "870001", storeOrderNumber: "153", totalCents: 15990 },
    statusRow: { active: true, platformValues: ["shipped"] },
    statusActions: ["fulfill"],
    invoiceActions: ["invoice"],
    paymentActions: ["pay"],
    shipment: { carrier: "Correios", trackingCode: "JT194690698BR", trackingUrl: null },
    invoice: { id: 7, kind: "nfe", accessKey: KEY, number: "123", series: "1", issuedAt: null, xmlUrl: null },
    ...patch,
  };
}

const cause = (patch: Partial<PushCause> = {}): PushCause => ({
  kind: "status",
  status: "despachado",
  previous: "em_preparacao",
  version: 5,
  occurredAt: "2026-05-04T13:20:11.000Z",
  notifyCustomer: true,
  invoiced: false,
  paymentConfirmed: false,
  deliveredAt: null,
  ...patch,
});

describe("planning the pushes a change owes", () => {
  it("Despachado fulfills with the tracking, keyed by order, action and status version", () => {
    const [push, ...rest] = planPushes(origin(), cause());
    assert.equal(rest.length, 0);
    assert.equal(push!.dedupeKey, "push:42:fulfill:v5");
    assert.deepEqual(push!.payload.action, {
      kind: "fulfill",
      trackingNumber: "JT194690698BR",
      trackingUrl: null,
      notifyCustomer: false, // Ponte e-mails the customer (default): the platform must not
    });
    assert.equal(
      planPushes(origin(), cause())[0]!.dedupeKey,
      push!.dedupeKey,
      "the same change plans the same key",
    );
  });

  it("sets the platform's notify flag only when the store lets the platform e-mail", () => {
    const [push] = planPushes(origin({}, { customerEmails: "platform" }), cause());
    assert.equal((push!.payload.action as { notifyCustomer: boolean }).notifyCustomer, true);
    const [quiet] = planPushes(origin({}, { customerEmails: "platform" }), cause({ notifyCustomer: false }));
    assert.equal((quiet!.payload.action as { notifyCustomer: boolean }).notifyCustomer, false);
  });

  it("pushes nothing for an inactive status, and nothing without the platform's order id", () => {
    assert.deepEqual(planPushes(origin({ statusRow: { active: false, platformValues: [] } }), cause()), []);
    assert.deepEqual(
      planPushes(
        origin({
          order: { id: 42, number: 1042, externalOrderId: null, storeOrderNumber: null, totalCents: 15990 },
        }),
        cause(),
      ),
      [],
    );
  });

  it("an approved NF-e goes first, once per access key; a simple sale pushes no invoice", () => {
    const invoicing = cause({ status: "em_preparacao", invoiced: true });
    const planned = planPushes(origin({ statusActions: ["pack"] }), invoicing);
    assert.deepEqual(
      planned.map((p) => p.dedupeKey),
      [`push:42:invoice:${KEY}`, "push:42:pack:v5"],
    );
    const simple = origin({
      statusActions: ["pack"],
      invoice: {
        id: 8,
        kind: "simple",
        accessKey: null,
        number: null,
        series: null,
        issuedAt: null,
        xmlUrl: null,
      },
    });
    assert.deepEqual(
      planPushes(simple, invoicing).map((p) => p.action),
      ["pack"],
    );
  });

  it("cancels with the platform's e-mail off and restock on", () => {
    const [push] = planPushes(origin({ statusActions: ["cancel"] }), cause({ status: "cancelado" }));
    assert.deepEqual(push!.payload.action, { kind: "cancel", reason: "other", email: false, restock: true });
  });

  it("XML and webhook channels send one status event per change, with the mapped platform status", () => {
    const xml = origin({}, { pushChannel: { kind: "xml", url: "https://erp.example/ponte" } });
    const [push, ...rest] = planPushes(xml, cause());
    assert.equal(rest.length, 0);
    assert.equal(push!.channel, "xml");
    assert.equal(push!.dedupeKey, "push:42:status:v5");
    const event = push!.payload.event!;
    assert.equal(event.id, push!.dedupeKey);
    assert.deepEqual(event.status, {
      code: "despachado",
      label: "Despachado",
      previousCode: "em_preparacao",
      platformStatus: "shipped",
      version: 5,
    });
    assert.deepEqual(event.tracking, { carrier: "Correios", code: "JT194690698BR", url: null });
    // Invoicing that does not move the status still tells the receiver.
    const invoiced = planPushes(xml, cause({ kind: "invoice", invoiced: true }));
    assert.equal(invoiced[0]!.payload.event!.type, "order.invoiced");
    assert.equal(invoiced[0]!.dedupeKey, "push:42:invoiced:7");
  });

  it("a payment confirmed by hand marks the order paid, once per order, with or without a status change", () => {
    const confirmed = cause({
      status: "pagamento_confirmado",
      previous: "aguardando_pagamento",
      paymentConfirmed: true,
    });
    const paying = origin({ statusActions: ["pay"] });
    const [push, ...rest] = planPushes(paying, confirmed);
    assert.equal(rest.length, 0);
    assert.deepEqual(push!.payload.action, { kind: "pay" });
    assert.equal(push!.dedupeKey, "push:42:pay");
    assert.equal(push!.payload.summary, "marcar como pago");
    // Already past payment (no status change): the same single push.
    const later = planPushes(origin(), cause({ kind: "payment", version: 9, paymentConfirmed: true }));
    assert.deepEqual(
      later.map((p) => p.dedupeKey),
      ["push:42:pay"],
    );
    // A move to Pagamento confirmado the platform reported (not by hand) tells it nothing.
    assert.deepEqual(planPushes(paying, cause({ status: "pagamento_confirmado" })), []);
    // Envio à loja without "pay" for Pagamento confirmado, or a platform that cannot: nothing.
    assert.deepEqual(
      planPushes(origin({ paymentActions: [] }), cause({ kind: "payment", paymentConfirmed: true })),
      [],
    );
    const cannot = origin({ capabilities: { ...EVERY_ACTION, markPaid: false } });
    assert.deepEqual(planPushes(cannot, cause({ kind: "payment", paymentConfirmed: true })), []);
  });
});

// The push outbox and the back office on Loja Teste (test/fake-platform): a back-office action on
// a fake store's order (an NF-e, a shipment, a status) queues its pushes, which land on the store
// once each; a retried push is "already applied"; a lost answer, a rate limit and refused access
// are handled as the engine handles them for any platform.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { nfeKeyCheckDigit } from "../../src/domain/nfe-key.ts";
import { runPush } from "../../src/push/run-push.ts";
import type { PushSettings } from "../../src/push/settings.ts";
import { type FakeHub, type Json, startFakeHub } from "../fake-platform/hub.ts";

const NFE_KEY = "33150308370779000149550010001100931002410775";
const TRACKING = "JT194690698BR";

describe("push outbox and back office on the Loja Teste platform", () => {
  let hub: FakeHub;
  let defaults: PushSettings;

  const pushesOf = async (salesOrderId: number) =>
    (
      await hub.t.db.query<Json>(
        "select id, action, status, attempts, last_error from outbox where sales_order_id = $1 and channel = 'platform' order by id",
        [salesOrderId],
      )
    ).rows;
  /** Writes the store received for an order (answered or not). */
  const writesOn = (codigo: string) =>
    hub.shop.log
      .filter((r) => r.call.op === "acao" && r.call.codigo === codigo)
      .map((r) => (r.call.op === "acao" ? r.call.acao.tipo : ""));

  /** An order placed on the store and synced through its notice: its sales order id and code. */
  async function placed(situacao: string): Promise<{ salesOrderId: number; codigo: string }> {
    const order = hub.shop.createOrder({ situacao });
    await hub.deliverNotices();
    await hub.drainQueue();
    const row = (await hub.api("GET", `/api/v1/integration/${hub.storeId}/orders/${order.codigo}`)).json;
    assert.equal(row.synced, true, JSON.stringify(row));
    return { salesOrderId: row.salesOrderId, codigo: order.codigo };
  }

  /** Runs the push jobs of these rows as the queue would, until none is pending. */
  async function drain(ids: number[]): Promise<void> {
    for (let round = 0; round < 200; round++) {
      const { rows } = await hub.t.db.query<{ id: number; due: boolean }>(
        `select id, coalesce(next_attempt_at <= now(), true) as due from outbox
          where id = any($1::bigint[]) and status = 'pending' order by id`,
        [ids],
      );
      if (rows.length === 0) return;
      for (const r of rows.filter((r) => r.due)) await runPush(hub.ctx, Number(r.id));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.fail("pushes still pending");
  }

  before(async () => {
    hub = await startFakeHub({ orders: 0 });
    defaults = hub.ctx.push;
    hub.ctx.push = { ...defaults, baseDelayMs: 20, maxDelayMs: 100 };
  });
  after(() => hub.close());

  it("an NF-e, a shipment and Entregue in the back office push invoice, tracking and delivery, each once", async () => {
    const { salesOrderId, codigo } = await placed("aprovado");
    const invoiced = await hub.api("POST", `/api/v1/orders/${salesOrderId}/invoice`, {
      kind: "nfe",
      accessKey: NFE_KEY,
    });
    assert.equal(invoiced.status, 201, JSON.stringify(invoiced.json));
    const shipped = await hub.api("POST", `/api/v1/orders/${salesOrderId}/shipments`, {
      carrier: "Correios",
      trackingCode: TRACKING,
      trackingUrl: `https://rastreamento.correios.com.br/app/index.php?objetos=${TRACKING}`,
    });
    assert.equal(shipped.status, 201, JSON.stringify(shipped.json));
    const delivered = await hub.api("POST", `/api/v1/orders/${salesOrderId}/status`, { status: "entregue" });
    assert.equal(delivered.status, 200, JSON.stringify(delivered.json));

    const rows = await pushesOf(salesOrderId);
    assert.deepEqual(
      rows.map((r) => r.action),
      ["invoice", "fulfill", "close"],
      "the module's push table: no pack on Loja Teste",
    );
    await drain(rows.map((r) => r.id));
    // Every job again, as a duplicate delivery of the queue would: nothing more reaches the store.
    for (const r of rows) await runPush(hub.ctx, r.id);
    assert.deepEqual(
      (await pushesOf(salesOrderId)).map((r) => r.status),
      ["sent", "sent", "sent"],
    );
    assert.deepEqual(writesOn(codigo), ["nota", "enviar", "entregar"]);
    const order = hub.shop.order(codigo)!;
    assert.deepEqual(order.notasFiscais, [{ chave: NFE_KEY, link: null }]);
    assert.equal(order.entrega.rastreio, TRACKING);
    assert.equal(order.situacao, "entregue");

    const timeline = (await hub.api("GET", `/api/v1/orders/${salesOrderId}/pushes`)).json;
    assert.ok(JSON.stringify(timeline).includes("invoice"), "the order's pushes are listed");
  });

  it("a push whose answer was lost is sent again by its job and reported already applied", async () => {
    const { salesOrderId, codigo } = await placed("aprovado");
    hub.shop.loseNextAnswer();
    const invoiced = await hub.api("POST", `/api/v1/orders/${salesOrderId}/invoice`, {
      kind: "nfe",
      accessKey: `${NFE_KEY.slice(0, 42)}8${nfeKeyCheckDigit(`${NFE_KEY.slice(0, 42)}8`)}`,
    });
    assert.equal(invoiced.status, 201, JSON.stringify(invoiced.json));
    const [push] = await pushesOf(salesOrderId);
    await runPush(hub.ctx, push!.id);
    const [failed] = await pushesOf(salesOrderId);
    assert.equal(failed!.status, "pending", "a lost answer is retried");
    assert.match(failed!.last_error, /503/);
    await drain([push!.id]);
    const [sent] = await pushesOf(salesOrderId);
    assert.deepEqual([sent!.status, sent!.attempts], ["sent", 2]);
    const events = await hub.t.db.query<{ data: Json }>(
      "select data from order_events where sales_order_id = $1 and kind = 'push_sent'",
      [salesOrderId],
    );
    assert.equal(events.rows[0]!.data.alreadyApplied, true);
    assert.deepEqual(writesOn(codigo), ["nota"], "written once: the retry read the order and wrote nothing");
    assert.equal(hub.shop.order(codigo)!.notasFiscais.length, 1);
  });

  it("waits out the store's rate limit within one attempt", async () => {
    const { salesOrderId, codigo } = await placed("aprovado");
    hub.shop.rateLimit(3);
    const cancel = await hub.api("POST", `/api/v1/orders/${salesOrderId}/status`, { status: "cancelado" });
    assert.equal(cancel.status, 200, JSON.stringify(cancel.json));
    const [push] = await pushesOf(salesOrderId);
    assert.equal(push!.action, "cancel");
    await runPush(hub.ctx, push!.id);
    const [sent] = await pushesOf(salesOrderId);
    assert.deepEqual([sent!.status, sent!.attempts], ["sent", 1], sent!.last_error);
    assert.equal(hub.shop.order(codigo)!.situacao, "cancelado");
    assert.ok(hub.shop.log.some((r) => r.status === 429));
  });

  for (const [fault, state, words] of [
    ["revoked", "invalid_credentials", /credenciais/i],
    ["suspended", "suspended", /suspens/i],
  ] as const) {
    it(`refused access (${fault}) stops the store with its health, and the push waits for it`, async () => {
      const { salesOrderId, codigo } = await placed("aguardando");
      const credentials = hub.shop.credentials;
      if (fault === "revoked") hub.shop.revokeSecret();
      else hub.shop.suspend();
      // A bank deposit confirmed by hand in the back office: the store is told the order is paid.
      const paid = await hub.api("POST", `/api/v1/orders/${salesOrderId}/confirm-payment`, {
        note: "depósito conferido no extrato",
      });
      assert.equal(paid.status, 200, JSON.stringify(paid.json));
      const [push] = await pushesOf(salesOrderId);
      assert.equal(push!.action, "pay");
      await runPush(hub.ctx, push!.id);
      assert.equal((await pushesOf(salesOrderId))[0]!.status, "pending");
      const store = (await hub.api("GET", `/api/v1/stores/${hub.storeId}`)).json;
      assert.equal(store.connectionState, state);
      assert.equal(store.health.level, "bad");
      assert.match(`${store.health.connection} ${store.health.message}`, words);

      // The merchant puts it right: reconnect with the new secret, or the platform lifts the suspension.
      hub.shop.clearFaults();
      const reconnected = await hub.api("POST", "/api/v1/stores", {
        platform: "loja-teste",
        name: "Fazenda Boa Vista",
        externalId: hub.shop.account,
        credentials: { ...hub.shop.credentials },
        reconnect: true,
      });
      assert.equal(reconnected.status, 200, JSON.stringify(reconnected.json));
      await drain([push!.id]);
      assert.equal((await pushesOf(salesOrderId))[0]!.status, "sent");
      assert.equal(hub.shop.order(codigo)!.situacao, "aprovado");
      hub.shop.restoreCredentials(credentials);
      await hub.api("POST", "/api/v1/stores", {
        platform: "loja-teste",
        name: "Fazenda Boa Vista",
        externalId: hub.shop.account,
        credentials: { ...credentials },
        reconnect: true,
      });
    });
  }
});

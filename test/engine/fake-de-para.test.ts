// DE-PARA on Loja Teste (test/fake-platform): a new store starts with the tables its module
// declares, in the fake's own vocabulary; the status table decides inclusion, the sales order's
// status and cancellation; a value outside it holds the order until the merchant maps it; the
// payment and shipping tables read the fake's values.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type FakeHub, type Json, startFakeHub } from "../fake-platform/hub.ts";
import { fakePlatform } from "../fake-platform/index.ts";

describe("DE-PARA tables on the Loja Teste platform", () => {
  let hub: FakeHub;
  const statusMap = () => hub.api("GET", `/api/v1/stores/${hub.storeId}/status-map`);
  const linkOf = async (codigo: string) =>
    (await hub.api("GET", `/api/v1/integration/${hub.storeId}/orders/${codigo}`)).json;
  /** A new order on the store, announced and synced through its notice. */
  const placed = async (situacao: string, extra: Json = {}) => {
    const order = hub.shop.createOrder({ situacao, ...extra });
    assert.deepEqual(await hub.deliverNotices(), ["accepted"]);
    await hub.drainQueue();
    return order;
  };

  before(async () => {
    hub = await startFakeHub({ orders: 0 });
  });
  after(() => hub.close());

  it("starts with the module's tables, in the fake's vocabulary", async () => {
    const rows = (await statusMap()).json.rows as { canonicalStatus: string; platformValues: string[] }[];
    assert.deepEqual(
      rows.map((r) => [r.canonicalStatus, r.platformValues]),
      fakePlatform.defaults.status.map((d) => [d.canonical, d.values]),
    );
    const push = (await hub.api("GET", `/api/v1/stores/${hub.storeId}/push-map`)).json;
    const faturado = (push.rows as { trigger: string; actions: string[] }[]).find(
      (r) => r.trigger === "faturado",
    );
    assert.deepEqual(faturado?.actions, ["invoice"]);
  });

  it("creates the sales order in the mapped status, with payment and shipping through their tables", async () => {
    const order = await placed("aprovado", { pagamento: { forma: "cartao", parcelas: 3, pagoEm: null } });
    const row = await linkOf(order.codigo);
    assert.equal(row.synced, true);
    assert.equal(row.canonicalStatus, "pagamento_confirmado");
    const so = (await hub.api("GET", `/api/v1/orders/${row.salesOrderId}`)).json;
    assert.equal(so.status, "confirmado");
    assert.equal(so.paymentType, "cartao_credito", "Loja Teste's cartao through the payment table");
    assert.equal(so.installments, 3);
    assert.equal(so.carrier, order.entrega.transportadora === "Retira" ? "Retirada na loja" : "Correios");
    assert.equal(so.totalCents, order.valores.totalCentavos);
    assert.equal(so.storeOrderNumber, order.numeroPedido);
  });

  it("holds a cancelled order (no inclusion), and cancels a synced one when the store cancels it", async () => {
    const cancelled = await placed("cancelado");
    const held = await linkOf(cancelled.codigo);
    assert.equal(held.synced, false);
    assert.equal(held.reasonCode, "status_not_creating");

    const order = await placed("aguardando");
    assert.equal((await linkOf(order.codigo)).salesOrderStatus, "em_aberto");
    hub.shop.setStatus(order.codigo, "cancelado");
    await hub.deliverNotices();
    await hub.drainQueue();
    const row = await linkOf(order.codigo);
    assert.equal(row.salesOrderStatus, "cancelado");
    assert.equal(row.canonicalStatus, "cancelado");
  });

  it("holds a status the table does not know until the merchant maps it, then decides it again", async () => {
    const order = await placed("em_analise");
    const held = await linkOf(order.codigo);
    assert.equal(held.synced, false);
    assert.equal(held.reasonCode, "status_unmapped");
    assert.equal(held.storeStatus, "situacao:em_analise", "the unknown value keeps its field's name");
    assert.match(held.reason, /não está na tabela de status/);

    const rows = (await statusMap()).json.rows as Json[];
    const mapped = rows.map((r) =>
      r.canonicalStatus === "aguardando_pagamento"
        ? { ...r, platformValues: [...r.platformValues, "situacao:em_analise"] }
        : r,
    );
    const put = await hub.api("PUT", `/api/v1/stores/${hub.storeId}/status-map`, { rows: mapped });
    assert.equal(put.status, 200, JSON.stringify(put.json));
    await hub.drainQueue();
    const row = await linkOf(order.codigo);
    assert.equal(row.synced, true, "decided again under the new table");
    assert.equal(row.canonicalStatus, "aguardando_pagamento");
  });

  it("a row that processes inclusion lets a cancelled order in, as Cancelado", async () => {
    const rows = (await statusMap()).json.rows as Json[];
    const including = rows.map((r) => (r.canonicalStatus === "cancelado" ? { ...r, createsOrder: true } : r));
    const put = await hub.api("PUT", `/api/v1/stores/${hub.storeId}/status-map`, { rows: including });
    assert.equal(put.status, 200, JSON.stringify(put.json));
    const order = await placed("cancelado");
    const row = await linkOf(order.codigo);
    assert.equal(row.synced, true);
    assert.equal(row.salesOrderStatus, "cancelado");
  });
});

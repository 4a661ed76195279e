// The panel's API on Loja Teste (test/fake-platform): the platforms list describes it from its
// module, the connect form's checks use its schemas, and the orders list, the integration panel,
// Testar conexão and the store page show its labels, codes and status values.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { importOrders } from "../../src/sync/import-orders.ts";
import { type FakeHub, type Json, startFakeHub } from "../fake-platform/hub.ts";

describe("panel API on the Loja Teste platform", () => {
  let hub: FakeHub;

  before(async () => {
    hub = await startFakeHub({ orders: 8 });
    hub.shop.takeNotices();
    assert.equal((await importOrders(hub.ctx, hub.storeId)).done, true);
  });
  after(() => hub.close());

  it("GET /api/v1/platforms lists Loja Teste with its fields and vocabulary", async () => {
    const list = (await hub.api("GET", "/api/v1/platforms")).json as unknown as Json[];
    const fake = list.find((p) => p.id === "loja-teste");
    assert.ok(fake, "listed");
    assert.equal(fake.label, "Loja Teste");
    assert.deepEqual(fake.credentials.required, ["apiKey", "apiSecret"]);
    assert.equal(fake.credentials.properties.apiSecret.writeOnly, true);
    assert.equal(fake.storeId.schema.title, "Conta na Loja Teste");
    assert.equal(fake.installAvailable, false, "no OAuth install");
    assert.deepEqual(
      fake.statusValues.map((v: Json) => v.value),
      ["aguardando", "aprovado", "faturado", "enviado", "entregue", "cancelado"],
    );
  });

  it("refuses a store id or credentials that do not fit its schemas, naming its fields in pt-BR", async () => {
    const bad = await hub.api("POST", "/api/v1/stores", {
      platform: "loja-teste",
      name: "Outra",
      externalId: "12345",
      credentials: { apiKey: "chave-1" },
    });
    assert.equal(bad.status, 400, JSON.stringify(bad.json));
    assert.match(bad.json.error.reason, /Conta na Loja Teste inválido/);
    assert.match(bad.json.error.reason, /Segredo da API: preencha/);
    assert.deepEqual(bad.json.error.fields.map((f: Json) => f.path).sort(), [
      "/credentials/apiSecret",
      "/externalId",
    ]);
  });

  it("the store page and Testar conexão speak of Loja Teste and its account", async () => {
    const store = (await hub.api("GET", `/api/v1/stores/${hub.storeId}`)).json;
    assert.equal(store.platform, "loja-teste");
    assert.equal(store.externalId, "fazenda-boa-vista");
    assert.equal(store.credentials, undefined, "the credentials never come back");
    assert.equal(store.health.level, "ok", JSON.stringify(store.health));
    const tested = await hub.api("POST", `/api/v1/stores/${hub.storeId}/test-connection`);
    assert.equal(tested.status, 200, JSON.stringify(tested.json));
    assert.equal(tested.json.ok, true, JSON.stringify(tested.json));
    assert.match(JSON.stringify(tested.json), /PED-0000/, "a sample order by its number");

    hub.shop.revokeSecret();
    const refused = await hub.api("POST", `/api/v1/stores/${hub.storeId}/test-connection`);
    assert.equal(refused.json.ok, false, JSON.stringify(refused.json));
    assert.match(JSON.stringify(refused.json), /Loja Teste recusou as credenciais/);
    const marked = (await hub.api("GET", `/api/v1/stores/${hub.storeId}`)).json;
    assert.equal(marked.connectionState, "invalid_credentials");
    assert.equal(marked.health.level, "bad");
  });

  it("the integration panel and the orders list show the platform's codes, numbers and statuses", async () => {
    const panel = (await hub.api("GET", `/api/v1/integration/${hub.storeId}/orders?view=all&limit=50`)).json;
    const orders = hub.shop.listOrders();
    assert.equal(panel.orders.length, orders.length);
    for (const o of orders) {
      const row = panel.orders.find((r: Json) => r.externalId === o.codigo);
      assert.ok(row, `${o.codigo} listed`);
      assert.equal(row.number, o.numeroPedido);
      assert.equal(row.storeStatus, o.situacao);
      assert.equal(row.totalCents, o.valores.totalCentavos);
    }
    const list = (await hub.api("GET", "/api/v1/orders?limit=50")).json;
    const rows = (list.orders ?? list.items ?? list.rows) as Json[];
    assert.ok(rows.length > 0, JSON.stringify(list).slice(0, 300));
    const numbers = new Set(orders.map((o) => o.numeroPedido));
    for (const r of rows)
      assert.ok(numbers.has(r.storeOrderNumber), `${r.storeOrderNumber} is a Loja Teste number`);
    const search = (
      await hub.api("GET", `/api/v1/integration/${hub.storeId}/orders?view=all&q=${orders[1]!.numeroPedido}`)
    ).json;
    assert.deepEqual(
      search.orders.map((r: Json) => r.externalId),
      [orders[1]!.codigo],
      "found by its number, which is not a number",
    );
  });
});

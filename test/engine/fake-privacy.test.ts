// Privacy requests on Loja Teste, the in-memory test platform (test/fake-platform): its own erase
// notice (a buyer's code, e-mail and document, the order codes) carried by the neutral privacy
// request the port defines, so the generic LGPD code leans on no Nuvemshop fact — the buyer is
// anonymised everywhere, their orders kept without them, other buyers untouched.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { importOrders } from "../../src/sync/import-orders.ts";
import { type FakeHub, startFakeHub } from "../fake-platform/hub.ts";
import { traces } from "../helpers/traces.ts";

describe("privacy requests on the Loja Teste platform", () => {
  let hub: FakeHub;

  before(async () => {
    hub = await startFakeHub({ orders: 12 });
    hub.shop.takeNotices(); // the seed's own notices: the import reads those orders
    await importOrders(hub.ctx, hub.storeId);
  });
  after(() => hub.close());

  it("an erase notice for a buyer anonymises them and keeps their orders; other buyers stay", async () => {
    const orders = hub.shop.listOrders();
    const buyer = orders.find(
      (o) => o.comprador.documento && o.comprador.nome === "Joana Ribeiro",
    )!.comprador;
    const other = orders.find((o) => o.comprador.nome === "Luíza Gonçalves")!.comprador;
    const values = [buyer.nome, buyer.email!, buyer.documento!];
    assert.ok(Object.keys(await traces(hub.t.db, values)).length > 0, "her data is there before");
    const linked = await hub.count(
      "sales_orders s join customers c on c.id = s.customer_id where c.document = $1",
      [buyer.documento!.replace(/\D/g, "")],
    );
    assert.ok(linked > 0, "her orders were made into sales orders with her customer record");

    hub.shop.eraseNotice({ codigo: buyer.codigo, email: buyer.email, documento: buyer.documento });
    assert.deepEqual(await hub.deliverNotices(), ["accepted"]);
    await hub.drainQueue();

    const { json } = await hub.api("GET", "/api/v1/privacy-requests");
    const [request] = json.items;
    assert.deepEqual(
      [request.kind, request.source, request.state, request.platformRequestId, request.store.name],
      ["customer_redact", "platform", "done", "LGPD-1", "Fazenda Boa Vista"],
    );
    assert.deepEqual(await traces(hub.t.db, values), {}, "no column of any table holds her data");
    assert.ok(Object.keys(await traces(hub.t.db, [other.nome])).length > 0, "another buyer stays");
    assert.equal(
      await hub.count("sales_orders where customer_snapshot->>'name' = 'Cliente anonimizado'"),
      linked,
      "her sales orders stay, without her",
    );
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fieldProblem } from "../fields.ts";
import { WORKFLOW_FILTER_STATUSES } from "./defaults.ts";
import { vtex } from "./index.ts";
import { FAKE_BASE_URL, FAKE_KEY, FAKE_TOKEN, FakeOms, fakeOrder, silentLogger } from "./test-fake-oms.ts";

describe("VTEX defaults", () => {
  it("map each VTEX status to one row at most, and declare the waiting states (in no row) so they wait", () => {
    const values = vtex.defaults.status.flatMap((r) => r.values);
    assert.equal(new Set(values).size, values.length);
    for (const waiting of [
      "window-to-cancel",
      "waiting-ffmt-authorization",
      "waiting-for-authorization",
      "order-created",
    ])
      assert.ok(!values.includes(waiting) && vtex.defaults.waiting?.includes(waiting), waiting);
    const known = new Set(vtex.statusValues.map((s) => s.value));
    for (const v of values) assert.ok(known.has(v), v);
    assert.equal(vtex.defaults.status.find((r) => r.values.includes("canceled"))?.createsOrder, false);
  });

  it("push start-handling, the invoice, the tracking, the delivery and the cancel, and nothing VTEX cannot take", () => {
    const push = vtex.defaults.push;
    assert.deepEqual(
      [
        push.em_preparacao,
        push.faturado,
        push.despachado,
        push.cancelado,
        push.pagamento_confirmado,
        push.entregue,
      ],
      [["pack"], ["invoice"], ["fulfill"], ["cancel"], [], ["deliver"]],
    );
  });

  it("filter the feed and the hook on every status of the table", () => {
    for (const s of [
      "payment-pending",
      "payment-approved",
      "ready-for-handling",
      "handling",
      "invoiced",
      "canceled",
    ])
      assert.ok(WORKFLOW_FILTER_STATUSES.includes(s), s);
  });

  it("take an account name as store id and derive the API host from it", () => {
    assert.equal(fieldProblem(vtex.storeId.schema, "minha-loja2"), null);
    assert.notEqual(fieldProblem(vtex.storeId.schema, "Minha Loja"), null);
    assert.notEqual(fieldProblem(vtex.storeId.schema, "https://x.myvtex.com"), null);
    assert.equal(vtex.apiBaseUrlFor?.("minha-loja2"), "https://minha-loja2.vtexcommercestable.com.br");
    assert.throws(() => vtex.apiBaseUrlFor?.("evil.com/x"));
  });
});

describe("VTEX Testar conexão", () => {
  it("names the account and reads one order in full, telling whether the buyer is masked", async () => {
    const oms = new FakeOms();
    const connector = vtex.connect(
      {
        storeExternalId: "acme",
        apiBaseUrl: FAKE_BASE_URL,
        credentials: { appKey: FAKE_KEY, appToken: FAKE_TOKEN },
      },
      { logger: silentLogger, userAgent: "ponte-test", fetch: oms.fetch },
    );
    assert.deepEqual(await connector.probe?.storeInfo(), { name: "acme" });
    assert.equal(await connector.probe?.sampleOrder(), null);
    oms.add(fakeOrder({ orderId: "v7-01", sequence: "7" }));
    assert.deepEqual(await connector.probe?.sampleOrder(), {
      externalId: "v7-01",
      number: "7",
      total: 1,
      customerIncluded: true,
    });
    oms.add(fakeOrder({ orderId: "v7-01", clientProfileData: { document: "***.***.***-**" } }));
    assert.equal((await connector.probe?.sampleOrder())?.customerIncluded, false);
  });
});

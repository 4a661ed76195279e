// What a status change would do on the store, said before it is made (issue 16, item 7): the
// transitions API lists, per status, the pushes the store's Envio à loja table and its platform
// would send, and who e-mails the customer; reading it queues nothing.
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

describe("transitions: what the store and the customer get, before acting", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;

  const get = async (url: string) => {
    const res = await app.inject({ url, headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Json;
  };

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 1607, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Efeitos");
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("lists the store's pushes per status from its table, and writes nothing", async () => {
    const order = sim.createOrder({ payment_status: "paid" }) as { id: number };
    const outcome = await syncOrder(ctx, storeId, String(order.id));
    assert.ok(outcome?.salesOrderId);
    const outbox = async () =>
      (await t.db.query<{ n: number }>("select count(*)::int as n from outbox")).rows[0]!.n;
    const before = await outbox();

    const transitions = await get(`/api/v1/orders/${outcome.salesOrderId}/transitions`);
    assert.equal(transitions.customerEmailsBy, "ponte");
    const effects = (status: string) =>
      (transitions.allowed as Json[]).find((a) => a.status === status)?.storeEffects as string[];
    assert.deepEqual(effects("cancelado"), ["cancelar o pedido"]);
    assert.deepEqual(effects("em_preparacao"), ["marcar como embalado"]);
    assert.equal(await outbox(), before, "reading the effects queues no push");

    // The store's Envio à loja table decides: with Cancelado's push turned off, nothing is said.
    const res = await app.inject({
      method: "PUT",
      url: `/api/v1/stores/${storeId}/push-map`,
      headers,
      payload: { rows: [{ trigger: "cancelado", actions: [] }] },
    });
    assert.equal(res.statusCode, 200, res.body);
    const again = await get(`/api/v1/orders/${outcome.salesOrderId}/transitions`);
    const after = (status: string) =>
      (again.allowed as Json[]).find((a) => a.status === status)?.storeEffects as string[];
    assert.deepEqual(after("cancelado"), []);
    assert.deepEqual(after("em_preparacao"), ["marcar como embalado"]);
  });
});

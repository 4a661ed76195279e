// Issue 11, item 13: a platform that is down, slow or refusing never turns a panel action into a
// 500 or a long wait. Atualizar, Testar conexão and Importar agora answer 502/503 (409 when the
// platform refused the store's access) within the panel's deadline, with a pt-BR reason naming
// the store and nothing of the platform's own text or address; the English detail goes to the log.
// Criar works from the order as Ponte stored it, so an outage does not stop it. Each fault is a
// real one of the Nuvemshop simulator: 5xx, an answer slower than the deadline, a closed port, a
// revoked token, a suspended store, the rate limit.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import {
  type NuvemshopSimulator,
  type SimulatorOptions,
  startNuvemshopSimulator,
} from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { capturingLogger } from "../helpers/logger.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

/**
 * The panel's deadline in this test, and a simulator slower than it: an action that waits for the
 * platform past its deadline gets the order and answers 200, and fails here by status.
 */
const DEADLINE_MS = 1_500;
const TOO_SLOW_MS = 4 * DEADLINE_MS;

/** What the simulator (as the real API) says when it fails: none of it may reach the panel. */
const PLATFORM_TEXT = [
  "Internal Server Error",
  "Service Unavailable",
  "Something went wrong",
  "temporarily unavailable",
  "Too Many Requests",
  "exceeded the rate limit",
  "Unauthorized",
  "Invalid access token",
  "Payment Required",
  "suspended for lack of payment",
  "fetch failed",
  "ECONNREFUSED",
  "aborted",
];

interface Fault {
  name: string;
  /** Breaks the platform for a store already imported. */
  apply(sim: NuvemshopSimulator): void | Promise<void>;
  /** Atualizar's and Importar agora's status; Testar conexão's too, unless `testAnswers`. */
  status: number;
  /** Testar conexão when the platform did answer (it refused): 200 with the refused check. */
  testAnswers?: true;
  /** The reason's gist, pt-BR. */
  reason: RegExp;
  /** The detail the log keeps (English). */
  logged: RegExp;
}

const FAULTS: Fault[] = [
  {
    name: "answering 500",
    apply: (sim) => sim.setOptions({ faultScript: [{ status: 500, count: 1_000_000 }] }),
    status: 502,
    reason: /respondeu com erro/,
    logged: /\b500\b/,
  },
  {
    name: "answering 503",
    apply: (sim) => sim.setOptions({ faultScript: [{ status: 503, count: 1_000_000 }] }),
    status: 502,
    reason: /respondeu com erro/,
    logged: /\b503\b/,
  },
  {
    name: "slower than the deadline",
    apply: (sim) => sim.setOptions({ latencyMs: TOO_SLOW_MS }),
    status: 503,
    reason: /não respondeu em 1,5 s/,
    logged: /timeout|timed out|deadline/i,
  },
  {
    name: "closed (connection refused)",
    apply: (sim) => sim.close(),
    status: 503,
    reason: /não foi possível conectar/,
    logged: /ECONNREFUSED/,
  },
  {
    name: "refusing the token (401)",
    apply: (sim) => sim.setOptions({ accessToken: "um-token-que-a-loja-revogou" }),
    status: 409,
    testAnswers: true,
    reason: /recusou as credenciais/,
    logged: /\b401\b/,
  },
  {
    name: "suspended (402)",
    apply: (sim) => sim.suspend(true),
    status: 409,
    testAnswers: true,
    reason: /suspen/,
    logged: /\b402\b/,
  },
  {
    name: "rate limiting (429)",
    apply: (sim) => sim.setOptions({ faultScript: [{ status: 429, count: 1_000_000 }] }),
    status: 503,
    reason: /limite de requisições/,
    logged: /\b429\b|rate limit/i,
  },
];

describe("platform errors on panel actions: 502/503 or 409 within the deadline, pt-BR, nothing leaked", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let lines: string[];
  const sims: NuvemshopSimulator[] = [];

  before(async () => {
    t = await createTestDatabase();
    const captured = capturingLogger();
    lines = captured.lines;
    ctx = { ...testContext(t.db), logger: captured.logger };
    ctx.platformDeadlineMs = DEADLINE_MS;
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
  });
  after(async () => {
    await app.close();
    for (const sim of sims) await sim.close().catch(() => undefined);
    await t.drop();
  });

  const post = (url: string) => app.inject({ method: "POST", url, headers });

  /** A store on its own simulator, imported: one order synced, one held (cancelled), by id. */
  async function importedStore(n: number, name: string) {
    const options: SimulatorOptions = { orders: 2, seed: 40 + n, storeId: 4_100_000 + n, rateLimit: false };
    const sim = await startNuvemshopSimulator(options);
    sims.push(sim);
    const paid = sim.createOrder({ status: "open", payment_status: "paid", shipping_status: "unpacked" });
    const cancelled = sim.createOrder({ status: "cancelled", payment_status: "voided" });
    const storeId = await connectSimulatorStore(ctx, sim, name);
    await importOrders(ctx, storeId);
    const row = async (id: unknown) =>
      (await app.inject({ url: `/api/v1/integration/${storeId}/orders/${id}`, headers })).json() as Json;
    assert.equal((await row(paid.id)).synced, true, "the paid order was synced");
    assert.equal((await row(cancelled.id)).reasonCode, "status_not_creating", "the cancelled one is held");
    return { sim, storeId, paid: String(paid.id), cancelled: String(cancelled.id) };
  }

  /** The reason is pt-BR and names the store; the body holds neither the address nor the platform's words. */
  function assertTranslated(
    body: string,
    reason: unknown,
    store: string,
    sim: NuvemshopSimulator,
    fault: Fault,
  ) {
    assert.equal(typeof reason, "string", `a pt-BR reason: ${body}`);
    assert.ok((reason as string).includes(store), `the reason names the store: ${reason}`);
    assert.match(reason as string, fault.reason);
    assert.match(reason as string, /\b(a|da|não|de|em)\b/, "Portuguese");
    for (const leak of [sim.url, sim.apiBase, new URL(sim.url).host, ...PLATFORM_TEXT]) {
      assert.ok(!body.includes(leak), `"${leak}" reached the panel: ${body}`);
    }
  }

  FAULTS.forEach((fault, n) => {
    it(`a platform ${fault.name}: Atualizar, Criar, Testar conexão and Importar agora`, async () => {
      const store = `Loja Falha ${n + 1}`;
      const { sim, storeId, paid, cancelled } = await importedStore(n, store);
      const logged = lines.length;
      await fault.apply(sim);

      // Atualizar needs the platform: it answers with the reason, by the deadline.
      const update = await post(`/api/v1/integration/${storeId}/orders/${paid}/update`);
      assert.equal(update.statusCode, fault.status, `Atualizar: ${update.body}`);
      assertTranslated(update.body, update.json().error.reason, store, sim, fault);

      // Criar builds from the order Ponte stored: the outage does not stop it.
      const create = await post(`/api/v1/integration/${storeId}/orders/${cancelled}/create`);
      assert.equal(create.statusCode, 200, `Criar: ${create.body}`);
      assert.equal(create.json().synced, true);

      // Testar conexão: an answer that refused is a finding (200, the check says it); no answer is a 502/503.
      const test = await post(`/api/v1/stores/${storeId}/test-connection`);
      if (fault.testAnswers) {
        assert.equal(test.statusCode, 200, `Testar conexão: ${test.body}`);
        const credentials = (test.json().checks as Json[]).find((c) => c.key === "credentials")!;
        assert.equal(credentials.ok, false);
        assert.match(credentials.message, fault.reason);
        assertTranslated(test.body, `${store}: ${credentials.message}`, store, sim, fault);
      } else {
        assert.equal(test.statusCode, fault.status, `Testar conexão: ${test.body}`);
        assertTranslated(test.body, test.json().error.reason, store, sim, fault);
      }

      // Importar agora: the store is now known to be unreachable or refused, so it says so at once.
      const importNow = await post(`/api/v1/stores/${storeId}/import`);
      assert.equal(importNow.statusCode, fault.status, `Importar agora: ${importNow.body}`);
      assertTranslated(importNow.body, importNow.json().error.reason, store, sim, fault);

      // The English detail is in the log, with the store.
      const log = lines.slice(logged).filter((l) => JSON.parse(l).store === storeId);
      assert.ok(
        log.some((l) => fault.logged.test(l)),
        `the log has the detail (${fault.logged}):\n${log.join("")}`,
      );
    });
  });

  it("once the platform answers again, Importar agora queues the import", async () => {
    const store = "Loja Volta";
    const { sim, storeId, paid } = await importedStore(FAULTS.length, store);
    sim.setOptions({ faultScript: [{ status: 503, count: 1_000_000 }] });
    assert.equal((await post(`/api/v1/integration/${storeId}/orders/${paid}/update`)).statusCode, 502);
    assert.equal((await post(`/api/v1/stores/${storeId}/import`)).statusCode, 502);
    sim.setOptions({ faultScript: null });
    const queued = await post(`/api/v1/stores/${storeId}/import`);
    assert.equal(queued.statusCode, 202, queued.body);
    assert.equal((await post(`/api/v1/integration/${storeId}/orders/${paid}/update`)).statusCode, 200);
  });
});

// Issue 12, finding 9 (demo only): the Nuvemshop simulator's control endpoints (/__control shows
// the webhook-signing secret and the token and changes the simulator; /__log shows every request
// with its token) answer only to the random control key printed at start, by `ponte simulate`
// and by the demo. The simulator listens on loopback. Its platform-facing API (/v1/…) keeps the
// platform's own token auth.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../../src/config.ts";
import { createContext } from "../../src/context.ts";
import { startDemoStore } from "../../src/demo.ts";
import { startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import type { NuvemshopSimulator } from "../../src/simulators/nuvemshop/types.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { capturingLogger } from "../helpers/logger.ts";
import { ponte, waitFor } from "../helpers/process.ts";

const KEY_HEADER = "x-simulator-key";

async function control(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  return { status: res.status, text: await res.text() };
}

/** What a stranger who reaches the port tries: read the secrets and the log, change the simulator. */
async function strangerAttempts(sim: { url: string }, key?: string) {
  const headers: Record<string, string> = key === undefined ? {} : { [KEY_HEADER]: key };
  return [
    await control(`${sim.url}/__control`, { headers }),
    await control(`${sim.url}/__log`, { headers }),
    await control(`${sim.url}/__log`, { method: "DELETE", headers }),
    // A form post from a web page the operator happens to open (no preflight).
    await control(`${sim.url}/__control`, {
      method: "POST",
      headers: { ...headers, "content-type": "text/plain" },
      body: JSON.stringify({ suspended: true, faultRate: 1 }),
    }),
  ];
}

const apiAnswers = async (sim: NuvemshopSimulator) =>
  (
    await fetch(`${sim.apiBase}/${sim.storeId}/store`, {
      headers: { authentication: `bearer ${sim.accessToken}`, "user-agent": "Test (t@example.com)" },
    })
  ).status;

describe("the simulator's control endpoints need its control key", () => {
  let sim: NuvemshopSimulator;
  before(async () => {
    sim = await startNuvemshopSimulator({ orders: 2, clientSecret: "segredo-de-assinatura" });
  });
  after(() => sim.close());

  it("listens on loopback, with a random key of its own", async () => {
    assert.equal(new URL(sim.url).hostname, "127.0.0.1");
    assert.match(sim.controlKey, /^[0-9a-f]{32,}$/);
    const other = await startNuvemshopSimulator({ orders: 0 });
    try {
      assert.notEqual(other.controlKey, sim.controlKey);
    } finally {
      await other.close();
    }
  });

  it("without the key (or with a wrong one) nothing is shown or changed", async () => {
    assert.equal(await apiAnswers(sim), 200, "a request with the token, now in the log");
    for (const key of [undefined, "", "0".repeat(32), `${sim.controlKey}x`]) {
      const answers = await strangerAttempts(sim, key);
      for (const answer of answers) {
        assert.equal(answer.status, 401, `key ${JSON.stringify(key)}: ${answer.text}`);
        assert.ok(!answer.text.includes("segredo-de-assinatura"), "the signing secret stays inside");
        assert.ok(!answer.text.includes(sim.accessToken), "the token stays inside");
      }
    }
    assert.equal(await apiAnswers(sim), 200, "not suspended, no faults");
    assert.ok(sim.requestLog().length >= 2, "the log was not cleared");
  });

  it("with the key the control endpoints work; the API keeps the platform's token auth", async () => {
    const state = await control(`${sim.url}/__control`, { headers: { [KEY_HEADER]: sim.controlKey } });
    assert.equal(state.status, 200, state.text);
    assert.equal(JSON.parse(state.text).clientSecret, "segredo-de-assinatura");
    assert.ok(!state.text.includes(sim.controlKey), "the key is not echoed");
    const log = await control(`${sim.url}/__log`, { headers: { [KEY_HEADER]: sim.controlKey } });
    assert.equal(log.status, 200);
    assert.ok(JSON.parse(log.text).length >= 2);
    const noToken = await fetch(`${sim.apiBase}/${sim.storeId}/store`, {
      headers: { "user-agent": "Test (t@example.com)", [KEY_HEADER]: sim.controlKey },
    });
    assert.equal(noToken.status, 401, "the control key is no API token");
  });
});

describe("the control key is printed at start", () => {
  it("ponte simulate prints it, and only it opens the control endpoints", async () => {
    const child = ponte(["simulate", "nuvemshop", "--orders", "1"], {});
    try {
      const line = await waitFor("the simulator's start line", async () =>
        /control key/.test(child.output()) ? child.output() : undefined,
      );
      const url = /Nuvemshop simulator on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
      const key = /control key ([0-9a-f]+)/.exec(line)?.[1];
      assert.ok(url && key, line);
      for (const answer of await strangerAttempts({ url })) assert.equal(answer.status, 401, answer.text);
      const state = await control(`${url}/__control`, { headers: { [KEY_HEADER]: key } });
      assert.equal(state.status, 200, state.text);
    } finally {
      child.child.kill("SIGTERM");
      await child.exited;
    }
  });

  it("the demo logs it, and the demo's simulator refuses control without it", async () => {
    const t = await createTestDatabase();
    const { logger, lines } = capturingLogger();
    const config = loadConfig({ PONTE_NUVEMSHOP_CLIENT_SECRET: "test-app-secret" });
    const ctx = createContext(config, t.db, logger, crypto.randomBytes(32));
    const demo = await startDemoStore(ctx, "http://127.0.0.1:9");
    try {
      assert.ok(demo);
      const key = demo.simulator.controlKey;
      assert.ok(
        lines.some((l) => l.includes(key) && /control key/.test(l)),
        "the key is in the start log",
      );
      for (const answer of await strangerAttempts(demo.simulator)) {
        assert.equal(answer.status, 401, answer.text);
        assert.ok(!answer.text.includes("test-app-secret"));
      }
      const state = await control(`${demo.simulator.url}/__control`, { headers: { [KEY_HEADER]: key } });
      assert.equal(state.status, 200);
    } finally {
      await demo?.close();
      await t.drop();
    }
  });
});

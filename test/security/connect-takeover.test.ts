// Issue 12, finding 8: connecting by token with the platform store id of a store Ponte already has
// must not take that store over (its token and API address replaced by the caller's). It answers
// 409 with a pt-BR reason, unless the caller asks to reconnect that store (`reconnect: true`, what
// the panel's "Trocar o token de acesso" sends); a disconnected store comes back the same way.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import type { NuvemshopSimulator } from "../../src/simulators/nuvemshop/types.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

describe("connect-by-token never takes an existing store over", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let sim: NuvemshopSimulator;
  let storeId: number;
  /** A listener on loopback standing for the attacker's API host: it records what reaches it. */
  let attacker: http.Server;
  let attackerUrl: string;
  const received: string[] = [];

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    sim = await startNuvemshopSimulator({ orders: 2, storeId: 8_800_001, rateLimit: false });
    attacker = http.createServer((req, res) => {
      received.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
      res.end("[]");
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    const connected = await connect({ accessToken: sim.accessToken, apiBaseUrl: sim.apiBase });
    assert.equal(connected.statusCode, 201, connected.body);
    storeId = connected.json().id;
  });
  after(async () => {
    await app.close();
    await sim.close();
    attacker.closeAllConnections();
    await new Promise((resolve) => attacker.close(resolve));
    await t.drop();
  });

  const connect = (body: Json) =>
    app.inject({
      method: "POST",
      url: "/api/v1/stores",
      headers,
      payload: { platform: "nuvemshop", name: "Loja Alvo", externalId: String(sim.storeId), ...body },
    });
  const store = async () => (await app.inject({ url: `/api/v1/stores/${storeId}`, headers })).json() as Json;
  const testConnection = async () =>
    (await app.inject({ method: "POST", url: `/api/v1/stores/${storeId}/test-connection`, headers })).json();

  it("the same store id with another token and address: 409 in pt-BR, the store untouched", async () => {
    const takeover = await connect({
      name: "Loja do Atacante",
      accessToken: "token-do-atacante",
      apiBaseUrl: `${attackerUrl}/v1`,
    });
    assert.equal(takeover.statusCode, 409, takeover.body);
    const error = takeover.json().error;
    assert.equal(error.reasonCode, "store_exists");
    assert.equal(error.storeId, storeId);
    assert.match(error.reason, new RegExp(`loja ${sim.storeId} da Nuvemshop já está conectada`));
    assert.match(error.reason, /Loja Alvo/);
    assert.match(error.reason, /Trocar o token de acesso/);

    const after = await store();
    assert.equal(after.apiBaseUrl, sim.apiBase, "the address stays");
    assert.equal(after.name, "Loja Alvo");
    const tested = await testConnection();
    assert.equal(tested.ok, true, "the store's own token still works");
    assert.deepEqual(received, [], "nothing reached the attacker's host");
  });

  it("reconnect: true replaces the token of that store, explicitly; an unknown store is not created by it", async () => {
    const wrong = await connect({ accessToken: "token-revogado-1234", reconnect: true });
    assert.equal(wrong.statusCode, 200, wrong.body);
    assert.equal(wrong.json().id, storeId);
    assert.equal(wrong.json().apiBaseUrl, sim.apiBase, "no address given: the store keeps its own");
    assert.equal((await testConnection()).ok, false, "the new token is the one used");
    const right = await connect({ accessToken: sim.accessToken, reconnect: true });
    assert.equal(right.statusCode, 200, right.body);
    assert.equal((await testConnection()).ok, true);

    const unknown = await app.inject({
      method: "POST",
      url: "/api/v1/stores",
      headers,
      payload: {
        platform: "nuvemshop",
        name: "Loja Nova",
        externalId: "4040404",
        accessToken: sim.accessToken,
        reconnect: true,
      },
    });
    assert.equal(unknown.statusCode, 404, unknown.body);
    assert.match(unknown.json().error.reason, /não há loja 4040404 da Nuvemshop para reconectar/i);
  });

  it("a disconnected store comes back only by an explicit reconnect", async () => {
    const off = await app.inject({ method: "POST", url: `/api/v1/stores/${storeId}/disconnect`, headers });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().connectionState, "disconnected");

    const again = await connect({ accessToken: "token-de-outra-pessoa", apiBaseUrl: `${attackerUrl}/v1` });
    assert.equal(again.statusCode, 409, again.body);
    assert.match(again.json().error.reason, /desconectada/);
    assert.match(again.json().error.reason, /Conectar a loja de novo/);
    assert.equal((await store()).connectionState, "disconnected", "still disconnected");

    const back = await connect({ accessToken: sim.accessToken, reconnect: true });
    assert.equal(back.statusCode, 200, back.body);
    assert.deepEqual([back.json().connectionState, back.json().importEnabled], ["ok", true]);
    assert.equal((await testConnection()).ok, true);
    assert.deepEqual(received, [], "nothing reached the attacker's host");
  });
});

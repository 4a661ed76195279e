// Issue 12, finding 6: slow and huge requests. A webhook trickled one byte at a time held its
// connection for minutes; any route read a 4 MB body; an e-mail template of a few lines rendered
// to tens of megabytes in a preview and in the outbox. Each attack is replayed here over a real
// socket or through the API, on a Ponte with short timeouts (its settings, as an operator sets them).
import assert from "node:assert/strict";
import { once } from "node:events";
import net from "node:net";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { OUTPUT_LIMITS } from "../../src/email/render.ts";
import { buildApp } from "../../src/http/app.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { signedWebhook } from "../helpers/reliability.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

interface Exchange {
  /** Bytes of the request written before the server closed the connection. */
  sent: number;
  /** Everything the server wrote back. */
  answer: string;
  closed: boolean;
}

/**
 * Writes `head`, then `piece` every `everyMs` until `total` pieces are out or the server closes the
 * connection; then waits a little for the server's answer and close.
 */
async function trickle(port: number, head: string, piece: string, total: number, everyMs: number) {
  const socket = net.connect(port, "127.0.0.1");
  await once(socket, "connect");
  const exchange: Exchange = { sent: 0, answer: "", closed: false };
  socket.on("data", (chunk) => {
    exchange.answer += chunk.toString("latin1");
  });
  socket.on("close", () => {
    exchange.closed = true;
  });
  socket.on("error", () => undefined);
  socket.write(head);
  while (!exchange.closed && exchange.sent < total) {
    await sleep(everyMs);
    if (!exchange.closed) socket.write(piece);
    exchange.sent++;
  }
  for (let waited = 0; !exchange.closed && waited < 5_000; waited += 50) await sleep(50);
  socket.destroy();
  return exchange;
}

/** The same template as a store saves it, with `html` replaced. */
const template = (html: string) => ({
  subject: "Pedido #{{ order.number }}: pagamento confirmado",
  html,
  text: "Pedido {{ order.number }}",
  notifyByDefault: true,
});

/** Liquid that doubles a 10-character string 16 times: 655,360 characters from one line. */
const DOUBLED = `{% assign s = "0123456789" %}{% for i in (1..16) %}{% assign s = s | append: s %}{% endfor %}{{ s }}`;

describe("slow and huge requests", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let port: number;
  let headers: Record<string, string>;
  let storeId: number;
  /** The store's number of an order awaiting payment, with the customer's e-mail. */
  let awaiting: number;

  const api = (method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: object | string) =>
    app.inject({
      method,
      url,
      headers: { ...headers, "content-type": "application/json" },
      ...(payload === undefined ? {} : { payload }),
    });

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db, {
      PONTE_REQUEST_TIMEOUT_MS: "1000",
      PONTE_IDLE_TIMEOUT_MS: "1000",
      PONTE_KEEP_ALIVE_TIMEOUT_MS: "500",
    });
    sim = await startNuvemshopSimulator({ orders: 3, seed: 66, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    await app.listen({ host: "127.0.0.1", port: 0 });
    port = (app.server.address() as net.AddressInfo).port;
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Grande");
    const placed = sim.createOrder({
      status: "open",
      payment_status: "pending",
      paid_at: null,
      contact_email: "cliente@example.com",
    }) as Json;
    awaiting = placed.number;
    await importOrders(ctx, storeId);
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("a webhook body trickled a byte at a time is cut with 408 before it completes", async () => {
    const length = 400;
    const head = `POST /webhooks/nuvemshop HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
    const exchange = await trickle(port, head, "x", length, 50);
    assert.ok(exchange.closed, "the server closed the connection");
    assert.ok(exchange.sent < length, `cut after ${exchange.sent} of ${length} bytes`);
    assert.match(exchange.answer, /^HTTP\/1\.1 408 /);
  });

  it("headers trickled a byte at a time are cut with 408", async () => {
    const exchange = await trickle(port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", "a", 400, 50);
    assert.ok(exchange.closed && exchange.sent < 400, `cut after ${exchange.sent} header bytes`);
    assert.match(exchange.answer, /^HTTP\/1\.1 408 /);
  });

  it("a kept-alive connection that asks nothing more is closed", async () => {
    const exchange = await trickle(port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "", 0, 0);
    assert.match(exchange.answer, /^HTTP\/1\.1 200 /);
    assert.ok(exchange.closed, "closed after the keep-alive timeout");
  });

  it("a body past its route's limit is 413 with an English message and a pt-BR reason, whoever sends it", async () => {
    // A webhook notice is a few hundred bytes: 65 KiB is refused before the signature is even read.
    const hook = signedWebhook(ctx.platforms.nuvemshop!.webhookSecret, sim.storeId, "order/created", 1);
    const padded = JSON.stringify({ ...JSON.parse(hook.body), padding: "x".repeat(65 * 1024) });
    const webhook = await app.inject({
      method: "POST",
      url: "/webhooks/nuvemshop",
      headers: { "content-type": "application/json", "x-linkedstore-hmac-sha256": hook.signature },
      payload: padded,
    });
    assert.equal(webhook.statusCode, 413, webhook.body);
    const problem = webhook.json().error as Json;
    assert.equal(problem.code, "payload_too_large");
    assert.equal(problem.limit, 64 * 1024);
    assert.match(problem.message, /larger than this route accepts \(65536 bytes\)/);
    assert.match(problem.reason, /passa do limite desta operação \(64 KB\)/);

    // Without a Content-Length (chunked), the limit holds while the body streams in.
    const chunk = "x".repeat(70 * 1024);
    const chunked = await trickle(
      port,
      `POST /webhooks/nuvemshop HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n`,
      "",
      0,
      0,
    );
    assert.match(chunked.answer, /^HTTP\/1\.1 413 /);
    assert.match(chunked.answer, /payload_too_large/);

    // A JSON API route takes a form's worth (64 KiB); one that saves a document takes 1 MiB.
    const patch = await api("PATCH", `/api/v1/stores/${storeId}`, { name: "x".repeat(100 * 1024) });
    assert.equal(patch.statusCode, 413, patch.body);
    const big = await api("PUT", `/api/v1/stores/${storeId}/email-templates/pagamento_confirmado`, {
      ...template("x".repeat(900 * 1024)),
    });
    assert.equal(big.statusCode, 400, "900 KiB is read, and refused by the field's own limit");
    assert.equal(big.json().error.code, "validation_failed");
    const huge = await api("PUT", `/api/v1/stores/${storeId}/email-templates/pagamento_confirmado`, {
      ...template("x".repeat(1100 * 1024)),
    });
    assert.equal(huge.statusCode, 413, huge.body);
  });

  it("a template that renders past the output limit is refused on save and on preview, naming the field", async () => {
    const url = `/api/v1/stores/${storeId}/email-templates/pagamento_confirmado`;
    const saved = await api("PUT", url, template(DOUBLED));
    assert.equal(saved.statusCode, 400, saved.body.slice(0, 300));
    const refused = saved.json().error as Json;
    assert.equal(refused.code, "template_invalid");
    assert.equal(refused.field, "html");
    assert.equal(refused.reasonCode, "output_too_large");
    assert.equal(refused.limit, OUTPUT_LIMITS.html);
    assert.match(refused.reason, /campo HTML gera um e-mail grande demais/);

    const preview = await api("POST", `${url}/preview`, { html: DOUBLED });
    assert.equal(preview.statusCode, 400, `preview answered ${preview.body.length} bytes`);
    assert.equal(preview.json().error.field, "html");

    // The text part and the subject have their own limits.
    const text = await api("POST", `${url}/preview`, { text: DOUBLED });
    assert.equal(text.statusCode, 400);
    assert.equal(text.json().error.field, "text");
    const subject = await api("POST", `${url}/preview`, {
      subject: "{% for i in (1..200) %}Pedido {{ order.number }} {% endfor %}",
    });
    assert.equal(subject.statusCode, 400);
    assert.equal(subject.json().error.field, "subject");
  });

  it("a template that is small on the sample order and huge on a real one: the preview refuses it, the status change stores the default e-mail", async () => {
    const url = `/api/v1/stores/${storeId}/email-templates/pagamento_confirmado`;
    // The sample order's store is "Loja Exemplo": this saves (it renders a line there).
    const sneaky = `{% if store.name == "Loja Grande" %}${DOUBLED}{% endif %}<p>Pedido {{ order.number }}</p>`;
    const saved = await api("PUT", url, template(sneaky));
    assert.equal(saved.statusCode, 200, saved.body);

    const preview = await api("POST", `${url}/preview`, {});
    assert.equal(preview.statusCode, 400, `preview answered ${preview.body.length} bytes`);
    assert.equal(preview.json().error.reasonCode, "output_too_large");

    const list = await api("GET", `/api/v1/orders?q=%23${awaiting}`);
    const order = (list.json().items as Json[])[0]!;
    const paid = await api("POST", `/api/v1/orders/${order.id}/confirm-payment`, { notifyCustomer: true });
    assert.equal(paid.statusCode, 200, paid.body);
    const { rows } = await t.db.query<{ html: string; text: string; subject: string }>(
      "select html, text, subject from email_outbox where sales_order_id = $1",
      [order.id],
    );
    assert.equal(rows.length, 1, "the customer is still e-mailed");
    const email = rows[0]!;
    assert.ok(email.html.length <= OUTPUT_LIMITS.html, `${email.html.length} characters stored`);
    assert.doesNotMatch(email.html, /0123456789/, "not the store's runaway template");
    assert.match(email.html, /Olá, /, "the default template, rendered on the order");
  });
});

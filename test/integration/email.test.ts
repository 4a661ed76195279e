// Customer e-mails (R6.3) end to end: status changes through the API on orders synced from a
// Nuvemshop simulator, send-email jobs run by the queue, and a real SMTP conversation with an
// in-process smtp-server sink whose messages are parsed with mailparser.
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { runOnce } from "graphile-worker";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { AppContext } from "../../src/context.ts";
import type { StatusChange } from "../../src/domain/status-change.ts";
import { enqueueStatusEmail } from "../../src/email/enqueue.ts";
import { buildApp } from "../../src/http/app.ts";
import { queueLogger } from "../../src/jobs/queue-logger.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { lockSalesOrder } from "../../src/orders/order-lock.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

interface Received {
  rcptTo: string[];
  raw: string;
  mail: ParsedMail;
}

/** An SMTP server in this process: records what it accepts, and refuses when told to. */
async function startSmtpSink() {
  const received: Received[] = [];
  const state = { refuseNext: 0, refused: 0, bounceNext: 0 };
  const smtpError = (responseCode: number, message: string) =>
    Object.assign(new Error(message), { responseCode });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (state.refuseNext > 0) {
        state.refuseNext--;
        state.refused++;
        return callback(smtpError(421, "Service not available, try again later"));
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("bounce@")) return callback(smtpError(550, "No such user here"));
      if (state.bounceNext > 0) {
        state.bounceNext--;
        return callback(smtpError(550, "Mailbox unavailable"));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then(
          (mail) => {
            received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw, mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    to: (address: string) => received.filter((r) => r.rcptTo.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("customer e-mails", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let app: FastifyInstance;
  let storeId: number;
  let headers: Record<string, string>;

  const api = async (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const get = async (url: string) => {
    const res = await api("GET", url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json() as Json;
  };
  const changeStatus = async (salesOrderId: number, body: Json) => {
    const res = await api("POST", `/api/v1/orders/${salesOrderId}/status`, body);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Json;
  };
  /**
   * Seed 003: a deposit checked by hand is confirmed with Confirmar pagamento, which moves the order
   * to Pagamento confirmado (no status move confirms a payment); answers like changeStatus.
   */
  const confirmPayment = async (salesOrderId: number, body: Json = {}) => {
    const res = await api("POST", `/api/v1/orders/${salesOrderId}/confirm-payment`, body);
    assert.equal(res.statusCode, 200, res.body);
    const { order } = res.json() as Json;
    const detail = await get(`/api/v1/orders/${salesOrderId}`);
    const moved = (detail.events as Json[]).findLast((e) => e.kind === "status_changed")!;
    return { ...order, eventId: moved.id } as Json;
  };
  const outbox = async (salesOrderId: number) =>
    (
      await t.db.query<Json>("select * from email_outbox where sales_order_id = $1 order by id", [
        salesOrderId,
      ])
    ).rows;
  const emailJobs = async (emailId: number) =>
    (
      await t.db.query<{ run_at: Date; attempts: number }>(
        `select j.run_at, j.attempts from graphile_worker._private_jobs j
           join graphile_worker._private_tasks k on k.id = j.task_id
          where k.identifier = 'send-email' and (j.payload->>'emailId')::bigint = $1`,
        [emailId],
      )
    ).rows;
  const events = async (salesOrderId: number) =>
    ((await get(`/api/v1/orders/${salesOrderId}`)).events as Json[]).filter((e) =>
      e.kind.startsWith("email_"),
    );

  /** Runs the send-email jobs that are due, as a worker of a process with this context would. */
  async function runEmailJobs(context: AppContext = ctx) {
    const handler = buildTaskList(context)["send-email"]!;
    await runOnce({
      pgPool: context.db.pool,
      logger: queueLogger(testLogger),
      noHandleSignals: true,
      taskList: {
        "send-email": (payload, helpers) =>
          handler(payload, {
            id: helpers.job.id,
            attempts: helpers.job.attempts,
            maxAttempts: helpers.job.max_attempts,
            workerId: "test",
          }),
      },
    });
    // runOnce can resolve before the last job's completion (or rescheduling) is written: wait for it.
    const deadline = Date.now() + 5_000;
    for (;;) {
      const { rows } = await t.db.query<{ n: number }>(
        `select count(*)::int as n from graphile_worker._private_jobs j
           join graphile_worker._private_tasks k on k.id = j.task_id
          where k.identifier = 'send-email' and j.locked_at is not null`,
      );
      if (rows[0]!.n === 0) return;
      assert.ok(Date.now() < deadline, "send-email jobs released");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** A store order placed by this customer, synced into a sales order awaiting payment. */
  async function newSalesOrder(customer: { name: string; email: string; document: string | null }) {
    const order = sim.createOrder({
      status: "open",
      payment_status: "pending",
      paid_at: null,
      customer: null,
      contact_name: customer.name,
      contact_email: customer.email,
      contact_identification: customer.document,
    }) as Json;
    await syncOrder(ctx, storeId, String(order.id));
    const { rows } = await t.db.query<{ id: number; canonical_status: string }>(
      `select s.id, s.canonical_status from sales_orders s join store_orders so on so.id = s.store_order_id
        where so.store_id = $1 and so.external_id = $2`,
      [storeId, String(order.id)],
    );
    assert.equal(rows[0]?.canonical_status, "aguardando_pagamento");
    return rows[0]!.id;
  }

  before(async () => {
    t = await createTestDatabase();
    sink = await startSmtpSink();
    ctx = testContext(t.db, { PONTE_SMTP_URL: sink.url, PONTE_MAIL_FROM: "pedidos@loja.example.com" });
    sim = await startNuvemshopSimulator({ orders: 2, seed: 11, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Centro");
  });
  after(async () => {
    await app.close();
    await sim.close();
    await sink.close();
    await t.drop();
  });

  it("a status change e-mails the customer once: duplicate request, duplicate event and a second job run send nothing more", async () => {
    const name = '<script>alert("x")</script> Ana Souza';
    const address = "ana.souza@example.com";
    const id = await newSalesOrder({ name, email: address, document: "529.982.247-25" });
    const message = "Pagamento recebido <b>obrigado</b> & até logo";
    // "Notificar cliente" left out: Pagamento confirmado notifies by default.
    const changed = await confirmPayment(id, { message });
    const again = await api("POST", `/api/v1/orders/${id}/status`, {
      status: "pagamento_confirmado",
      message,
    });
    assert.equal(again.statusCode, 409, "the same change twice is refused the second time");

    // The same event delivered again (a retried effect) finds the outbox row and queues nothing.
    const detail = await get(`/api/v1/orders/${id}`);
    const event = (detail.events as Json[]).find((e) => e.id === changed.eventId)!;
    assert.equal(event.data.notifyCustomer, true);
    const replay: StatusChange = {
      orgId: 1,
      order: {
        id,
        canonicalStatus: "pagamento_confirmado",
        status: changed.status,
        statusVersion: changed.statusVersion,
      },
      event: { ...event, salesOrderId: id, storeOrderId: detail.storeOrderId } as StatusChange["event"],
    };
    await t.db.transaction(async (tx) => enqueueStatusEmail(tx, ctx, await lockSalesOrder(tx, id), replay));

    const rows = await outbox(id);
    assert.equal(rows.length, 1, "one e-mail owed");
    const email = rows[0]!;
    assert.equal(email.status, "pending");
    assert.equal(email.status_version, changed.statusVersion);
    assert.equal((await emailJobs(email.id)).length, 1, "its job committed with the change");

    await runEmailJobs();
    await buildTaskList(ctx)["send-email"]!(
      { emailId: email.id },
      { id: "again", attempts: 1, maxAttempts: 12, workerId: "test" },
    );
    const mails = sink.to(address);
    assert.equal(mails.length, 1, "one e-mail received");
    const { mail, raw } = mails[0]!;

    const total = (
      await t.db.query<{ total_cents: number }>("select total_cents from sales_orders where id = $1", [id])
    ).rows[0]!.total_cents;
    const brl = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" }).format(total / 100);
    assert.equal(mail.messageId, email.message_id);
    assert.match(mail.subject ?? "", /^Pedido #\d+: pagamento confirmado$/);
    assert.match(mail.from?.text ?? "", /Loja Centro.*pedidos@loja\.example\.com/);
    const html = String(mail.html);
    const text = mail.text ?? "";
    for (const part of [html, text]) {
      assert.ok(part.includes(brl), `total as ${brl}`);
      assert.ok(part.includes("***.982.247-**"), "CPF masked");
    }
    assert.ok(!raw.includes("52998224725") && !raw.includes("529.982.247-25"), "the full CPF never goes out");
    assert.ok(!html.includes("<script") && !html.includes("<b>obrigado"), "no markup from the data");
    assert.ok(html.includes("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Ana Souza"), "name escaped");
    assert.ok(
      html.includes("Pagamento recebido &lt;b&gt;obrigado&lt;/b&gt; &amp; até logo"),
      "message escaped",
    );
    assert.ok(text.includes(message), "the text part has the message as typed");
    assert.ok(text.includes(`Olá, ${name}!`));

    const sent = (await outbox(id))[0]!;
    assert.equal(sent.status, "sent");
    assert.equal(sent.attempts, 1);
    assert.equal((await emailJobs(email.id)).length, 0, "the job is done");
    assert.deepEqual(
      (await events(id)).map((e) => e.kind),
      ["email_queued", "email_sent"],
    );

    const list = await get(`/api/v1/emails?salesOrderId=${id}`);
    assert.equal(list.items.length, 1);
    assert.equal(list.items[0].to, address);
    assert.equal(list.items[0].status, "sent");
    assert.ok(list.items[0].sentAt);
  });

  it("no e-mail when Notificar cliente is off, asked or by the status's default", async () => {
    const id = await newSalesOrder({ name: "Bruno Lima", email: "bruno@example.com", document: null });
    const transitions = await get(`/api/v1/orders/${id}/transitions`);
    const notify = Object.fromEntries(
      (transitions.allowed as Json[]).map((a) => [a.status, a.notifyByDefault]),
    );
    assert.equal(notify.pagamento_confirmado, true);
    assert.equal(notify.em_preparacao, false);

    await confirmPayment(id, { notifyCustomer: false });
    const quiet = await changeStatus(id, { status: "em_preparacao" });
    const off = await changeStatus(id, { status: "cancelado", notifyCustomer: false });
    const detail = await get(`/api/v1/orders/${id}`);
    const changes = (detail.events as Json[]).filter((e) => e.id === quiet.eventId || e.id === off.eventId);
    assert.deepEqual(
      changes.map((e) => e.data.notifyCustomer),
      [false, false],
    );
    assert.equal((await outbox(id)).length, 0);
    assert.deepEqual(await events(id), []);
  });

  it("when the store's platform e-mails the customer, Ponte sends nothing", async () => {
    const patched = await api("PATCH", `/api/v1/stores/${storeId}`, { customerEmails: "platform" });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().customerEmails, "platform");
    try {
      const id = await newSalesOrder({ name: "Carla Dias", email: "carla@example.com", document: null });
      await confirmPayment(id, { notifyCustomer: true });
      assert.equal((await outbox(id)).length, 0);
      const skipped = await events(id);
      assert.equal(skipped.length, 1);
      assert.equal(skipped[0]!.kind, "email_skipped");
      assert.equal(skipped[0]!.data.reasonCode, "platform_sends");
    } finally {
      const back = await api("PATCH", `/api/v1/stores/${storeId}`, { customerEmails: "ponte" });
      assert.equal(back.json().customerEmails, "ponte");
    }
  });

  it("an SMTP server saying 421 is tried again later with backoff, and the e-mail arrives once", async () => {
    const address = "diego@example.com";
    const id = await newSalesOrder({ name: "Diego Rocha", email: address, document: null });
    await confirmPayment(id);
    const emailId = (await outbox(id))[0]!.id;
    sink.state.refuseNext = 1;
    const refusedBefore = sink.state.refused;

    await runEmailJobs();
    assert.equal(sink.state.refused, refusedBefore + 1, "the server was asked and refused");
    const waiting = (await outbox(id))[0]!;
    assert.equal(waiting.status, "pending");
    assert.equal(waiting.attempts, 1);
    assert.match(waiting.last_error, /421/);
    const [job] = await emailJobs(emailId);
    assert.ok(job && job.run_at.getTime() > Date.now() + 1000, "the retry waits (backoff)");
    assert.equal(sink.to(address).length, 0);

    const deadline = Date.now() + 20_000;
    while ((await outbox(id))[0]!.status !== "sent") {
      assert.ok(Date.now() < deadline, "sent after the backoff");
      await new Promise((resolve) => setTimeout(resolve, 500));
      await runEmailJobs();
    }
    assert.equal(sink.to(address).length, 1);
    assert.equal((await outbox(id))[0]!.attempts, 2);
  });

  it("an attempt that stopped mid-send is taken over only after its lease, with the same Message-ID", async () => {
    const address = "helena@example.com";
    const id = await newSalesOrder({ name: "Helena Prado", email: address, document: null });
    await confirmPayment(id);
    const email = (await outbox(id))[0]!;
    // A worker claimed it and died (or is still talking to the server): the row says "sending".
    await t.db.query(
      "update email_outbox set status = 'sending', attempts = 1, sending_at = now() where id = $1",
      [email.id],
    );
    const send = buildTaskList(ctx)["send-email"]!;
    const job = { id: "takeover", attempts: 2, maxAttempts: 12, workerId: "test" };
    await assert.rejects(send({ emailId: email.id }, job), /attempt in progress/);
    assert.equal(sink.to(address).length, 0, "a live attempt is not doubled");

    await t.db.query("update email_outbox set sending_at = now() - interval '10 minutes' where id = $1", [
      email.id,
    ]);
    await send({ emailId: email.id }, job);
    const [mail] = sink.to(address);
    assert.equal(mail?.mail.messageId, email.message_id, "the resend repeats the Message-ID");
    const sent = (await outbox(id))[0]!;
    assert.equal(sent.status, "sent");
    assert.equal(sent.attempts, 2);
  });

  it("a permanent refusal (550) fails the e-mail with the server's reason, without retrying", async () => {
    const id = await newSalesOrder({ name: "Eva Nunes", email: "bounce@example.com", document: null });
    await confirmPayment(id);
    await runEmailJobs();
    const failed = (await outbox(id))[0]!;
    assert.equal(failed.status, "failed");
    assert.match(failed.last_error, /550/);
    assert.equal((await emailJobs(failed.id)).length, 0, "no retry queued");
    const timeline = await events(id);
    assert.deepEqual(
      timeline.map((e) => e.kind),
      ["email_queued", "email_failed"],
    );
    assert.match(timeline[1]!.message, /No such user/);
    const listed = await get(`/api/v1/emails?salesOrderId=${id}`);
    assert.equal(listed.items[0].status, "failed");
    assert.match(listed.items[0].error, /550/);
  });

  it("Reenviar sends a failed e-mail again, once; an e-mail not failed is refused with its reason", async () => {
    const address = "gustavo@example.com";
    const id = await newSalesOrder({ name: "Gustavo Lima", email: address, document: null });
    await confirmPayment(id);
    sink.state.bounceNext = 1;
    await runEmailJobs();
    const failed = (await outbox(id))[0]!;
    assert.equal(failed.status, "failed");
    assert.equal(sink.to(address).length, 0);

    const resent = await api("POST", `/api/v1/emails/${failed.id}/resend`);
    assert.equal(resent.statusCode, 202, resent.body);
    const queued = (await outbox(id))[0]!;
    assert.equal(queued.status, "pending");
    assert.equal(queued.attempts, 0);
    assert.equal((await emailJobs(failed.id)).length, 1, "a send job queued with it");

    await runEmailJobs();
    await runEmailJobs();
    assert.equal(sink.to(address).length, 1, "the customer gets it once");
    assert.equal(sink.to(address)[0]!.mail.messageId, failed.message_id);
    assert.equal((await outbox(id))[0]!.status, "sent");
    assert.deepEqual(
      (await events(id)).map((e) => e.kind),
      ["email_queued", "email_failed", "email_resend", "email_sent"],
    );

    const again = await api("POST", `/api/v1/emails/${failed.id}/resend`);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.reasonCode, "email_not_failed");
    assert.match(again.json().error.reason, /já foi enviado/);
    assert.equal((await api("POST", "/api/v1/emails/999999/resend")).statusCode, 404);
    assert.equal(sink.to(address).length, 1);
  });

  it("without PONTE_SMTP_URL the message stays in the Caixa de saída, readable in full", async () => {
    const local = testContext(t.db); // a worker with no SMTP server configured
    const address = "fabio@example.com";
    const id = await newSalesOrder({ name: "Fábio <Costa>", email: address, document: "529.982.247-25" });
    await confirmPayment(id, { message: "Obrigado!" });
    await runEmailJobs(local);
    assert.equal(sink.to(address).length, 0, "nothing on the wire");

    const list = await get(`/api/v1/emails?salesOrderId=${id}`);
    assert.equal(list.next, null);
    const [summary] = list.items as Json[];
    assert.equal(summary!.status, "local");
    assert.equal(summary!.to, address);
    assert.match(summary!.subject, /pagamento confirmado/);
    assert.equal(summary!.sentAt, null);
    const full = await get(`/api/v1/emails/${summary!.id}`);
    assert.match(full.html, /Fábio &lt;Costa&gt;/);
    assert.match(full.html, /\*\*\*\.982\.247-\*\*/);
    assert.match(full.text, /Obrigado!/);
    assert.deepEqual(
      (await events(id)).map((e) => e.kind),
      ["email_queued", "email_local"],
    );

    const all = await get("/api/v1/emails?limit=2");
    assert.equal(all.items.length, 2);
    assert.equal(all.items[0].id, summary!.id, "newest first");
    const rest = await get(`/api/v1/emails?limit=2&after=${all.next}`);
    assert.ok(rest.items.every((e: Json) => e.id < all.items[1].id));
    assert.equal((await api("GET", "/api/v1/emails/999999")).statusCode, 404);
    assert.equal((await api("GET", "/api/v1/emails?after=abc")).statusCode, 400);
  });

  it("a store's own template: refused when invalid, previewed on a real order, used by the next e-mail", async () => {
    const base = `/api/v1/stores/${storeId}/email-templates`;
    const listed = await get(base);
    assert.equal(listed.customerEmails, "ponte");
    assert.equal(listed.templates.length, 8);
    assert.ok(listed.templates.every((x: Json) => x.custom === false));
    assert.ok(listed.variables.some((v: Json) => v.name === "customer.document"));

    const template = {
      subject: "Pagamento aprovado: pedido {{ order.store_number }} de {{ customer.name }}",
      html: "<p>Olá {{ customer.name }}, recebemos {{ order.total }}.</p><p>{{ message }}</p>",
      text: "Olá {{ customer.name }}, recebemos {{ order.total }}. {{ message }}",
      notifyByDefault: true,
    };
    const broken = await api("PUT", `${base}/pagamento_confirmado`, {
      ...template,
      html: "<p>{% if customer.name %}sem fim</p>",
    });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().error.code, "template_invalid");
    assert.equal(broken.json().error.field, "html");
    const badFilter = await api("PUT", `${base}/pagamento_confirmado`, {
      ...template,
      subject: "{{ order.number | sem_filtro }}",
    });
    assert.equal(badFilter.json().error.field, "subject");

    const saved = await api("PUT", `${base}/pagamento_confirmado`, template);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().custom, true);
    assert.match(saved.json().updatedBy, /^token:/);
    // Em preparação now notifies by default in this store.
    const preparing = defaultsOf(listed, "em_preparacao");
    await api("PUT", `${base}/em_preparacao`, { ...preparing, notifyByDefault: true });

    const address = "gabi@example.com";
    const id = await newSalesOrder({ name: "Gabi <i>Melo</i>", email: address, document: null });
    const emailsBefore = (await get("/api/v1/emails")).items.length;
    const preview = await api("POST", `${base}/pagamento_confirmado/preview`, {
      salesOrderId: id,
      message: "Até <logo>",
    });
    assert.equal(preview.statusCode, 200, preview.body);
    const p = preview.json();
    assert.equal(p.salesOrderId, id);
    assert.equal(p.to, address);
    assert.match(p.subject, /^Pagamento aprovado: pedido \d+ de Gabi <i>Melo<\/i>$/);
    assert.match(
      p.html,
      /Olá Gabi &lt;i&gt;Melo&lt;\/i&gt;, recebemos R\$\s[\d.]+,\d\d\.<\/p><p>Até &lt;logo&gt;<\/p>/,
    );
    const latest = (await api("POST", `${base}/entregue/preview`, {})).json();
    assert.equal(latest.salesOrderId, id, "without salesOrderId: the store's latest order");
    const draft = await api("POST", `${base}/entregue/preview`, { text: "{% for %}" });
    assert.equal(draft.statusCode, 400);
    assert.equal(draft.json().error.field, "text");
    assert.equal((await get("/api/v1/emails")).items.length, emailsBefore, "a preview writes nothing");

    await confirmPayment(id, { message: "Valeu!" });
    await changeStatus(id, { status: "em_preparacao" });
    await runEmailJobs();
    const [paid, prep] = sink.to(address);
    assert.match(paid?.mail.subject ?? "", /^Pagamento aprovado: pedido \d+ de Gabi <i>Melo<\/i>$/);
    assert.match(String(paid?.mail.html), /Olá Gabi &lt;i&gt;Melo&lt;\/i&gt;, recebemos R\$/);
    assert.match(prep?.mail.subject ?? "", /em preparação/, "the other statuses keep the default text");

    const reset = await api("DELETE", `${base}/pagamento_confirmado`);
    assert.equal(reset.json().custom, false);
    assert.equal(reset.json().subject, defaultsOf(listed, "pagamento_confirmado").subject);
  });

  it("the e-mail endpoints are in the OpenAPI document under the emails tag", async () => {
    const doc = await get("/api/openapi.json");
    assert.ok(doc.tags.some((tag: Json) => tag.name === "emails"));
    const operations = [
      doc.paths["/api/v1/emails"]?.get,
      doc.paths["/api/v1/emails/{id}"]?.get,
      doc.paths["/api/v1/emails/{id}/resend"]?.post,
      doc.paths["/api/v1/stores/{id}/email-templates"]?.get,
      doc.paths["/api/v1/stores/{id}/email-templates/{status}"]?.put,
      doc.paths["/api/v1/stores/{id}/email-templates/{status}"]?.delete,
      doc.paths["/api/v1/stores/{id}/email-templates/{status}/preview"]?.post,
    ];
    for (const operation of operations) assert.deepEqual(operation?.tags, ["emails"]);
  });
});

function defaultsOf(listed: Json, status: string) {
  const { subject, html, text, notifyByDefault } = (listed.templates as Json[]).find(
    (x) => x.status === status,
  )!;
  return { subject, html, text, notifyByDefault };
}

// Faturamento e envio in a real browser (issue 6, seed 003): on an order from the simulator store
// still awaiting payment the operator confirms the payment by hand, invoices with an NF-e (a wrong
// key is refused next to the field), ships by Correios (a wrong check digit likewise), prints the
// label (a PDF), marks it delivered, and sees the invoice, the shipment, the pushes to the store
// and the customer e-mails in the timeline; the Caixa de saída keeps those e-mails (no SMTP server
// in tests) and shows one as rendered.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { nfeKeyCheckDigit } from "../../src/domain/nfe-key.ts";
import { s10CheckDigit } from "../../src/domain/tracking-code.ts";
import { signWebhookBody } from "../../src/simulators/nuvemshop/index.ts";
import { call } from "../../src/simulators/nuvemshop/test-client.ts";
import { ADMIN, apiGet, openPanel, type Panel, screenshot, settledRow, until } from "../helpers/browser.ts";

interface ListItem {
  id: number;
  number: number;
  canonicalStatus: string;
}
interface Detail {
  id: number;
  number: number;
  storeOrderNumber: string | null;
  canonicalStatus: string;
  deliveryAddress: { zipcode?: string | null } | null;
  customerSnapshot: { email?: string | null } | null;
  events: { kind: string; message: string }[];
}

let panel: Panel;
let page: Page;
let order: Detail;

// SP, Nov/2026, a CNPJ, model 55, series 1, number 12345, normal emission, a random code.
const KEY_43 = `352611${"12345678000195"}55001000012345${"1"}${"87654321"}`;
const KEY = `${KEY_43}${nfeKeyCheckDigit(KEY_43)}`;
const WRONG_KEY = `${KEY_43}${(Number(nfeKeyCheckDigit(KEY_43)) + 1) % 10}`;
const SERIAL = "19469069";
const TRACKING = `JT${SERIAL}${s10CheckDigit(SERIAL)}BR`;
const WRONG_TRACKING = `JT${SERIAL}${(Number(s10CheckDigit(SERIAL)) + 1) % 10}BR`;

before(async () => {
  // Pushes give up after two quick attempts, so a failing one reaches Falhas within the test.
  panel = await openPanel({
    simulator: { orders: 12 },
    env: { PONTE_PUSH_MAX_ATTEMPTS: "2", PONTE_PUSH_BACKOFF_MS: "100" },
  });
  page = panel.page;
  const { items } = await apiGet<{ items: ListItem[] }>(page, "/api/v1/orders?limit=200");
  // An order still awaiting payment (a bank deposit the platform cannot see): confirmed by hand below.
  for (const candidate of items.filter((o) => o.canonicalStatus === "aguardando_pagamento")) {
    const detail = await apiGet<Detail>(page, `/api/v1/orders/${candidate.id}`);
    if (detail.deliveryAddress?.zipcode && detail.customerSnapshot?.email) {
      order = detail;
      break;
    }
  }
  assert.ok(order, "an order awaiting payment with a delivery address and a customer e-mail");
});

after(() => panel?.close());

const section = () => page.getByRole("region", { name: "Faturamento e envio" });

test("the operator invoices, ships, prints the label and delivers from the order page", async () => {
  await page.goto(`/pedidos/${order.id}`);
  const card = section();
  await card.waitFor();

  // A payment the platform did not report is confirmed by hand first; who and when stay shown.
  await card.getByRole("button", { name: "Confirmar pagamento", exact: true }).click();
  await page.getByText("Pagamento confirmado.", { exact: true }).waitFor();
  await card.getByText(/Pagamento confirmado em \d{2}\/\d{2}\/\d{4}/).waitFor();
  await page.locator(".order-summary").getByText("Pagamento confirmado", { exact: true }).waitFor();

  // Faturar: a key with a wrong check digit is refused next to the field, in pt-BR.
  const invoiceForm = card.getByRole("form", { name: "Faturar" });
  await invoiceForm.getByLabel("Chave de acesso").fill(WRONG_KEY);
  await invoiceForm.getByRole("button", { name: "Faturar" }).click();
  await invoiceForm.getByText("O dígito verificador da chave de acesso não confere").waitFor();
  assert.equal(await invoiceForm.getByLabel("Chave de acesso").getAttribute("aria-invalid"), "true");

  await invoiceForm.getByLabel("Chave de acesso").fill(KEY.replace(/(.{4})/g, "$1 "));
  await invoiceForm.getByRole("button", { name: "Faturar" }).click();
  await page.getByText(/NF-e nº 12345 série 1 registrada/).waitFor();
  await card.getByText(KEY.replace(/(.{4})/g, "$1 ").trim()).waitFor();
  const receivables = card.getByRole("table", { name: "Contas a receber" });
  await receivables.waitFor();
  const installments = await receivables.locator("tbody tr").count();
  assert.ok(installments >= 1, "the invoice created the order's receivables");
  await page.locator(".order-summary").getByText("Em preparação", { exact: true }).waitFor();

  // Enviar: Correios code with a wrong check digit refused by the API, shown at the field.
  const shipForm = card.getByRole("form", { name: "Enviar" });
  assert.equal(await shipForm.getByLabel("Transportadora").inputValue(), "Correios");
  await shipForm.getByLabel("Código de rastreio").fill(WRONG_TRACKING);
  await shipForm.getByRole("button", { name: "Enviar" }).click();
  await shipForm.getByText("O dígito verificador do código dos Correios não confere").waitFor();
  await shipForm.getByLabel("Código de rastreio").fill(TRACKING.toLowerCase());
  await shipForm.getByRole("button", { name: "Enviar" }).click();
  await page.getByText(`Envio registrado (Correios ${TRACKING})`, { exact: false }).waitFor();
  await page.locator(".order-summary").getByText("Despachado", { exact: true }).waitFor();
  await card.getByText(TRACKING, { exact: true }).waitFor();

  // Imprimir etiqueta: a link to the PDF, opening in a new tab.
  const label = card.getByRole("link", { name: "Imprimir etiqueta" });
  assert.equal(await label.getAttribute("target"), "_blank");
  const href = await label.getAttribute("href");
  assert.equal(href, `/api/v1/orders/${order.id}/label.pdf`);
  const pdf = await page.request.get(href!);
  assert.equal(pdf.status(), 200);
  assert.match(pdf.headers()["content-type"] ?? "", /^application\/pdf/);
  assert.equal((await pdf.body()).subarray(0, 5).toString("latin1"), "%PDF-");

  // Marcar como entregue: the status route, with the delivery date recorded on the shipment.
  // It cannot be undone, so it asks first (issue 16, item 7).
  await card.getByRole("button", { name: "Marcar como entregue" }).click();
  await page
    .getByRole("dialog", { name: /como entregue\?$/ })
    .getByRole("button", { name: "Marcar como entregue" })
    .click();
  await page.getByText(/Pedido marcado como entregue/).waitFor();
  await page.locator(".order-summary").getByText("Entregue", { exact: true }).waitFor();
  // The shipment's delivery date fills in and the button goes: the order detail and its transitions are
  // refetched apart, so both are waited for rather than read at once.
  await card
    .locator("dt", { hasText: "Entregue em" })
    .locator("xpath=following-sibling::dd[1]")
    .filter({ hasText: /\d{2}\/\d{2}\/\d{4}/ })
    .waitFor();
  await card.getByRole("button", { name: "Marcar como entregue" }).waitFor({ state: "detached" });

  // The timeline: invoice, shipment, and what the worker did with the pushes and e-mails.
  const kinds = await until("e-mails kept and pushes sent", async () => {
    const detail = await apiGet<Detail>(page, `/api/v1/orders/${order.id}`);
    const k = detail.events.map((e) => e.kind);
    // Despachado and Entregue notify the customer by default (Em preparação does not).
    const emails = k.filter((x) => x === "email_local").length;
    const queued = k.filter((x) => x === "email_queued").length;
    return emails >= 2 && emails === queued && k.includes("push_sent") ? k : undefined;
  });
  assert.ok(kinds.includes("invoiced"));
  assert.ok(!kinds.includes("push_failed"), "no push failed against a healthy simulator");

  await page.goto(`/pedidos/${order.id}?aba=historico`);
  const timeline = page.getByRole("list", { name: "Histórico do pedido" });
  await timeline.waitFor();
  await timeline
    .locator("li", { hasText: "Faturado" })
    .getByText(/NF-e nº 12345 série 1/)
    .first()
    .waitFor();
  await timeline
    .locator("li", { hasText: "Mudança de status" })
    .filter({ hasText: TRACKING })
    .first()
    .waitFor();
  assert.ok((await timeline.locator("li", { hasText: "E-mail na Caixa de saída" }).count()) >= 2);
  assert.ok((await timeline.locator("li", { hasText: "Enviado à loja" }).count()) >= 1);
  await screenshot(page, "pedido-faturamento");
});

test("the status form points Despachado to the Enviar form and refuses nothing silently", async () => {
  // Another paid order, still before shipping: Despachado is not a choice of the status form.
  const { items } = await apiGet<{ items: ListItem[] }>(page, "/api/v1/orders?limit=200");
  const other = items.find((o) => o.canonicalStatus === "pagamento_confirmado" && o.id !== order.id);
  assert.ok(other, "a second paid order");
  await page.goto(`/pedidos/${other.id}?aba=historico`);
  const select = page.getByLabel("Novo status");
  await select.waitFor();
  const despachado = select.locator('option[value="despachado"]');
  assert.equal(await despachado.isDisabled(), true);
  assert.match((await despachado.textContent()) ?? "", /formulário Enviar/);
  await page.getByRole("button", { name: "Ir para o formulário Enviar" }).click();
  await until("focus in the Enviar form", () =>
    page.evaluate(() => document.activeElement?.closest("#form-envio") !== null),
  );
});

test("Caixa de saída lists the order's e-mails and opens one as the customer gets it", async () => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Seções do painel" })
    .getByRole("link", { name: "Caixa de saída" })
    .click();
  await page.waitForURL(/\/caixa-de-saida$/);
  const table = page.getByRole("table", { name: "E-mails aos clientes" });
  const rows = table.locator("tbody tr", { hasText: `Nº ${order.number}` });
  await until("the order's e-mails listed", async () => ((await rows.count()) >= 2 ? true : undefined));
  assert.equal(await rows.filter({ hasText: "Só na Caixa de saída" }).count(), await rows.count());
  await screenshot(page, "caixa-de-saida");

  // Filtering by a status no e-mail has empties the list; back to all.
  await page.getByLabel("Situação").selectOption("failed");
  await page.waitForURL(/situacao=failed/);
  await page.getByText("Nenhum e-mail.").waitFor();
  await page.getByLabel("Situação").selectOption("");
  await rows.first().waitFor();

  const subject = (await rows.first().getByRole("rowheader").textContent())!.trim();
  await rows.first().getByRole("link", { name: subject }).click();
  await page.getByRole("heading", { level: 1, name: subject }).waitFor();
  await page.getByText(order.customerSnapshot!.email!, { exact: true }).first().waitFor();
  const frame = page.locator("iframe.email-frame");
  assert.equal(await frame.getAttribute("sandbox"), "", "no scripts, no same-origin");
  const body = page.frameLocator("iframe.email-frame").locator("body");
  await body.waitFor();
  // The customer knows the order by the store's number.
  const shown = order.storeOrderNumber ?? String(order.number);
  assert.match((await body.textContent()) ?? "", new RegExp(`pedido ${shown}`, "i"));
  const text = (await page.locator("pre.email-text").textContent()) ?? "";
  assert.match(text, new RegExp(`pedido ${shown}`, "i"));
});

test("Lojas › E-mails edits a status's template with a preview on a real order, and restores the default", async () => {
  await page.goto(`/lojas/${panel.server.storeId}?aba=emails`);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Despachado" });
  const form = page.getByRole("form", { name: "Modelo de e-mail: Despachado" });
  await form.waitFor();
  assert.equal(await form.getByRole("checkbox", { name: /Notificar por padrão/ }).isChecked(), true);

  // A template that does not parse is refused at its field, in pt-BR.
  await form.getByLabel("Assunto").fill("Pedido {{ order.number ");
  await form.getByRole("button", { name: "Salvar modelo" }).click();
  await form.getByText(/Modelo inválido no campo/).waitFor();
  assert.equal(await form.getByLabel("Assunto").getAttribute("aria-invalid"), "true");

  // The draft rendered on a real order (ours), nothing sent.
  await form.getByLabel("Assunto").fill("Saiu para entrega: pedido {{ order.store_number }}");
  const preview = page.getByRole("region", { name: "Pré-visualização" });
  await preview.getByLabel("Pedido (ID, opcional)").fill(String(order.id));
  await preview.getByRole("button", { name: "Pré-visualizar" }).click();
  const shown = order.storeOrderNumber ?? String(order.number);
  await preview.getByText(`Saiu para entrega: pedido ${shown}`, { exact: true }).waitFor();
  await preview.getByText(order.customerSnapshot!.email!, { exact: true }).waitFor();
  assert.equal(await preview.locator("iframe").getAttribute("sandbox"), "");

  await form.getByRole("button", { name: "Salvar modelo" }).click();
  await page.getByText("Modelo de e-mail de Despachado salvo.").waitFor();
  await page
    .getByLabel("Status", { exact: true })
    .locator("option", { hasText: "Despachado (personalizado)" })
    .waitFor({ state: "attached" });

  await form.getByRole("button", { name: "Restaurar padrão" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Restaurar padrão" }).click();
  await page.getByText("Modelo de Despachado voltou ao padrão.").waitFor();
  await form.getByText("Modelo padrão do Ponte.").waitFor();
  assert.notEqual(
    await form.getByLabel("Assunto").inputValue(),
    "Saiu para entrega: pedido {{ order.store_number }}",
  );
});

test("with the platform e-mailing, a failing push lands in Falhas › Envios à loja and Reenviar sends it once", async () => {
  const { server } = panel;
  // E-mails: the platform e-mails the customer from now on; Ponte sends none.
  await page.goto(`/lojas/${server.storeId}?aba=emails`);
  const emails = page.getByRole("form", { name: "Quem envia e-mails ao cliente" });
  await emails.getByRole("radio", { name: /A plataforma/ }).check();
  await emails.getByRole("button", { name: "Salvar" }).click();
  await page.getByText("A Nuvemshop envia os e-mails aos clientes.").waitFor();

  // The store's cancel endpoint is down: the push gives up after its attempts.
  server.simulator.setOptions({
    faultScript: [{ status: 503, count: 1000, method: "POST", path: "/cancel$" }],
  });
  const { items } = await apiGet<{ items: ListItem[] }>(page, "/api/v1/orders?limit=200");
  const victim = items.find((o) => o.canonicalStatus === "pagamento_confirmado" && o.id !== order.id);
  assert.ok(victim, "another paid order to cancel");
  await page.goto(`/pedidos/${victim.id}?aba=historico`);
  const form = page.getByRole("form", { name: "Alterar status" });
  await form.getByLabel("Novo status").selectOption("cancelado");
  await form.getByRole("button", { name: "Salvar status" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancelar o pedido" }).click();
  await page.getByRole("status").filter({ hasText: "Status alterado para Cancelado" }).waitFor();

  const timeline = page.getByRole("list", { name: "Histórico do pedido" });
  await until("the push failed", async () => {
    await page.reload();
    return (await timeline.locator("li", { hasText: "Falha no envio à loja" }).count()) > 0;
  });
  await timeline
    .locator("li", { hasText: "E-mail não enviado" })
    .getByText(/notificado pela plataforma/)
    .waitFor();

  await page.goto(`/falhas?tipo=envios`);
  const table = page.getByRole("table", { name: "Envios à loja com falha" });
  const row = table.locator("tbody tr", { hasText: `Pedido Nº ${victim.number}` });
  await row.waitFor();
  await row.getByText(/503/).first().waitFor();

  // The store is back: Reenviar sends it, once, and the row leaves the list.
  server.simulator.setOptions({ faultScript: [] });
  const before = server.simulator.actions().length;
  await row.getByRole("button", { name: /^Reenviar / }).click();
  await row.waitFor({ state: "detached", timeout: 30_000 });
  const pushes = await until("the push sent", async () => {
    const list = await apiGet<{ action: string; status: string }[]>(
      page,
      `/api/v1/orders/${victim.id}/pushes`,
    );
    return list.every((p) => p.status === "sent") ? list : undefined;
  });
  assert.ok(pushes.some((p) => p.action === "cancel"));
  const cancels = server.simulator.actions().slice(before);
  assert.equal(cancels.length, 1, "sent once");
});

test("Lojas › Envio à loja refuses a push URL on a private address, saying why", async () => {
  await page.goto(`/lojas/${panel.server.storeId}?aba=envio-loja`);
  const form = page.getByRole("form", { name: "Canal de envio à loja" });
  await form.getByRole("radio", { name: /XML/ }).check();
  await form.getByLabel("Endereço (URL)").fill("https://127.0.0.1/ponte");
  await form.getByRole("button", { name: "Salvar canal" }).click();
  // The API's pt-BR reason, at the field it is about.
  const url = form.getByLabel("Endereço (URL)");
  await form.locator("input[type=url][aria-invalid=true]").waitFor();
  const describedBy = await url.getAttribute("aria-describedby");
  const reason = (await page.locator(`[id="${describedBy}"]`).textContent()) ?? "";
  assert.ok(reason.length > 10 && !/unsafe_url/.test(reason), `a sentence, not a code: ${reason}`);
  const store = await apiGet<{ pushChannel: { kind: string } }>(
    page,
    `/api/v1/stores/${panel.server.storeId}`,
  );
  assert.equal(store.pushChannel.kind, "platform", "nothing saved");
});

test("without a sender the order page points to Configurações, where the sender is saved", async () => {
  await page.goto(`/pedidos/${order.id}`);
  const hint = section().getByText("Sem remetente cadastrado");
  await hint.waitFor();
  await section().getByRole("link", { name: "Cadastrar em Configurações" }).click();
  await page.waitForURL(/\/configuracoes$/);
  const form = page.getByRole("form", { name: "Remetente das etiquetas" });
  await form.getByLabel("Nome ou razão social").fill("Loja Centro Ltda");
  await form.getByLabel("CEP").fill("0131");
  await form.getByRole("button", { name: "Salvar remetente" }).click();
  await form.getByText("CEP inválido: 8 dígitos").waitFor();
  assert.equal(await form.getByLabel("CEP").getAttribute("aria-invalid"), "true");
  await form.getByLabel("CEP").fill("01310-100");
  await form.getByLabel("UF").fill("sp");
  await form.getByLabel("Cidade").fill("São Paulo");
  await form.getByRole("button", { name: "Salvar remetente" }).click();
  await page.getByText("Remetente salvo", { exact: false }).waitFor();
  const saved = await apiGet<{ sender: { zipcode: string; state: string } }>(page, "/api/v1/settings/sender");
  assert.deepEqual([saved.sender.zipcode, saved.sender.state], ["01310100", "SP"]);

  await page.goto(`/pedidos/${order.id}`);
  await section().getByRole("link", { name: "Imprimir etiqueta" }).waitFor();
  assert.equal(await section().getByText("Sem remetente cadastrado").count(), 0);
});

test("a failed e-mail has Reenviar in the Caixa de saída", async () => {
  const db = panel.server.database.db;
  const { rows } = await db.query<{ id: number; subject: string }>(
    `update email_outbox set status = 'failed', last_error = '550 Mailbox unavailable'
      where id = (select max(id) from email_outbox where sales_order_id = $1) returning id, subject`,
    [order.id],
  );
  const email = rows[0]!;
  await page.goto("/caixa-de-saida?situacao=failed");
  const row = page.getByRole("table", { name: "E-mails aos clientes" }).locator("tbody tr");
  await row.getByText("550 Mailbox unavailable").waitFor();
  await row.getByRole("link", { name: email.subject }).click();
  await page.getByRole("heading", { level: 1, name: email.subject }).waitFor();
  await page.getByRole("button", { name: "Reenviar" }).click();
  await page.getByText("na fila para reenviar", { exact: false }).waitFor();
  // No SMTP server in tests: the worker keeps it in the Caixa de saída this time.
  await until("the resent e-mail handled", async () => {
    const detail = await apiGet<{ status: string }>(page, `/api/v1/emails/${email.id}`);
    return detail.status === "local" ? true : undefined;
  });
  const detail = await apiGet<Detail>(page, `/api/v1/orders/${order.id}`);
  assert.ok(detail.events.some((e) => e.kind === "email_resend"));
});

/** The store's news as the platform sends it: a signed webhook to Ponte (not the simulator's sink). */
async function announce(event: string, orderId: number): Promise<void> {
  const { server } = panel;
  const body = JSON.stringify({ store_id: server.simulator.storeId, event, id: orderId });
  const answer = await page.request.post("/webhooks/nuvemshop", {
    data: body,
    headers: {
      "content-type": "application/json",
      "x-linkedstore-hmac-sha256": signWebhookBody(body, server.simulator.clientSecret),
    },
  });
  assert.equal(answer.status(), 200, await answer.text());
}

/** An order placed on the store and announced by webhook, once Ponte synced it. */
async function placedOrder(
  overrides: Record<string, unknown>,
): Promise<{ externalId: number; salesOrderId: number }> {
  const created = panel.server.simulator.createOrder(overrides) as { id: number };
  await announce("order/created", created.id);
  const row = await settledRow(page, panel.server, created.id, "synced");
  assert.ok(row.salesOrderId, "a sales order was created");
  return { externalId: created.id, salesOrderId: row.salesOrderId };
}

test("the status form offers Confirmar pagamento inline for a deposit, and saves the status only after it", async () => {
  const { salesOrderId } = await placedOrder({
    payment_status: "pending",
    gateway: "offline",
    gateway_name: "Transferência bancária",
    payment_details: { method: "wire_transfer", installments: 1 },
  });
  await page.goto(`/pedidos/${salesOrderId}?aba=historico`);
  const form = page.getByRole("form", { name: "Alterar status" });
  await form.getByLabel("Novo status").selectOption({ label: "Em preparação" });
  const inline = form.getByRole("region", { name: "Confirmar pagamento" });
  await inline.getByText(/Pagamento não confirmado: Em preparação pede o pagamento confirmado/).waitFor();
  const save = form.getByRole("button", { name: "Salvar status" });
  assert.equal(await save.isDisabled(), true, "nothing is saved before the payment is confirmed");

  await inline.getByLabel("Observação do pagamento (opcional)").fill("depósito conferido no extrato");
  await inline.getByRole("button", { name: "Confirmar pagamento" }).click();
  // The toast; the order page may say it in a status line of its own as well.
  await page.getByRole("status").filter({ hasText: "Pagamento confirmado." }).first().waitFor();
  await inline.waitFor({ state: "detached" });
  await page.locator(".order-summary").getByText("Pagamento confirmado", { exact: true }).waitFor();
  assert.equal(await form.getByLabel("Novo status").inputValue(), "em_preparacao", "the choice stays");
  await save.click();
  await page.getByRole("status").filter({ hasText: "Status alterado para Em preparação" }).waitFor();
  await page.locator(".order-summary").getByText("Em preparação", { exact: true }).waitFor();

  const detail = await apiGet<Detail & { payments: { confirmedBy: string | null }[] }>(
    page,
    `/api/v1/orders/${salesOrderId}`,
  );
  const kinds = detail.events.map((e) => e.kind);
  assert.ok(kinds.indexOf("payment_confirmed") < kinds.lastIndexOf("status_changed"));
  assert.ok(
    detail.events.some((e) => e.kind === "payment_confirmed" && /depósito conferido/.test(e.message)),
  );
  assert.equal(detail.payments[0]!.confirmedBy, `user:${ADMIN.email}`);

  // The store's side never says "Aguardando pagamento" next to this payment without saying why.
  await page.goto(`/pedidos/${salesOrderId}`);
  const payment = page.getByRole("region", { name: "Pagamento", exact: true });
  const storeSide = payment.locator(".fact-row", { hasText: "Situação na loja" });
  await storeSide.waitFor();
  const said = (await storeSide.textContent()) ?? "";
  if (said.includes("Aguardando pagamento")) assert.match(said, /Pagamento confirmado no ERP/);
});

test("a store-side cancellation of an invoiced order is flagged in Integração, Falhas and Visão geral, with the estorno one click away", async () => {
  const { server } = panel;
  const { externalId, salesOrderId } = await placedOrder({ payment_status: "paid" });
  const invoiced = await page.request.post(`/api/v1/orders/${salesOrderId}/invoice`, {
    data: { kind: "simple", number: "V-77" },
    headers: { origin: server.url },
  });
  assert.equal(invoiced.status(), 201, await invoiced.text());
  // The merchant cancels it in the store's admin; the platform tells Ponte.
  const cancelled = await call(server.simulator, "POST", `/orders/${externalId}/cancel`, {
    body: { reason: "customer" },
  });
  assert.equal(cancelled.status, 200);
  await announce("order/cancelled", externalId);
  await until("the cancellation synced", async () => {
    const detail = await apiGet<Detail>(page, `/api/v1/orders/${salesOrderId}`);
    return detail.canonicalStatus === "cancelado" ? true : undefined;
  });
  const number = (await apiGet<Detail>(page, `/api/v1/orders/${salesOrderId}`)).number;

  // Integração: the row says so.
  await page.goto(`/integracao?loja=${server.storeId}&view=all`);
  const row = page.locator("table.integration-table tbody tr", { hasText: `PV Nº ${number}` });
  await row.getByText("Cancelado na loja com nota ativa").waitFor();
  assert.equal(await row.getByRole("link", { name: /Fazer o estorno/ }).count(), 1);

  // Visão geral counts it; Falhas lists it, one click from the order page.
  await page.goto("/");
  const figure = page
    .getByRole("article", { name: "Loja Teste" })
    .locator(".figure", { hasText: "Cancelados na loja com nota ou envio" })
    .locator("dd");
  await until("Visão geral counts it", async () => ((await figure.textContent()) === "1" ? true : undefined));
  await page.goto(`/falhas?tipo=cancelamentos`);
  const listed = page.getByRole("table", { name: "Pedidos cancelados na loja" }).locator("tbody tr", {
    hasText: `Pedido Nº ${number}`,
  });
  await listed.getByText("Cancelado na loja com nota ativa").waitFor();
  await listed.getByRole("link", { name: /Fazer o estorno/ }).click();
  await page.waitForURL(new RegExp(`/pedidos/${salesOrderId}$`));

  // The order page: the flag, and Cancelar nota right there.
  const flag = page.getByRole("region", { name: "Cancelado na loja com nota ativa" });
  await flag.getByText(/O Ponte não cancela a nota sozinho/).waitFor();
  await flag.getByRole("button", { name: "Cancelar nota" }).click();
  await page
    .getByRole("dialog", { name: /Estornar Venda simples nº V-77/ })
    .getByRole("button", { name: "Estornar nota" })
    .click();
  await page.getByRole("status").filter({ hasText: "estornada" }).waitFor();
  await flag.waitFor({ state: "detached" });
  const after = await apiGet<{ storeCancellation: unknown }>(page, `/api/v1/orders/${salesOrderId}`);
  assert.equal(after.storeCancellation, null);
  await page.goto(`/falhas?tipo=cancelamentos`);
  await page.getByText("Nenhum pedido cancelado na loja com nota ativa ou já enviado.").waitFor();
});

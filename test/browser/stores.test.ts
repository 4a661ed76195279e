// Lojas in a real browser: the list with the connection state, Testar conexão (what works, and
// what fails while the platform suspends the store), the DE-PARA status table driving how the
// next order maps, field errors from the API next to their row, unsaved-changes guard, the
// customer-defaults preview on a real order, and connecting a store.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import {
  apiGet,
  createAdmin,
  newPage,
  openPanel,
  type Panel,
  type PanelServer,
  screenshot,
  settledRow,
  signIn,
  startPanelServer,
  until,
} from "../helpers/browser.ts";
import { assertFitsPhone, text } from "./ops-helpers.ts";

let panel: Panel;
let server: PanelServer;
let page: Page;

before(async () => {
  panel = await openPanel();
  ({ server, page } = panel);
});
after(() => panel?.close());

const storePage = (tab?: string) => `/lojas/${server.storeId}${tab ? `?aba=${tab}` : ""}`;

test("the list shows the store with its connection state, last import and webhook", async () => {
  await page.goto("/lojas");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Loja Teste" }) });
  await row.waitFor();
  assert.ok(await row.getByText("Conectada").isVisible());
  assert.ok(await row.getByText("Nuvemshop").isVisible());
  assert.ok(await row.getByText("Importação ligada").isVisible());
  // The first import ran: its time is shown, not the dash of "never".
  assert.match(await text(row.getByRole("cell").nth(3)), /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await screenshot(page, "lojas");

  await row.getByRole("button", { name: "Importar agora: Loja Teste" }).click();
  await page.getByRole("status").filter({ hasText: "Importação da loja Loja Teste iniciada" }).waitFor();
});

test("Testar conexão says what works, and what fails while the platform suspends the store", async () => {
  await page.goto(storePage());
  await page.getByRole("button", { name: "Testar conexão" }).click();
  const checks = page.getByRole("list", { name: "Resultado do teste de conexão" });
  await checks.waitFor();
  await page.getByText("Conexão funcionando: a loja pode importar pedidos.").waitFor();
  assert.ok(await checks.getByRole("img", { name: "Credenciais: funciona" }).isVisible());
  assert.ok(await checks.getByRole("img", { name: "Leitura de pedidos: funciona" }).isVisible());
  assert.match(await text(checks), /Credenciais aceitas pela Nuvemshop/);

  server.simulator.suspend(true);
  try {
    await page.getByRole("button", { name: "Testar conexão" }).click();
    await checks.getByRole("img", { name: "Credenciais: falhou" }).waitFor();
    assert.match(await text(checks), /suspens/i);
    await page.getByRole("alert").filter({ hasText: "A conexão tem problemas" }).waitFor();
    // The store's state follows what the platform said.
    await page.locator(".store-summary").getByText("Suspensa na plataforma").waitFor();
  } finally {
    server.simulator.suspend(false);
  }
  await page.getByRole("button", { name: "Testar conexão" }).click();
  await checks.getByRole("img", { name: "Credenciais: funciona" }).waitFor();
  await page.locator(".store-summary").getByText("Conectada").waitFor();
  // The webhooks were registered when the store connected: the test checks them again.
  assert.ok(await checks.getByRole("img", { name: "Webhooks de pedidos: funciona" }).isVisible());
  const webhooks = page.getByRole("region", { name: "Webhooks" });
  assert.match(await text(webhooks), /https:\/\/ponte\.test\/webhooks\/nuvemshop/);
  assert.match(await text(webhooks), /order\/created/);
});

test("without an https public address the store page says only the scheduled import runs; Desconectar loja asks, then disconnects", async () => {
  const bare = await startPanelServer({ env: { PONTE_PUBLIC_URL: "" }, storeName: "Loja Sem Endereço" });
  const own = await newPage(panel.browser, bare.url);
  try {
    await createAdmin(bare);
    await signIn(own);
    await own.goto(`/lojas/${bare.storeId}`);
    const webhooks = own.getByRole("region", { name: "Webhooks" });
    await webhooks.getByText(/Só a importação agendada \(a cada 15 min\)/).waitFor();
    assert.match(await text(webhooks), /PONTE_PUBLIC_URL/);
    assert.match(await text(webhooks), /Testar conexão/);

    await own.getByRole("button", { name: "Desconectar loja" }).click();
    const dialog = own.getByRole("dialog", { name: "Desconectar a loja?" });
    await dialog.waitFor();
    assert.match(await text(dialog), /pedidos já importados e os pedidos de venda continuam aqui/);
    await dialog.getByRole("button", { name: "Desconectar" }).click();
    await own.locator(".store-summary").getByText("Desconectada", { exact: true }).waitFor();
    await own.getByRole("status").filter({ hasText: "Loja Sem Endereço desconectada" }).waitFor();
  } finally {
    await own.context().close();
    await bare.close();
  }
});

test("marking a status inactive holds the next order with that status; moving it changes its mapping", async () => {
  await page.goto(storePage("status"));
  const active = page.getByLabel("Ativo: Pagamento confirmado");
  await active.waitFor();
  assert.equal(await active.isChecked(), true);
  await active.uncheck();
  // The value lines pointing at the now-inactive status say what will happen.
  await page
    .getByText("Status inativo: pedidos com este valor ficam retidos na Integração.")
    .first()
    .waitFor();
  await page.getByRole("button", { name: "Salvar" }).click();
  await page.getByRole("status").filter({ hasText: "Tabela de status salva" }).waitFor();
  await page.getByText(/^Salvo em /).waitFor();

  const held = server.simulator.createOrder({
    status: "open",
    payment_status: "paid",
    shipping_status: "unpacked",
  });
  const heldRow = await settledRow(page, server, held.id as number, "held");
  assert.equal(heldRow.reasonCode, "status_inactive");
  assert.match(heldRow.reason ?? "", /Pagamento confirmado está inativo/);

  // Back on, and "paid" now reads as Em preparação: the next paid order's sales order says so.
  await active.check();
  await page.getByLabel('Status no Ponte do valor "paid"').selectOption({ label: "Em preparação" });
  await screenshot(page, "loja-de-para");
  await page.getByRole("button", { name: "Salvar" }).click();
  await page.getByRole("status").filter({ hasText: "Tabela de status salva" }).last().waitFor();
  await until("the table saved", async () => {
    const { rows } = await apiGet<{ rows: { canonicalStatus: string; platformValues: string[] }[] }>(
      page,
      `/api/v1/stores/${server.storeId}/status-map`,
    );
    return rows.find((r) => r.canonicalStatus === "em_preparacao")?.platformValues.includes("paid");
  });

  const moved = server.simulator.createOrder({
    status: "open",
    payment_status: "paid",
    shipping_status: "unpacked",
  });
  const movedRow = await settledRow(page, server, moved.id as number, "synced");
  assert.equal(movedRow.canonicalStatus, "em_preparacao");
  assert.equal(movedRow.salesOrderStatus, "confirmado");
});

test("the API's field errors show next to their row, and unsaved changes are not lost silently", async () => {
  await page.goto(storePage("status"));
  const first = page.getByLabel("Valor na plataforma, linha 1", { exact: true });
  await first.fill("   ");
  await page.getByRole("button", { name: "Salvar" }).click();
  await page.getByText("Não pode ficar vazio").waitFor();
  assert.equal(await first.getAttribute("aria-invalid"), "true");
  await page.getByRole("alert").filter({ hasText: "Dados inválidos" }).waitFor();

  // A duplicate value is refused too, named at the second line.
  await first.fill("paid");
  await page.getByRole("button", { name: "Salvar" }).click();
  await page.getByText(/o valor da plataforma "paid" já está em/i).waitFor();

  // Leaving the tab asks first; answering "stay" keeps the draft.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("tab", { name: "Pagamento" }).click();
  assert.equal(await page.getByRole("tab", { name: "Status" }).getAttribute("aria-selected"), "true");
  assert.equal(await first.inputValue(), "paid");

  // So does leaving the screen by the menu.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page
    .getByRole("navigation", { name: "Seções do painel" })
    .getByRole("link", { name: "Falhas" })
    .click();
  assert.match(page.url(), /\/lojas\/\d+\?aba=status$/);
  assert.equal(await first.inputValue(), "paid");

  await page.getByRole("button", { name: "Descartar alterações" }).click();
  assert.notEqual(await first.inputValue(), "paid");
  await page.getByRole("tab", { name: "Pagamento" }).click();
  await page.getByRole("heading", { name: "Formas de pagamento" }).waitFor();
  assert.equal(
    await page.getByLabel("Valor na plataforma, linha 1", { exact: true }).inputValue(),
    "credit_card",
  );
});

test("payment rows are added and saved; the interval is checked before saving", async () => {
  await page.goto(storePage("pagamento"));
  await page.getByRole("button", { name: "Adicionar linha" }).click();
  const rows = await page.getByLabel(/^Valor na plataforma, linha \d+$/).count();
  const cell = (label: string) => page.getByLabel(`${label}, linha ${rows}`, { exact: true });
  await cell("Valor na plataforma").fill("mercadopago");
  await cell("Forma de pagamento no ERP").fill("cartao_credito");
  await cell("Parcelas").fill("60");
  await page.getByRole("button", { name: "Salvar" }).click();
  await page.getByText("Deve ser no máximo 48").waitFor();
  await cell("Parcelas").fill("3");
  await page.getByRole("button", { name: "Salvar" }).click();
  await page.getByRole("status").filter({ hasText: "Tabela de formas de pagamento salva" }).waitFor();
  const saved = await apiGet<{
    rows: { platformValue: string; paymentType: string; installments: number }[];
  }>(page, `/api/v1/stores/${server.storeId}/payment-map`);
  assert.deepEqual(saved.rows.at(-1), {
    platformValue: "mercadopago",
    paymentType: "cartao_credito",
    installments: 3,
  });

  await page.getByRole("tab", { name: "Geral" }).click();
  const interval = page.getByLabel("Intervalo da importação (minutos)");
  await interval.fill("0");
  await page.getByRole("button", { name: "Salvar" }).click();
  await page.getByText("Informe um número inteiro de minutos, de 1 a 1440 (24 horas).").waitFor();
  await interval.fill("30");
  await page.getByLabel("Importar pedidos desta loja").uncheck();
  await page.getByRole("button", { name: "Salvar" }).click();
  await page.getByRole("status").filter({ hasText: "Configurações da loja salvas." }).waitFor();
  const store = await apiGet<{ importIntervalMinutes: number; importEnabled: boolean }>(
    page,
    `/api/v1/stores/${server.storeId}`,
  );
  assert.equal(store.importIntervalMinutes, 30);
  assert.equal(store.importEnabled, false);
  await page.locator(".store-summary").getByText("Importação desligada", { exact: true }).waitFor();
  // What "off" means is said where the switch is, and Importar agora is not offered.
  await page
    .locator(".store-summary")
    .getByText(/os webhooks desta loja continuam chegando e ficam guardados, mas nenhum pedido é importado/)
    .waitFor();
  const importNow = page.getByRole("button", { name: "Importar agora" });
  assert.ok(await importNow.isDisabled(), "no import while the switch is off");
  assert.match((await importNow.getAttribute("title")) ?? "", /importação desta loja está desligada/);
  await page.getByLabel("Importar pedidos desta loja").check();
  await page.getByRole("button", { name: "Salvar" }).click();
  await page.locator(".store-summary").getByText("Importação ligada").waitFor();
  assert.ok(await importNow.isEnabled());
});

test("customer default fields: a preview on a real order, an expression error, then saved", async () => {
  await page.goto(storePage("cliente"));
  await page.getByRole("heading", { name: "Campos padrão do cliente" }).waitFor();
  await page.getByRole("button", { name: "Adicionar campo" }).click();
  await page.getByLabel("Campo 1", { exact: true }).fill("produtorRural");
  await page.getByLabel("Expressão do campo 1").fill("true");
  await page.getByRole("button", { name: "Adicionar campo" }).click();
  await page.getByLabel("Campo 2", { exact: true }).fill("uf");
  await page.getByLabel("Expressão do campo 2").fill("billingAddress.state");
  await page.getByRole("button", { name: "Adicionar campo" }).click();
  await page.getByLabel("Campo 3", { exact: true }).fill("quebrado");
  await page.getByLabel("Expressão do campo 3").fill("customer.name &");

  const chosen = await page.getByLabel("Pedido para a prévia").inputValue();
  await page.getByRole("button", { name: "Pré-visualizar" }).click();
  const result = page.getByRole("table", { name: "Campos do cliente calculados" });
  await result.waitFor();
  const order = server.simulator.getOrder(Number(chosen)) as { billing_province?: string } | undefined;
  assert.ok(order, "the preview ran on one of the store's orders");
  const rowOf = (field: string) =>
    result.getByRole("row").filter({ has: page.getByRole("rowheader", { name: field }) });
  assert.equal(await text(rowOf("produtorRural").getByRole("cell")), "true");
  const uf = await text(rowOf("uf").getByRole("cell"));
  assert.match(uf, /^"[A-Z]{2}"$/, "the state of the real order's billing address");
  assert.match(await text(rowOf("quebrado")), /Erro na expressão: a expressão não é válida/);

  // The broken one is refused by the API on save, next to its field; fixed, the table saves.
  await page.getByRole("button", { name: "Salvar" }).click();
  await page
    .locator(".default-row.has-error")
    .getByText(/a expressão não é válida/i)
    .waitFor();
  await page.getByRole("button", { name: 'Remover o campo "quebrado"' }).click();
  await page.getByRole("button", { name: "Salvar" }).click();
  await page.getByRole("status").filter({ hasText: "Campos padrão do cliente salvos" }).waitFor();
  const saved = await apiGet<{ rows: { field: string; expression: string }[] }>(
    page,
    `/api/v1/stores/${server.storeId}/customer-defaults`,
  );
  assert.deepEqual(saved.rows, [
    { field: "produtorRural", expression: "true" },
    { field: "uf", expression: "billingAddress.state" },
  ]);
});

test("Conectar loja: fields checked in pt-BR, a store connected, and OAuth explained when not configured", async () => {
  await page.goto("/lojas");
  await page.getByRole("button", { name: "Conectar loja" }).first().click();
  const form = page.getByRole("form", { name: "Conectar com ID da loja e token" });
  await form.getByRole("button", { name: "Conectar loja" }).click();
  await form.getByText("Informe um nome para reconhecer a loja no painel.").waitFor();
  await form.getByText(/O ID da loja na Nuvemshop tem só números/).waitFor();

  // The server answers 409 when the app's client id/secret are missing: the panel explains it.
  await page.route("**/api/v1/platforms/nuvemshop/install", (route) =>
    route.fulfill({
      status: 409,
      contentType: "application/json",
      body: JSON.stringify({
        error: { code: "oauth_not_configured", message: "set PONTE_NUVEMSHOP_CLIENT_ID" },
      }),
    }),
  );
  await page.getByRole("button", { name: "Instalar pelo OAuth da Nuvemshop" }).click();
  await page.getByText(/A instalação pelo OAuth ainda não está configurada neste servidor/).waitFor();
  await page.unroute("**/api/v1/platforms/nuvemshop/install");

  await form.getByLabel("Nome da loja").fill("Loja Dois");
  await form.getByLabel("ID da loja na Nuvemshop").fill("99887766");
  await form.getByLabel("Token de acesso").fill("token-que-nao-existe");
  await form.getByLabel("Endereço da API (opcional)").fill(server.simulator.apiBase);
  await form.getByRole("button", { name: "Conectar loja" }).click();
  await page.getByRole("heading", { name: "Loja Dois", level: 1 }).waitFor();
  assert.match(page.url(), /\/lojas\/\d+$/);
  // A store the platform does not know: the test says so instead of failing silently.
  await page.getByRole("button", { name: "Testar conexão" }).click();
  await page
    .getByRole("list", { name: "Resultado do teste de conexão" })
    .getByRole("img", { name: "Credenciais: falhou" })
    .waitFor();
});

test("a store id Ponte already has: the form refuses to take it over and links to it; Trocar o token de acesso reconnects it", async () => {
  await page.goto("/lojas");
  await page.getByRole("button", { name: "Conectar loja" }).first().click();
  const form = page.getByRole("form", { name: "Conectar com ID da loja e token" });
  await form.getByLabel("Nome da loja").fill("Loja Copiada");
  await form.getByLabel("ID da loja na Nuvemshop").fill(String(server.simulator.storeId));
  await form.getByLabel("Token de acesso").fill("token-de-outra-pessoa");
  await form.getByRole("button", { name: "Conectar loja" }).click();
  await form.getByText(/já está conectada no Ponte como "Loja Teste"/).waitFor();
  await form.getByRole("link", { name: "Abrir a loja" }).click();
  await page.getByRole("heading", { name: "Loja Teste", level: 1 }).waitFor();

  await page.getByText("Trocar o token de acesso").click();
  await page.getByLabel("Novo token de acesso").fill(server.simulator.accessToken);
  await page.getByRole("button", { name: "Trocar token" }).click();
  await page.getByRole("status").filter({ hasText: "Token de acesso trocado" }).waitFor();
  const store = await apiGet<{ name: string; apiBaseUrl: string }>(page, `/api/v1/stores/${server.storeId}`);
  assert.deepEqual([store.name, store.apiBaseUrl], ["Loja Teste", server.simulator.apiBase]);
});

test("phone-sized: the list and the status table fit, scrolling inside their frame", async () => {
  const phone = await panel.signedInPage(true);
  for (const path of ["/lojas", storePage("status")]) {
    await phone.goto(path);
    await phone.locator(".table-wrap").first().waitFor();
    await assertFitsPhone(phone, path);
  }
  await phone.context().close();
});

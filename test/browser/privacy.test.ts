// Privacidade (LGPD) in a real browser (issue 17, item 5): on a customer's record, "Exportar dados
// (LGPD)" makes the JSON of their data, listed with its download; "Anonimizar cliente" asks first,
// saying what is kept, and then the record shows no name, e-mail or CPF any more. Configurações
// lists every request.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { signWebhookBody } from "../../src/simulators/nuvemshop/index.ts";
import { openPanel, type Panel, screenshot, settledRow } from "../helpers/browser.ts";

let panel: Panel;
let page: Page;

const PERSON = { name: "Helena Vasconcelos", email: "helena.vasc@example.org", cpf: "529.982.247-25" };

before(async () => {
  panel = await openPanel({ simulator: { orders: 0 } });
  page = panel.page;
  const { server } = panel;
  const created = server.simulator.createOrder({
    payment_status: "paid",
    contact_name: PERSON.name,
    contact_email: PERSON.email,
    contact_identification: PERSON.cpf,
    customer: { id: 8101, name: PERSON.name, email: PERSON.email, identification: PERSON.cpf },
  }) as { id: number };
  const body = JSON.stringify({ store_id: server.simulator.storeId, event: "order/created", id: created.id });
  const answer = await page.request.post("/webhooks/nuvemshop", {
    data: body,
    headers: {
      "content-type": "application/json",
      "x-linkedstore-hmac-sha256": signWebhookBody(body, server.simulator.clientSecret),
    },
  });
  assert.equal(answer.status(), 200, await answer.text());
  await settledRow(page, server, created.id, "synced");
});

after(() => panel?.close());

test("Exportar dados (LGPD) on the record makes the customer's JSON, downloadable", async () => {
  await page.goto(`/clientes?q=${encodeURIComponent(PERSON.cpf)}`);
  await page.getByRole("link", { name: `Cliente ${PERSON.name}` }).click();
  await page.getByRole("heading", { name: PERSON.name, level: 1 }).waitFor();
  const privacy = page.getByRole("region", { name: "Privacidade (LGPD)" });
  await privacy.getByRole("button", { name: "Exportar dados (LGPD)" }).click();
  const list = privacy.getByRole("table", { name: "Solicitações de privacidade do cliente" });
  const row = list.getByRole("row", { name: /Exportação de dados/ });
  await row.getByText("Concluída").waitFor({ timeout: 20_000 });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("link", { name: /Baixar JSON/ }).click(),
  ]);
  const file = await download.path();
  const data = JSON.parse(await readFile(file, "utf8"));
  assert.equal(data.customer.name, PERSON.name);
  assert.equal(data.customer.email, PERSON.email);
  assert.equal(data.orders.length, 1);
  assert.ok(data.orders[0].items.length > 0);
  await screenshot(page, "cliente-lgpd-exportar");
});

test("Anonimizar cliente asks first, says what is kept, then the record holds no personal data", async () => {
  const privacy = page.getByRole("region", { name: "Privacidade (LGPD)" });
  await privacy.getByRole("button", { name: "Anonimizar cliente" }).click();
  const dialog = page.getByRole("dialog", { name: "Anonimizar cliente?" });
  await dialog.getByText(/número, série e chave das notas fiscais, valores, datas/).waitFor();
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  await page.getByRole("heading", { name: PERSON.name, level: 1 }).waitFor();

  await privacy.getByRole("button", { name: "Anonimizar cliente" }).click();
  await dialog.getByRole("button", { name: "Anonimizar" }).click();
  await page.getByRole("heading", { name: "Cliente anonimizado", level: 1 }).waitFor({ timeout: 20_000 });
  await privacy.getByText(/Cliente anonimizado em/).waitFor();
  const facts = page.getByRole("region", { name: "Documentos e contatos" });
  assert.equal(await facts.getByText(PERSON.email).count(), 0);
  assert.equal(await facts.getByText(PERSON.cpf).count(), 0);
  assert.equal(await page.getByRole("button", { name: "Anonimizar cliente" }).count(), 0);
  assert.equal(
    await page.getByRole("form", { name: "Editar cadastro" }).count(),
    0,
    "no edit: it takes no data again",
  );
  // The earlier export went with the rest.
  const list = privacy.getByRole("table", { name: "Solicitações de privacidade do cliente" });
  await list
    .getByRole("row", { name: /Anonimização de cliente/ })
    .getByText("Concluída")
    .waitFor();
  assert.equal(await list.getByRole("link", { name: /Baixar JSON/ }).count(), 0);
  await screenshot(page, "cliente-lgpd-anonimizado");

  // The order stays, without her.
  await page.getByRole("table", { name: "Pedidos do cliente" }).getByRole("link").first().click();
  const buyer = page.getByRole("region", { name: "Cliente" });
  await buyer.getByText("Cliente anonimizado").first().waitFor();
  assert.equal(await page.getByText(PERSON.email).count(), 0);
  assert.equal(await page.getByText(PERSON.name).count(), 0);

  await page.goto("/configuracoes");
  const all = page.getByRole("table", { name: "Solicitações de privacidade" });
  await all.getByRole("row", { name: /Anonimização de cliente/ }).waitFor();
  await all.getByRole("row", { name: /Exportação de dados/ }).waitFor();
});

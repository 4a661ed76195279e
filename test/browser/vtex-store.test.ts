// A VTEX store in the panel, in a real browser (issue 14): Conectar loja offers VTEX from the
// platforms list with VTEX's own fields (account name, App Key, App Token — no API host to type),
// connects against the VTEX simulator, Testar conexão checks the keys, the orders, the feed and
// the hook, and the status table suggests VTEX's statuses with their pt-BR labels.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { startVtexSimulator, type VtexSimulator } from "../../src/simulators/vtex/index.ts";
import { openPanel, type Panel, PUBLIC_URL, screenshot } from "../helpers/browser.ts";
import { text } from "./ops-helpers.ts";

let panel: Panel;
let page: Page;
let vtex: VtexSimulator;

before(async () => {
  panel = await openPanel();
  page = panel.page;
  vtex = await startVtexSimulator({
    orders: 6,
    seed: 15,
    rateLimit: false,
    // VTEX pings the hook's URL on save: the simulated internet reaches this Ponte.
    hosts: { [PUBLIC_URL]: panel.server.url },
  });
});
after(async () => {
  await vtex?.close();
  await panel?.close();
});

test("Conectar loja VTEX: its fields from the platforms list, connected, Testar conexão checks the feed and the hook, VTEX's statuses suggested in pt-BR", async () => {
  await page.goto("/lojas");
  await page.getByRole("button", { name: "Conectar loja" }).first().click();
  await page.getByLabel("Plataforma").selectOption({ label: "VTEX" });
  const form = page.getByRole("form", { name: "Conectar com ID da loja e token" });
  await form.getByLabel("Nome da conta VTEX").waitFor();
  assert.equal(await form.getByLabel("Token de acesso").count(), 0, "no Nuvemshop token field");

  await form.getByLabel("Nome da loja").fill("Loja VTEX");
  await form.getByLabel("Nome da conta VTEX").fill("Loja Simulada");
  await form.getByLabel("App Key").fill(vtex.appKey);
  await form.getByLabel("App Token").fill(vtex.appToken);
  await form.getByLabel("Endereço da API (opcional)").fill(vtex.url);
  await form.getByRole("button", { name: "Conectar loja" }).click();
  // The account name is checked in pt-BR before anything is sent.
  await form.getByText(/só letras minúsculas, números e hífen/).waitFor();
  await form.getByLabel("Nome da conta VTEX").fill(vtex.account);
  await form.getByRole("button", { name: "Conectar loja" }).click();
  await page.getByRole("heading", { name: "Loja VTEX", level: 1 }).waitFor();

  await page.getByRole("button", { name: "Testar conexão" }).click();
  const checks = page.getByRole("list", { name: "Resultado do teste de conexão" });
  await checks.getByRole("img", { name: "Fila de pedidos (feed): funciona" }).waitFor();
  for (const name of ["Credenciais", "Leitura de pedidos", "Webhooks de pedidos"]) {
    assert.ok(await checks.getByRole("img", { name: `${name}: funciona` }).isVisible(), name);
  }
  assert.match(await text(checks), /Fila de pedidos da VTEX configurada/);
  // The store page is read again once the test settles: the registration shows then.
  const webhooks = page.getByRole("region", { name: "Webhooks" });
  await webhooks
    .getByText(/https:\/\/ponte\.test\/webhooks\/vtex/)
    .first()
    .waitFor();
  await screenshot(page, "loja-vtex");

  await page.goto(`${page.url()}?aba=status`);
  await page.getByLabel("Ativo: Pagamento confirmado").waitFor();
  const suggested = await page
    .locator("datalist option")
    .evaluateAll((options) => options.map((o) => `${o.getAttribute("value")}=${o.getAttribute("label")}`));
  assert.ok(suggested.includes("ready-for-handling=Pronto para manuseio"), suggested.join(", "));
  assert.ok(suggested.includes("window-to-cancel=Carência para cancelamento"));
  assert.ok(!suggested.some((s) => s.startsWith("paid=")), "no Nuvemshop value among VTEX's");
  assert.ok(await page.getByLabel('Status no Ponte do valor "ready-for-handling"').isVisible());
});

// A WooCommerce store in the panel, in a real browser: Conectar loja offers WooCommerce from the
// platforms list with its own fields (site address, consumer key and secret — no Nuvemshop token),
// the site address is checked in pt-BR, the store connects against the WooCommerce simulator,
// Testar conexão checks the key, its read/write permission, the orders and the webhooks, and the
// status table suggests WooCommerce's statuses with their pt-BR labels.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { startWooSimulator, type WooSimulator } from "../../src/simulators/woocommerce/index.ts";
import { openPanel, type Panel, PUBLIC_URL, screenshot } from "../helpers/browser.ts";
import { text } from "./ops-helpers.ts";

let panel: Panel;
let page: Page;
let woo: WooSimulator;

before(async () => {
  panel = await openPanel();
  page = panel.page;
  woo = await startWooSimulator({
    orders: 6,
    seed: 15,
    // WooCommerce pings a webhook's URL on creation: the simulated internet reaches this Ponte.
    hosts: { [PUBLIC_URL]: panel.server.url },
  });
});
after(async () => {
  await woo?.close();
  await panel?.close();
});

test("Conectar loja WooCommerce: its fields from the platforms list, connected, Testar conexão checks the key's permission and the webhooks, WooCommerce's statuses suggested in pt-BR", async () => {
  await page.goto("/lojas");
  await page.getByRole("button", { name: "Conectar loja" }).first().click();
  await page.getByLabel("Plataforma").selectOption({ label: "WooCommerce" });
  const form = page.getByRole("form", { name: "Conectar com ID da loja e token" });
  await form.getByLabel("Endereço da loja").waitFor();
  assert.equal(await form.getByLabel("Token de acesso").count(), 0, "no Nuvemshop token field");

  await form.getByLabel("Nome da loja").fill("Loja Woo");
  await form.getByLabel("Endereço da loja").fill("http://minhaloja.com.br/");
  await form.getByLabel("Chave do consumidor").fill(woo.consumerKey);
  await form.getByLabel("Segredo do consumidor").fill(woo.consumerSecret);
  await form.getByLabel("Endereço da API (opcional)").fill(woo.apiBase);
  await form.getByRole("button", { name: "Conectar loja" }).click();
  // The site address is checked in pt-BR before anything is sent.
  await form.getByText(/Use o endereço do site com https:\/\/ e sem barra no final/).waitFor();
  await form.getByLabel("Endereço da loja").fill("https://minhaloja.com.br");
  await form.getByRole("button", { name: "Conectar loja" }).click();
  await page.getByRole("heading", { name: "Loja Woo", level: 1 }).waitFor();

  await page.getByRole("button", { name: "Testar conexão" }).click();
  const checks = page.getByRole("list", { name: "Resultado do teste de conexão" });
  await checks.getByRole("img", { name: "Webhooks de pedidos: funciona" }).waitFor();
  for (const name of ["Credenciais", "Permissões da chave", "Leitura de pedidos"]) {
    assert.ok(await checks.getByRole("img", { name: `${name}: funciona` }).isVisible(), name);
  }
  assert.match(await text(checks), /permissão Leitura\/Escrita/);
  // The store page is read again once the test settles: the registration shows then.
  const webhooks = page.getByRole("region", { name: "Webhooks" });
  await webhooks
    .getByText(/https:\/\/ponte\.test\/webhooks\/woocommerce/)
    .first()
    .waitFor();
  await screenshot(page, "loja-woocommerce");

  await page.goto(`${page.url()}?aba=status`);
  await page.getByLabel("Ativo: Pagamento confirmado").waitFor();
  const suggested = await page
    .locator("datalist option")
    .evaluateAll((options) => options.map((o) => `${o.getAttribute("value")}=${o.getAttribute("label")}`));
  assert.ok(suggested.includes("processing=Processando"), suggested.join(", "));
  assert.ok(suggested.includes("on-hold=Aguardando"));
  assert.ok(suggested.includes("completed=Concluído"));
  assert.ok(!suggested.some((s) => s.startsWith("paid=")), "no Nuvemshop value among WooCommerce's");
  assert.ok(await page.getByLabel('Status no Ponte do valor "processing"').isVisible());
});

test("Conectar pela WooCommerce: the merchant names the site, approves there, and comes back with the store connected (no key copied)", async () => {
  // PONTE_PUBLIC_URL stands for this panel: a browser sent there lands on the same server, as
  // behind the merchant's proxy.
  await page.route(`${PUBLIC_URL}/**`, (route) => {
    const url = new URL(route.request().url());
    return route.fulfill({
      status: 302,
      headers: { location: `${panel.server.url}${url.pathname}${url.search}` },
    });
  });
  const keysBefore = woo.keys().length;
  await page.goto("/lojas");
  await page.getByRole("button", { name: "Conectar loja" }).first().click();
  await page.getByLabel("Plataforma").selectOption({ label: "WooCommerce" });
  const form = page.getByRole("form", { name: "Conectar pela WooCommerce" });
  await form.getByLabel("Endereço da loja").fill("minhaloja.com.br");
  await form.getByRole("button", { name: "Conectar pela WooCommerce" }).click();
  await form.getByText(/Use o endereço do site com https:\/\/ e sem barra no final/).waitFor();

  await form.getByLabel("Endereço da loja").fill("https://loja-clique.com.br");
  await form.getByLabel("Endereço da API (opcional)").fill(woo.apiBase);
  await form.getByRole("button", { name: "Conectar pela WooCommerce" }).click();
  await page.getByRole("heading", { name: "loja-clique.com.br", level: 1 }).waitFor();
  assert.equal(woo.keys().length, keysBefore + 1, "the site made one key and handed it over");

  await page.getByRole("button", { name: "Testar conexão" }).click();
  const checks = page.getByRole("list", { name: "Resultado do teste de conexão" });
  await checks.getByRole("img", { name: "Permissões da chave: funciona" }).waitFor();
  assert.ok(await checks.getByRole("img", { name: "Credenciais: funciona" }).isVisible());
  await page.unroute(`${PUBLIC_URL}/**`);
});

test("Lojas › E-mails says what WooCommerce e-mails the customer on its own", async () => {
  await page.goto("/lojas");
  await page.getByRole("link", { name: "Loja Woo" }).first().click();
  await page.getByRole("heading", { name: "Loja Woo", level: 1 }).waitFor();
  await page.goto(`${page.url().split("?")[0]}?aba=emails`);
  await page.getByText(/O Ponte não consegue desligá-los/).waitFor();
});

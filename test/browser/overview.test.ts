// Visão geral in a real browser: each store's health with its figures, refreshed on its own
// (an order failing shows up without a reload), the links to Falhas and Integração for the
// store, a store whose platform does not answer shown red with the reason (issue 11, item 12),
// the call to action when no store is connected, and the phone-sized layout.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import {
  apiGet,
  openPanel,
  type Panel,
  type PanelRow,
  type PanelServer,
  screenshot,
} from "../helpers/browser.ts";
import { freePort } from "../helpers/process.ts";
import { assertFitsPhone, newBrokenOrder, text } from "./ops-helpers.ts";

let panel: Panel;
let server: PanelServer;
let page: Page;

before(async () => {
  panel = await openPanel();
  ({ server, page } = panel);
});
after(() => panel?.close());

const card = () => page.getByRole("article", { name: "Loja Teste" });
const figure = (name: string) =>
  card()
    .locator(".figure")
    .filter({ has: page.getByText(name, { exact: true }) })
    .locator("dd");

test("each store shows its connection and figures, and the figures refresh on their own", async () => {
  const { orders } = await apiGet<{ orders: PanelRow[] }>(
    page,
    `/api/v1/integration/${server.storeId}/orders?view=all&limit=500`,
  );
  const synced = orders.filter((o) => o.syncState === "synced").length;
  assert.ok(synced > 0, "the import created sales orders");

  await page.goto("/");
  await card().waitFor();
  assert.ok(await card().getByText("Conectada").isVisible());
  assert.ok(await card().getByText("Importação ligada").isVisible());
  // Every sales order of this store was created by today's import.
  assert.equal(await text(figure("Pedidos de venda hoje")), String(synced));
  assert.equal(await text(figure("Pedidos com erro")), "0");
  assert.match(await text(card().locator("dl.facts")), /Última importação\s*\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

  // An order fails while the screen is open: the card says so without a reload.
  await newBrokenOrder(page, server);
  await card().getByText("1 pedido com erro: veja em Falhas.").waitFor({ timeout: 25_000 });
  await figure("Pedidos com erro").filter({ hasText: /^1$/ }).waitFor();
  await screenshot(page, "visao-geral");

  await card().getByRole("link", { name: "Ver falhas (1): Loja Teste" }).click();
  await page.waitForURL(new RegExp(`/falhas\\?loja=${server.storeId}$`));
  await page.getByRole("rowheader", { name: /^#\d+/ }).first().waitFor();
  // The store list fills the select after the page: its option must be there before the value reads.
  const storeSelect = page.getByLabel("Loja", { exact: true });
  await storeSelect.locator(`option[value="${server.storeId}"]`).waitFor({ state: "attached" });
  assert.equal(await storeSelect.inputValue(), String(server.storeId));

  await page.goto("/");
  await card().getByRole("link", { name: "Ver na Integração: Loja Teste" }).click();
  await page.waitForURL(new RegExp(`/integracao\\?loja=${server.storeId}$`));
});

test("a store whose platform stops answering is red with why, on Visão geral and Lojas; back once it answers", async () => {
  const address = server.simulator.apiBase;
  const pointAt = async (apiBaseUrl: string) => {
    const res = await page.request.patch(`/api/v1/stores/${server.storeId}`, {
      data: { apiBaseUrl },
      headers: { origin: server.url },
    });
    assert.equal(res.status(), 200, await res.text());
  };
  const importNow = async () => {
    await page.goto("/lojas");
    await page.getByRole("button", { name: "Importar agora: Loja Teste" }).click();
    await page.getByRole("status").filter({ hasText: "Importação da loja Loja Teste iniciada" }).waitFor();
  };
  // The store is pointed at an address where nothing answers, and imported.
  await pointAt(`http://127.0.0.1:${await freePort()}/v1`);
  await importNow();

  await page.goto("/");
  const verdict = card().locator(".verdict");
  await card().getByText("Sem contato", { exact: true }).waitFor({ timeout: 30_000 });
  assert.match(await text(verdict), /^Sem contato com a Nuvemshop há .+\(conexão recusada/);
  assert.match(await text(verdict), /endereço da API/);
  assert.equal(await card().getByText("Conectada", { exact: true }).count(), 0, "not Conectada");
  assert.equal(await card().getByText("Tudo em dia.").count(), 0, "not Tudo em dia");
  assert.match((await card().getAttribute("class")) ?? "", /health-bad/);

  await page.goto("/lojas");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Loja Teste" }) });
  await row.getByText("Sem contato", { exact: true }).waitFor();
  assert.match(await text(row), /Sem contato com a Nuvemshop há/);

  // The address is corrected: the import runs and the store is connected again.
  await pointAt(address);
  await importNow();
  await page.goto("/");
  await card().getByText("Conectada", { exact: true }).waitFor({ timeout: 60_000 });
  assert.doesNotMatch(await text(verdict), /Sem contato/);
});

test("with no store connected, the overview invites to connect one", async () => {
  const empty = await panel.signedInPage();
  await empty.route("**/api/v1/overview", (route) =>
    route.fulfill({ json: { stores: [], generatedAt: new Date().toISOString() } }),
  );
  await empty.goto("/");
  await empty.getByRole("heading", { name: "Nenhuma loja conectada ainda" }).waitFor();
  await empty.getByRole("link", { name: "Conectar uma loja" }).click();
  await empty.waitForURL(/\/lojas$/);
  await empty.getByRole("heading", { name: "Lojas", level: 1 }).waitFor();
  await empty.context().close();
});

test("a failed refresh keeps the figures and says they may be old", async () => {
  await page.goto("/");
  await card().waitFor();
  await page.route("**/api/v1/overview", (route) =>
    route.fulfill({ status: 503, json: { error: { code: "database_unavailable", message: "down" } } }),
  );
  await page
    .getByRole("alert")
    .filter({ hasText: "O banco de dados está indisponível" })
    .waitFor({ timeout: 40_000 });
  assert.ok(await card().isVisible(), "the last figures stay on screen");
  await page.unroute("**/api/v1/overview");
});

test("phone-sized: the cards fit the screen", async () => {
  const phone = await panel.signedInPage(true);
  await phone.goto("/");
  await phone.getByRole("article", { name: "Loja Teste" }).waitFor();
  await assertFitsPhone(phone, "/");
  await phone.context().close();
});

// Integração's attention list worked down in a real browser (issue 16, item 9): the list says how
// many orders wait, the same number as Visão geral's "Pedidos aguardando"; Ignorar takes one off
// (both numbers go down), and Ignorados lists it with who ignored it and "Voltar à lista".
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { apiGet, openPanel, type Panel, type PanelRow } from "../helpers/browser.ts";

let panel: Panel;
let page: Page;

const panelPath = () => `/api/v1/integration/${panel.server.storeId}/orders`;

before(async () => {
  panel = await openPanel({ simulator: { orders: 12 } });
  page = panel.page;
});

after(() => panel?.close());

/** Visão geral's figure for the store. */
async function overviewWaiting(): Promise<string> {
  await page.goto("/");
  const figure = page.locator(".figure", { hasText: "Pedidos aguardando" }).first();
  await figure.waitFor();
  return ((await figure.locator("dd").textContent()) ?? "").trim();
}

test("Ignorar takes an order off the attention list and Visão geral's count; Ignorados brings it back", async () => {
  const before = await apiGet<{ orders: PanelRow[]; attentionCount: number }>(
    page,
    `${panelPath()}?view=attention&limit=500`,
  );
  assert.ok(before.attentionCount > 0, "the seed leaves orders needing attention");
  assert.equal(await overviewWaiting(), String(before.attentionCount));

  const target = before.orders[0]!;
  await page.goto(`/integracao?loja=${panel.server.storeId}`);
  await page
    .getByText(
      `${before.attentionCount} ${before.attentionCount === 1 ? "pedido aguardando" : "pedidos aguardando"}`,
    )
    .waitFor();
  const name = `Pedido ${target.number ?? target.externalId}`;
  await page.getByRole("button", { name: `Ignorar: ${name}` }).click();
  await page
    .getByText(`${name} ignorado: ${before.attentionCount - 1} aguardando atenção nesta loja.`)
    .waitFor();
  const n = before.attentionCount - 1;
  await page.getByText(`${n} ${n === 1 ? "pedido aguardando" : "pedidos aguardando"}`).waitFor();
  assert.equal(await page.getByRole("button", { name: `Ignorar: ${name}` }).count(), 0, "off the list");
  assert.equal(await overviewWaiting(), String(n), "Visão geral agrees");

  await page.goto(`/integracao?loja=${panel.server.storeId}&view=dismissed`);
  await page.getByText(/Ignorado por .+ em \d{2}\/\d{2}\/\d{4}/).waitFor();
  await page.getByRole("button", { name: `Voltar à lista: ${name}` }).click();
  await page.getByText(`${name} voltou para a lista de atenção.`).waitFor();
  assert.equal(await overviewWaiting(), String(before.attentionCount));
});

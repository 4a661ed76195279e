// Auditoria in a real browser (issue 17): a store setting changed in the panel (Lojas › Geral)
// shows up with who, from where and the value before → after, linked to the store; a change an
// API token made is told apart by the "Quem" filter; Exportar CSV downloads the filtered rows.
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { createToken } from "../../src/auth/tokens.ts";
import { ADMIN, openPanel, type Panel, screenshot } from "../helpers/browser.ts";
import { parseCsv } from "../helpers/csv-parse.ts";

let panel: Panel;
let page: Page;
const TOKEN_NAME = "robo-do-erp";

before(async () => {
  panel = await openPanel({ simulator: { orders: 1 } });
  page = panel.page;
  // A script with an API token turns the store's negative-stock policy to "block".
  const { token } = await createToken(panel.server.database.db, 1, {
    name: TOKEN_NAME,
    access: "admin",
    createdBy: "cli",
  });
  const res = await fetch(`${panel.server.url}/api/v1/stores/${panel.server.storeId}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ negativeStockPolicy: "block" }),
  });
  assert.equal(res.status, 200, await res.text());
});

after(() => panel?.close());

const auditTable = () => page.getByRole("table", { name: "Auditoria" });

test("Auditoria shows a change made in the panel: who, from where, before → after, the store linked", async () => {
  await page.goto(`/lojas/${panel.server.storeId}`);
  await page.getByRole("tab", { name: "Geral" }).click();
  await page.getByLabel("Intervalo da importação (minutos)").fill("45");
  await page.getByRole("button", { name: "Salvar" }).click();
  await page.getByRole("status").filter({ hasText: "Configurações da loja salvas." }).waitFor();

  await page
    .getByRole("navigation", { name: "Seções do painel" })
    .getByRole("link", { name: "Auditoria" })
    .click();
  await page.waitForURL(/\/auditoria$/);
  const row = auditTable()
    .getByRole("row")
    .filter({ hasText: ADMIN.email })
    .filter({ hasText: "Configurações da loja alteradas" });
  await row.waitFor();
  assert.equal(await row.count(), 1, "recorded once");
  const text = (await row.textContent()) ?? "";
  assert.match(text, /Intervalo de importação \(min\):\s*15\s*→\s*45/);
  assert.match(text, /127\.0\.0\.1/, "from where");
  assert.match(text, /Usuário/);
  await row.getByRole("link", { name: /^Loja / }).click();
  await page.waitForURL(new RegExp(`/lojas/${panel.server.storeId}$`));
});

test("Auditoria filters by who and exports the filtered rows as CSV", async () => {
  await page.goto("/auditoria");
  await auditTable().getByRole("row").filter({ hasText: TOKEN_NAME }).first().waitFor();
  await screenshot(page, "auditoria");
  const form = page.getByRole("form", { name: "Filtros da auditoria" });
  await form.getByLabel("Quem").fill("robo");
  await form.getByRole("button", { name: "Filtrar" }).click();
  const rows = auditTable().locator("tbody tr");
  await page.waitForFunction((email) => {
    const body = document.querySelector('table[aria-label="Auditoria"] tbody');
    return !!body && body.children.length > 0 && !body.textContent?.includes(email);
  }, ADMIN.email);
  const shown = await rows.count();
  assert.ok(shown >= 1);
  for (let i = 0; i < shown; i++) {
    const text = (await rows.nth(i).textContent()) ?? "";
    assert.match(text, new RegExp(TOKEN_NAME));
    assert.match(text, /Token de API/);
  }
  assert.match((await rows.first().textContent()) ?? "", /Estoque negativo/);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exportar CSV" }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^auditoria-\d{4}-\d{2}-\d{2}\.csv$/);
  const { bom, rows: lines } = parseCsv(await fs.readFile((await file.path()) as string, "utf8"));
  assert.ok(bom);
  const [header, ...data] = lines as [string[], ...string[][]];
  assert.deepEqual(header.slice(0, 2), ["Quando", "Quem"]);
  assert.equal(data.length, shown, "the same rows as the screen");
  assert.ok(data.every((l) => l[1] === TOKEN_NAME));
});

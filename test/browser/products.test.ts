// Produtos in a real browser (issue 16, items 2 and 5): products the store's orders brought say
// "Estoque não contado"; the operator sets the initial stock and records an avaria (the movements
// say who and why), imports a count CSV whose preview shows a per-line error before anything is
// written, and downloads the stock and the Pedidos as CSV, read back as a spreadsheet would; the
// store's negative-stock policy is set in Lojas › Geral.
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { apiGet, openPanel, type Panel, screenshot } from "../helpers/browser.ts";
import { parseCsv } from "../helpers/csv-parse.ts";

interface Product {
  sku: string;
  name: string;
  counted: boolean;
  stockQuantity: number;
}

let panel: Panel;
let page: Page;
let products: Product[];

before(async () => {
  panel = await openPanel({ simulator: { orders: 8 } });
  page = panel.page;
  products = (await apiGet<{ items: Product[] }>(page, "/api/v1/products?limit=200")).items;
  assert.ok(products.length >= 2, "the imported orders brought products");
});

after(() => panel?.close());

const row = (sku: string) => page.getByRole("row").filter({ has: page.getByText(sku, { exact: true }) });

async function download(click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const text = await fs.readFile((await file.path())!, "utf8");
  return { name: file.suggestedFilename(), ...parseCsv(text) };
}

test("the operator sets the initial stock, records an avaria, imports a CSV count and exports the stock", async () => {
  const [a, b] = products as [Product, Product];
  await page.goto("/produtos");
  await page.getByRole("heading", { name: "Produtos", level: 1 }).waitFor();
  await row(a.sku).getByText("Estoque não contado").waitFor();

  // Estoque inicial: the first count of a product nobody counted.
  await page.getByRole("button", { name: `Ajustar estoque de ${a.sku}` }).click();
  const form = page.getByRole("form", { name: "Ajustar estoque" });
  await form.getByLabel("Quantidade").fill("25");
  await form.getByLabel("Observação").fill("Contagem de abertura");
  await form.getByRole("button", { name: "Definir estoque inicial" }).click();
  await page.getByText(`Estoque de ${a.sku} ajustado: 25 em estoque.`).waitFor();
  await row(a.sku).getByRole("cell", { name: "25", exact: true }).waitFor();

  // Avaria: 3 units out, the reason kept on the movement.
  await form.getByLabel("Motivo").selectOption("damage");
  await form.getByLabel("Quantidade").fill("3");
  await form.getByLabel("Observação").fill("Embalagem rasgada");
  await form.getByRole("button", { name: "Salvar ajuste" }).click();
  await page.getByText(`Estoque de ${a.sku} ajustado: 22 em estoque.`).waitFor();
  const ledger = page.getByRole("table", { name: `Últimas movimentações de ${a.sku}` });
  await ledger
    .getByRole("row")
    .filter({ hasText: "Avaria" })
    .filter({ hasText: "Embalagem rasgada" })
    .waitFor();
  await ledger
    .getByRole("row")
    .filter({ hasText: "Estoque inicial" })
    .filter({ hasText: "Contagem de abertura" })
    .waitFor();
  await page
    .getByRole("region", { name: `Estoque de ${a.sku}` })
    .getByRole("button", { name: "Fechar" })
    .click();

  // Importar CSV: the preview names the bad line; only the good one is written.
  await page.getByRole("button", { name: "Importar CSV" }).click();
  await page.getByLabel("Arquivo CSV").setInputFiles({
    name: "contagem.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFFSKU;Quantidade\r\n${b.sku};1.500\r\nSKU-INEXISTENTE;3\r\n`, "utf8"),
  });
  const preview = page.getByRole("table", { name: "Prévia da importação de contagem.csv" });
  await preview.getByRole("row").filter({ hasText: "SKU SKU-INEXISTENTE não cadastrado" }).waitFor();
  await page.getByText("1 linha(s) serão importadas; 1 linha(s) com erro não serão importadas.").waitFor();
  assert.equal((await apiGet<Product>(page, `/api/v1/products/${encodeURIComponent(b.sku)}`)).counted, false);
  await screenshot(page, "produtos");
  await page.getByRole("button", { name: "Importar 1 linha(s)" }).click();
  await page
    .getByText("Estoque importado: 1 produto(s) contado(s), 1 linha(s) com erro ignorada(s).")
    .waitFor();
  await row(b.sku).getByRole("cell", { name: "1.500", exact: true }).waitFor();

  // Exportar CSV: the stock as a spreadsheet opens it.
  const stock = await download(() => page.getByRole("link", { name: "Exportar CSV" }).click());
  assert.match(stock.name, /^estoque-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.ok(stock.bom, "UTF-8 with a BOM");
  assert.deepEqual(stock.rows[0], ["SKU", "Estoque", "Produto", "Situação", "Contado em"]);
  const bySku = new Map(stock.rows.slice(1).map((r) => [r[0], r]));
  assert.equal(bySku.size, products.length);
  assert.deepEqual(bySku.get(a.sku)?.slice(0, 2), [a.sku, "22"]);
  assert.deepEqual(bySku.get(b.sku)?.slice(0, 2), [b.sku, "1500"]);
  const untouched = products.find((p) => p.sku !== a.sku && p.sku !== b.sku);
  if (untouched) assert.equal(bySku.get(untouched.sku)?.[3], "Estoque não contado");
});

test("Pedidos exports its current filter as CSV", async () => {
  await page.goto("/pedidos?status=pagamento_confirmado");
  await page.getByRole("heading", { name: "Pedidos", level: 1 }).waitFor();
  const { items } = await apiGet<{ items: { number: number; totalCents: number }[] }>(
    page,
    "/api/v1/orders?status=pagamento_confirmado&limit=200",
  );
  const orders = await download(() => page.getByRole("link", { name: "Exportar CSV" }).click());
  assert.match(orders.name, /^pedidos-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.ok(orders.bom);
  assert.equal(orders.rows[0]?.[0], "Pedido");
  assert.deepEqual(
    orders.rows.slice(1).map((r) => [Number(r[0]), r[9]]),
    items.map((o) => [
      o.number,
      `${Math.floor(o.totalCents / 100)},${String(o.totalCents % 100).padStart(2, "0")}`,
    ]),
  );
});

test("Lojas › Geral sets the store's negative-stock policy", async () => {
  const storeId = panel.server.storeId;
  await page.goto(`/lojas/${storeId}`);
  const policy = page.getByRole("group", { name: "Nota que deixaria o estoque negativo" });
  await policy.waitFor();
  assert.equal(await policy.getByRole("radio", { name: /^Faturar e avisar/ }).isChecked(), true);
  await policy.getByRole("radio", { name: /^Não faturar/ }).check();
  await page.getByRole("button", { name: "Salvar" }).click();
  await page.getByText("Configurações da loja salvas.").waitFor();
  const store = await apiGet<{ negativeStockPolicy: string }>(page, `/api/v1/stores/${storeId}`);
  assert.equal(store.negativeStockPolicy, "block");
});

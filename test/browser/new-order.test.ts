// Novo pedido in a real browser (issue 16, item 4): a counter sale typed in the panel — customer
// with CPF, items by SKU, Retirada na loja, Pix — shows its total as it is typed, becomes a sales
// order, and runs the lifecycle from its page: Confirmar pagamento, Pronto para retirada,
// Retirado. An unknown SKU is named next to its field and nothing is created.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { apiGet, openPanel, type Panel, screenshot } from "../helpers/browser.ts";

let panel: Panel;
let page: Page;
let sku: string;

before(async () => {
  panel = await openPanel({ simulator: { orders: 3 } });
  page = panel.page;
  // A product the store's import created.
  const [first] = (await apiGet<{ items: { id: number }[] }>(page, "/api/v1/orders?limit=1")).items;
  const detail = await apiGet<{ items: { sku: string | null }[] }>(page, `/api/v1/orders/${first!.id}`);
  sku = detail.items.find((i) => i.sku)!.sku!;
});
after(() => panel?.close());

test("a counter sale: typed in Novo pedido, then paid and collected from its page", async () => {
  await page.goto("/pedidos");
  await page.getByRole("link", { name: "Novo pedido" }).click();
  const form = page.getByRole("form", { name: "Novo pedido" });
  await form.getByLabel("Nome").fill("Conceição Araújo");
  await form.getByLabel("CPF/CNPJ (opcional)").fill("529.982.247-25");
  await form.getByLabel("Telefone (opcional)").fill("11912345678");
  await form.getByLabel("SKU do item 1").fill("NAO-EXISTE");
  await form.getByLabel("Quantidade").fill("2");
  await form.getByLabel("Preço unitário").fill("19,90");
  await form.getByText("Total do pedido: R$ 39,80").waitFor();
  await form.getByRole("button", { name: "Criar pedido" }).click();
  await form.getByText("SKU NAO-EXISTE não cadastrado em Produtos").waitFor();
  assert.match(page.url(), /\/pedidos\/novo$/, "nothing created");

  await form.getByLabel("SKU do item 1").fill(sku);
  await screenshot(page, "novo-pedido");
  await form.getByRole("button", { name: "Criar pedido" }).click();
  await page.getByRole("heading", { name: /^Pedido Nº \d+$/ }).waitFor();
  await page
    .getByRole("status")
    .filter({ hasText: /criado\. Confirme o pagamento/ })
    .waitFor();
  const customer = (await page.getByRole("region", { name: "Cliente", exact: true }).textContent()) ?? "";
  assert.match(customer, /529\.982\.247-25/);
  assert.match(customer, /\(11\) 91234-5678/);

  const card = page.getByRole("region", { name: "Faturamento e envio" });
  await card.getByRole("button", { name: "Confirmar pagamento", exact: true }).click();
  await page.getByRole("status").filter({ hasText: "Pagamento confirmado." }).first().waitFor();
  await card.getByRole("button", { name: "Pronto para retirada" }).click();
  await page.getByRole("status").filter({ hasText: "Pedido pronto para retirada na loja." }).waitFor();
  await card.getByRole("button", { name: "Retirado", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Marcar como retirado" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: /Pedido marcado como retirado/ })
    .waitFor();
  await page.locator(".order-summary").getByText("Entregue", { exact: true }).waitFor();
});

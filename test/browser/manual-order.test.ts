// Novo pedido in a real browser (issue 16, item 4): a balcão order for a customer and a product
// that came with the simulator store's orders; an unknown SKU is refused next to its field; the
// order opens awaiting payment, and runs the same steps as a store's order (payment confirmed,
// simple sale: stock out and receivables).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { apiGet, openPanel, type Panel, screenshot } from "../helpers/browser.ts";

let panel: Panel;
let page: Page;
let customer: { id: number; name: string };
let sku: string;

before(async () => {
  panel = await openPanel({ simulator: { orders: 3 } });
  page = panel.page;
  const { items } = await apiGet<{ items: { id: number; name: string; ordersCount: number }[] }>(
    page,
    "/api/v1/customers?limit=1",
  );
  assert.ok(items[0], "the imported orders made a customer");
  customer = items[0];
  const orders = await apiGet<{ items: { id: number }[] }>(page, "/api/v1/orders?limit=1");
  const detail = await apiGet<{ items: { sku: string | null }[] }>(
    page,
    `/api/v1/orders/${orders.items[0]!.id}`,
  );
  sku = detail.items.find((i) => i.sku)!.sku!;
});

after(() => panel?.close());

test("a balcão order is made from Pedidos and runs the same steps as a store's order", async () => {
  await page.goto("/pedidos");
  await page.getByRole("link", { name: "Novo pedido" }).click();
  await page.getByRole("heading", { name: "Novo pedido", level: 1 }).waitFor();

  const form = page.getByRole("form", { name: "Novo pedido" });
  await form.getByRole("button", { name: "Criar pedido" }).click();
  await page.getByText("Escolha o cliente do pedido.").waitFor();

  const picker = page.getByRole("form", { name: "Cliente do pedido" });
  await picker.getByLabel("Buscar cliente").fill(customer.name);
  await picker.getByRole("button", { name: "Buscar" }).click();
  await page
    .getByRole("button", { name: `Escolher ${customer.name}` })
    .first()
    .click();
  await page.getByRole("button", { name: "Trocar cliente" }).waitFor();

  await form.getByLabel("SKU do item 1").fill("NAO-EXISTE");
  await form.getByLabel("Quantidade do item 1").fill("2");
  await form.getByLabel("Preço unitário do item 1 (R$)").fill("19,90");
  await form.getByLabel("Frete (R$)").fill("15,00");
  await form.getByLabel("Forma de pagamento").selectOption({ label: "Dinheiro" });
  await form.getByLabel("Forma de entrega").fill("Retirada na loja");
  await form.getByRole("button", { name: "Criar pedido" }).click();
  await form.getByText("SKU NAO-EXISTE não cadastrado (item 1)").waitFor();
  assert.equal(await form.getByLabel("SKU do item 1").getAttribute("aria-invalid"), "true");
  await screenshot(page, "novo-pedido");

  await form.getByLabel("SKU do item 1").fill(sku);
  await form.getByRole("button", { name: "Criar pedido" }).click();
  await page.getByText(/Pedido Nº \d+ criado: aguardando pagamento\./).waitFor();
  await page.getByRole("heading", { name: /Pedido Nº \d+/, level: 1 }).waitFor();
  const summary = page.locator(".order-summary");
  await summary.getByText("Aguardando pagamento", { exact: true }).waitFor();
  await summary.getByText(/R\$ 54,80/).waitFor();

  // The same steps as a store's order: payment confirmed by hand, then a simple sale.
  const card = page.getByRole("region", { name: "Faturamento e envio" });
  await card.getByRole("button", { name: "Confirmar pagamento", exact: true }).click();
  await page.getByText("Pagamento confirmado.", { exact: true }).waitFor();
  const invoiceForm = card.getByRole("form", { name: "Faturar" });
  await invoiceForm.getByLabel("Venda simples").check();
  await invoiceForm.getByRole("button", { name: "Confirmar venda simples" }).click();
  await page.getByText(/registrada: estoque baixado e 1 parcela\(s\) a receber/).waitFor();
  await summary.getByText("Em preparação", { exact: true }).waitFor();
  const receivables = card.getByRole("table", { name: "Contas a receber" });
  await receivables.getByText("R$ 54,80").first().waitFor();
});

test("a customer's record opens Novo pedido with that customer chosen", async () => {
  await page.goto(`/clientes/${customer.id}`);
  await page.getByRole("link", { name: "Novo pedido para este cliente" }).click();
  await page.getByRole("heading", { name: "Novo pedido", level: 1 }).waitFor();
  const chosen = page.getByRole("region", { name: "Cliente" });
  await chosen.getByText(customer.name, { exact: true }).waitFor();
  await chosen.getByRole("button", { name: "Trocar cliente" }).click();
  await page.getByRole("form", { name: "Cliente do pedido" }).waitFor();
});

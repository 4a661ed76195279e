// Recebíveis in a real browser (issue 16, item 3): installments of invoices made through the API on
// orders imported from the simulator store; the overdue one stands out and its filter finds it;
// a baixa partial then refused past the amount, then undone after a confirmation; and the estorno
// of an invoice with a receipt asks what becomes of the money.
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { apiGet, openPanel, type Panel, screenshot } from "../helpers/browser.ts";
import { parseCsv } from "../helpers/csv-parse.ts";

interface ListItem {
  id: number;
  number: number;
  canonicalStatus: string;
}
interface Receivable {
  id: number;
  salesOrderId: number;
  installment: number;
  amountCents: number;
  receivedCents: number;
  status: string;
  creditPending: boolean;
}

let panel: Panel;
let page: Page;
let late: ListItem;
let current: ListItem;

async function invoice(order: ListItem, issuedAt?: string) {
  const res = await page.request.post(`/api/v1/orders/${order.id}/invoice`, {
    data: { kind: "simple", ...(issuedAt ? { issuedAt } : {}) },
    headers: { origin: panel.server.url },
  });
  assert.equal(res.status(), 201, await res.text());
}
const receivablesOf = async (order: ListItem) =>
  (await apiGet<{ items: Receivable[] }>(page, `/api/v1/receivables?salesOrderId=${order.id}`)).items;

before(async () => {
  panel = await openPanel({ simulator: { orders: 12 } });
  page = panel.page;
  const { items } = await apiGet<{ items: ListItem[] }>(page, "/api/v1/orders?limit=200");
  const paid = items.filter((o) => o.canonicalStatus === "pagamento_confirmado");
  assert.ok(paid.length >= 2, "two paid orders to invoice");
  [late, current] = paid as [ListItem, ListItem];
  await invoice(late, "2026-01-10T10:00:00-03:00");
  await invoice(current);
});

after(() => panel?.close());

/** The order's rows in Recebíveis, by its link (exact: "Nº 1" is not "Nº 12"). */
const rowsOf = (order: ListItem) =>
  page
    .getByRole("table", { name: "Recebíveis" })
    .locator("tbody tr")
    .filter({ has: page.getByRole("link", { name: `Nº ${order.number}`, exact: true }) });
const row = (order: ListItem, installment = 1) =>
  rowsOf(order)
    .filter({ has: page.getByRole("cell", { name: String(installment), exact: true }) })
    .first();

test("Recebíveis: overdue stands out, a baixa is partial, never past the amount, and undone after asking", async () => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Seções do painel" })
    .getByRole("link", { name: "Recebíveis" })
    .click();
  await page.getByRole("heading", { name: "Recebíveis" }).waitFor();

  const lateRow = row(late);
  await lateRow.getByText("Vencida").waitFor();
  assert.equal(await row(current).getByText("Vencida").count(), 0, "not due yet: not overdue");

  // The filter Vencidas keeps the late order and leaves the current one out.
  await page.getByLabel("Situação").selectOption("overdue");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await rowsOf(late).first().waitFor();
  assert.equal(await rowsOf(current).count(), 0, "the current order's installment is not overdue");

  // Baixa: more than is open is refused in pt-BR; a part is recorded and the row says Parcial.
  const [first] = await receivablesOf(late);
  assert.ok(first);
  await lateRow.getByRole("button", { name: /Dar baixa/ }).click();
  const form = page.getByRole("form", { name: `Baixa da parcela 1 do pedido Nº ${late.number}` });
  await form
    .getByLabel("Valor recebido")
    .fill(((first.amountCents + 100) / 100).toFixed(2).replace(".", ","));
  await form.getByRole("button", { name: "Registrar baixa" }).click();
  await form.getByText(/passa do que falta receber/).waitFor();
  assert.equal((await receivablesOf(late))[0]!.receivedCents, 0, "nothing recorded");

  await form.getByLabel("Valor recebido").fill("1,00");
  await form.getByLabel("Forma de recebimento").selectOption("dinheiro");
  await form.getByRole("button", { name: "Registrar baixa" }).click();
  await page.getByText(`Baixa de R$ 1,00 registrada no pedido Nº ${late.number}.`).waitFor();
  await lateRow.getByText("Parcial").waitFor();
  const receipts = page.getByRole("list", { name: "Baixas da parcela 1" });
  await receipts.getByText(/R\$ 1,00 em \d{2}\/\d{2}\/\d{4} \(Dinheiro\)/).waitFor();
  await page.getByRole("table", { name: "Totais por mês de vencimento" }).waitFor();
  await screenshot(page, "recebiveis");
  // Exportar CSV: what the screen lists, the baixa included, as a spreadsheet opens it.
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exportar CSV" }).click(),
  ]);
  const exported = parseCsv(await fs.readFile((await file.path())!, "utf8"));
  const line = exported.rows.find((r) => r[0] === String(late.number) && r[1] === "1");
  assert.ok(line, `the order's first installment in ${JSON.stringify(exported.rows.slice(0, 3))}`);
  assert.equal(line[4], "1,00", "the R$ 1,00 received, with a decimal comma");
  assert.equal(line[6], "Recebida em parte");

  // Desfazer asks first: Cancelar keeps the receipt, confirming undoes it once.
  await receipts.getByRole("button", { name: "Desfazer" }).click();
  const dialog = page.getByRole("dialog", { name: "Desfazer a baixa de R$ 1,00?" });
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  assert.equal((await receivablesOf(late))[0]!.receivedCents, 100, "still recorded");
  await receipts.getByRole("button", { name: "Desfazer" }).click();
  await dialog.getByLabel("Motivo (opcional)").fill("lançada por engano");
  await dialog.getByRole("button", { name: "Desfazer baixa" }).click();
  await receipts.getByText(/desfeita por .*lançada por engano/).waitFor();
  const after = (await receivablesOf(late))[0]!;
  assert.equal(after.receivedCents, 0);
  assert.equal(after.status, "open");
});

test("the estorno of an invoice with a receipt asks what becomes of the money", async () => {
  const [r] = await receivablesOf(current);
  assert.ok(r);
  const paid = await page.request.post(`/api/v1/receivables/${r.id}/receipts`, {
    data: {
      receivedOn: new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date()),
      amountCents: r.amountCents,
      method: "pix",
    },
    headers: { origin: panel.server.url },
  });
  assert.equal(paid.status(), 201, await paid.text());

  await page.goto(`/pedidos/${current.id}`);
  await page.getByRole("button", { name: "Cancelar nota" }).click();
  const dialog = page.getByRole("dialog", { name: /^Estornar/ });
  await dialog.getByText(/já têm R\$ [\d.,]+ recebido/).waitFor();
  await dialog.getByLabel(/Manter como crédito do cliente/).check();
  await dialog.getByRole("button", { name: "Estornar nota" }).click();
  await page.getByText(/estornada: estoque e contas a receber revertidos/).waitFor();
  const kept = (await receivablesOf(current)).find((x) => x.id === r.id)!;
  assert.equal(kept.status, "reversed");
  assert.equal(kept.creditPending, true);
  assert.equal(kept.receivedCents, r.amountCents);
});

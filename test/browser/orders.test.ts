// Pedidos and the order page in a real browser (seed 003, R6): filters and sorting change the
// rows and the address (and the back button restores them); the order page shows its items
// and timeline; a status change with "Notificar cliente" lands in the timeline, and a refused
// one says why.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import {
  apiGet,
  openPanel,
  type Panel,
  type PanelServer,
  screenshot,
  settledRow,
} from "../helpers/browser.ts";

interface ListItem {
  id: number;
  number: number;
  canonicalStatus: string;
  customerName: string | null;
  totalCents: number;
}

let panel: Panel;
let server: PanelServer;
let page: Page;
/** Every sales order, as the API lists them. */
let orders: ListItem[];

/** "R$ 1.234,56" → 123456. */
const cents = (text: string) => Math.round(Number(text.replace(/[^\d,]/g, "").replace(",", ".")) * 100);
/** An instant as the panel writes it: dd/mm/aaaa hh:mm in São Paulo (UTC−3, no daylight saving). */
const spDateTime = (iso: string) => {
  const [date, time] = new Date(Date.parse(iso) - 3 * 3_600_000).toISOString().split("T") as [string, string];
  return `${date.split("-").reverse().join("/")} ${time.slice(0, 5)}`;
};

/** The visible rows as text, one array of cells per row (Nº Ponte, Nº loja, Origem, Data, Cliente, Status, Total). */
const visibleRows = () =>
  page.$$eval("table.orders-table tbody tr", (rows) =>
    rows.map((r) => Array.from(r.children).map((c) => (c.textContent ?? "").trim())),
  );

async function waitForRows(check: (rows: string[][]) => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    // While a new filter or sort is loading, the previous rows stay on screen, marked busy.
    const updating = await page.locator("table.orders-table[aria-busy='true']").count();
    const rows = await visibleRows();
    if (!updating && rows.length > 0 && check(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`rows never matched: ${what}\n${JSON.stringify(rows)}`);
    await page.waitForTimeout(150);
  }
}

before(async () => {
  panel = await openPanel({ simulator: { orders: 20 } });
  ({ server, page } = panel);
  orders = (await apiGet<{ items: ListItem[] }>(page, "/api/v1/orders?limit=200")).items;
  assert.ok(orders.length >= 8, `enough sales orders to filter (${orders.length})`);
});

after(() => panel?.close());

test("Pedidos lists the sales orders newest first, each linking to its page", async () => {
  await page.goto("/pedidos");
  const rows = await waitForRows((r) => r.length === orders.length, "every order");
  assert.deepEqual(
    rows.map((r) => Number(r[0])),
    orders.map((o) => o.number),
    "newest first, as the API orders them",
  );
  assert.ok(
    rows.every((r) => r[2] === "Loja Teste"),
    "origin badge names the store",
  );
  assert.equal(
    await page.getByRole("columnheader", { name: "Data" }).getAttribute("aria-sort"),
    "descending",
  );
  // Data is the day the customer ordered on the store (the seeded orders span the last 30 days),
  // not the day Ponte imported them.
  const placed = new Map(server.simulator.listOrders().map((o) => [String(o.number), String(o.created_at)]));
  for (const r of rows) {
    assert.equal(r[3], spDateTime(placed.get(r[1]!)!), `order ${r[1]}: the store's creation date`);
  }
  await screenshot(page, "pedidos");
});

test("filters by status, search (a customer's name) and value change the rows and the address; back restores them", async () => {
  await page.goto("/pedidos");
  await waitForRows((r) => r.length === orders.length, "every order");

  // Status: the most common one, so some rows stay and some go.
  const counts = new Map<string, number>();
  for (const o of orders) counts.set(o.canonicalStatus, (counts.get(o.canonicalStatus) ?? 0) + 1);
  const [status, howMany] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  assert.ok(howMany < orders.length, "the seeded orders have more than one status");
  const label = await page.getByLabel("Status").locator(`option[value="${status}"]`).textContent();
  await page.getByLabel("Status").selectOption(status);
  await page.getByRole("button", { name: "Filtrar" }).click();
  await page.waitForURL(new RegExp(`[?&]status=${status}`));
  const byStatus = await waitForRows((r) => r.length === howMany, `${howMany} orders in ${status}`);
  assert.ok(byStatus.every((r) => r[5] === label));

  // Search: part of one customer's name, typed in any case, on top of the status filter.
  const someone = orders.find((o) => o.canonicalStatus === status && o.customerName)!;
  const part = someone
    .customerName!.split(" ")
    .sort((a, b) => b.length - a.length)[0]!
    .toUpperCase();
  await page.getByLabel("Buscar").fill(part);
  await page.getByRole("button", { name: "Filtrar" }).click();
  await page.waitForURL(/[?&]busca=/);
  const byCustomer = await waitForRows((r) => r.every((x) => x[4]!.toUpperCase().includes(part)), "customer");
  assert.ok(
    byCustomer.every((r) => r[5] === label),
    "the status filter still holds",
  );
  assert.ok(byCustomer.some((r) => Number(r[0]) === someone.number));

  // Value: clear the others, keep orders of at least the median total.
  await page.getByRole("button", { name: "Limpar filtros" }).click();
  await waitForRows((r) => r.length === orders.length, "filters cleared");
  const totals = orders.map((o) => o.totalCents).sort((a, b) => a - b);
  const median = totals[Math.floor(totals.length / 2)]!;
  const reais = (median / 100).toFixed(2).replace(".", ",");
  await page.getByLabel("Valor mínimo (R$)").fill(reais);
  await page.getByRole("button", { name: "Filtrar" }).click();
  await page.waitForURL(/[?&]valorMin=/);
  const expensive = orders.filter((o) => o.totalCents >= median).length;
  const byValue = await waitForRows((r) => r.length === expensive, `${expensive} orders ≥ ${reais}`);
  assert.ok(byValue.every((r) => cents(r[6]!) >= median));

  // A maximum below the minimum is refused in the form, before any request.
  await page.getByLabel("Valor máximo (R$)").fill("1,00");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await page.getByText("O valor máximo deve ser maior ou igual ao mínimo.").waitFor();
  assert.doesNotMatch(page.url(), /valorMax=/);

  // Back: the search returns, in the form and in the rows.
  await page.goBack(); // the list after "Limpar filtros"
  await page.goBack(); // the status + search list
  await page.waitForURL(/[?&]busca=/);
  assert.equal(await page.getByLabel("Buscar").inputValue(), part);
  assert.equal(await page.getByLabel("Status").inputValue(), status);
  await waitForRows((r) => r.every((x) => x[4]!.toUpperCase().includes(part)), "customer filter restored");
});

test("sorting by total and by status reorders the rows and is kept in the address", async () => {
  await page.goto("/pedidos");
  await waitForRows((r) => r.length === orders.length, "every order");
  const total = page.getByRole("columnheader", { name: "Total" });
  await total.getByRole("button").click();
  await page.waitForURL(/ordenar=valor/);
  await page.locator("th[aria-sort='descending']", { hasText: "Total" }).waitFor();
  const desc = await waitForRows(
    (r) => r.every((x, i) => i === 0 || cents(r[i - 1]![6]!) >= cents(x[6]!)),
    "total descending",
  );
  assert.equal(desc.length, orders.length);
  await total.getByRole("button").click();
  await page.waitForURL(/ordem=asc/);
  await page.locator("th[aria-sort='ascending']", { hasText: "Total" }).waitFor();
  await waitForRows(
    (r) => r.every((x, i) => i === 0 || cents(r[i - 1]![6]!) <= cents(x[6]!)),
    "total ascending",
  );
  assert.equal(await page.getByRole("columnheader", { name: "Data" }).getAttribute("aria-sort"), "none");

  // Status sorts along the workflow: Aguardando pagamento before Pagamento confirmado.
  await page.getByRole("columnheader", { name: "Status" }).getByRole("button").click();
  await page.waitForURL(/ordenar=status/);
  await page.locator("th[aria-sort='ascending']", { hasText: "Status" }).waitFor();
  const order = [
    "Aguardando pagamento",
    "Pagamento confirmado",
    "Em preparação",
    "Despachado",
    "Embarcado",
    "Entregue",
    "Cancelado",
    "Problemas",
  ];
  await waitForRows(
    (r) => r.every((x, i) => i === 0 || order.indexOf(r[i - 1]![5]!) <= order.indexOf(x[5]!)),
    "status ascending",
  );
});

test("the order page shows customer, items and the timeline", async () => {
  const first = orders[0]!;
  const detail = await apiGet<{ items: { sku: string | null; name: string }[]; storeOrderNumber: string }>(
    page,
    `/api/v1/orders/${first.id}`,
  );
  await page.goto("/pedidos");
  await page.getByRole("link", { name: `Pedido Nº ${first.number}` }).click();
  await page.getByRole("heading", { name: `Pedido Nº ${first.number}` }).waitFor();
  assert.ok(await page.getByText("Origem: Loja Teste").isVisible());
  const placedAt = server.simulator.listOrders().find((o) => String(o.number) === detail.storeOrderNumber)!;
  const summary = (await page.locator(".order-summary").textContent()) ?? "";
  assert.match(summary, new RegExp(`Pedido feito em ${spDateTime(String(placedAt.created_at))}`));
  assert.match(summary, /Importado em \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  for (const heading of ["Cliente", "Entrega", "Pagamento", "Loja", "Itens"]) {
    assert.ok(await page.getByRole("heading", { name: heading, exact: true }).isVisible(), heading);
  }
  const items = page.getByRole("region", { name: "Itens" }).locator("tbody tr");
  assert.equal(await items.count(), detail.items.length);
  for (const item of detail.items) {
    if (item.sku)
      assert.ok(await items.getByRole("cell", { name: item.sku, exact: true }).first().isVisible());
  }
  // pt-BR formats (issue 16, item 10): the payment by name with its installments, the phone
  // with the area code in parentheses, the state as its two letters — never the raw codes.
  const payment = (await page.getByRole("region", { name: "Pagamento", exact: true }).textContent()) ?? "";
  assert.match(
    payment,
    /Forma de pagamento(Pix|Boleto|Depósito bancário|Cartão de (crédito|débito)( em \d+x)?)/,
  );
  assert.doesNotMatch(payment, /cartao_|deposito/);
  const customer = (await page.getByRole("region", { name: "Cliente", exact: true }).textContent()) ?? "";
  assert.match(customer, /Telefone\(\d{2}\) \d{4,5}-\d{4}/);
  const delivery = (await page.getByRole("region", { name: "Entrega", exact: true }).textContent()) ?? "";
  assert.match(delivery, / \/ [A-Z]{2}CEP/, "the city / UF line");
  await screenshot(page, "pedido");

  await page.getByRole("tab", { name: "Histórico / Notificações" }).click();
  await page.waitForURL(/aba=historico/);
  const timeline = page.getByRole("list", { name: "Histórico do pedido" });
  await timeline.getByText("Pedido de venda criado").waitFor();
});

test("a status change with Notificar cliente appears in the timeline; a refused one says why", async () => {
  // Paid (seed 003: Em preparação needs the payment confirmed; Confirmar pagamento is back-office.test's).
  const waiting = orders.find((o) => o.canonicalStatus === "pagamento_confirmado");
  assert.ok(waiting, "a paid order early in the workflow");
  await page.goto(`/pedidos/${waiting.id}?aba=historico`);
  const form = page.getByRole("form", { name: "Alterar status" });
  await form.getByLabel("Novo status").selectOption({ label: "Em preparação" });
  await form.getByRole("radio", { name: "Sim" }).check();
  await form.getByLabel("Mensagem ao cliente (opcional)").fill("Seu pedido já está sendo separado.");
  await form.getByRole("button", { name: "Salvar status" }).click();
  await page.getByRole("status").filter({ hasText: "Status alterado para Em preparação" }).waitFor();

  const timeline = page.getByRole("list", { name: "Histórico do pedido" });
  const entry = timeline.getByRole("listitem").filter({ hasText: "alterado no painel" });
  await entry.waitFor();
  assert.ok(await entry.getByText("Mudança de status").isVisible());
  assert.match((await entry.textContent()) ?? "", /Notificar cliente\s*Sim/);
  assert.match((await entry.textContent()) ?? "", /Mensagem\s*Seu pedido já está sendo separado\./);
  assert.match((await entry.textContent()) ?? "", /Para\s*Em preparação/);
  assert.ok(await entry.getByText("operadora@loja.com.br").isVisible(), "who did it");
  assert.ok(await page.locator(".order-summary").getByText("Em preparação").isVisible());
  await screenshot(page, "pedido-historico");

  // Someone else cancels it meanwhile; this page still offers Problemas, and the API says no.
  const cancel = await page.request.post(`/api/v1/orders/${waiting.id}/status`, {
    data: { status: "cancelado" },
    headers: { origin: server.url },
  });
  assert.equal(cancel.status(), 200, await cancel.text());
  await form.getByLabel("Novo status").selectOption({ label: "Problemas" });
  await form.getByRole("radio", { name: "Não" }).check();
  await form.getByRole("button", { name: "Salvar status" }).click();
  await page.getByRole("alert").filter({ hasText: "Pedido cancelado não muda mais de status" }).waitFor();
  // …and the page now shows the order as it is.
  await page.locator(".order-summary").getByText("Cancelado", { exact: true }).waitFor();
  await form.getByText("Não há mudança de status possível a partir de Cancelado.").waitFor();
});

test("Cancelado asks first: Voltar keeps the order, confirming cancels it", async () => {
  // Not the order the test above changed (and someone cancelled).
  const changed = orders.find((o) => o.canonicalStatus === "pagamento_confirmado");
  const open = orders.find((o) => o !== changed && o.canonicalStatus !== "cancelado");
  assert.ok(open, "an order that can still be cancelled");
  await page.goto(`/pedidos/${open.id}?aba=historico`);
  const form = page.getByRole("form", { name: "Alterar status" });
  await form.getByLabel("Novo status").selectOption({ label: "Cancelado" });
  await form.getByRole("radio", { name: "Não" }).check();
  await form.getByRole("button", { name: "Salvar status" }).click();
  const dialog = page.getByRole("dialog", { name: `Cancelar o pedido Nº ${open.number}?` });
  await dialog.waitFor();
  await dialog.getByText(/não muda mais de status/).waitFor();
  await dialog.getByRole("button", { name: "Voltar" }).click();
  await dialog.waitFor({ state: "hidden" });
  const kept = await apiGet<{ canonicalStatus: string }>(page, `/api/v1/orders/${open.id}`);
  assert.equal(kept.canonicalStatus, open.canonicalStatus, "Voltar changed nothing");

  await form.getByRole("button", { name: "Salvar status" }).click();
  await dialog.getByRole("button", { name: "Cancelar o pedido" }).click();
  await page.getByRole("status").filter({ hasText: "Status alterado para Cancelado" }).waitFor();
  await page.locator(".order-summary").getByText("Cancelado", { exact: true }).waitFor();
});

test("at phone width Pedidos scrolls inside its frame, not the page", async () => {
  const phone = await panel.signedInPage(true);
  await phone.goto("/pedidos");
  await phone.locator("table.orders-table tbody tr").first().waitFor();
  const overflow = await phone.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await screenshot(phone, "pedidos-celular");
  await phone.context().close();
});

test("the search box finds an order by the store's number (#160) and by Ponte's number", async () => {
  // Last in this file: it adds an order, which the row counts above do not expect.
  const placed = server.simulator.createOrder({ number: 160, status: "open", payment_status: "pending" });
  const imported = await page.request.post(`/api/v1/stores/${server.storeId}/import`, {
    headers: { origin: server.url },
  });
  assert.equal(imported.status(), 202);
  const row = await settledRow(page, server, placed.id as number, "synced");
  const ponte = await apiGet<{ number: number }>(page, `/api/v1/orders/${row.salesOrderId}`);

  await page.goto("/pedidos");
  await waitForRows((r) => r.length > 1, "the list");
  const search = page.getByRole("searchbox", { name: "Buscar" });
  await search.fill("#160");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await page.waitForURL(/[?&]busca=%23160/);
  const byStoreNumber = await waitForRows((r) => r.length === 1, "only the store's order 160");
  assert.deepEqual([byStoreNumber[0]![0], byStoreNumber[0]![1]], [String(ponte.number), "160"]);

  const other = orders.find((o) => o.number !== ponte.number)!;
  await search.fill(String(other.number));
  await page.getByRole("button", { name: "Filtrar" }).click();
  await page.waitForURL(new RegExp(`[?&]busca=${other.number}(&|$)`));
  const byPonteNumber = await waitForRows(
    (r) => r.length === 1 && r[0]![0] === String(other.number),
    `only Pedido Nº ${other.number}`,
  );
  assert.equal(cents(byPonteNumber[0]![6]!), other.totalCents);
});

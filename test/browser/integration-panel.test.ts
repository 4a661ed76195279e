// The Integração screen in a real browser (seed 000, R5): Carregar lists the orders that need
// attention with their sync error inline, Criar turns Sync green, Atualizar brings the store's
// changes, and Mapeamento is refused with its reason until the sales order is deleted.
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
  settledRow,
} from "../helpers/browser.ts";
import { withoutWebhooks } from "./ops-helpers.ts";

let panel: Panel;
let server: PanelServer;
let page: Page;
/** Orders placed in the simulator for these tests, each in the state its test needs. */
let unknownStatus: PanelRow;
let toUnlink: PanelRow;
let toUpdate: PanelRow;
let confirmed: PanelRow;

const panelPath = () => `/api/v1/integration/${server.storeId}/orders`;

const rowOf = (page: Page, row: PanelRow) =>
  page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: `Nº ${row.number}`, exact: true }) });

async function load(page: Page, view: "attention" | "all" = "attention") {
  await page.goto(`/integracao${view === "all" ? "?view=all" : ""}`);
  await page.getByLabel("Loja").selectOption(String(server.storeId));
  await page.getByRole("button", { name: "Carregar" }).click();
  await page.getByRole("heading", { name: /Pedidos que precisam de atenção|Todos os pedidos/ }).waitFor();
}

before(async () => {
  panel = await openPanel();
  ({ server, page } = panel);
  // The seeded orders arrive by the first import; these arrive by webhook, one per scenario.
  const sim = server.simulator;
  const placed = {
    unknown: sim.createOrder({ payment_status: "em_analise", status: "open", shipping_status: "unpacked" }),
    unlink: sim.createOrder({ payment_status: "pending", status: "open", shipping_status: "unpacked" }),
    update: sim.createOrder({ payment_status: "pending", status: "open", shipping_status: "unpacked" }),
    confirmed: sim.createOrder({ payment_status: "paid", status: "open", shipping_status: "unpacked" }),
  };
  const settled = (order: Record<string, unknown>, state: string) =>
    settledRow(page, server, order.id as number, state);
  unknownStatus = await settled(placed.unknown, "held");
  toUnlink = await settled(placed.unlink, "synced");
  toUpdate = await settled(placed.update, "synced");
  confirmed = await settled(placed.confirmed, "synced");
  assert.equal(unknownStatus.reasonCode, "status_unmapped");
  assert.equal(toUnlink.salesOrderStatus, "em_aberto");
  assert.equal(confirmed.salesOrderStatus, "confirmado");
});

after(() => panel?.close());

test("Carregar lists the orders that need attention, each with its sync error inline", async () => {
  await load(page);
  assert.match(page.url(), new RegExp(`[?&]loja=${server.storeId}(&|$)`), "the store is kept in the address");

  const held = rowOf(page, unknownStatus);
  await held.waitFor();
  assert.ok(
    await held
      .getByText('Status da loja "payment_status:em_analise" não está na tabela de status')
      .isVisible(),
  );
  assert.ok(await held.getByRole("img", { name: "Retido", exact: true }).isVisible());
  assert.ok(await rowOf(page, toUnlink).isVisible(), "synced but not confirmed needs attention");
  assert.equal(await rowOf(page, confirmed).count(), 0, "synced and confirmed is hidden");

  // Every order loaded is one that needs attention, as the API says.
  const attention = await apiGet<{ orders: PanelRow[] }>(page, `${panelPath()}?view=attention&limit=500`);
  assert.equal(await page.locator("tbody tr").count(), attention.orders.length);
  await screenshot(page, "integracao");

  await page.getByRole("radio", { name: "Todos" }).click();
  await page.waitForURL(/[?&]view=all/);
  await rowOf(page, confirmed).waitFor();
  assert.ok(await page.getByRole("radio", { name: "Todos" }).isChecked());
  assert.ok(await rowOf(page, confirmed).getByRole("img", { name: "Sincronizado", exact: true }).isVisible());

  // The back button returns to the attention list, loaded again from the address.
  await page.goBack();
  await page.getByRole("heading", { name: "Pedidos que precisam de atenção" }).waitFor();
  assert.equal(await rowOf(page, confirmed).count(), 0);
});

test("Criar on a held order turns its Sync green; created with an invalid status, its Mapeamento may go", async () => {
  await load(page);
  const row = rowOf(page, unknownStatus);
  await row.getByRole("button", { name: "Criar", exact: true }).click();
  await row.getByRole("img", { name: "Sincronizado", exact: true }).waitFor();
  await page
    .getByRole("status")
    .filter({ hasText: /pedido de venda Nº \d+ criado/ })
    .waitFor();
  assert.ok(await row.getByText("Status inválido", { exact: true }).isVisible());
  assert.ok(await row.getByRole("link", { name: /PV Nº \d+/ }).isVisible());
  assert.ok(
    await row.getByRole("button", { name: /^Criar:/ }).isDisabled(),
    "a synced order cannot be created twice",
  );

  // R5.3: synced with an invalid status, the link may be deleted; it asks first.
  await row.getByRole("button", { name: "Apagar", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /Apagar o mapeamento/ });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  assert.ok(
    await row.getByRole("img", { name: "Sincronizado", exact: true }).isVisible(),
    "Cancelar keeps it",
  );
  await row.getByRole("button", { name: "Apagar", exact: true }).click();
  await dialog.getByRole("button", { name: "Apagar mapeamento" }).click();
  await row.getByRole("img", { name: "Não sincronizado", exact: true }).waitFor();
  const after = await apiGet<PanelRow>(page, `${panelPath()}/${unknownStatus.externalId}`);
  assert.equal(after.syncState, "not_synced", "as if never synced");
});

test("Atualizar brings the store's change into the row", async () => {
  await load(page);
  const row = rowOf(page, toUpdate);
  assert.ok(await row.getByText("Aguardando pagamento").first().isVisible());
  // Webhooks off: only Atualizar can bring the change in.
  await withoutWebhooks(server, async () => {
    server.simulator.updateOrder(Number(toUpdate.externalId), { payment_status: "paid" });
    await row.getByRole("button", { name: "Atualizar", exact: true }).click();
    await row.getByRole("link", { name: /PV Nº \d+ · Confirmado/ }).waitFor();
    assert.ok(await row.getByText("Pago").first().isVisible());
    await page.getByRole("status").filter({ hasText: "atualizado com os dados da loja" }).waitFor();
  });
});

test("Mapeamento is refused with its reason, and allowed once the sales order is deleted", async () => {
  await load(page);
  const row = rowOf(page, toUnlink);
  const refused = row.getByRole("button", { name: /^Apagar:/ });
  assert.ok(await refused.isDisabled());
  assert.match((await refused.getAttribute("aria-label")) ?? "", /só pode ser apagado .* status inválido/);
  const tooltip = await row
    .locator(".tooltip-wrap", { has: page.getByRole("button", { name: /^Apagar:/ }) })
    .getAttribute("title");
  assert.match(tooltip ?? "", /pedido de venda foi excluído/);

  // Delete the sales order in the back office, from its page.
  await row.getByRole("link", { name: /PV Nº \d+/ }).click();
  await page.getByRole("heading", { name: /Pedido Nº \d+/ }).waitFor();
  await page.getByRole("button", { name: "Excluir pedido" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Excluir pedido" }).click();
  await page.getByText(/Este pedido de venda foi excluído em/).waitFor();

  await page.goBack();
  const again = rowOf(page, toUnlink);
  await again.getByText(/PV Nº \d+ excluído/).waitFor();
  await again.getByRole("button", { name: "Apagar", exact: true }).click();
  await page
    .getByRole("dialog", { name: /Apagar o mapeamento/ })
    .getByRole("button", { name: "Apagar mapeamento" })
    .click();
  await again.getByRole("img", { name: "Não sincronizado", exact: true }).waitFor();
  await page
    .getByRole("status")
    .filter({ hasText: /Mapeamento do pedido .* apagado/ })
    .waitFor();
  // Now Criar makes a new sales order, numbered anew.
  await again.getByRole("button", { name: "Criar", exact: true }).click();
  await again.getByRole("img", { name: "Sincronizado", exact: true }).waitFor();
  const recreated = await apiGet<PanelRow>(page, `${panelPath()}/${toUnlink.externalId}`);
  assert.notEqual(recreated.salesOrderId, toUnlink.salesOrderId);
});

test("Reprocessar on a held order re-runs its sync and the row follows", async () => {
  const sim = server.simulator;
  const order = sim.createOrder({
    payment_status: "em_analise",
    status: "open",
    shipping_status: "unpacked",
  });
  const held = await settledRow(page, server, order.id as number, "held");
  await load(page);
  const row = rowOf(page, held);
  // The store fixes the order; without webhooks only a new sync sees it.
  await withoutWebhooks(server, async () => {
    sim.updateOrder(order.id as number, { payment_status: "paid" });
    await row.getByRole("button", { name: "Reprocessar" }).click();
    await page.getByRole("status").filter({ hasText: "enviado para reprocessamento" }).waitFor();
    await row.getByRole("img", { name: "Sincronizado", exact: true }).waitFor({ timeout: 30_000 });
  });
});

test("a refused action says why, and the row then shows the order as it is now", async () => {
  const list = await apiGet<{ orders: PanelRow[] }>(page, `${panelPath()}?view=attention&limit=500`);
  const held = list.orders.find((o) => o.reasonCode === "status_not_creating");
  assert.ok(held, "a cancelled order held by the status table");
  await load(page);
  const row = rowOf(page, held);
  await row.waitFor();
  // Another operator creates it meanwhile; this screen still offers Criar.
  const other = await page.request.post(`${panelPath()}/${held.externalId}/create`, {
    headers: { origin: server.url },
  });
  assert.equal(other.status(), 200, await other.text());
  await row.getByRole("button", { name: "Criar", exact: true }).click();
  await row.getByText(/Pedido já sincronizado \(pedido de venda \d+\): use Atualizar/).waitFor();
  await page.getByRole("alert").filter({ hasText: "Pedido já sincronizado" }).waitFor();
  await row.getByRole("img", { name: "Sincronizado", exact: true }).waitFor();
});

test("an order deleted on the platform: Atualizar says so and the row shows it gone", async () => {
  const sim = server.simulator;
  const order = sim.createOrder({ payment_status: "pending", status: "open", shipping_status: "unpacked" });
  const synced = await settledRow(page, server, order.id as number, "synced");
  await load(page);
  const row = rowOf(page, synced);
  await row.waitFor();
  sim.deleteOrder(order.id as number);
  await row.getByRole("button", { name: "Atualizar", exact: true }).click();
  await page.getByRole("alert").filter({ hasText: "Pedido não existe mais na loja" }).waitFor();
  await row.getByRole("img", { name: "Não existe mais na loja", exact: true }).waitFor();
  await row
    .getByText(/Pedido não existe mais na loja \(desde .*\): a atualização de status não o lê mais/)
    .waitFor();
  const after = await apiGet<PanelRow & { goneAt: string | null }>(
    page,
    `${panelPath()}/${synced.externalId}`,
  );
  assert.ok(after.goneAt, "marked gone");
});

test("at phone width the list scrolls inside its frame, not the page", async () => {
  const phone = await panel.signedInPage(true);
  await load(phone);
  await rowOf(phone, unknownStatus).waitFor();
  const overflow = await phone.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await phone.context().close();
});

test("the search box finds an order by the store's number (#160) and by Ponte's number", async () => {
  const placed = server.simulator.createOrder({ number: 160, status: "open", payment_status: "pending" });
  const imported = await page.request.post(`/api/v1/stores/${server.storeId}/import`, {
    headers: { origin: server.url },
  });
  assert.equal(imported.status(), 202);
  const order160 = await settledRow(page, server, placed.id as number, "synced");

  await load(page, "all");
  const search = page.getByRole("searchbox", { name: "Buscar" });
  await search.fill("#160");
  await page.getByRole("button", { name: "Carregar" }).click();
  await page.waitForURL(/[?&]busca=%23160/);
  await page.getByRole("status").filter({ hasText: "1 pedido carregado para “#160”" }).waitFor();
  assert.equal(await page.locator("tbody tr").count(), 1);
  assert.ok(await rowOf(page, order160).isVisible());

  // Ponte's number finds the store order linked to that sales order.
  const { number } = await apiGet<{ number: number }>(page, `/api/v1/orders/${confirmed.salesOrderId}`);
  await search.fill(String(number));
  await page.getByRole("button", { name: "Carregar" }).click();
  await page.waitForURL(new RegExp(`[?&]busca=${number}(&|$)`));
  await page
    .getByRole("status")
    .filter({ hasText: `1 pedido carregado para “${number}”` })
    .waitFor();
  const row = rowOf(page, confirmed);
  assert.ok(await row.getByRole("link", { name: new RegExp(`PV Nº ${number}\\b`) }).isVisible());
  assert.equal(await page.locator("tbody tr").count(), 1);
});

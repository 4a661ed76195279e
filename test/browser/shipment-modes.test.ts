// The shipment form follows how the order ships (issue 16, item 6): a store pickup offers
// "Pronto para retirada" and "Retirado" with no carrier, tracking nor label, and its customer
// e-mail says so; a shipped order's form starts with the carrier the shipping DE-PARA gave it;
// the label carries the service, the CEP as bars, and the NF-e number or a declaração de
// conteúdo when there is no invoice.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { apiGet, openPanel, type Panel, settledRow, until } from "../helpers/browser.ts";
import { readCode128 } from "../helpers/code128-read.ts";
import { barWidths, readPdf } from "../helpers/pdf-read.ts";

interface Detail {
  id: number;
  carrier: string | null;
  shippingType: string | null;
  pickup: boolean;
  canonicalStatus: string;
  deliveryAddress: { zipcode?: string } | null;
}

let panel: Panel;
let page: Page;

before(async () => {
  panel = await openPanel({ simulator: { orders: 2 } });
  page = panel.page;
});
after(() => panel?.close());

/** A paid order placed on the store (the simulator announces it by webhook), once Ponte made its sales order. */
async function paidOrder(overrides: Record<string, unknown>): Promise<Detail> {
  const created = panel.server.simulator.createOrder({
    status: "open",
    payment_status: "paid",
    ...overrides,
  });
  const row = await settledRow(page, panel.server, String(created.id), "synced");
  assert.ok(row.salesOrderId);
  return apiGet<Detail>(page, `/api/v1/orders/${row.salesOrderId}`);
}

const section = () => page.getByRole("region", { name: "Faturamento e envio" });

test("Retirada na loja: Pronto para retirada, then Retirado — no carrier, tracking nor label; the e-mail says it is ready at the store", async () => {
  const order = await paidOrder({
    shipping_pickup_type: "pickup",
    shipping_option: "Retirada na loja Centro",
  });
  assert.equal(order.pickup, true);
  await page.goto(`/pedidos/${order.id}`);
  const card = section();
  await card.getByText("Retirada na loja: sem transportadora, rastreio nem etiqueta.").waitFor();
  assert.equal(await card.getByLabel("Código de rastreio").count(), 0, "no tracking field");
  assert.equal(await card.getByLabel("Transportadora").count(), 0, "no carrier field");
  assert.equal(await card.getByRole("link", { name: "Imprimir etiqueta" }).count(), 0, "no label");

  await card.getByRole("button", { name: "Pronto para retirada" }).click();
  await page.getByRole("status").filter({ hasText: "Pedido pronto para retirada na loja." }).waitFor();
  await card.getByRole("button", { name: "Retirado", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Marcar como retirado" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: /Pedido marcado como retirado/ })
    .waitFor();
  const done = await apiGet<Detail>(page, `/api/v1/orders/${order.id}`);
  assert.equal(done.canonicalStatus, "entregue");

  const emails = await until("the order's e-mails queued", async () => {
    const list = await apiGet<{ items: { salesOrderId: number; subject: string }[] }>(
      page,
      "/api/v1/emails?limit=100",
    );
    const mine = list.items.filter((e) => e.salesOrderId === order.id);
    return mine.length >= 2 ? mine : undefined;
  });
  const subjects = emails.map((e) => e.subject).join(" | ");
  assert.match(subjects, /pronto para retirada/, subjects);
  assert.match(subjects, /retirado/);
  assert.doesNotMatch(subjects, /despachado/);
});

test("a shipped order: the form starts with the DE-PARA's carrier, and the label has the service, the CEP as bars and a declaração de conteúdo without an invoice", async () => {
  const order = await paidOrder({ shipping_pickup_type: "ship" });
  assert.equal(order.pickup, false);
  assert.ok(order.carrier, "the shipping DE-PARA gave it a carrier");
  await page.goto(`/pedidos/${order.id}`);
  const carrier = section().getByRole("combobox", { name: "Transportadora" });
  await carrier.waitFor();
  assert.equal(await carrier.inputValue(), order.carrier);

  const label = await page.request.get(`/api/v1/orders/${order.id}/label.pdf`);
  assert.equal(label.status(), 200);
  const pdf = (await readPdf(await label.body()))[0]!;
  if (order.shippingType && order.shippingType !== order.carrier)
    assert.ok(pdf.texts.includes(`Serviço: ${order.shippingType}`), JSON.stringify(pdf.texts));
  assert.ok(
    pdf.texts.includes("Sem nota fiscal: acompanha declaração de conteúdo"),
    JSON.stringify(pdf.texts),
  );
  const cep = readCode128(barWidths(pdf.rects.filter((r) => r.h > 20 && r.h < 40)));
  assert.equal(cep, order.deliveryAddress?.zipcode?.replace(/\D/g, ""));
});

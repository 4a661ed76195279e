// The irreversible actions ask first (issue 16, item 7): Cancelar (status form) and Marcar como
// entregue open a dialog that says what happens on the store (the pushes the store's Envio à loja
// table would send, as the transitions API lists them) and to the customer, with Notificar cliente
// at the status's default. Voltar keeps everything as it was; confirming does it once.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { apiGet, openPanel, type Panel } from "../helpers/browser.ts";

interface ListItem {
  id: number;
  number: number;
  canonicalStatus: string;
}
interface Detail {
  canonicalStatus: string;
  events: { kind: string; data: { to?: string; notifyCustomer?: boolean } }[];
}
interface Transitions {
  allowed: { status: string; storeEffects: string[] }[];
}

let panel: Panel;
let page: Page;
let paid: ListItem[];

const detail = (o: ListItem) => apiGet<Detail>(page, `/api/v1/orders/${o.id}`);
const movesTo = async (o: ListItem, status: string) =>
  (await detail(o)).events.filter((e) => e.kind === "status_changed" && e.data.to === status);
const storeSentence = async (o: ListItem, status: string) => {
  const { allowed } = await apiGet<Transitions>(page, `/api/v1/orders/${o.id}/transitions`);
  const effects = allowed.find((a) => a.status === status)!.storeEffects;
  return effects.length === 0 ? "Nada é enviado à loja." : `Na loja: ${effects.join("; ")}.`;
};
const post = async (path: string, data: unknown) => {
  const res = await page.request.post(path, { data, headers: { origin: panel.server.url } });
  assert.equal(res.status(), 201, await res.text());
};

before(async () => {
  panel = await openPanel({ simulator: { orders: 12 } });
  page = panel.page;
  const { items } = await apiGet<{ items: ListItem[] }>(page, "/api/v1/orders?limit=200");
  paid = items.filter((o) => o.canonicalStatus === "pagamento_confirmado");
  assert.ok(paid.length >= 2, "two paid orders");
});

after(() => panel?.close());

test("Cancelar asks first, saying what the store and the customer get; Voltar changes nothing, confirming cancels once", async () => {
  const order = paid[0]!;
  const expected = await storeSentence(order, "cancelado");
  await page.goto(`/pedidos/${order.id}?aba=historico`);
  const form = page.getByRole("form", { name: "Alterar status" });
  await form.getByLabel("Novo status").selectOption("cancelado");
  await form.getByRole("button", { name: "Salvar status" }).click();
  const dialog = page.getByRole("dialog", { name: `Cancelar o pedido Nº ${order.number}?` });
  await dialog.getByText(expected, { exact: true }).waitFor();
  await dialog
    .getByText(/O cliente (recebe um e-mail|não recebe e-mail|não tem e-mail)|A plataforma da loja avisa/)
    .waitFor();

  await dialog.getByRole("button", { name: "Voltar" }).click();
  assert.equal(
    (await detail(order)).canonicalStatus,
    "pagamento_confirmado",
    "Voltar keeps the order as it was",
  );
  assert.equal((await movesTo(order, "cancelado")).length, 0);

  await form.getByRole("button", { name: "Salvar status" }).click();
  await dialog.getByRole("button", { name: "Cancelar o pedido" }).click();
  await page.getByText(/Status alterado para Cancelado/).waitFor();
  assert.equal((await detail(order)).canonicalStatus, "cancelado");
  assert.equal((await movesTo(order, "cancelado")).length, 1, "cancelled once");
});

test("Marcar como entregue asks first with Notificar cliente; unticked, no e-mail; Voltar changes nothing", async () => {
  const order = paid[1]!;
  await post(`/api/v1/orders/${order.id}/invoice`, { kind: "simple" });
  await post(`/api/v1/orders/${order.id}/shipments`, { carrier: "Jadlog", trackingCode: "JD123456789" });
  const expected = await storeSentence(order, "entregue");
  await page.goto(`/pedidos/${order.id}`);
  await page.getByRole("button", { name: "Marcar como entregue" }).click();
  const dialog = page.getByRole("dialog", { name: `Marcar o pedido Nº ${order.number} como entregue?` });
  await dialog.getByText(expected, { exact: true }).waitFor();

  await dialog.getByRole("button", { name: "Voltar" }).click();
  assert.equal((await detail(order)).canonicalStatus, "despachado", "Voltar keeps the order as it was");

  await page.getByRole("button", { name: "Marcar como entregue" }).click();
  const notify = dialog.getByLabel("Notificar cliente");
  if (await notify.isChecked()) await notify.uncheck();
  await dialog.getByText("O cliente não recebe e-mail.", { exact: true }).waitFor();
  await dialog.getByRole("button", { name: "Marcar como entregue" }).click();
  await page.getByText("Pedido marcado como entregue.", { exact: true }).waitFor();
  const moves = await movesTo(order, "entregue");
  assert.equal(moves.length, 1, "delivered once");
  assert.equal(moves[0]!.data.notifyCustomer, false, "as chosen in the dialog");
});

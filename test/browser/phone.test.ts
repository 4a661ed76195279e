// The panel on a phone (issue 16, item 8), at 390 px: every menu entry is within reach, Integração
// keeps the order number in view while its row scrolls sideways, long values wrap instead of
// widening the page, and on the order's history Alterar status comes before the history, which
// reads newest first with the integration's bookkeeping folded.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { apiGet, openPanel, type Panel } from "../helpers/browser.ts";

let panel: Panel;
let phone: Page;

before(async () => {
  panel = await openPanel({ simulator: { orders: 8 } });
  phone = await panel.signedInPage(true);
});
after(() => panel?.close());

/** True when the page itself does not scroll sideways. */
const fitsWidth = () => phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test("every menu entry is visible inside the screen, without scrolling the menu", async () => {
  await phone.goto("/");
  const links = phone.getByRole("navigation", { name: "Seções do painel" }).getByRole("link");
  await links.first().waitFor(); // the menu renders once the session is read
  const count = await links.count();
  assert.ok(count >= 7, `${count} entries`);
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    const box = await link.boundingBox();
    assert.ok(box, `${await link.textContent()} is laid out`);
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `${await link.textContent()} within the 390 px screen`);
  }
  await links.filter({ hasText: "Configurações" }).click();
  await phone.waitForURL(/\/configuracoes$/);
  assert.ok(await fitsWidth());
});

test("Integração keeps the order number in view when the row scrolls sideways", async () => {
  await phone.goto("/integracao");
  await phone.getByLabel("Todos").check();
  await phone.getByRole("button", { name: "Carregar" }).click();
  // The whole list, loaded and settled, before scrolling it (an earlier render would reset the scroll).
  await phone.getByRole("heading", { name: /^Todos os pedidos/ }).waitFor();
  await phone
    .getByRole("status")
    .filter({ hasText: /pedidos carregados/ })
    .waitFor();
  const table = phone.locator("table.integration-table");
  await table.locator("tbody tr").first().waitFor();
  await phone
    .locator(".table-wrap")
    .first()
    .evaluate((frame) => frame.scrollBy(600, 0));
  const scrolled = await phone
    .locator(".table-wrap")
    .first()
    .evaluate((frame) => frame.scrollLeft);
  assert.ok(scrolled > 0, "the row is wider than the screen and scrolled");
  const number = table.locator("tbody th[scope=row]").first();
  const box = (await number.boundingBox())!;
  assert.ok(box.x >= 0 && box.x < 100, `the order number stays at the left edge (x=${box.x})`);
  assert.match((await number.textContent()) ?? "", /Nº \d+/);
  assert.ok(await fitsWidth(), "the page itself does not scroll sideways");
});

test("the order's history: Alterar status first, newest entries first, bookkeeping folded, nothing wider than the screen", async () => {
  const [order] = (await apiGet<{ items: { id: number }[] }>(panel.page, "/api/v1/orders?limit=1")).items;
  await phone.goto(`/pedidos/${order!.id}?aba=historico`);
  const form = phone.getByRole("form", { name: "Alterar status" });
  const timeline = phone.getByRole("list", { name: "Histórico do pedido" });
  await timeline.waitFor();
  const formTop = (await form.boundingBox())!.y;
  const historyTop = (await timeline.boundingBox())!.y;
  assert.ok(formTop < historyTop, `Alterar status (y=${formTop}) above the history (y=${historyTop})`);

  const times = await timeline
    .locator(":scope > li time")
    .evaluateAll((els) => els.map((e) => e.getAttribute("datetime")!));
  const sorted = [...times].sort().reverse();
  assert.deepEqual(times, sorted, "newest first");
  // An imported order's records (products, customer) are bookkeeping: folded, one click away.
  const folded = timeline.locator("details", { hasText: "Produtos cadastrados" });
  assert.equal(await folded.count(), 1);
  assert.equal(await folded.getAttribute("open"), null, "folded");
  assert.equal(await timeline.getByText(/Produtos criados pela integração/).isVisible(), false);
  await folded.locator("summary").click();
  await timeline.getByText(/Produtos criados pela integração/).waitFor();
  assert.ok(await fitsWidth());

  await phone.getByRole("tab", { name: "Dados" }).click();
  await phone.getByRole("heading", { name: "Cliente", exact: true }).waitFor();
  assert.ok(await fitsWidth(), "long e-mails and keys wrap");
});

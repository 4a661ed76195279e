// Falhas in a real browser: an order whose payload Ponte cannot read lands here with its
// reason and payload; once the cause is fixed in the store, Reprocessar (one, the selected,
// or every order of the store after a confirmation) takes it off the list.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import {
  apiGet,
  openPanel,
  type Panel,
  type PanelServer,
  panelRow,
  screenshot,
  until,
} from "../helpers/browser.ts";
import { assertFitsPhone, fixOrderQuietly, newBrokenOrder, text } from "./ops-helpers.ts";

let panel: Panel;
let server: PanelServer;
let page: Page;

before(async () => {
  // An import the queue gave up on stays failed until Reprocessar (the Tarefas test).
  panel = await openPanel({ env: { PONTE_IMPORT_MAX_ATTEMPTS: "1" } });
  ({ server, page } = panel);
});
after(() => panel?.close());

const orderRow = (number: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^#${number}\\b`) }) });

test("a failed order shows its reason and payload; fixed in the store, Reprocessar takes it off the list", async () => {
  const broken = await newBrokenOrder(page, server);
  await page.goto("/falhas");
  const row = orderRow(broken.number);
  await row.waitFor();
  assert.match(await text(row), /Pedido da loja ilegível: total: "quarenta reais" is not an amount of money/);
  assert.match(await text(row), /Loja Teste/);

  // The payload is loaded when asked for, and shows what the store sent.
  const show = row.getByRole("button", { name: `Ver payload do pedido #${broken.number}` });
  assert.equal(await show.getAttribute("aria-expanded"), "false");
  await show.click();
  assert.equal(await show.getAttribute("aria-expanded"), "true");
  const payload = page.locator(`#payload-${server.storeId}-${broken.externalId} pre.payload`);
  await payload.waitFor();
  assert.match(await text(payload), /"total": "quarenta reais"/);
  await screenshot(page, "falhas");

  // Reprocessar before the cause is fixed: it fails again and stays, with its attempts counted.
  const attemptsBefore = Number(await text(row.getByRole("cell").nth(2)));
  await row.getByRole("button", { name: `Reprocessar o pedido #${broken.number}` }).click();
  await page.getByRole("status").filter({ hasText: "Reprocessando 1 pedido" }).waitFor();
  await until(
    "the retry to run",
    async () =>
      (await panelRow(page, server, broken.externalId)).syncState === "error" &&
      Number(await text(row.getByRole("cell").nth(2))) > attemptsBefore,
  );

  await fixOrderQuietly(server, broken.id);
  await row.getByRole("button", { name: `Reprocessar o pedido #${broken.number}` }).click();
  await row.waitFor({ state: "detached" });
  await page.getByText("Nenhum pedido com erro.").waitFor();
  assert.equal((await panelRow(page, server, broken.externalId)).syncState, "synced");
});

test("Reprocessar selecionados, and Reprocessar todos da loja after a confirmation", async () => {
  const first = await newBrokenOrder(page, server);
  const second = await newBrokenOrder(page, server);
  const third = await newBrokenOrder(page, server);
  await page.goto("/falhas");
  for (const o of [first, second, third]) await orderRow(o.number).waitFor();

  const selected = page.getByRole("button", { name: /^Reprocessar selecionados/ });
  assert.equal(await selected.isDisabled(), true, "nothing selected yet");
  await fixOrderQuietly(server, first.id);
  await page.getByLabel(`Selecionar o pedido #${first.number}`).check();
  await page.getByRole("button", { name: "Reprocessar selecionados (1)" }).click();
  await orderRow(first.number).waitFor({ state: "detached" });
  assert.ok(await orderRow(second.number).isVisible(), "the others were not touched");

  // "Todos da loja" needs a store chosen: the filter keeps it in the address.
  const all = page.getByRole("button", { name: /^Reprocessar todos da loja/ });
  assert.equal(await all.isDisabled(), true);
  await page.getByLabel("Loja", { exact: true }).selectOption({ label: "Loja Teste" });
  await page.waitForURL(new RegExp(`/falhas\\?loja=${server.storeId}$`));
  await fixOrderQuietly(server, second.id);
  await fixOrderQuietly(server, third.id);
  await all.click();
  const dialog = page.getByRole("dialog", { name: "Reprocessar todos os pedidos com erro de Loja Teste?" });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  await dialog.waitFor({ state: "hidden" });
  assert.ok(await orderRow(second.number).isVisible(), "cancelled: nothing was retried");

  await all.click();
  await dialog.getByRole("button", { name: "Reprocessar todos" }).click();
  await page.getByRole("status").filter({ hasText: "Reprocessando 2 pedidos" }).waitFor();
  await page.getByText("Nenhum pedido com erro na loja Loja Teste.").waitFor();
  for (const o of [second, third])
    assert.equal((await panelRow(page, server, o.externalId)).syncState, "synced");
});

interface JobRow {
  id: string;
  task: string;
  attempts: number;
  maxAttempts: number;
  retrying: boolean;
}

test("Tarefas: an import the queue gave up on shows its error and payload; only Reprocessar runs it again", async () => {
  const jobs = async () =>
    (await apiGet<{ items: JobRow[] }>(page, `/api/v1/failures?kind=jobs&storeId=${server.storeId}`)).items;
  // The platform answers the order listing with a server error, lastingly. The import job fails,
  // and the queue gives up on it after its one attempt (PONTE_IMPORT_MAX_ATTEMPTS=1 above), so
  // nothing runs it again on its own: only a person can, with Reprocessar.
  server.simulator.setOptions({ faultScript: [{ status: 503, count: 1_000_000, path: "^/orders$" }] });
  const queued = await page.request.post(`/api/v1/stores/${server.storeId}/import`, {
    headers: { origin: server.url },
  });
  assert.equal(queued.status(), 202, await queued.text());
  const failed = await until(
    "the import job to fail and be given up",
    async () => (await jobs()).find((j) => j.task === "import-orders" && !j.retrying),
    90_000,
  );
  await page.goto(`/falhas?loja=${server.storeId}&tipo=tarefas`);
  assert.equal(await page.getByRole("tab", { name: "Tarefas" }).getAttribute("aria-selected"), "true");
  const row = page.getByRole("row").filter({
    has: page.getByRole("rowheader", { name: new RegExp(`^Importar pedidos tarefa ${failed.id}\\b`) }),
  });
  await row.waitFor();
  assert.match(await text(row), new RegExp(`${failed.attempts} de ${failed.maxAttempts}`));
  assert.match(await text(row), /Sem novas tentativas/);
  assert.match(await text(row), /503/, "the error says what the platform answered");
  assert.ok(!(await text(row)).includes(server.simulator.url), "not the platform's address");
  await row.getByRole("button", { name: `Ver payload de Importar pedidos (tarefa ${failed.id})` }).click();
  assert.match(await text(page.locator(`#job-payload-${failed.id} pre.payload`)), /"storeId": \d+/);

  // The platform answers again. The given-up import stays given up: the queue does not retry it.
  server.simulator.setOptions({ faultScript: null });
  await page.reload();
  await row.waitFor();
  assert.match(await text(row), /Sem novas tentativas/);
  await row.getByRole("button", { name: `Reprocessar Importar pedidos (tarefa ${failed.id})` }).click();
  await page.getByRole("status").filter({ hasText: "Reprocessando 1 tarefa" }).waitFor();
  await page.getByText("Nenhuma tarefa com falha.").waitFor({ timeout: 30_000 });
  assert.deepEqual(await jobs(), [], "the import ran and succeeded");
});

test("phone-sized: the list of failures fits, scrolling inside its frame", async () => {
  const broken = await newBrokenOrder(page, server);
  const phone = await panel.signedInPage(true);
  await phone.goto("/falhas");
  await phone.getByRole("rowheader", { name: new RegExp(`^#${broken.number}\\b`) }).waitFor();
  await assertFitsPhone(phone, "/falhas");
  await phone.context().close();
});

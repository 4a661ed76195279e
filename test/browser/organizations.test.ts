// Organisations in the panel (issue 17, item 3): an admin makes a second organisation in
// Configurações, switches to it in the top bar and finds it empty (the first one's stores and
// orders are not there), then switches back and finds them again.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { apiGet, openPanel, type Panel } from "../helpers/browser.ts";

let panel: Panel;

before(async () => {
  panel = await openPanel({ simulator: { orders: 4 } });
});
after(() => panel?.close());

test("an admin creates an organisation, switches to it and back; each shows only its own stores and orders", async () => {
  const page = panel.page;
  const stores = await apiGet<{ name: string }[]>(page, "/api/v1/stores");
  const first = stores[0]!.name;
  await page.goto("/configuracoes");
  const section = page.getByRole("region", { name: "Organizações" });
  const form = section.getByRole("form", { name: "Nova organização" });
  await form.getByLabel("Nome").fill("Loja Beta");
  await form.getByRole("button", { name: "Criar organização" }).click();
  await page.getByText(/Organização Loja Beta criada/).waitFor();
  await section.getByText("Loja Beta — Administrador").waitFor();

  const switcher = page.getByRole("combobox", { name: "Organização" });
  await switcher.selectOption({ label: "Loja Beta" });
  await page.getByText("Agora você está em Loja Beta.").waitFor();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/lojas");
  await page.getByRole("heading", { name: "Lojas", level: 1 }).waitFor();
  await page.getByText(/Nenhuma loja conectada ainda. Conecte/).waitFor();
  assert.equal(await page.getByText(first).count(), 0, "the first organisation's store is not here");
  const orders = await apiGet<{ items: unknown[] }>(page, "/api/v1/orders");
  assert.equal(orders.items.length, 0);

  await page.getByRole("combobox", { name: "Organização" }).selectOption({ label: "Padrão" });
  await page.getByText("Agora você está em Padrão.").waitFor();
  await page.goto("/lojas");
  await page.getByText(first).first().waitFor();
  assert.ok((await apiGet<{ items: unknown[] }>(page, "/api/v1/orders")).items.length > 0);
});

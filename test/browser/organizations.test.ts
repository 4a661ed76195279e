// Organisations in the panel (issue 17, item 3): an admin makes a second organisation in
// Configurações, switches to it in the top bar and finds it empty (the first one's stores and
// orders are not there), then switches back and finds them again.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { apiGet, openPanel, type Panel } from "../helpers/browser.ts";
import { ensureUser } from "../helpers/session.ts";

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

test("the next person to sign in on this browser sees none of the last one's organisations", async () => {
  const page = panel.page;
  const reader = {
    email: "leitura@padrao.com.br",
    password: "senha da leitura 123",
    role: "reader" as const,
  };
  await ensureUser(panel.server.database.db, reader);
  await page.goto("/");
  // The admin works in two organisations: the top bar offers both.
  await page.getByRole("combobox", { name: "Organização" }).waitFor();
  await page.getByRole("button", { name: "Sair" }).click();
  await page.getByLabel("E-mail").fill(reader.email);
  await page.getByLabel("Senha").fill(reader.password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.getByRole("button", { name: "Sair" }).waitFor();
  await page.locator(".org-name", { hasText: "Padrão" }).waitFor();
  assert.equal(
    await page.getByRole("combobox", { name: "Organização" }).count(),
    0,
    "no switch to the admin's",
  );
  assert.equal(await page.locator("option", { hasText: "Loja Beta" }).count(), 0);
});

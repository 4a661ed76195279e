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

test("switched in another tab: this tab makes nothing in the organisation it does not show, and starts over in the one now in use", async () => {
  const page = panel.page;
  await page.goto("/clientes");
  await page.getByRole("button", { name: "Novo cliente" }).click();
  const create = page.getByRole("form", { name: "Novo cliente" });
  await create.getByLabel("Nome").fill("Cliente da Aba Velha");
  await page.locator(".org-switch").waitFor();
  assert.equal(await page.locator(".org-switch").inputValue(), "1", "this tab shows Padrão");

  const other = await page.context().newPage();
  try {
    await other.goto("/");
    await other.getByRole("combobox", { name: "Organização" }).selectOption({ label: "Loja Beta" });
    await other.getByText("Agora você está em Loja Beta.").waitFor();

    await create.getByRole("button", { name: "Cadastrar cliente" }).click();
    await page
      .getByText(/A organização foi trocada em outra aba: agora esta aba também está em Loja Beta/)
      .waitFor();
    await page.waitForURL((url) => url.pathname === "/" && !url.search.includes("organizacao_trocada"));
    assert.equal(
      await page.getByRole("combobox", { name: "Organização" }).locator("option:checked").textContent(),
      "Loja Beta",
    );
    const made = await apiGet<{ items: unknown[] }>(page, "/api/v1/customers?q=Aba%20Velha");
    assert.equal(made.items.length, 0, "nothing made in Loja Beta");
  } finally {
    await other.close();
  }
  await page.getByRole("combobox", { name: "Organização" }).selectOption({ label: "Padrão" });
  await page.getByText("Agora você está em Padrão.").waitFor();
  const inFirst = await apiGet<{ items: unknown[] }>(page, "/api/v1/customers?q=Aba%20Velha");
  assert.equal(inFirst.items.length, 0, "nor in Padrão");
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

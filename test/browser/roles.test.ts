// Roles in the panel (issue 17, items 1 and 2): an admin adds a Leitura user and an API token in
// Configurações (the secret shown once, then only its start), revokes the token; the Leitura user
// sees orders with the CPF/CNPJ masked and no action that changes anything; once disabled, their
// next step lands on the sign-in form.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { apiGet, newPage, openPanel, type Panel, signIn } from "../helpers/browser.ts";

const READER = { email: "leitora@loja.com.br", password: "senha-de-leitura-1" };

let panel: Panel;
let reader: Page;

before(async () => {
  panel = await openPanel({ simulator: { orders: 6 } });
});
after(() => panel?.close());

test("an admin adds a Leitura user and an API token in Configurações, and revokes the token", async () => {
  const page = panel.page;
  await page.goto("/configuracoes");
  const users = page.getByRole("region", { name: "Usuários" });
  const form = users.getByRole("form", { name: "Adicionar usuário" });
  await form.getByLabel("E-mail").fill(READER.email);
  await form.getByLabel("Senha inicial").fill(READER.password);
  await form.getByLabel("Papel").selectOption({ label: "Leitura" });
  await form.getByRole("button", { name: "Adicionar usuário" }).click();
  const row = users.getByRole("row").filter({ hasText: READER.email });
  await row.waitFor();
  assert.equal(await row.getByLabel(`Papel de ${READER.email}`).inputValue(), "reader");

  const tokens = page.getByRole("region", { name: "Tokens de API" });
  const tokenForm = tokens.getByRole("form", { name: "Criar token de API" });
  await tokenForm.getByLabel("Nome do token").fill("relatorios");
  await tokenForm.getByLabel("Acesso").selectOption({ label: "Leitura" });
  await tokenForm.getByLabel("Validade").selectOption({ label: "30 dias" });
  await tokenForm.getByRole("button", { name: "Criar token" }).click();
  const secret = await tokenForm.getByLabel("Token criado").inputValue();
  assert.match(secret, /^ponte_/);
  // The secret works, as a read-only token.
  const status = await page.evaluate(async (t) => {
    const r = await fetch("/api/v1/orders", { headers: { authorization: `Bearer ${t}` } });
    return r.status;
  }, secret);
  assert.equal(status, 200);
  const tokenRow = tokens.getByRole("row").filter({ hasText: "relatorios" });
  await tokenRow.getByText("Leitura").waitFor();
  assert.ok(
    !(await tokens.getByRole("table").textContent())?.includes(secret),
    "the list never shows the secret",
  );
  await tokenRow.getByRole("button", { name: "Revogar" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revogar token" }).click();
  await tokenRow.getByText(/Revogado em/).waitFor();
  const after = await page.evaluate(async (t) => {
    const r = await fetch("/api/v1/orders", { headers: { authorization: `Bearer ${t}` } });
    return r.status;
  }, secret);
  assert.equal(after, 401);
});

test("the Leitura user sees orders with the CPF/CNPJ masked and nothing that changes them", async () => {
  reader = await newPage(panel.browser, panel.server.url);
  await signIn(reader, READER);
  await reader.getByText("Leitura", { exact: true }).waitFor(); // the role beside the e-mail
  // An order whose customer has a CPF/CNPJ (the simulator's buyers have one).
  const list = await apiGet<{ items: { id: number }[] }>(panel.page, "/api/v1/orders?limit=10");
  let target: { id: number; document: string } | undefined;
  for (const { id } of list.items) {
    const detail = await apiGet<{ customer: { document: string | null } | null }>(
      panel.page,
      `/api/v1/orders/${id}`,
    );
    if (detail.customer?.document) {
      target = { id, document: detail.customer.document };
      break;
    }
  }
  assert.ok(target, "an order with a customer document");
  await reader.goto(`/pedidos/${target.id}`);
  await reader.getByRole("heading", { name: /Pedido Nº/ }).waitFor();
  const d = target.document;
  const masked =
    d.length === 11
      ? `***.${d.slice(3, 6)}.${d.slice(6, 9)}-**`
      : `${d.slice(0, 2)}.${d.slice(2, 5)}.***/****-${d.slice(12)}`;
  const whole =
    d.length === 11
      ? `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`
      : `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-${d.slice(12)}`;
  await reader.getByText(masked).first().waitFor();
  const text = (await reader.locator("main").textContent()) ?? "";
  assert.ok(!text.includes(whole) && !text.includes(d), "the whole CPF/CNPJ is nowhere on the page");
  for (const name of ["Excluir pedido", "Confirmar pagamento", "Faturar"]) {
    assert.equal(await reader.getByRole("button", { name }).count(), 0, `no ${name}`);
  }
  await reader.getByRole("tab", { name: "Histórico" }).click();
  await reader.getByRole("heading", { name: "Histórico" }).waitFor();
  assert.equal(await reader.getByRole("heading", { name: "Alterar status" }).count(), 0);

  await reader.goto("/pedidos");
  await reader.getByRole("heading", { name: "Pedidos", exact: true }).waitFor();
  assert.equal(await reader.getByRole("link", { name: "Novo pedido" }).count(), 0);
  await reader.goto("/lojas");
  await reader.getByRole("heading", { name: "Lojas", exact: true }).waitFor();
  assert.equal(await reader.getByRole("button", { name: "Conectar loja" }).count(), 0);
  await reader.goto("/configuracoes");
  await reader.getByRole("heading", { name: "Remetente das etiquetas" }).waitFor();
  assert.equal(await reader.getByRole("region", { name: "Usuários" }).count(), 0);
  assert.equal(await reader.getByRole("button", { name: "Salvar remetente" }).count(), 0);
});

test("a disabled user's next step lands on the sign-in form", async () => {
  const page = panel.page;
  await page.goto("/configuracoes");
  await page.getByRole("button", { name: `Desativar ${READER.email}` }).click();
  await page
    .getByRole("region", { name: "Usuários" })
    .getByRole("row")
    .filter({ hasText: READER.email })
    .getByText("Desativado")
    .waitFor();
  await reader.goto("/pedidos");
  await reader.getByRole("button", { name: "Entrar" }).waitFor();
  await reader.getByLabel("E-mail").fill(READER.email);
  await reader.getByLabel("Senha").fill(READER.password);
  await reader.getByRole("button", { name: "Entrar" }).click();
  await reader.getByText(/desativado/i).waitFor();
});

// Clientes in a real browser (issue 16, item 1): customers the sync made from orders placed on the
// simulator store are found by name without accents and by masked CPF; the record shows the
// CPF, the store's default fields and the orders; the edit refuses a wrong check digit and a
// phone next to their fields; an order that came without CPF is linked by hand to a customer made
// in the panel ("Vincular a um cliente", in its timeline), and that record is merged into the
// customer with the CPF; two people with different CPFs are refused.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { signWebhookBody } from "../../src/simulators/nuvemshop/index.ts";
import { openPanel, type Panel, screenshot, settledRow } from "../helpers/browser.ts";

let panel: Panel;
let page: Page;
let seq = 0;

const CPF_JOAO = "529.982.247-25";
const CPF_MARIA = "111.444.777-35";

/** An order placed on the store by this person, announced by webhook, once Ponte synced it. */
async function placedOrder(person: {
  name: string;
  email: string;
  document: string | null;
}): Promise<number> {
  const { server } = panel;
  const id = ++seq;
  const created = server.simulator.createOrder({
    payment_status: "paid",
    contact_name: person.name,
    contact_email: person.email,
    contact_identification: person.document,
    contact_phone: "+55 11 91234-5678",
    customer: { id: 7000 + id, name: person.name, email: person.email, identification: person.document },
  }) as { id: number };
  const body = JSON.stringify({ store_id: server.simulator.storeId, event: "order/created", id: created.id });
  const answer = await page.request.post("/webhooks/nuvemshop", {
    data: body,
    headers: {
      "content-type": "application/json",
      "x-linkedstore-hmac-sha256": signWebhookBody(body, server.simulator.clientSecret),
    },
  });
  assert.equal(answer.status(), 200, await answer.text());
  const row = await settledRow(page, server, created.id, "synced");
  assert.ok(row.salesOrderId, "a sales order was created");
  return row.salesOrderId;
}

let orderWithoutCpf: number;

before(async () => {
  panel = await openPanel({ simulator: { orders: 3 } });
  page = panel.page;
  const { server } = panel;
  // Seed 002: the store's expressions fill the default fields of the customers it creates.
  const defaults = await page.request.put(`/api/v1/stores/${server.storeId}/customer-defaults`, {
    data: { rows: [{ field: "apelido", expression: 'customer.name & " (loja)"' }] },
    headers: { origin: server.url },
  });
  assert.equal(defaults.status(), 200, await defaults.text());
  await placedOrder({ name: "João Araújo", email: "joao.araujo@example.org", document: CPF_JOAO });
  await placedOrder({ name: "João Araújo", email: "joao.araujo@example.org", document: CPF_JOAO });
  await placedOrder({ name: "Maria Conceição", email: "maria@example.org", document: CPF_MARIA });
  orderWithoutCpf = await placedOrder({ name: "João A.", email: "joao.a@example.org", document: null });
});

after(() => panel?.close());

const searchFor = async (text: string) => {
  const form = page.getByRole("form", { name: "Buscar clientes" });
  await form.getByLabel("Buscar").fill(text);
  await form.getByRole("button", { name: "Buscar", exact: true }).click();
};

test("Clientes finds a customer by name without accents and by masked CPF", async () => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Seções do painel" })
    .getByRole("link", { name: "Clientes" })
    .click();
  await page.getByRole("heading", { name: "Clientes", level: 1 }).waitFor();
  const list = page.getByRole("table", { name: "Clientes" });
  await list.getByRole("link", { name: "Cliente Maria Conceição" }).waitFor();

  await searchFor("joao araujo");
  await page.getByText("1 cliente exibido.").waitFor();
  await list.getByRole("link", { name: "Cliente João Araújo" }).waitFor();
  assert.equal(await list.getByRole("row").count(), 2, "the header and João");

  await searchFor(CPF_MARIA);
  await list.getByRole("link", { name: "Cliente Maria Conceição" }).waitFor();
  await page.getByText("1 cliente exibido.").waitFor();

  await searchFor("x");
  await page.getByText("Digite pelo menos 2 caracteres.").waitFor();
  await searchFor("joão");
  await list.getByRole("link", { name: "Cliente João Araújo" }).waitFor();
  await screenshot(page, "clientes");
});

test("the record shows the CPF, the default fields and the orders; the edit refuses bad values next to the field", async () => {
  await page.goto("/clientes?q=araujo");
  await page.getByRole("link", { name: "Cliente João Araújo" }).click();
  await page.getByRole("heading", { name: "João Araújo", level: 1 }).waitFor();
  const facts = page.getByRole("region", { name: "Documentos e contatos" });
  await facts.getByText(CPF_JOAO, { exact: true }).waitFor();
  await facts.getByText("joao.araujo@example.org").waitFor();
  await page.getByRole("region", { name: "Campos padrões" }).getByText("João Araújo (loja)").waitFor();
  await page
    .getByRole("region", { name: "Lojas" })
    .getByText(/2 pedidos/)
    .waitFor();
  const orders = page.getByRole("table", { name: "Pedidos do cliente" });
  await orders.waitFor();
  assert.equal(await orders.locator("tbody tr").count(), 2);

  const form = page.getByRole("form", { name: "Editar cadastro" });
  await form.getByLabel("CPF/CNPJ").fill("529.982.247-26");
  await form.getByRole("button", { name: "Salvar cadastro" }).click();
  await form.getByText("Os dígitos verificadores do CPF/CNPJ não conferem").waitFor();
  assert.equal(await form.getByLabel("CPF/CNPJ").getAttribute("aria-invalid"), "true");

  await form.getByLabel("CPF/CNPJ").fill(CPF_MARIA);
  await form.getByRole("button", { name: "Salvar cadastro" }).click();
  await form.getByText("Esse CPF/CNPJ já pertence a outro cliente.").waitFor();
  await form.getByRole("link", { name: "Abrir o outro cadastro" }).waitFor();

  await form.getByLabel("CPF/CNPJ").fill(CPF_JOAO);
  await form.getByLabel("Telefone").fill("1234");
  await form.getByRole("button", { name: "Salvar cadastro" }).click();
  await form.getByText(/Telefone inválido/).waitFor();

  await form.getByLabel("Telefone").fill("(11) 98765-4321");
  await form.getByRole("button", { name: "Salvar cadastro" }).click();
  await page.getByText("Cadastro do cliente salvo.").waitFor();
  await facts.getByText("(11) 98765-4321").waitFor();
  await screenshot(page, "cliente");
});

test("an order without CPF is linked by hand to a new record, which is then merged into the customer with the CPF", async () => {
  // The order came without a document: no customer, and the order page offers to link one.
  await page.goto(`/pedidos/${orderWithoutCpf}`);
  const customerCard = page.getByRole("region", { name: "Cliente", exact: true });
  await customerCard.getByText(/Não vinculado/).waitFor();

  // A record made by hand for that person.
  await page.goto("/clientes");
  await page.getByRole("button", { name: "Novo cliente" }).click();
  const create = page.getByRole("form", { name: "Novo cliente" });
  await create.getByLabel("Nome").fill("João A.");
  await create.getByLabel("E-mail").fill("joao.a@");
  await create.getByRole("button", { name: "Cadastrar cliente" }).click();
  await create.getByText(/E-mail inválido/).waitFor();
  await create.getByLabel("E-mail").fill("joao.a@example.org");
  await create.getByRole("button", { name: "Cadastrar cliente" }).click();
  await page.getByRole("heading", { name: "João A.", level: 1 }).waitFor();

  await page.goto(`/pedidos/${orderWithoutCpf}`);
  await customerCard.getByRole("button", { name: "Vincular a um cliente" }).click();
  const picker = customerCard.getByRole("form", { name: "Vincular a um cliente" });
  await picker.getByLabel("Buscar cliente").fill("joao.a@example");
  await picker.getByRole("button", { name: "Buscar" }).click();
  await customerCard.getByRole("button", { name: "Vincular a João A." }).click();
  await page.getByText("Pedido vinculado ao cliente João A.", { exact: true }).waitFor();
  await customerCard.getByRole("link", { name: /João A\. \(cadastro nº \d+\)/ }).waitFor();
  await page.getByRole("tab", { name: "Histórico / Notificações" }).click();
  await page.getByText(/Pedido vinculado ao cliente João A\. .* manualmente/).waitFor();

  // The same person: João A.'s record merged into João Araújo's, after the question.
  await page.goto("/clientes?q=araujo");
  await page.getByRole("link", { name: "Cliente João Araújo" }).click();
  const merge = page.getByRole("region", { name: "Unificar cadastros" });
  const find = merge.getByRole("form", { name: "Unificar com outro cadastro" });
  await find.getByLabel("Buscar cliente").fill("Maria");
  await find.getByRole("button", { name: "Buscar" }).click();
  await merge.getByRole("button", { name: "Unificar Maria Conceição neste cadastro" }).click();
  await page
    .getByRole("dialog", { name: "Unificar cadastros?" })
    .getByRole("button", { name: "Unificar" })
    .click();
  await merge.getByText(/CPF\/CNPJ diferentes/).waitFor();

  await find.getByLabel("Buscar cliente").fill("joão a.");
  await find.getByRole("button", { name: "Buscar" }).click();
  await merge.getByRole("button", { name: "Unificar João A. neste cadastro" }).click();
  const dialog = page.getByRole("dialog", { name: "Unificar cadastros?" });
  await dialog.getByText(/1 pedido de João A\..*passa para/).waitFor();
  await dialog.getByRole("button", { name: "Unificar" }).click();
  await page.getByText("Cadastros unificados: 1 pedido passou para João Araújo.").waitFor();
  const orders = page.getByRole("table", { name: "Pedidos do cliente" });
  await orders
    .getByRole("link", { name: /Pedido Nº/ })
    .nth(2)
    .waitFor();
  assert.equal(await orders.locator("tbody tr").count(), 3);

  await page.goto(`/pedidos/${orderWithoutCpf}`);
  await customerCard.getByRole("link", { name: /João Araújo \(cadastro nº \d+\)/ }).waitFor();
});

// Clientes through the API (issue 16, item 1), on customers the sync made from orders placed on
// the Nuvemshop simulator and imported: search by name (case and accents ignored), CPF/CNPJ
// (masked or not, alphanumeric CNPJ), e-mail, paged by name; the record with the store's default
// fields, orders and stores; edit with pt-BR field errors and the 409 on another customer's
// document; an order that came without CPF/CNPJ linked by hand (timeline, who); two records of
// the same person merged in one go, and two people refused.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const CPF_JOAO = "529.982.247-25";
const CPF_MARIA = "111.444.777-35";
const CNPJ_ALFA = "12.ABC.345/01DE-35";

describe("customers: search, record, edit, link, merge", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;
  let personSeq = 0;

  const api = async (method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, json: res.json() as Json };
  };
  const ok = async (method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: unknown) => {
    const res = await api(method, url, payload);
    assert.ok(
      res.status >= 200 && res.status < 300,
      `${method} ${url}: ${res.status} ${JSON.stringify(res.json)}`,
    );
    return res.json;
  };
  const refused = async (method: "POST" | "PATCH", url: string, payload: unknown, status: number) => {
    const res = await api(method, url, payload);
    assert.equal(res.status, status, `${method} ${url}: ${JSON.stringify(res.json)}`);
    return res.json.error as Json;
  };
  const search = async (q: string) =>
    (await ok("GET", `/api/v1/customers?q=${encodeURIComponent(q)}`)).items as Json[];
  const idOf = async (q: string) => {
    const found = await search(q);
    assert.equal(found.length, 1, `one customer for ${q}: ${JSON.stringify(found)}`);
    return found[0]!.id as number;
  };

  /** An order placed on the store by this person, imported: its sales order id. */
  async function imported(person: { name: string; email: string; document: string | null }) {
    const id = ++personSeq;
    const order = sim.createOrder({
      payment_status: "paid",
      contact_name: person.name,
      contact_email: person.email,
      contact_identification: person.document,
      contact_phone: "+55 11 91234-5678",
      customer: {
        id: 9000 + id,
        name: person.name,
        email: person.email,
        identification: person.document,
        phone: "+55 11 91234-5678",
      },
    }) as { id: number };
    const outcome = await syncOrder(ctx, storeId, String(order.id));
    assert.ok(outcome?.salesOrderId, `imported: ${JSON.stringify(outcome)}`);
    return outcome.salesOrderId as number;
  }

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 1616, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Centro");
    // Seed 002: the store's expressions fill the new customer's default fields.
    await ok("PUT", `/api/v1/stores/${storeId}/customer-defaults`, {
      rows: [
        { field: "contribuinteICMS", expression: "false" },
        { field: "apelido", expression: 'customer.name & " (loja)"' },
      ],
    });
    await imported({ name: "João Araújo", email: "joao.araujo@example.org", document: CPF_JOAO });
    await imported({ name: "João Araújo", email: "joao.araujo@example.org", document: CPF_JOAO });
    await imported({ name: "Maria Conceição", email: "maria@example.org", document: CPF_MARIA });
    await imported({ name: "Ação & Cia Ltda", email: "compras@acao.example.com", document: CNPJ_ALFA });
    for (let i = 0; i < 5; i++) {
      await imported({ name: `Cliente Página ${i}`, email: `pagina${i}@example.org`, document: null });
    }
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("finds a customer by name ignoring case and accents, by CPF/CNPJ masked or not, and by e-mail", async () => {
    const joao = await idOf("joao araujo");
    assert.equal(await idOf("ARAÚJO"), joao);
    assert.equal(await idOf(CPF_JOAO), joao);
    assert.equal(await idOf(CPF_JOAO.replace(/\D/g, "")), joao);
    assert.equal(await idOf("529982"), joao, "the start of a CPF");
    assert.equal(await idOf("JOAO.ARAUJO@EXAMPLE"), joao);
    const acao = await idOf("12abc34501de35");
    assert.equal(await idOf(CNPJ_ALFA), acao);
    assert.equal(await idOf("acao"), acao);
    assert.deepEqual(await search("Ninguém Daqui"), []);
    assert.equal((await refused("POST", "/api/v1/customers", { name: "" }, 400)).field, "name");
  });

  it("pages the list by name with a cursor, every customer once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Json = await ok("GET", `/api/v1/customers?limit=2${after ? `&after=${after}` : ""}`);
      seen.push(...page.items.map((c: Json) => c.name));
      after = page.next;
    } while (after);
    // Orders without a document make no customer: João, Maria and Ação & Cia.
    assert.deepEqual(seen, ["Ação & Cia Ltda", "João Araújo", "Maria Conceição"]);
    assert.equal((await api("GET", "/api/v1/customers?after=nonsense")).status, 400);
  });

  it("shows the record: document, contacts, the store's default fields, its orders and stores", async () => {
    const record = await ok("GET", `/api/v1/customers/${await idOf(CPF_JOAO)}`);
    assert.equal(record.document, "52998224725");
    assert.equal(record.documentKind, "cpf");
    assert.equal(record.kind, "PF");
    assert.equal(record.email, "joao.araujo@example.org");
    assert.deepEqual(record.extraFields, { contribuinteICMS: false, apelido: "João Araújo (loja)" });
    assert.equal(record.ordersCount, 2);
    assert.equal(record.orders.length, 2);
    assert.ok(record.orders.every((o: Json) => o.storeName === "Loja Centro" && o.totalCents > 0));
    assert.deepEqual(
      record.stores.map((s: Json) => [s.name, s.ordersCount]),
      [["Loja Centro", 2]],
    );
    assert.equal(record.originStore.name, "Loja Centro");
    assert.ok(record.addresses.length >= 1);
    assert.equal((await api("GET", "/api/v1/customers/999999")).status, 404);
  });

  it("edits with validation: check digits, e-mail and phone refused in pt-BR, another customer's document is a 409", async () => {
    const maria = await idOf(CPF_MARIA);
    const url = `/api/v1/customers/${maria}`;
    const badCpf = await refused("PATCH", url, { document: "111.444.777-36" }, 400);
    assert.equal(badCpf.field, "document");
    assert.equal(badCpf.reasonCode, "bad_check_digits");
    assert.match(badCpf.reason, /dígitos verificadores/);
    const badEmail = await refused("PATCH", url, { email: "maria@" }, 400);
    assert.equal(badEmail.field, "email");
    assert.match(badEmail.reason, /E-mail inválido/);
    const badPhone = await refused("PATCH", url, { phone: "1234" }, 400);
    assert.equal(badPhone.field, "phone");
    assert.match(badPhone.reason, /Telefone inválido/);
    const taken = await refused("PATCH", url, { document: CPF_JOAO }, 409);
    assert.equal(taken.reasonCode, "document_in_use");
    assert.equal(taken.customerId, await idOf("joao"));
    assert.equal(
      (await refused("PATCH", url, { document: null }, 400)).field,
      "document",
      "a document is corrected, never removed",
    );

    const edited = await ok("PATCH", url, {
      name: "Maria da Conceição",
      email: "maria.conceicao@example.org",
      phone: "(21) 98765-4321",
      document: "390.533.447-05",
    });
    assert.equal(edited.name, "Maria da Conceição");
    assert.equal(edited.document, "39053344705");
    assert.equal(edited.phone, "(21) 98765-4321");
    assert.equal(await idOf("39053344705"), maria);
    assert.deepEqual(await search(CPF_MARIA), [], "the old document no longer finds her");
    // An order with the new document joins her record.
    await imported({ name: "Maria C.", email: "m@example.org", document: "39053344705" });
    assert.equal((await ok("GET", url)).ordersCount, 2);
  });

  it("links an order that came without CPF/CNPJ to a customer by hand, recorded with who did it", async () => {
    const orderId = await imported({ name: "J. Araújo", email: "ja@example.org", document: null });
    const joao = await idOf(CPF_JOAO);
    assert.equal((await ok("GET", `/api/v1/orders/${orderId}`)).customer, null);
    const linked = await ok("POST", `/api/v1/orders/${orderId}/customer`, { customerId: joao });
    assert.equal(linked.customerId, joao);
    const order = await ok("GET", `/api/v1/orders/${orderId}`);
    assert.equal(order.customer.id, joao);
    const entry = (order.events as Json[]).find((e) => e.kind === "customer_linked_manually");
    assert.ok(entry, "a customer_linked timeline entry");
    assert.match(entry.message, /vinculado ao cliente João Araújo/);
    assert.notEqual(entry.actor, "system", "who linked it");
    assert.equal((await ok("GET", `/api/v1/customers/${joao}`)).ordersCount, 3);

    const again = await refused("POST", `/api/v1/orders/${orderId}/customer`, { customerId: joao }, 409);
    assert.equal(again.reasonCode, "customer_already_linked");
    assert.equal(
      (await api("POST", `/api/v1/orders/${orderId}/customer`, { customerId: 999999 })).status,
      409,
    );
    const orphan = await imported({ name: "Sem Documento", email: "sd@example.org", document: null });
    assert.equal(
      (await api("POST", `/api/v1/orders/${orphan}/customer`, { customerId: 999999 })).status,
      404,
    );
  });

  it("merges two records of the same person: orders move, the other record goes, both timelines say so", async () => {
    // The same person bought once without a document: a record made by hand for that order.
    const joao = await idOf(CPF_JOAO);
    const handMade = await ok("POST", "/api/v1/customers", {
      name: "João A.",
      email: null,
      phone: "(11) 3333-4444",
    });
    assert.equal(handMade.document, null);
    const orderId = await imported({ name: "João A.", email: "joao.a@example.org", document: null });
    await ok("POST", `/api/v1/orders/${orderId}/customer`, { customerId: handMade.id });

    const merged = await ok("POST", `/api/v1/customers/${joao}/merge`, { otherId: handMade.id });
    assert.equal(merged.movedOrders, 1);
    assert.equal(merged.customer.ordersCount, 4);
    assert.equal(merged.customer.document, "52998224725", "the kept record keeps its document");
    assert.equal(merged.customer.phone, "+55 11 91234-5678", "the kept record keeps its own phone");
    assert.equal((await api("GET", `/api/v1/customers/${handMade.id}`)).status, 404);
    const order = await ok("GET", `/api/v1/orders/${orderId}`);
    assert.equal(order.customer.id, joao);
    const kinds = (order.events as Json[]).map((e) => e.kind);
    assert.ok(kinds.includes("customer_linked_manually") && kinds.includes("customer_merged"), kinds.join());

    // Two documents are two people: refused with the reason, nothing moved.
    const maria = await idOf("39053344705");
    const twoPeople = await refused("POST", `/api/v1/customers/${joao}/merge`, { otherId: maria }, 409);
    assert.equal(twoPeople.reasonCode, "documents_differ");
    assert.match(twoPeople.reason, /CPF\/CNPJ diferentes/);
    assert.equal((await ok("GET", `/api/v1/customers/${maria}`)).ordersCount, 2);
    const self = await refused("POST", `/api/v1/customers/${joao}/merge`, { otherId: joao }, 400);
    assert.equal(self.reasonCode, "same_customer");
  });

  it("a record made by hand gets the document of the record merged into it, and later orders find it", async () => {
    const kept = await ok("POST", "/api/v1/customers", { name: "Ação e Cia" });
    const acao = await idOf(CNPJ_ALFA);
    const merged = await ok("POST", `/api/v1/customers/${kept.id}/merge`, { otherId: acao });
    assert.equal(merged.customer.document, "12ABC34501DE35");
    assert.equal(merged.customer.kind, "PJ");
    assert.equal(merged.movedOrders, 1);
    await imported({ name: "Ação & Cia Ltda", email: "compras@acao.example.com", document: CNPJ_ALFA });
    assert.equal((await ok("GET", `/api/v1/customers/${kept.id}`)).ordersCount, 2);
    const taken = await refused("POST", "/api/v1/customers", { name: "Outra", document: CNPJ_ALFA }, 409);
    assert.equal(taken.reasonCode, "document_in_use");
  });
});

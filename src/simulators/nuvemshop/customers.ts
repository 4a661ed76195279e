// GET /customers?q=: the buyers seen on orders (latest snapshot wins), searchable by name, e-mail
// or CPF/CNPJ. Needs the read_customers scope.
import { failure, notFound, positiveInt } from "./http.ts";
import type { Json, Order } from "./types.ts";

function fold(text: unknown): string {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** CPF/CNPJ compared without punctuation, upper-cased (alphanumeric CNPJs keep their letters). */
const documentKey = (value: unknown) =>
  String(value ?? "")
    .replace(/[.\-/\s]/g, "")
    .toUpperCase();

export function customersOf(orders: Order[], readCustomers: boolean): Json[] {
  if (!readCustomers) throw failure(403, "This action requires the read_customers scope");
  const byId = new Map<number, Json>();
  for (const order of orders) {
    const customer = order.customer as Json | undefined;
    if (customer && typeof customer.id === "number") byId.set(customer.id, customer);
  }
  return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
}

export function searchCustomers(customers: Json[], query: URLSearchParams): Json[] {
  const q = query.get("q")?.trim();
  const since = Number(query.get("since_id") ?? 0) || 0;
  return customers.filter((c) => {
    if (Number(c.id) <= since) return false;
    if (!q) return true;
    const needle = fold(q);
    if (fold(c.name).includes(needle) || fold(c.email).includes(needle)) return true;
    const doc = documentKey(q);
    return doc.length > 0 && documentKey(c.identification).includes(doc);
  });
}

export function findCustomer(customers: Json[], idText: string): Json {
  const customer = customers.find((c) => c.id === positiveInt(idText));
  if (!customer) throw notFound("Customer not found");
  return customer;
}

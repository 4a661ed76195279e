// The customers and products a sync batch refers to: new customers by CPF/CNPJ, with the
// store's default fields applied (R3.4), and unknown SKUs as products "criado pela integração".
import type { Queryable } from "../db/db.ts";
import { evaluateCustomerDefaults } from "./customer-defaults.ts";
import type { CustomerPlan, Decision, StoreMappings } from "./decide.ts";
import { customersByDocument, productsBySku, type SyncCandidate } from "./sync-inputs.ts";

type Writing = { c: SyncCandidate; d: Extract<Decision, { kind: "create" | "update" }> };

export interface CustomerIds {
  byDocument: Map<string, number>;
  /** Store orders whose customer this batch created (the first order of each new document). */
  createdBy: Set<number>;
  /** Default fields that failed to evaluate, per store order. */
  defaultErrors: Map<number, string[]>;
}

export function customerOf(plan: CustomerPlan, ids: CustomerIds): number | null {
  if (plan.kind === "found") return plan.customerId;
  if (plan.kind === "create") return ids.byDocument.get(plan.document) ?? null;
  return null;
}

/** Customers new to the ERP, with the store's default fields applied (R3.4). Sorted inserts avoid deadlocks. */
export async function createCustomers(
  tx: Queryable,
  store: { id: number; orgId: number },
  writing: Writing[],
  mappings: StoreMappings,
  known: Map<string, number>,
): Promise<CustomerIds> {
  const ids: CustomerIds = { byDocument: new Map(known), createdBy: new Set(), defaultErrors: new Map() };
  const firstByDocument = new Map<
    string,
    { c: SyncCandidate; plan: Extract<CustomerPlan, { kind: "create" }> }
  >();
  for (const { c, d } of writing) {
    if (d.customer.kind === "create" && !firstByDocument.has(d.customer.document)) {
      firstByDocument.set(d.customer.document, { c, plan: d.customer });
    }
  }
  if (firstByDocument.size === 0) return ids;
  const rows = [];
  for (const [document, { c, plan }] of [...firstByDocument].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const order = c.order!;
    const defaults = await evaluateCustomerDefaults(mappings.customerDefaults, order);
    if (defaults.errors.length > 0) {
      ids.defaultErrors.set(
        c.storeOrderId,
        defaults.errors.map((e) => `${e.field}: ${e.message}`),
      );
    }
    rows.push({
      store_order_id: c.storeOrderId,
      document,
      document_kind: plan.documentKind,
      kind: plan.personKind,
      name: order.customer.name ?? order.billingAddress.name ?? "(sem nome)",
      email: order.customer.email,
      phone: order.customer.phone,
      addresses: [order.billingAddress, ...(order.shippingAddress ? [order.shippingAddress] : [])],
      extra_fields: defaults.fields,
    });
  }
  const { rows: inserted } = await tx.query<{ id: number; document: string }>(
    `insert into customers (org_id, document, document_kind, kind, name, email, phone, addresses, extra_fields, origin_store_id)
     select $1, document, document_kind, kind, name, email, phone, addresses, extra_fields, $2
       from jsonb_to_recordset($3::jsonb) as r(document text, document_kind text, kind text, name text, email text,
                                               phone text, addresses jsonb, extra_fields jsonb)
     on conflict (org_id, document) where document is not null do nothing
     returning id, document`,
    [store.orgId, store.id, JSON.stringify(rows)],
  );
  for (const r of inserted) {
    ids.byDocument.set(r.document, r.id);
    ids.createdBy.add(firstByDocument.get(r.document)!.c.storeOrderId);
  }
  // Created meanwhile by another transaction: use theirs.
  const raced = [...firstByDocument.keys()].filter((d) => !ids.byDocument.has(d));
  for (const [d, id] of await customersByDocument(tx, store.orgId, raced)) ids.byDocument.set(d, id);
  return ids;
}

/**
 * Unknown SKUs become products "criado pela integração" whose stock is not counted yet (migration
 * 0019: no invented 0); `known` gains their ids.
 */
export async function createProducts(
  tx: Queryable,
  orgId: number,
  writing: Writing[],
  known: Map<string, number>,
): Promise<void> {
  const names = new Map<string, string>();
  for (const { c, d } of writing) {
    for (const sku of d.newSkus) {
      if (!names.has(sku)) names.set(sku, c.order!.items.find((i) => i.sku === sku)?.name || sku);
    }
  }
  if (names.size === 0) return;
  const rows = [...names].sort(([a], [b]) => (a < b ? -1 : 1)).map(([sku, name]) => ({ sku, name }));
  await tx.query(
    `insert into products (org_id, sku, name, created_by_integration, stock_counted_at)
     select $1, sku, name, true, null from jsonb_to_recordset($2::jsonb) as r(sku text, name text)
     on conflict (org_id, sku) do nothing`,
    [orgId, JSON.stringify(rows)],
  );
  for (const [sku, id] of await productsBySku(tx, orgId, [...names.keys()])) known.set(sku, id);
}

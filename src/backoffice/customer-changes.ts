// What the Clientes screen changes: a customer made by hand, an edited record, an order that came
// without a usable CPF/CNPJ linked to a customer, and two records of the same person merged. Each
// runs in the caller's transaction; linking and merging write the orders' timeline entries there
// too, with who did it.
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { lockSalesOrder } from "../orders/order-lock.ts";
import { insertOrderEvent } from "../orders/timeline.ts";
import type { ValidCustomer } from "./customer-input.ts";
import { customerNotFound, customerRedacted } from "./customer-record.ts";

interface CustomerRow {
  id: number;
  name: string;
  document: string | null;
  document_kind: "cpf" | "cnpj" | null;
  email: string | null;
  phone: string | null;
  addresses: unknown[];
  extra_fields: Record<string, unknown>;
  origin_store_id: number | null;
}

const documentInUse = (otherId: number) =>
  new PonteError("conflict", `document: belongs to customer ${otherId}`, {
    details: {
      field: "document",
      reasonCode: "document_in_use",
      reason: "Esse CPF/CNPJ já pertence a outro cliente: abra o outro cadastro para unificar os dois",
      customerId: otherId,
      fields: [{ path: "/document", message: "belongs to another customer" }],
    },
  });

/** The other customer holding this document, if any (the unique index would refuse it too). */
async function assertDocumentFree(tx: Queryable, orgId: number, document: string, selfId: number | null) {
  const { rows } = await tx.query<{ id: number }>(
    "select id from customers where org_id = $1 and document = $2 and id is distinct from $3",
    [orgId, document, selfId],
  );
  if (rows[0]) throw documentInUse(rows[0].id);
}

/** The record, locked; an anonymised one (LGPD) is refused: it takes no data or orders again. */
async function lockCustomer(tx: Queryable, orgId: number, id: number): Promise<CustomerRow> {
  const { rows } = await tx.query<CustomerRow & { redacted: boolean }>(
    `select id, name, document, document_kind, email, phone, addresses, extra_fields, origin_store_id,
            redacted_at is not null as redacted
       from customers where id = $1 and org_id = $2 for update`,
    [id, orgId],
  );
  if (!rows[0]) throw customerNotFound(id);
  if (rows[0].redacted) throw customerRedacted(id);
  return rows[0];
}

/** The document decides PF (CPF) or PJ (CNPJ); a record without one stays as it was. */
const personKind = (kind: "cpf" | "cnpj") => (kind === "cnpj" ? "PJ" : "PF");

export async function createCustomer(
  tx: Queryable,
  orgId: number,
  input: ValidCustomer & { name: string },
): Promise<number> {
  if (input.document) await assertDocumentFree(tx, orgId, input.document.value, null);
  const { rows } = await tx.query<{ id: number }>(
    `insert into customers (org_id, name, document, document_kind, kind, email, phone)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      orgId,
      input.name,
      input.document?.value ?? null,
      input.document?.kind ?? null,
      input.document ? personKind(input.document.kind) : "PF",
      input.email ?? null,
      input.phone ?? null,
    ],
  );
  return rows[0]!.id;
}

export async function updateCustomer(tx: Queryable, orgId: number, id: number, input: ValidCustomer) {
  const current = await lockCustomer(tx, orgId, id);
  if (input.document === null && current.document !== null) {
    // Orders find their customer by this document: removing it would split the next order off.
    throw new PonteError("validation_failed", "document: cannot be removed once set", {
      details: {
        field: "document",
        reasonCode: "missing",
        reason: "O CPF/CNPJ do cliente pode ser corrigido, mas não apagado",
        fields: [{ path: "/document", message: "cannot be removed once set" }],
      },
    });
  }
  if (input.document && input.document.value !== current.document) {
    await assertDocumentFree(tx, orgId, input.document.value, id);
  }
  const document = input.document === undefined ? undefined : input.document;
  await tx.query(
    `update customers set
       name = coalesce($3, name),
       document = case when $4 then $5 else document end,
       document_kind = case when $4 then $6 else document_kind end,
       kind = case when $4 and $6 is not null then (case $6 when 'cnpj' then 'PJ' else 'PF' end) else kind end,
       email = case when $7 then $8 else email end,
       phone = case when $9 then $10 else phone end,
       updated_at = now()
     where id = $1 and org_id = $2`,
    [
      id,
      orgId,
      input.name ?? null,
      document !== undefined,
      document?.value ?? null,
      document?.kind ?? null,
      input.email !== undefined,
      input.email ?? null,
      input.phone !== undefined,
      input.phone ?? null,
    ],
  );
}

/** Links an order that has no customer (no usable CPF/CNPJ came with it) to one, by hand. */
export async function linkOrderToCustomer(
  tx: Queryable,
  orgId: number,
  salesOrderId: number,
  customerId: number,
  actor: string,
): Promise<{ eventId: number }> {
  const order = await lockSalesOrder(tx, salesOrderId);
  if (order.customerId !== null) {
    throw new PonteError("conflict", `sales order ${salesOrderId} already has customer ${order.customerId}`, {
      details: {
        reasonCode: "customer_already_linked",
        reason: "Este pedido já está vinculado a um cliente",
        customerId: order.customerId,
      },
    });
  }
  const customer = await lockCustomer(tx, orgId, customerId);
  await tx.query("update sales_orders set customer_id = $2, updated_at = now() where id = $1", [
    salesOrderId,
    customerId,
  ]);
  const event = await insertOrderEvent(
    tx,
    order,
    "customer_linked_manually",
    `Pedido vinculado ao cliente ${customer.name} (cadastro nº ${customer.id}) manualmente`,
    { customerId },
    actor,
  );
  return { eventId: event.id };
}

/**
 * Merges `otherId` into `keptId`: the other's orders move to the kept record (one timeline entry
 * each), its empty fields are filled from the other, and the other record is removed. Two
 * different CPF/CNPJs are two people (or two companies): refused.
 */
export async function mergeCustomers(
  tx: Queryable,
  orgId: number,
  keptId: number,
  otherId: number,
  actor: string,
): Promise<{ movedOrders: number }> {
  if (keptId === otherId) {
    throw new PonteError("validation_failed", "otherId: the same customer", {
      details: {
        field: "otherId",
        reasonCode: "same_customer",
        reason: "Escolha outro cadastro: não dá para unificar um cliente com ele mesmo",
        fields: [{ path: "/otherId", message: "the same customer" }],
      },
    });
  }
  // Both locked, lowest id first, before any order moves: a sync linking a new order to the other
  // record waits, then finds it gone and retries against the kept one.
  const [first, second] = keptId < otherId ? [keptId, otherId] : [otherId, keptId];
  const a = await lockCustomer(tx, orgId, first);
  const b = await lockCustomer(tx, orgId, second);
  const [kept, other] = a.id === keptId ? [a, b] : [b, a];
  if (kept.document !== null && other.document !== null && kept.document !== other.document) {
    throw new PonteError("conflict", `customers ${keptId} and ${otherId} have different documents`, {
      details: {
        reasonCode: "documents_differ",
        reason:
          "Os dois cadastros têm CPF/CNPJ diferentes: não são a mesma pessoa e não podem ser unificados",
      },
    });
  }
  const { rows: moved } = await tx.query<{ id: number }>(
    `update sales_orders set customer_id = $1, updated_at = now() where customer_id = $2 returning id`,
    [keptId, otherId],
  );
  if (moved.length > 0) {
    await tx.query(
      `insert into order_events (org_id, sales_order_id, store_order_id, kind, message, data, actor)
       select org_id, id, store_order_id, 'customer_merged', $2, $3, $4 from sales_orders where id = any($1::bigint[])
        order by id`,
      [
        moved.map((r) => r.id),
        `Cadastro de cliente unificado: ${other.name} (nº ${other.id}) passou a ser ${kept.name} (nº ${kept.id})`,
        JSON.stringify({ keptCustomerId: keptId, removedCustomerId: otherId }),
        actor,
      ],
    );
  }
  // The document moves with the person: free it on the removed record first (unique index).
  await tx.query("delete from customers where id = $1", [otherId]);
  const addresses = [...kept.addresses];
  for (const address of other.addresses) {
    if (!addresses.some((known) => JSON.stringify(known) === JSON.stringify(address)))
      addresses.push(address);
  }
  await tx.query(
    `update customers set
       document = coalesce(document, $2), document_kind = coalesce(document_kind, $3),
       kind = case when document is null and $3::text is not null then (case $3 when 'cnpj' then 'PJ' else 'PF' end)
                   else kind end,
       email = coalesce(email, $4), phone = coalesce(phone, $5), addresses = $6,
       extra_fields = $7::jsonb || extra_fields, origin_store_id = coalesce(origin_store_id, $8),
       updated_at = now()
     where id = $1`,
    [
      keptId,
      other.document,
      other.document_kind,
      other.email,
      other.phone,
      JSON.stringify(addresses),
      JSON.stringify(other.extra_fields),
      other.origin_store_id,
    ],
  );
  return { movedOrders: moved.length };
}

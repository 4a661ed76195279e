// A sales order made in the back office (balcão or phone, issue 16 item 4): a customer, items by
// SKU at the price agreed, shipping and payment. It starts where a store order awaiting payment
// starts (Aguardando pagamento, em aberto), with no store to push to, and from there runs the same
// lifecycle: Confirmar pagamento, Faturar (stock out, receivables), Enviar, Entregue.
import type { Queryable } from "../db/db.ts";
import { insertOrderEvent } from "../orders/timeline.ts";
import { fieldError } from "./field-error.ts";
import { DUE_RULES } from "./receivable-plan.ts";

export const MANUAL_PAYMENT_TYPES = Object.keys(DUE_RULES);
export const MANUAL_ITEMS_MAX = 100;

export interface ManualOrderInput {
  customerId: number;
  items: { sku: string; quantity: number; unitPriceCents: number }[];
  shippingCents?: number;
  discountCents?: number;
  paymentType: string;
  installments?: number;
  carrier?: string;
  shippingType?: string;
  notes?: string;
}

interface CustomerRow {
  name: string;
  email: string | null;
  phone: string | null;
  document: string | null;
  document_kind: string | null;
  addresses: Record<string, unknown>[];
}

const optional = (text: string | undefined) => text?.trim() || null;

/** Creates the order in the caller's transaction; returns its id and number. */
export async function createManualOrder(
  tx: Queryable,
  orgId: number,
  input: ManualOrderInput,
  actor: string,
): Promise<{ id: number; number: number }> {
  const { rows: customers } = await tx.query<CustomerRow>(
    "select name, email, phone, document, document_kind, addresses from customers where id = $1 and org_id = $2",
    [input.customerId, orgId],
  );
  const customer = customers[0];
  if (!customer) {
    throw fieldError(
      "customerId",
      "missing",
      "no such customer",
      "Cliente não encontrado: escolha um cliente",
    );
  }
  const skus = input.items.map((i) => i.sku.trim());
  const { rows: products } = await tx.query<{ id: number; sku: string; name: string }>(
    "select id, sku, name from products where org_id = $1 and sku = any($2::text[])",
    [orgId, skus],
  );
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const items = input.items.map((item, i) => {
    const product = bySku.get(skus[i]!);
    if (!product) {
      throw fieldError(
        `items/${i}/sku`,
        "unknown_sku",
        `no product with SKU ${skus[i]}`,
        `SKU ${skus[i]} não cadastrado (item ${i + 1})`,
      );
    }
    return { position: i + 1, product, quantity: item.quantity, unitPriceCents: item.unitPriceCents };
  });
  const subtotal = items.reduce((sum, i) => sum + i.quantity * i.unitPriceCents, 0);
  const shipping = input.shippingCents ?? 0;
  const discount = input.discountCents ?? 0;
  if (discount > subtotal + shipping) {
    throw fieldError(
      "discountCents",
      "bad_format",
      "is larger than the items and shipping",
      "O desconto não pode passar do valor dos itens mais o frete",
    );
  }
  // The delivery address: the last one the customer's record has (the delivery one, after billing).
  const delivery = customer.addresses.at(-1) ?? null;
  const { rows } = await tx.query<{ id: number; number: number }>(
    `insert into sales_orders (org_id, customer_id, payment_type, installments, carrier, shipping_type,
       subtotal_cents, discount_cents, shipping_cents, total_cents, customer_snapshot, delivery_address, notes)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id, number`,
    [
      orgId,
      input.customerId,
      input.paymentType,
      input.installments ?? 1,
      optional(input.carrier),
      optional(input.shippingType),
      subtotal,
      discount,
      shipping,
      subtotal + shipping - discount,
      JSON.stringify({
        name: customer.name,
        email: customer.email,
        phone: customer.phone,
        document: customer.document,
        documentKind: customer.document_kind,
      }),
      delivery === null ? null : JSON.stringify(delivery),
      optional(input.notes),
    ],
  );
  const order = rows[0]!;
  await tx.query(
    `insert into sales_order_items (sales_order_id, position, product_id, sku, name, quantity, unit_price_cents, total_cents)
     select $1, position, product_id, sku, name, quantity, unit_price_cents, quantity * unit_price_cents
       from jsonb_to_recordset($2::jsonb)
         as r(position integer, product_id bigint, sku text, name text, quantity integer, unit_price_cents bigint)`,
    [
      order.id,
      JSON.stringify(
        items.map((i) => ({
          position: i.position,
          product_id: i.product.id,
          sku: i.product.sku,
          name: i.product.name,
          quantity: i.quantity,
          unit_price_cents: i.unitPriceCents,
        })),
      ),
    ],
  );
  await insertOrderEvent(
    tx,
    { orgId, id: order.id, storeOrderId: null },
    "sales_order_created",
    `Pedido de venda ${order.number} criado no painel (balcão/telefone) para ${customer.name}: Aguardando pagamento`,
    { canonicalStatus: "aguardando_pagamento", status: "em_aberto", manual: true },
    actor,
  );
  return order;
}

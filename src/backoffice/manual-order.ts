// An order made in the back office (balcão, telefone — issue 16, item 4): the customer (an existing
// record, or found or made by CPF/CNPJ, or only a name), items by SKU from Produtos, shipping and
// payment. It becomes a sales order like a store's — Aguardando pagamento, no store — and from
// there runs the same lifecycle: Confirmar pagamento, invoice (stock, receivables), shipment.

import type { Queryable } from "../db/db.ts";
import { normalizeCep } from "../domain/cep.ts";
import { checkDocument, customerKind } from "../domain/document.ts";
import type { Address } from "../domain/order.ts";
import { insertOrderEvent } from "../orders/timeline.ts";
import { customerRedacted } from "./customer-record.ts";
import { fieldError } from "./field-error.ts";

export interface ManualOrderInput {
  customer: { id?: number; name?: string; document?: string; email?: string; phone?: string };
  items: { sku: string; quantity: number; unitPriceCents: number; discountCents?: number }[];
  /** The buyer collects it at the store: no carrier nor delivery address needed. */
  pickup?: boolean;
  carrier?: string;
  shippingType?: string;
  shippingCents?: number;
  discountCents?: number;
  deliveryAddress?: Partial<Address>;
  payment: { type: string; installments?: number };
  notes?: string;
}

interface Buyer {
  customerId: number | null;
  snapshot: Record<string, unknown>;
}

const DOCUMENT_REASONS: Record<string, string> = {
  masked: "CPF/CNPJ mascarado: digite-o completo",
  bad_length: "CPF/CNPJ com tamanho inválido (11 ou 14 caracteres)",
  bad_characters: "CPF/CNPJ com caracteres inválidos",
  repeated_digits: "CPF/CNPJ inválido (dígitos repetidos)",
  bad_check_digits: "CPF/CNPJ com dígito verificador inválido",
};

const trimmed = (value: string | undefined | null) => value?.trim() || null;

/** The customer record the order links to (found or made by CPF/CNPJ) and who bought, as the order keeps it. */
async function buyerOf(tx: Queryable, orgId: number, input: ManualOrderInput): Promise<Buyer> {
  const c = input.customer;
  if (c.id !== undefined) {
    const { rows } = await tx.query<{
      id: number;
      name: string;
      email: string | null;
      phone: string | null;
      document: string | null;
      document_kind: string | null;
      redacted: boolean;
    }>(
      `select id, name, email, phone, document, document_kind, redacted_at is not null as redacted
         from customers where id = $1 and org_id = $2`,
      [c.id, orgId],
    );
    const found = rows[0];
    if (!found) throw fieldError("customer/id", "missing", `no customer ${c.id}`, "Cliente não encontrado");
    if (found.redacted) throw customerRedacted(found.id);
    return {
      customerId: found.id,
      snapshot: {
        name: found.name,
        email: found.email,
        phone: found.phone,
        document: found.document,
        documentKind: found.document_kind,
      },
    };
  }
  const name = trimmed(c.name);
  if (!name) throw fieldError("customer/name", "missing", "is required", "Informe o nome do cliente");
  const email = trimmed(c.email);
  const phone = trimmed(c.phone);
  if (!trimmed(c.document))
    return { customerId: null, snapshot: { name, email, phone, document: null, documentKind: null } };
  const check = checkDocument(c.document);
  if (!check.ok) {
    throw fieldError(
      "customer/document",
      check.reason,
      `invalid CPF/CNPJ (${check.reason})`,
      DOCUMENT_REASONS[check.reason] ?? "CPF/CNPJ inválido",
    );
  }
  // The same person bought before (at a store or at the counter): their record; else a new one.
  const { rows } = await tx.query<{ id: number }>(
    `insert into customers (org_id, document, document_kind, kind, name, email, phone, addresses)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (org_id, document) where document is not null do update set updated_at = customers.updated_at
     returning id`,
    [
      orgId,
      check.value,
      check.kind,
      customerKind(check.kind),
      name,
      email,
      phone,
      JSON.stringify(input.deliveryAddress ? [input.deliveryAddress] : []),
    ],
  );
  return {
    customerId: rows[0]!.id,
    snapshot: { name, email, phone, document: check.value, documentKind: check.kind },
  };
}

interface Line {
  productId: number;
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  discountCents: number;
  totalCents: number;
}

/** Each item's product by SKU (Produtos): a SKU that is not there is named in pt-BR. */
async function linesOf(tx: Queryable, orgId: number, input: ManualOrderInput): Promise<Line[]> {
  const skus = input.items.map((i) => i.sku.trim());
  const { rows } = await tx.query<{ id: number; sku: string; name: string }>(
    "select id, sku, name from products where org_id = $1 and sku = any($2::text[])",
    [orgId, skus],
  );
  const bySku = new Map(rows.map((r) => [r.sku, r]));
  return input.items.map((item, i) => {
    const product = bySku.get(skus[i]!);
    if (!product)
      throw fieldError(
        `items/${i}/sku`,
        "unknown_sku",
        `no product ${skus[i]}`,
        `SKU ${skus[i]} não cadastrado em Produtos`,
      );
    const discountCents = item.discountCents ?? 0;
    const totalCents = item.quantity * item.unitPriceCents - discountCents;
    if (totalCents < 0)
      throw fieldError(
        `items/${i}/discountCents`,
        "not_allowed",
        "discount above the item's value",
        "Desconto maior que o valor do item",
      );
    return {
      productId: product.id,
      sku: product.sku,
      name: product.name,
      quantity: item.quantity,
      unitPriceCents: item.unitPriceCents,
      discountCents,
      totalCents,
    };
  });
}

/** Where a shipped order goes: a CEP of 8 digits at least; none for a store pickup. */
function deliveryOf(input: ManualOrderInput): Partial<Address> | null {
  if (input.pickup) return input.deliveryAddress ?? null;
  if (!trimmed(input.carrier))
    throw fieldError(
      "carrier",
      "missing",
      "is required unless picked up",
      "Informe a transportadora (ou marque Retirada na loja)",
    );
  const cep = normalizeCep(input.deliveryAddress?.zipcode);
  if (!cep)
    throw fieldError(
      "deliveryAddress/zipcode",
      "bad_format",
      "a CEP of 8 digits is required",
      "Informe o CEP de entrega (8 dígitos)",
    );
  return { ...input.deliveryAddress, zipcode: cep, country: input.deliveryAddress?.country ?? "BR" };
}

/** Creates the sales order, its items and its first timeline entry in the caller's transaction. */
export async function createManualOrder(
  tx: Queryable,
  orgId: number,
  input: ManualOrderInput,
  actor: string,
): Promise<{ id: number; number: number }> {
  const delivery = deliveryOf(input);
  const buyer = await buyerOf(tx, orgId, input);
  const lines = await linesOf(tx, orgId, input);
  const subtotalCents = lines.reduce((sum, l) => sum + l.totalCents, 0);
  const discountCents = input.discountCents ?? 0;
  const shippingCents = input.pickup ? 0 : (input.shippingCents ?? 0);
  const totalCents = subtotalCents - discountCents + shippingCents;
  if (totalCents < 0)
    throw fieldError(
      "discountCents",
      "not_allowed",
      "discount above the order's value",
      "Desconto maior que o valor do pedido",
    );
  const { rows } = await tx.query<{ id: number; number: number }>(
    `insert into sales_orders (org_id, customer_id, canonical_status, status, payment_type, installments, carrier,
       shipping_type, pickup, subtotal_cents, discount_cents, shipping_cents, total_cents, customer_snapshot,
       delivery_address, notes)
     values ($1, $2, 'aguardando_pagamento', 'em_aberto', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     returning id, number`,
    [
      orgId,
      buyer.customerId,
      input.payment.type.trim(),
      input.payment.installments ?? 1,
      input.pickup ? "Retirada na loja" : trimmed(input.carrier),
      input.pickup ? "Retirada na loja" : trimmed(input.shippingType),
      input.pickup === true,
      subtotalCents,
      discountCents,
      shippingCents,
      totalCents,
      JSON.stringify(buyer.snapshot),
      delivery ? JSON.stringify(delivery) : null,
      trimmed(input.notes),
    ],
  );
  const order = rows[0]!;
  await tx.query(
    `insert into sales_order_items (sales_order_id, position, product_id, sku, name, quantity, unit_price_cents,
       discount_cents, total_cents)
     select $1, position, product_id, sku, name, quantity, unit_price_cents, discount_cents, total_cents
       from jsonb_to_recordset($2::jsonb) as r(position integer, product_id bigint, sku text, name text,
            quantity integer, unit_price_cents bigint, discount_cents bigint, total_cents bigint)`,
    [
      order.id,
      JSON.stringify(
        lines.map((l, i) => ({
          position: i + 1,
          product_id: l.productId,
          sku: l.sku,
          name: l.name,
          quantity: l.quantity,
          unit_price_cents: l.unitPriceCents,
          discount_cents: l.discountCents,
          total_cents: l.totalCents,
        })),
      ),
    ],
  );
  await insertOrderEvent(
    tx,
    { orgId, id: order.id, storeOrderId: null },
    "sales_order_created",
    `Pedido de venda ${order.number} criado no painel (venda no balcão ou por telefone)`,
    { items: lines.length, totalCents, pickup: input.pickup === true },
    actor,
  );
  return order;
}

// Stock moved by invoices (R7.2): an approved invoice takes each product out once; its estorno
// puts back exactly what was taken, once. Stock may go negative (the sale happened): the movement
// says so, unless the product's stock was never counted (its number is no count: migration 0019).
// The store's policy may refuse an invoice that would leave a counted product negative
// (negative-stock-policy.ts). Products are locked in id order, so two invoices sharing products
// never deadlock.
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import type { OrderItem } from "../orders/order-lock.ts";
import { type NegativeStockPolicy, refuseNegative } from "./negative-stock-policy.ts";

export interface StockMovement {
  id: number;
  productId: number;
  sku: string;
  name: string;
  /** Negative: out of stock. */
  quantity: number;
  reason: "invoice" | "invoice_reversal" | "adjustment" | "initial" | "count" | "damage" | "return";
  /** Why a person moved it (free text), when they said. */
  note: string | null;
  /** The product's stock right after this movement. */
  stockAfter: number | null;
  wentNegative: boolean;
  salesOrderId: number | null;
  invoiceId: number | null;
  actor: string | null;
  createdAt: string;
}

interface Move {
  productId: number;
  /** Signed: negative takes out. */
  quantity: number;
}

interface Ref {
  orgId: number;
  salesOrderId: number;
  invoiceId: number;
  actor: string;
}

export const MOVEMENT_COLUMNS = `m.id, m.product_id as "productId", p.sku, p.name, m.quantity, m.reason,
  m.stock_after as "stockAfter", m.went_negative as "wentNegative", m.sales_order_id as "salesOrderId",
  m.invoice_id as "invoiceId", m.actor, m.note, m.created_at as "createdAt"`;

/** In id order, always: two transactions sharing products never deadlock. */
export async function lockProducts(tx: Queryable, ids: number[]) {
  await tx.query("select 1 from products where id = any($1::bigint[]) order by id for update", [ids]);
}

const productIds = (moves: Move[]) => moves.map((m) => m.productId);

async function applyMoves(tx: Queryable, ref: Ref, reason: StockMovement["reason"], moves: Move[]) {
  if (moves.length === 0) return [];
  await lockProducts(tx, productIds(moves));
  const { rows } = await tx.query<{ id: number }>(
    `with moves as (
       select * from jsonb_to_recordset($1::jsonb) as r(product_id bigint, quantity bigint)
     ), moved as (
       update products p set stock_quantity = p.stock_quantity + m.quantity
         from moves m where p.id = m.product_id
       returning p.id, p.stock_quantity, p.stock_counted_at is not null as counted, m.quantity
     )
     insert into stock_movements (org_id, product_id, sales_order_id, invoice_id, quantity, reason, went_negative,
                                  stock_after, actor)
     select $2, id, $3, $4, quantity, $5, counted and quantity < 0 and stock_quantity < 0, stock_quantity, $6
       from moved
     returning id`,
    [
      JSON.stringify(moves.map((m) => ({ product_id: m.productId, quantity: m.quantity }))),
      ref.orgId,
      ref.salesOrderId,
      ref.invoiceId,
      reason,
      ref.actor,
    ],
  );
  const listed = await tx.query<StockMovement>(
    `select ${MOVEMENT_COLUMNS} from stock_movements m join products p on p.id = m.product_id
      where m.id = any($1::bigint[]) order by p.sku`,
    [rows.map((r) => r.id)],
  );
  return listed.rows;
}

/** One movement per product of the order's items (quantities of repeated products summed). */
export async function takeOutForInvoice(
  tx: Queryable,
  ref: Ref,
  items: readonly Pick<OrderItem, "productId" | "quantity">[],
  policy: NegativeStockPolicy = "warn",
): Promise<StockMovement[]> {
  const byProduct = new Map<number, number>();
  for (const { productId, quantity } of items) {
    if (productId !== null) byProduct.set(productId, (byProduct.get(productId) ?? 0) + quantity);
  }
  const moves = [...byProduct].map(([productId, quantity]) => ({ productId, quantity: -quantity }));
  if (policy === "block") {
    await lockProducts(tx, productIds(moves));
    await refuseNegative(tx, moves);
  }
  return applyMoves(tx, ref, "invoice", moves);
}

/** Puts back what the invoice took out (not what the items say now: they may have changed since). */
export async function putBackForInvoice(tx: Queryable, ref: Ref): Promise<StockMovement[]> {
  const { rows } = await tx.query<{ product_id: number; quantity: number }>(
    "select product_id, quantity from stock_movements where invoice_id = $1 and reason = 'invoice'",
    [ref.invoiceId],
  );
  return applyMoves(
    tx,
    ref,
    "invoice_reversal",
    rows.map((r) => ({ productId: r.product_id, quantity: -r.quantity })),
  );
}

/** Items without a product (an unknown SKU kept as text) move no stock: listed so the panel can say so. */
export function itemsWithoutProduct(
  items: readonly OrderItem[],
): { position: number; sku: string | null; name: string; quantity: number }[] {
  return items
    .filter((i) => i.productId === null)
    .map(({ position, sku, name, quantity }) => ({ position, sku, name, quantity }));
}

export const MOVEMENTS_LIMIT_DEFAULT = 50;
export const MOVEMENTS_LIMIT_MAX = 200;

/** A product's ledger, newest first, a keyset page at a time (`after`: the last id seen). */
export async function productStockMovements(
  q: Queryable,
  orgId: number,
  sku: string,
  page: { limit?: number; after?: string },
) {
  const product = await q.query<{
    id: number;
    sku: string;
    name: string;
    stockQuantity: number;
    counted: boolean;
  }>(
    `select id, sku, name, stock_quantity as "stockQuantity", stock_counted_at is not null as "counted"
       from products where org_id = $1 and sku = $2`,
    [orgId, sku],
  );
  const found = product.rows[0];
  if (!found) throw new PonteError("not_found", `no product with SKU ${sku}`);
  const after = page.after === undefined ? null : Number(page.after);
  if (after !== null && !(Number.isSafeInteger(after) && after > 0)) {
    throw new PonteError("invalid_cursor", "after must be the next value of the previous page");
  }
  const limit = Math.min(page.limit ?? MOVEMENTS_LIMIT_DEFAULT, MOVEMENTS_LIMIT_MAX);
  const { rows } = await q.query<StockMovement>(
    `select ${MOVEMENT_COLUMNS} from stock_movements m join products p on p.id = m.product_id
      where m.product_id = $1 and ($2::bigint is null or m.id < $2) order by m.id desc limit $3`,
    [found.id, after, limit + 1],
  );
  const items = rows.slice(0, limit);
  return {
    product: found,
    items,
    next: rows.length > limit ? String(items.at(-1)!.id) : null,
  };
}

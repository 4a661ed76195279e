// Produtos (issue 16, item 2; seeds 001 and 003): the catalogue with each product's stock on hand,
// and the stock a person sets: the first count (estoque inicial), a count (contagem), damage
// (avaria) and a return (devolução). Each is one stock_movements row with who and why, written
// with the product's new stock in one transaction under the product's lock.
import type { Queryable } from "../db/db.ts";
import { decodeCursor, encodeCursor } from "../db/keyset-cursor.ts";
import { PonteError } from "../errors.ts";
import { fieldError } from "./field-error.ts";
import { lockProducts, MOVEMENT_COLUMNS, type StockMovement } from "./stock.ts";

export interface Product {
  id: number;
  sku: string;
  name: string;
  /** Units on hand; for a product never counted, only the sum of its movements. */
  stockQuantity: number;
  /** False until a person sets the stock: the panel says "Estoque não contado". */
  counted: boolean;
  countedAt: string | null;
  createdByIntegration: boolean;
  lastMovementAt: string | null;
}

export const PRODUCT_COLUMNS = `p.id, p.sku, p.name, p.stock_quantity as "stockQuantity",
  p.stock_counted_at is not null as counted, p.stock_counted_at as "countedAt",
  p.created_by_integration as "createdByIntegration",
  (select max(m.created_at) from stock_movements m where m.product_id = p.id) as "lastMovementAt"`;

export const PRODUCTS_LIMIT_DEFAULT = 50;
export const PRODUCTS_LIMIT_MAX = 200;

export interface ProductsQuery {
  /** Part of the SKU or of the name. */
  q?: string;
  /** Only the products never counted. */
  uncounted?: boolean;
  limit?: number;
  after?: string;
}

/** The last row's (SKU, id): a product that exists, or the cursor is not one this list gave (400). */
async function productCursor(q: Queryable, orgId: number, after: string): Promise<[string, number]> {
  const [sku, id] = decodeCursor(after, (key) => !key.includes("\u0000"));
  const { rows } = await q.query("select 1 from products where org_id = $1 and id = $2 and sku = $3", [
    orgId,
    id,
    sku,
  ]);
  if (rows.length === 0) {
    throw new PonteError("invalid_cursor", "after: not a cursor this list gave", {
      details: { fields: [{ path: "/after", message: "not a cursor this list gave" }] },
    });
  }
  return [sku, id];
}

/** By SKU, a keyset page at a time. */
export async function listProducts(q: Queryable, orgId: number, query: ProductsQuery) {
  const cursor = query.after === undefined ? null : await productCursor(q, orgId, query.after);
  const limit = Math.min(query.limit ?? PRODUCTS_LIMIT_DEFAULT, PRODUCTS_LIMIT_MAX);
  const search = query.q?.trim() ? `%${query.q.trim().replace(/[\\%_]/g, "\\$&")}%` : null;
  const { rows } = await q.query<Product>(
    `select ${PRODUCT_COLUMNS} from products p
      where p.org_id = $1
        and ($2::text is null or p.sku ilike $2 or p.name ilike $2)
        and (not $3 or p.stock_counted_at is null)
        and ($4::text is null or (p.sku, p.id) > ($4::text, $5::bigint))
      order by p.sku, p.id limit $6`,
    [orgId, search, query.uncounted === true, cursor?.[0] ?? null, cursor?.[1] ?? null, limit + 1],
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? encodeCursor(last.sku, last.id) : null };
}

export async function getProduct(q: Queryable, orgId: number, sku: string): Promise<Product> {
  const { rows } = await q.query<Product>(
    `select ${PRODUCT_COLUMNS} from products p where p.org_id = $1 and p.sku = $2`,
    [orgId, sku],
  );
  if (!rows[0]) throw productNotFound(sku);
  return rows[0];
}

export const productNotFound = (sku: string) =>
  new PonteError("not_found", `no product with SKU ${sku}`, {
    details: { reason: `Não há produto com o SKU ${sku}` },
  });

export type AdjustmentReason = "count" | "damage" | "return";

export interface AdjustmentInput {
  /** count: the units counted on hand; damage and return: the units out or back in. */
  reason: AdjustmentReason;
  quantity: number;
  note?: string;
}

export interface Count {
  productId: number;
  /** The units counted on hand. */
  quantity: number;
}

/** Rows written by a person: the product's new stock and the movement, in the caller's transaction. */
async function writeMovement(
  tx: Queryable,
  orgId: number,
  productId: number,
  change: { delta: number; reason: StockMovement["reason"]; counts: boolean },
  actor: string,
  note: string | null,
): Promise<StockMovement> {
  const { rows } = await tx.query<StockMovement>(
    `with moved as (
       update products set stock_quantity = stock_quantity + $3,
              stock_counted_at = case when $4 then now() else stock_counted_at end
        where id = $2
       returning id, stock_quantity, stock_counted_at is not null as counted
     ), m as (
       insert into stock_movements (org_id, product_id, quantity, reason, went_negative, stock_after, actor, note)
       select $1, id, $3, $5, counted and $3 < 0 and stock_quantity < 0, stock_quantity, $6, $7 from moved
       returning *
     )
     select ${MOVEMENT_COLUMNS} from m join products p on p.id = m.product_id`,
    [orgId, productId, change.delta, change.counts, change.reason, actor, note],
  );
  return rows[0]!;
}

/**
 * Counts (contagem, CSV import): each product's stock becomes the counted number; the movement
 * is the difference. The first count of a product never counted is its initial stock.
 */
export async function applyCounts(
  tx: Queryable,
  orgId: number,
  counts: readonly Count[],
  actor: string,
  note: string | null,
): Promise<StockMovement[]> {
  const ids = counts.map((c) => c.productId);
  await lockProducts(tx, ids);
  const { rows } = await tx.query<{ id: number; stock: number; counted: boolean }>(
    `select id, stock_quantity as stock, stock_counted_at is not null as counted
       from products where id = any($1::bigint[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const movements: StockMovement[] = [];
  for (const c of counts) {
    const before = byId.get(c.productId)!;
    const reason = before.counted ? "count" : "initial";
    movements.push(
      await writeMovement(
        tx,
        orgId,
        c.productId,
        { delta: c.quantity - before.stock, reason, counts: true },
        actor,
        note,
      ),
    );
  }
  return movements;
}

const adjustmentProblem = (message: string, reason: string) =>
  fieldError("quantity", "bad_format", message, reason);

/** One adjustment by hand: a count, damage or a return. */
export async function adjustStock(
  tx: Queryable,
  orgId: number,
  sku: string,
  input: AdjustmentInput,
  actor: string,
): Promise<{ product: Product; movement: StockMovement }> {
  const { quantity, reason } = input;
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw adjustmentProblem("a whole number, 0 or more", "Informe um número inteiro de unidades, 0 ou mais");
  }
  if (reason !== "count" && quantity === 0) {
    throw adjustmentProblem("at least 1 for damage or a return", "Informe pelo menos 1 unidade");
  }
  const found = await getProduct(tx, orgId, sku);
  const note = input.note?.trim() || null;
  let movement: StockMovement;
  if (reason === "count") {
    [movement] = (await applyCounts(tx, orgId, [{ productId: found.id, quantity }], actor, note)) as [
      StockMovement,
    ];
  } else {
    await lockProducts(tx, [found.id]);
    const delta = reason === "damage" ? -quantity : quantity;
    movement = await writeMovement(tx, orgId, found.id, { delta, reason, counts: false }, actor, note);
  }
  return { product: await getProduct(tx, orgId, sku), movement };
}

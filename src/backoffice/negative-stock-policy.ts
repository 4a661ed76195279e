// What a store does with an invoice that would leave a counted product below zero (issue 16):
// `allow` lets it through quietly, `warn` (the default, as before) lets it through flagged in
// `negativeStock`, `block` refuses it (409) naming the SKUs, before anything is written. Products
// whose stock was never counted never block nor warn: their number is not a count.
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";

export const NEGATIVE_STOCK_POLICIES = ["allow", "warn", "block"] as const;
export type NegativeStockPolicy = (typeof NEGATIVE_STOCK_POLICIES)[number];

/** The store's setting (absent, or for an order made in the back office: warn). */
export function negativeStockPolicyOf(
  settings: Record<string, unknown> | null | undefined,
): NegativeStockPolicy {
  const value = settings?.negativeStock;
  return value === "allow" || value === "block" ? value : "warn";
}

/** Throws when taking `moves` out would leave a counted product negative; the caller holds the products' locks (lockProducts). */
export async function refuseNegative(tx: Queryable, moves: { productId: number; quantity: number }[]) {
  if (moves.length === 0) return;
  const { rows } = await tx.query<{ sku: string; stock: number; after: number }>(
    `select p.sku, p.stock_quantity as stock, p.stock_quantity + m.quantity as after
       from products p join jsonb_to_recordset($1::jsonb) as m(product_id bigint, quantity bigint)
         on m.product_id = p.id
      where p.stock_counted_at is not null and m.quantity < 0 and p.stock_quantity + m.quantity < 0
      order by p.sku`,
    [JSON.stringify(moves.map((m) => ({ product_id: m.productId, quantity: m.quantity })))],
  );
  if (rows.length === 0) return;
  const skus = rows.map((r) => r.sku);
  const listed = rows.map((r) => `${r.sku} (em estoque: ${r.stock})`).join(", ");
  throw new PonteError("conflict", `invoice would leave stock negative: ${skus.join(", ")}`, {
    details: {
      reason: `Estoque insuficiente para faturar: ${listed}. A loja bloqueia notas que deixam o estoque negativo; ajuste o estoque em Produtos ou mude a política da loja.`,
      reasonCode: "negative_stock_blocked",
      skus,
    },
  });
}

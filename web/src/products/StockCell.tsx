// A product's stock as the panel shows it: the number (below zero stands out), or "Estoque não
// contado" when nobody set it yet: an invented 0 would read as a count.
import type { Product } from "./products-api.ts";

export function StockCell({ product }: { product: Pick<Product, "counted" | "stockQuantity"> }) {
  if (!product.counted) return <span className="badge badge-warn">Estoque não contado</span>;
  return (
    <span className={product.stockQuantity < 0 ? "stock-negative" : undefined}>
      {product.stockQuantity.toLocaleString("pt-BR")}
    </span>
  );
}

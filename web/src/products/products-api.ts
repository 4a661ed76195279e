// Produtos as the panel reads and changes them: the list, a product's movements, a stock
// adjustment, and the CSV count import (preview, then apply what was previewed).
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { RequestOf, ResponseOf } from "../api/types.ts";
import { api, withQuery } from "../api.ts";

type ProductList = ResponseOf<"/api/v1/products", "get">;
export type Product = ProductList["items"][number];
export type Movements = ResponseOf<"/api/v1/products/{sku}/stock-movements", "get">;
export type Movement = Movements["items"][number];
export type Adjustment = RequestOf<"/api/v1/products/{sku}/stock-adjustments", "post">;
export type AdjustmentResult = ResponseOf<"/api/v1/products/{sku}/stock-adjustments", "post", 201>;
export type ImportPreview = ResponseOf<"/api/v1/products/stock-import/preview", "post">;
export type ImportResult = ResponseOf<"/api/v1/products/stock-import", "post">;

export interface ProductFilters {
  q: string;
  uncounted: boolean;
}

export const PRODUCTS_KEY = ["products"] as const;
const PAGE_SIZE = 50;
/** The last movements shown next to the adjustment form. */
const LAST_MOVEMENTS = 10;

const filterQuery = (f: ProductFilters) => ({
  q: f.q.trim() || undefined,
  uncounted: f.uncounted || undefined,
});

export function useProducts(filters: ProductFilters) {
  return useInfiniteQuery({
    queryKey: [...PRODUCTS_KEY, "list", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<ProductList>(
        withQuery("/api/v1/products", { ...filterQuery(filters), limit: PAGE_SIZE, after: pageParam }),
        {
          signal,
        },
      ),
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
  });
}

export function useMovements(sku: string) {
  return useQuery({
    queryKey: [...PRODUCTS_KEY, "movements", sku],
    queryFn: ({ signal }) =>
      api<Movements>(
        withQuery(`/api/v1/products/${encodeURIComponent(sku)}/stock-movements`, { limit: LAST_MOVEMENTS }),
        {
          signal,
        },
      ),
  });
}

export const adjustStock = (sku: string, body: Adjustment) =>
  api<AdjustmentResult>(`/api/v1/products/${encodeURIComponent(sku)}/stock-adjustments`, {
    method: "POST",
    body,
  });

export const previewImport = (csv: string) =>
  api<ImportPreview>("/api/v1/products/stock-import/preview", { method: "POST", body: { csv } });

export const applyImport = (csv: string, token: string) =>
  api<ImportResult>("/api/v1/products/stock-import", { method: "POST", body: { csv, token } });

/** The stock export of the same filter: a plain link, the browser downloads it with the session. */
export const stockExportHref = (f: ProductFilters) => withQuery("/api/v1/exports/stock", filterQuery(f));

export const MOVEMENT_LABELS: Record<Movement["reason"], string> = {
  invoice: "Nota fiscal",
  invoice_reversal: "Estorno de nota",
  adjustment: "Ajuste",
  initial: "Estoque inicial",
  count: "Contagem",
  damage: "Avaria",
  return: "Devolução",
};

// The integration panel's data (docs/REQUIREMENTS.md#seed-000, R5): the store's orders a page at a time, one row
// re-read after an action or while its sync job runs, and the pt-BR words for its states.
import { type InfiniteData, useInfiniteQuery, type useQueryClient } from "@tanstack/react-query";
import type { ResponseOf } from "../api/types.ts";
import { api, withQuery } from "../api.ts";

/** attention: the list to work down; dismissed: taken off it by hand (Ignorar); all: every order. */
export type PanelView = "attention" | "dismissed" | "all";
type PanelPage = ResponseOf<"/api/v1/integration/{storeId}/orders", "get">;
/** One store order as GET /api/v1/integration/:storeId/orders returns it. */
export type PanelRow = PanelPage["orders"][number];
export type SyncState = PanelRow["syncState"];

export const STORE_CANCELLATION_LABELS: Record<"invoice_live" | "shipped", string> = {
  invoice_live: "Cancelado na loja com nota ativa",
  shipped: "Cancelado na loja já enviado",
};

const PAGE_SIZE = 100;

export const panelListKey = (storeId: number, view: PanelView, search = "") =>
  ["integration", storeId, view, search] as const;

const base = (storeId: number) => `/api/v1/integration/${storeId}/orders`;
export const rowPath = (storeId: number, externalId: string) =>
  `${base(storeId)}/${encodeURIComponent(externalId)}`;

/** Carregar: the first page when a store is chosen, more with "Carregar mais"; `search`: the search box. */
export function usePanelList(storeId: number | null, view: PanelView, search = "") {
  return useInfiniteQuery({
    queryKey: panelListKey(storeId ?? 0, view, search),
    enabled: storeId !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<PanelPage>(withQuery(base(storeId!), { view, limit: PAGE_SIZE, after: pageParam, q: search }), {
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
    // The list is what Carregar loaded; rows refresh one by one, the list only on request.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const fetchRow = (storeId: number, externalId: string) => api<PanelRow>(rowPath(storeId, externalId));

/** Puts a fresh copy of one row into every loaded list of its store, where it stands. */
export function replaceRow(client: ReturnType<typeof useQueryClient>, storeId: number, row: PanelRow) {
  // Every view and search of the store (other "integration" queries hold other data).
  const isList = (key: readonly unknown[]) =>
    key[0] === "integration" &&
    key[1] === storeId &&
    (key[2] === "attention" || key[2] === "dismissed" || key[2] === "all");
  client.setQueriesData<InfiniteData<PanelPage, string | null>>(
    { predicate: (q) => isList(q.queryKey) },
    (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              orders: page.orders.map((r) => (r.externalId === row.externalId ? row : r)),
            })),
          }
        : data,
  );
}

export const SYNC_STATE_LABELS: Record<SyncState, string> = {
  not_synced: "Não sincronizado",
  pending: "Na fila de sincronização",
  synced: "Sincronizado",
  held: "Retido",
  error: "Erro na sincronização",
};

// Recebíveis: the filtered list (a page at a time), the totals per month, the baixa and its undo.
// After a baixa or an undo the list, the totals and the orders (their timeline) are read again.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RequestOf, ResponseOf } from "../api/types.ts";
import { api, withQuery } from "../api.ts";

type Page = ResponseOf<"/api/v1/receivables", "get">;
export type ReceivableRow = Page["items"][number];
export type Receipt = ReceivableRow["receipts"][number];
export type Totals = ResponseOf<"/api/v1/receivables/totals", "get">;
export type ReceiptInput = RequestOf<"/api/v1/receivables/{id}/receipts", "post">;

export interface ReceivableFilters {
  dueFrom: string;
  dueTo: string;
  /** A status, or "overdue". */
  situation: string;
  customer: string;
}

const KEY = ["receivables"] as const;

/** The CSV of what the list shows under `f` (GET /api/v1/exports/receivables). */
export const receivablesExportUrl = (f: ReceivableFilters) =>
  withQuery("/api/v1/exports/receivables", query(f));

function query(f: ReceivableFilters) {
  const overdue = f.situation === "overdue";
  return {
    dueFrom: f.dueFrom,
    dueTo: f.dueTo,
    status: overdue ? undefined : f.situation,
    overdue: overdue ? true : undefined,
    customer: f.customer.trim(),
  };
}

export function useReceivableList(f: ReceivableFilters) {
  return useInfiniteQuery({
    queryKey: [...KEY, "list", f],
    queryFn: ({ pageParam, signal }) =>
      api<Page>(withQuery("/api/v1/receivables", { ...query(f), limit: 50, after: pageParam }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
}

export function useReceivableTotals(f: ReceivableFilters) {
  return useQuery({
    queryKey: [...KEY, "totals", f],
    queryFn: ({ signal }) => api<Totals>(withQuery("/api/v1/receivables/totals", query(f)), { signal }),
  });
}

function useReceivableAction<I>(run: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: KEY });
      void client.invalidateQueries({ queryKey: ["orders"] });
    },
  });
}

export const useRecordReceipt = (id: number) =>
  useReceivableAction((body: ReceiptInput) =>
    api(`/api/v1/receivables/${id}/receipts`, { method: "POST", body }),
  );

export const useUndoReceipt = (id: number) =>
  useReceivableAction((input: { receiptId: number; reason: string }) =>
    api(`/api/v1/receivables/${id}/receipts/${input.receiptId}/undo`, {
      method: "POST",
      body: input.reason.trim() ? { reason: input.reason.trim() } : {},
    }),
  );

// Falhas: the API's lists of orders and jobs in error, and Reprocessar (one, many, or every
// order of a store). A retry only queues work: rows leave the list once the work succeeds, so
// the lists are read again shortly after, and every few seconds while the screen is open.
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { RequestOf, ResponseOf } from "../api/types.ts";
import { api, withQuery } from "../api.ts";
import { useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";

type FailurePage = ResponseOf<"/api/v1/failures", "get">;
/** One row of Falhas: each kind's shape is told apart by a field only it has. */
type Failure = FailurePage["items"][number];
export type OrderFailure = Extract<Failure, { storeOrderId: number }>;
export type JobFailure = Extract<Failure, { task: string }>;
export type PushFailure = Extract<Failure, { failedAt: string }>;
/** An order the store cancelled with a live invoice or after shipping (kind=cancellations). */
export type StoreCancellationItem = Extract<Failure, { cancelledAt: string }>;

type Kind = "orders" | "jobs" | "pushes" | "cancellations";
/** A page of one kind's rows. */
type Page<T> = Omit<FailurePage, "items"> & { items: T[] };

export const failuresKey = (kind: Kind, storeId: number | null) => ["failures", kind, storeId] as const;

const REFRESH_MS = 10_000;

export function useFailures<T>(kind: Kind, storeId: number | null) {
  return useInfiniteQuery({
    queryKey: failuresKey(kind, storeId),
    queryFn: ({ pageParam }) =>
      api<Page<T>>(withQuery("/api/v1/failures", { kind, storeId, limit: 50, after: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    refetchInterval: REFRESH_MS,
  });
}

export type RetryRequest = RequestOf<"/api/v1/failures/retry", "post">;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function useRetry() {
  const client = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (request: RetryRequest) =>
      api<ResponseOf<"/api/v1/failures/retry", "post", 202>>("/api/v1/failures/retry", {
        method: "POST",
        body: request,
      }),
    onSuccess: ({ ordersQueued, jobsQueued, pushesQueued = 0 }) => {
      const parts = [
        ordersQueued > 0 ? plural(ordersQueued, "pedido", "pedidos") : null,
        jobsQueued > 0 ? plural(jobsQueued, "tarefa", "tarefas") : null,
        pushesQueued > 0 ? plural(pushesQueued, "envio à loja", "envios à loja") : null,
      ].filter(Boolean);
      toast(
        parts.length > 0 ? "success" : "info",
        parts.length > 0
          ? `Reprocessando ${parts.join(" e ")}. Os que derem certo saem da lista.`
          : "Nada para reprocessar: as falhas já foram resolvidas.",
      );
      // The work runs in the worker; look again once it has had a moment.
      for (const ms of [0, 1_500, 4_000]) {
        setTimeout(() => {
          void client.invalidateQueries({ queryKey: ["failures"] });
          void client.invalidateQueries({ queryKey: ["overview"] });
        }, ms);
      }
    },
    onError: (error) => toast("error", `Não foi possível reprocessar: ${describeError(error)}`),
  });
}

export const TASK_LABELS: Record<string, string> = {
  "import-orders": "Importar pedidos",
  "sync-order": "Sincronizar pedido",
  "sync-orders": "Sincronizar pedidos dos webhooks",
  "refresh-statuses": "Atualizar status dos pedidos",
};

// Falhas: the API's lists of orders and jobs in error, and Reprocessar (one, many, or every
// order of a store). A retry only queues work: rows leave the list once the work succeeds, so
// the lists are read again shortly after, and every few seconds while the screen is open.
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, withQuery } from "../api.ts";
import { useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";

export interface OrderFailure {
  storeId: number;
  storeName: string;
  externalId: string;
  number: string | null;
  reason: string | null;
  reasonCode: string | null;
  lastError: { code?: string; message?: string; at?: string } | string | null;
  attempts: number;
  updatedAt: string;
}

export interface JobFailure {
  id: string;
  task: string;
  storeId: number | null;
  attempts: number;
  maxAttempts: number;
  lastError: string;
  runAt: string;
  updatedAt: string;
  payload: unknown;
  retrying?: boolean;
}

export interface PushFailure {
  id: number;
  storeId: number;
  storeName: string;
  salesOrderId: number;
  orderNumber: number;
  storeOrderNumber: string | null;
  action: string;
  channel: "platform" | "xml" | "webhook";
  summary: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  failedAt: string;
}

/** An order the store cancelled with a live invoice or after shipping (kind=cancellations). */
export interface StoreCancellationItem {
  salesOrderId: number;
  orderNumber: number;
  storeId: number;
  storeName: string;
  storeOrderNumber: string | null;
  kind: "invoice_live" | "shipped";
  label: string;
  reason: string;
  cancelledAt: string;
  invoiceId: number | null;
}

type Kind = "orders" | "jobs" | "pushes" | "cancellations";
interface Page<T> {
  items: T[];
  next: string | null;
}

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

export interface RetryRequest {
  orders?: { storeId: number; externalId: string }[];
  jobs?: string[];
  pushes?: number[];
  allOrdersOfStore?: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function useRetry() {
  const client = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (request: RetryRequest) =>
      api<{ ordersQueued: number; jobsQueued: number; pushesQueued?: number }>("/api/v1/failures/retry", {
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

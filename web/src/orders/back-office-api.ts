// The back office's actions on a sales order (R6.4, R7, R8.1): confirm the payment, invoice or
// confirm a simple sale and reverse it, ship with tracking; and what they produced (invoices,
// shipments, receivables, pushes to the store).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RequestOf, ResponseOf } from "../api/types.ts";
import { api, withQuery } from "../api.ts";
import { ORDERS_KEY } from "./orders-api.ts";

export type Invoice = ResponseOf<"/api/v1/orders/{id}/invoices", "get">["items"][number];
export type Shipment = ResponseOf<"/api/v1/orders/{id}/shipments", "get">["items"][number];
type Receivables = ResponseOf<"/api/v1/receivables", "get">;
export type Receivable = Receivables["items"][number];
type OrderPushes = ResponseOf<"/api/v1/orders/{id}/pushes", "get">;
export type OrderPush = OrderPushes[number];
export type InvoiceInput = RequestOf<"/api/v1/orders/{id}/invoice", "post">;
export type ShipmentInput = RequestOf<"/api/v1/orders/{id}/shipments", "post">;

const backOfficeKey = (id: number) => ["orders", "back-office", id] as const;

export function useInvoices(id: number) {
  return useQuery({
    queryKey: [...backOfficeKey(id), "invoices"],
    queryFn: ({ signal }) =>
      api<ResponseOf<"/api/v1/orders/{id}/invoices", "get">>(`/api/v1/orders/${id}/invoices`, { signal }),
  });
}

export function useShipments(id: number) {
  return useQuery({
    queryKey: [...backOfficeKey(id), "shipments"],
    queryFn: ({ signal }) =>
      api<ResponseOf<"/api/v1/orders/{id}/shipments", "get">>(`/api/v1/orders/${id}/shipments`, { signal }),
  });
}

export function useReceivables(id: number) {
  return useQuery({
    queryKey: [...backOfficeKey(id), "receivables"],
    queryFn: ({ signal }) =>
      api<Receivables>(withQuery("/api/v1/receivables", { salesOrderId: id, limit: 100 }), { signal }),
  });
}

/** Pushes run in the worker: read them again every few seconds while any is pending. */
export function usePushes(id: number) {
  return useQuery({
    queryKey: [...backOfficeKey(id), "pushes"],
    queryFn: ({ signal }) => api<OrderPushes>(`/api/v1/orders/${id}/pushes`, { signal }),
    refetchInterval: (query) => (query.state.data?.some((p) => p.status === "pending") ? 3_000 : false),
  });
}

/** A back-office action: on success the order, its timeline and its documents are read again. */
export function useOrderAction<I, R>(run: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ORDERS_KEY });
      void client.invalidateQueries({ queryKey: ["integration"] });
      // E-mails and pushes are written by the worker a moment later.
      setTimeout(() => void client.invalidateQueries({ queryKey: ORDERS_KEY }), 2_000);
    },
  });
}

/** `notify`: Notificar cliente and the message of the move to Pagamento confirmado (absent: the store's default). */
export const confirmPayment = (
  id: number,
  note: string,
  notify: { notifyCustomer?: boolean; message?: string } = {},
) =>
  api<ResponseOf<"/api/v1/orders/{id}/confirm-payment", "post">>(`/api/v1/orders/${id}/confirm-payment`, {
    method: "POST",
    body: { ...(note.trim() ? { note: note.trim() } : {}), ...notify },
  });

/** A store-side cancellation of a shipped order, marked handled (one with a live invoice needs the estorno). */
export const resolveStoreCancellation = (id: number, note: string) =>
  api<ResponseOf<"/api/v1/orders/{id}/store-cancellation/resolve", "post">>(
    `/api/v1/orders/${id}/store-cancellation/resolve`,
    {
      method: "POST",
      body: note.trim() ? { note: note.trim() } : {},
    },
  );

export const createInvoice = (id: number, body: InvoiceInput) =>
  api<ResponseOf<"/api/v1/orders/{id}/invoice", "post", 201>>(`/api/v1/orders/${id}/invoice`, {
    method: "POST",
    body,
  });

/** `receipts`: what becomes of money already received on the installments (required when there is any). */
export const cancelInvoice = (id: number, reason: string, receipts?: "undo" | "credit") =>
  api<ResponseOf<"/api/v1/orders/{id}/invoice/cancel", "post">>(`/api/v1/orders/${id}/invoice/cancel`, {
    method: "POST",
    body: { ...(reason.trim() ? { reason: reason.trim() } : {}), ...(receipts ? { receipts } : {}) },
  });

export const createShipment = (id: number, body: ShipmentInput) =>
  api<ResponseOf<"/api/v1/orders/{id}/shipments", "post", 201>>(`/api/v1/orders/${id}/shipments`, {
    method: "POST",
    body,
  });

export const labelUrl = (id: number) => `/api/v1/orders/${id}/label.pdf`;

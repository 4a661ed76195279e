// The back office's actions on a sales order (R6.4, R7, R8.1): confirm the payment, invoice or
// confirm a simple sale and reverse it, ship with tracking; and what they produced (invoices,
// shipments, receivables, pushes to the store).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery } from "../api.ts";
import { ORDERS_KEY } from "./orders-api.ts";

export interface Invoice {
  id: number;
  salesOrderId: number;
  kind: "nfe" | "simple";
  accessKey: string | null;
  number: string | null;
  series: string | null;
  issuedAt: string;
  xmlUrl: string | null;
  status: "approved" | "cancelled";
  createdAt: string;
  createdBy: string | null;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
}

export interface Shipment {
  id: number;
  salesOrderId: number;
  carrier: string;
  trackingCode: string | null;
  trackingUrl: string | null;
  shippedAt: string;
  deliveredAt: string | null;
  createdBy: string | null;
}

export interface Receivable {
  id: number;
  salesOrderId: number;
  invoiceId: number;
  installment: number;
  amountCents: number;
  dueDate: string;
  paymentType: string | null;
  status: "open" | "paid" | "reversed";
  reversedAt: string | null;
}

export interface OrderPush {
  id: number;
  channel: "platform" | "xml" | "webhook";
  action: string;
  summary: string | null;
  status: "pending" | "sent" | "failed" | "skipped";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface InvoiceInput {
  kind: "nfe" | "simple";
  accessKey?: string;
  number?: string;
  series?: string;
  issuedAt?: string;
  xmlUrl?: string;
}

export interface ShipmentInput {
  carrier: string;
  trackingCode?: string;
  trackingUrl?: string;
}

const backOfficeKey = (id: number) => ["orders", "back-office", id] as const;

export function useInvoices(id: number) {
  return useQuery({
    queryKey: [...backOfficeKey(id), "invoices"],
    queryFn: ({ signal }) => api<{ items: Invoice[] }>(`/api/v1/orders/${id}/invoices`, { signal }),
  });
}

export function useShipments(id: number) {
  return useQuery({
    queryKey: [...backOfficeKey(id), "shipments"],
    queryFn: ({ signal }) => api<{ items: Shipment[] }>(`/api/v1/orders/${id}/shipments`, { signal }),
  });
}

export function useReceivables(id: number) {
  return useQuery({
    queryKey: [...backOfficeKey(id), "receivables"],
    queryFn: ({ signal }) =>
      api<{ items: Receivable[]; next: string | null }>(
        withQuery("/api/v1/receivables", { salesOrderId: id, limit: 100 }),
        { signal },
      ),
  });
}

/** Pushes run in the worker: read them again every few seconds while any is pending. */
export function usePushes(id: number) {
  return useQuery({
    queryKey: [...backOfficeKey(id), "pushes"],
    queryFn: ({ signal }) => api<OrderPush[]>(`/api/v1/orders/${id}/pushes`, { signal }),
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
  api<{ paymentConfirmedAt: string; paymentConfirmedBy: string }>(`/api/v1/orders/${id}/confirm-payment`, {
    method: "POST",
    body: { ...(note.trim() ? { note: note.trim() } : {}), ...notify },
  });

/** A store-side cancellation of a shipped order, marked handled (one with a live invoice needs the estorno). */
export const resolveStoreCancellation = (id: number, note: string) =>
  api<{ storeCancellation: null }>(`/api/v1/orders/${id}/store-cancellation/resolve`, {
    method: "POST",
    body: note.trim() ? { note: note.trim() } : {},
  });

export const createInvoice = (id: number, body: InvoiceInput) =>
  api<{ invoice: Invoice; negativeStock: { sku: string }[]; receivables: Receivable[] }>(
    `/api/v1/orders/${id}/invoice`,
    { method: "POST", body },
  );

export const cancelInvoice = (id: number, reason: string) =>
  api<{ invoice: Invoice }>(`/api/v1/orders/${id}/invoice/cancel`, {
    method: "POST",
    body: reason.trim() ? { reason: reason.trim() } : {},
  });

export const createShipment = (id: number, body: ShipmentInput) =>
  api<{ shipment: Shipment }>(`/api/v1/orders/${id}/shipments`, { method: "POST", body });

export const labelUrl = (id: number) => `/api/v1/orders/${id}/label.pdf`;

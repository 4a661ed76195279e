// The sales orders as the Pedidos list and the order page read them, and the status change.
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, withQuery } from "../api.ts";
import { apiQuery, type OrderFilters } from "./filters.ts";

export interface OrderListItem {
  id: number;
  number: number;
  storeOrderNumber: string | null;
  originStoreId: number | null;
  originStoreName: string | null;
  platform: string | null;
  origin: "store" | "manual";
  canonicalStatus: string;
  status: string;
  customerName: string | null;
  customerDocument: string | null;
  totalCents: number;
  /** The order date: when the customer ordered on the store. */
  orderedAt: string;
  /** When Ponte created the sales order (imported it). */
  createdAt: string;
}

export interface Address {
  name?: string | null;
  street?: string | null;
  number?: string | null;
  complement?: string | null;
  neighborhood?: string | null;
  city?: string | null;
  state?: string | null;
  zipcode?: string | null;
  country?: string | null;
  phone?: string | null;
}

export interface OrderEvent {
  id: number;
  kind: string;
  message: string;
  data: Record<string, unknown> | null;
  actor: string;
  createdAt: string;
}

export interface OrderFlag {
  field?: string;
  value?: string;
  message?: string;
}

export interface OrderDetail {
  id: number;
  number: number;
  originStoreId: number | null;
  storeOrderNumber: string | null;
  status: string;
  canonicalStatus: string;
  statusVersion: number;
  paymentType: string | null;
  paymentMethod: string | null;
  installments: number;
  carrier: string | null;
  shippingType: string | null;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  customerSnapshot: {
    name?: string | null;
    email?: string | null;
    phone?: string | null;
    document?: string | null;
    documentKind?: string | null;
    billingAddress?: Address | null;
  } | null;
  deliveryAddress: Address | null;
  flags: OrderFlag[];
  deletedAt: string | null;
  orderedAt: string;
  createdAt: string;
  items: {
    position: number;
    productId: number | null;
    sku: string | null;
    name: string;
    variant: string | null;
    quantity: number;
    unitPriceCents: number;
    totalCents: number;
  }[];
  events: OrderEvent[];
  originStore: { id: number; name: string; platform: string } | null;
  origin: "store" | "manual";
  customer: {
    id: number;
    name: string;
    document: string | null;
    documentKind: string | null;
    email: string | null;
    phone: string | null;
  } | null;
  payments: {
    type: string | null;
    method: string | null;
    gateway: string | null;
    installments: number;
    amountCents: number;
    platformStatus: string | null;
    paidAt: string | null;
    confirmedAt: string | null;
    confirmedBy: string | null;
    /** A payment confirmed by hand the store does not show yet: where it stands, in pt-BR. */
    storeSync?: { state: string; message: string } | null;
  }[];
  storeOrder: {
    externalId: string;
    number: string | null;
    platformStatus: string | null;
    platformCreatedAt: string | null;
  } | null;
  /** Cancelled on the store with a live invoice (estorno) or after shipping (mark it handled). */
  storeCancellation?: {
    kind: "invoice_live" | "shipped";
    label: string;
    reason: string;
    cancelledAt: string;
  } | null;
}

export interface Transitions {
  current: string;
  allowed: {
    status: string;
    label: string;
    /** shipment: asked for with the Enviar form (carrier and tracking), not the status form. */
    form?: "status" | "shipment";
    /** pt-BR: why it cannot be chosen yet, or null. */
    blocked?: string | null;
    /** What the order still lacks for it: the form offers Confirmar pagamento inline for "payment". */
    needs?: ("payment" | "shipment")[];
    /** Notificar cliente starts ticked for this status (the store's e-mail templates). */
    notifyByDefault?: boolean;
  }[];
}

export interface StatusChange {
  status: string;
  notifyCustomer: boolean;
  message?: string;
}

const PAGE_SIZE = 50;

export const ORDERS_KEY = ["orders"] as const;
export const orderKey = (id: number) => ["orders", "detail", id] as const;
export const transitionsKey = (id: number) => ["orders", "transitions", id] as const;

export function useOrderList(filters: OrderFilters) {
  return useInfiniteQuery({
    queryKey: ["orders", "list", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<{ items: OrderListItem[]; next: string | null }>(
        withQuery("/api/v1/orders", { ...apiQuery(filters), limit: PAGE_SIZE, after: pageParam }),
        { signal },
      ),
    getNextPageParam: (last) => last.next,
    // A new filter keeps the current rows on screen (marked as updating) until its answer comes.
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: number) {
  return useQuery({
    queryKey: orderKey(id),
    queryFn: ({ signal }) => api<OrderDetail>(`/api/v1/orders/${id}`, { signal }),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
}

export function useTransitions(id: number, enabled: boolean) {
  return useQuery({
    queryKey: transitionsKey(id),
    queryFn: ({ signal }) => api<Transitions>(`/api/v1/orders/${id}/transitions`, { signal }),
    enabled,
  });
}

export const changeStatus = (id: number, body: StatusChange) =>
  api<{ id: number; canonicalStatus: string; status: string; statusVersion: number }>(
    `/api/v1/orders/${id}/status`,
    { method: "POST", body },
  );

export const deleteOrder = (id: number) => api<void>(`/api/v1/orders/${id}`, { method: "DELETE" });

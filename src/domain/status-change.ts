// A sales order's status change as the back office records it: the new status, and the timeline
// entry the effects (the customer e-mail, the pushes to the store) hang on, keyed by (order,
// version) so a replayed change owes nothing twice.
import type { CanonicalStatus, SalesOrderStatus } from "./order-status.ts";

/** The shipment a move to Despachado records (tracking for the store's fulfill push). */
export interface ShipmentRef {
  id: number;
  carrier: string;
  trackingCode: string | null;
  trackingUrl: string | null;
}

/** The invoice that moved the order (access key for the store's NF-e push). */
export interface InvoiceRef {
  id: number;
  kind: "nfe" | "simple";
  accessKey: string | null;
  number: string | null;
  series: string | null;
  xmlUrl: string | null;
}

export interface OrderStatus {
  id: number;
  canonicalStatus: CanonicalStatus;
  status: SalesOrderStatus;
  statusVersion: number;
}

export interface StatusChangedEvent {
  id: number;
  salesOrderId: number;
  storeOrderId: number | null;
  kind: "status_changed";
  message: string;
  data: {
    from: CanonicalStatus;
    to: CanonicalStatus;
    notifyCustomer: boolean;
    message: string | null;
    version: number;
    /** Present when the move came with a shipment (Despachado). */
    shipment?: ShipmentRef;
    /** Present when invoicing moved the order. */
    invoice?: InvoiceRef;
    /** Present on Entregue: when the delivery was recorded. */
    deliveredAt?: string;
    /** Present when the move came with a payment confirmed by hand (the store's "pay" push). */
    paymentConfirmed?: true;
  };
  actor: string;
  createdAt: string;
}

export interface StatusChange {
  order: OrderStatus;
  orgId: number;
  /** The timeline entry: what effects (e-mail, push) hang on, keyed by (order, version). */
  event: StatusChangedEvent;
}

// The three records of an order, as the engine and the back office read them: the platform's
// order (store_orders), ours (sales_orders) and the link between them (order_links). Their SQL
// lives in src/orders/ (the back office's reads and lock) and src/sync/ (the batched sync).
import type { CanonicalStatus, SalesOrderStatus } from "./order-status.ts";

/** The platform's order as stored: one per store and external id. */
export interface StoreOrder {
  id: number;
  externalId: string;
  /** The buyer collects it at the store (its normalized `shipping.pickup`, kept current by the sync). */
  pickup: boolean;
}

/** Ours: the sales order (pedido de venda). Money in cents. */
export interface SalesOrder {
  id: number;
  orgId: number;
  number: number;
  originStoreId: number | null;
  storeOrderId: number | null;
  storeOrderNumber: string | null;
  customerId: number | null;
  canonicalStatus: CanonicalStatus;
  status: SalesOrderStatus;
  statusVersion: number;
  paymentType: string | null;
  installments: number;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  /** When the customer ordered (not when Ponte imported it). */
  orderedAt: Date;
  /** Who bought, as the order said (name, email, document…), apart from the linked customer. */
  customerSnapshot: Record<string, unknown>;
  paymentConfirmedAt: Date | null;
  paymentConfirmedBy: string | null;
  /** Excluded in the back office (kept for its history). */
  deleted: boolean;
  /** Made in the back office for the buyer to collect at the store (a store's order: its StoreOrder.pickup). */
  manualPickup: boolean;
}

/** Store order ↔ sales order (mapeamento): where the sync left the store order. */
export interface OrderLink {
  syncState: "pending" | "synced" | "held" | "error";
  /** The payload digest last decided; a payload with the same digest is skipped. */
  syncedDigest: string | null;
  reasonCode: string | null;
}

// What a customer e-mail says about one sales order: the template variables (amounts formatted,
// CPF/CNPJ masked, the latest shipment and the live invoice) and the recipient, from the order
// as read once (orders/order-lock.ts).
import { formatBusinessDate } from "../domain/business-date.ts";
import { maskDocument } from "../domain/document.ts";
import { formatBRL } from "../domain/money.ts";
import { CANONICAL_LABELS, type CanonicalStatus } from "../domain/order-status.ts";
import type { LockedOrder } from "../orders/order-lock.ts";
import type { EmailVariables } from "./variables.ts";

export interface EmailOrder {
  salesOrderId: number;
  storeId: number | null;
  /** The customer's address; null when the order has none usable. */
  to: string | null;
  variables: EmailVariables;
}

// One mailbox, no display name, no list: anything else is not an address we send to.
const MAILBOX = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : null;

export function usableAddress(value: unknown): string | null {
  const address = text(value);
  return address && address.length <= 254 && MAILBOX.test(address) ? address : null;
}

/** Only web links go in an e-mail's href. */
const webUrl = (value: string | null) => (value && /^https?:\/\//i.test(value) ? value : null);

/** What the e-mail says about the order an action holds (orders/order-lock.ts), reading nothing. */
export function emailOrderOf(
  order: LockedOrder,
  status: CanonicalStatus,
  message: string | null,
): EmailOrder {
  const snapshot = order.customerSnapshot;
  const customer = order.customer;
  const document = text(snapshot.document) ?? text(customer?.document);
  const ship = order.shipment;
  const inv = order.invoice;
  return {
    salesOrderId: order.id,
    storeId: order.originStoreId,
    to: usableAddress(snapshot.email) ?? usableAddress(customer?.email),
    variables: {
      store: { name: order.store?.name ?? order.orgName },
      order: {
        number: String(order.number),
        store_number: order.storeOrderNumber,
        status: CANONICAL_LABELS[status],
        status_code: status,
        // The day the customer ordered, not the day Ponte imported it.
        date: formatBusinessDate(order.orderedAt),
        items: order.items.map((i) => ({
          name: i.name,
          variant: i.variant,
          sku: i.sku,
          quantity: i.quantity,
          unit_price: formatBRL(i.unitPriceCents),
          total: formatBRL(i.totalCents),
        })),
        subtotal: formatBRL(order.subtotalCents),
        discount: formatBRL(order.discountCents),
        shipping: formatBRL(order.shippingCents),
        total: formatBRL(order.totalCents),
        subtotal_cents: order.subtotalCents,
        discount_cents: order.discountCents,
        shipping_cents: order.shippingCents,
        total_cents: order.totalCents,
        pickup: order.facts.pickup,
      },
      customer: {
        name: text(snapshot.name) ?? text(customer?.name) ?? "",
        email: usableAddress(snapshot.email) ?? usableAddress(customer?.email),
        document: document ? maskDocument(document) : null,
      },
      shipment: ship
        ? {
            carrier: ship.carrier,
            tracking_code: ship.trackingCode,
            tracking_url: webUrl(ship.trackingUrl),
          }
        : null,
      invoice: inv ? { kind: inv.kind, key: inv.accessKey, number: inv.number, series: inv.series } : null,
      message,
    },
  };
}

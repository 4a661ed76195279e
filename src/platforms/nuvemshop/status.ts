// Nuvemshop describes an order with three status fields; the DE-PARA table reads one key.
// Every enum value is matched exhaustively: a value Ponte does not know becomes its own key
// ("payment_status:xyz") and a flag, so it lands as "status not mapped", never as a guess.
import type { Flag } from "../connector.ts";

const ORDER_STATUSES = ["open", "closed", "cancelled"] as const;
const PAYMENT_STATUSES = ["pending", "authorized", "paid", "voided", "refunded", "abandoned"] as const;
type ShippingStage = "unpacked" | "packed" | "shipped" | "delivered";

/** The value when it is one of the documented ones, undefined otherwise. */
function oneOf<T extends string>(known: readonly T[], value: string): T | undefined {
  return (known as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Both vocabularies the docs use (unfulfilled/fulfilled and unshipped/shipped) plus integrators' extras. */
function shippingStage(value: string): ShippingStage | undefined {
  switch (value) {
    case "unpacked":
    case "unfulfilled":
    case "unshipped":
      return "unpacked";
    case "packed":
    case "partially_packed":
      return "packed";
    case "fulfilled":
    case "shipped":
    case "partially_fulfilled":
      return "shipped";
    case "delivered":
      return "delivered";
    default:
      return undefined;
  }
}

export interface StatusReading {
  key: string;
  cancelled: boolean;
  paid: boolean;
  flags: Flag[];
}

export function readStatus(fields: {
  status: string | null;
  payment_status: string | null;
  shipping_status: string | null;
}): StatusReading {
  const flags: Flag[] = [];
  const unknown = (field: string, value: string) => {
    flags.push({ field, value, message: `unknown Nuvemshop ${field} "${value}"` });
    return `${field}:${value}`;
  };
  const status = fields.status === null ? "open" : oneOf(ORDER_STATUSES, fields.status);
  const payment = fields.payment_status === null ? "pending" : oneOf(PAYMENT_STATUSES, fields.payment_status);
  const shipping = fields.shipping_status === null ? "unpacked" : shippingStage(fields.shipping_status);
  if (status === undefined)
    return { key: unknown("status", fields.status!), cancelled: false, paid: false, flags };
  if (payment === undefined) {
    return {
      key: unknown("payment_status", fields.payment_status!),
      cancelled: status === "cancelled",
      paid: false,
      flags,
    };
  }
  if (shipping === undefined) {
    return {
      key: unknown("shipping_status", fields.shipping_status!),
      cancelled: status === "cancelled",
      paid: payment === "paid",
      flags,
    };
  }
  const paid = payment === "paid";
  let key: string;
  if (status === "cancelled") key = "cancelled";
  else if (payment === "voided" || payment === "refunded") key = payment;
  else if (shipping === "delivered" || shipping === "shipped" || shipping === "packed") key = shipping;
  else key = payment;
  return { key, cancelled: status === "cancelled", paid, flags };
}

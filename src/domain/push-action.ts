// What a back-office change may ask a store's platform to do (R8.1), in the order the actions run
// when one trigger asks for several, and the triggers: a canonical status the order moves to, or
// "faturado" (an invoice approved). Platform modules declare their default table in these words.
import { CANONICAL_STATUSES, type CanonicalStatus } from "./order-status.ts";

export const PUSH_ACTIONS = ["pay", "invoice", "pack", "fulfill", "deliver", "close", "cancel"] as const;
export type PushActionKind = (typeof PUSH_ACTIONS)[number];

export const PUSH_TRIGGERS = [...CANONICAL_STATUSES, "faturado"] as const;
export type PushTrigger = CanonicalStatus | "faturado";

/** One action as the platform connector receives it. */
export type PushAction =
  | { kind: "pay" }
  | { kind: "pack" }
  | { kind: "fulfill"; trackingNumber: string | null; trackingUrl: string | null; notifyCustomer: boolean }
  | { kind: "cancel"; reason: "customer" | "inventory" | "fraud" | "other"; email: boolean; restock: boolean }
  /** The parcel reached the customer (Entregue): when Ponte knows, the date of delivery. */
  | { kind: "deliver"; deliveredAt: string | null }
  | { kind: "close" }
  | { kind: "open" }
  | {
      kind: "invoice";
      accessKey: string;
      link: string | null;
      /** The invoice's number and series as issued; null when only the access key is known. */
      number: string | null;
      series: string | null;
      /** ISO instant of issue; null when unknown. */
      issuedAt: string | null;
      /** The invoiced amount in cents (a platform may check it against the order's value). */
      valueCents: number;
    };

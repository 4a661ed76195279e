// The canonical order: Ponte's reading of a store order, the same shape for every platform.
// Platform modules produce it (normalize); the sync engine, the back office and the panel read it.

export interface Address {
  name: string | null;
  street: string | null;
  number: string | null;
  complement: string | null;
  neighborhood: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  country: string | null;
  phone: string | null;
}

export interface OrderItem {
  sku: string | null;
  name: string;
  productId: string | null;
  variantId: string | null;
  variant: string | null;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
}

/** A value the platform sent that Ponte does not know: stored and flagged, never defaulted. */
export interface Flag {
  field: string;
  value: string;
  message: string;
}

/** Ponte's canonical reading of a store order, the same shape for every platform. */
export interface CanonicalOrder {
  /** The platform id (registry.ts). */
  platform: string;
  externalId: string;
  number: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  currency: string;
  status: {
    /** The key the store's status table (DE-PARA) reads, e.g. "paid", "cancelled". */
    key: string;
    fields: Record<string, string | null>;
    cancelled: boolean;
    paid: boolean;
  };
  customer: {
    externalId: string | null;
    name: string | null;
    email: string | null;
    phone: string | null;
    /** Normalized (no punctuation, upper-case), kept even when invalid so it can be shown. */
    document: string | null;
    documentKind: "cpf" | "cnpj" | null;
    /** Why the document cannot link a customer (missing, bad_check_digits…), null when valid. */
    documentProblem: string | null;
  };
  billingAddress: Address;
  shippingAddress: Address | null;
  items: OrderItem[];
  totals: { subtotalCents: number; discountCents: number; shippingCents: number; totalCents: number };
  payment: { gateway: string | null; method: string | null; installments: number; paidAt: string | null };
  shipping: {
    carrier: string | null;
    option: string | null;
    code: string | null;
    pickup: boolean;
    trackingNumber: string | null;
    trackingUrl: string | null;
  };
  notes: { buyer: string | null; merchant: string | null };
  flags: Flag[];
}

/** Thrown by normalize() when a payload cannot be read at all; lists every problem. */
export class MappingError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`order payload cannot be read: ${problems.join("; ")}`);
    this.name = "MappingError";
    this.problems = problems;
  }
}

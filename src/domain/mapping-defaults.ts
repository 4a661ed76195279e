// The tables a store starts with (R4.5): each platform module declares them in these shapes and
// they are inserted when a store connects. The merchant changes them afterwards (Lojas, DE-PARA).
import type { CanonicalStatus } from "./order-status.ts";
import type { PushActionKind, PushTrigger } from "./push-action.ts";

/** One row of the status table: the platform values read as one canonical status. */
export interface StatusMapDefault {
  canonical: CanonicalStatus;
  values: string[];
  active: boolean;
  /** "Processa inclusão": whether an order first seen in this status creates a sales order. */
  createsOrder: boolean;
}

export interface MappingDefaults {
  status: StatusMapDefault[];
  /** Platform payment value → Ponte payment type. */
  payment: [string, string][];
  /** Platform shipping value → carrier name. */
  shipping: [string, string][];
  /** What each trigger pushes to the store when the store has no row of its own ("Envio à loja"). */
  push: Record<PushTrigger, PushActionKind[]>;
  /**
   * Platform statuses that are not final (a cancellation window, authorization states): an
   * order in one that no row lists waits on the platform — held without being a problem, created
   * when it moves on — instead of reading as a status missing from the table.
   */
  waiting?: string[];
}

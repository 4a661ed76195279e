// What a status change would do on the store, said before it is made: the pushes its planning
// would queue (the store's Envio à loja table, its platform's capabilities, its channel), as the
// pt-BR sentences the timeline and Falhas use. Nothing is written.
import type { Queryable } from "../db/db.ts";
import type { CanonicalStatus } from "../domain/order-status.ts";
import type { LockedOrder } from "../orders/order-lock.ts";
import { loadOrigin } from "./enqueue.ts";
import { planPushes } from "./plan.ts";

/** Per target status: what would be sent to the store (empty: nothing). */
export async function storeEffects(
  q: Queryable,
  order: LockedOrder,
  targets: readonly CanonicalStatus[],
): Promise<Map<CanonicalStatus, string[]>> {
  const effects = new Map<CanonicalStatus, string[]>();
  for (const status of targets) {
    const origin = await loadOrigin(q, { ...order, canonicalStatus: status });
    if (!origin) {
      effects.set(status, []);
      continue;
    }
    const planned = planPushes(origin, {
      kind: "status",
      status,
      previous: order.canonicalStatus,
      version: order.statusVersion + 1,
      occurredAt: new Date().toISOString(),
      notifyCustomer: false,
      invoiced: false,
      paymentConfirmed: false,
      deliveredAt: status === "entregue" ? new Date().toISOString() : null,
    });
    effects.set(
      status,
      planned.map((p) => p.payload.summary),
    );
  }
  return effects;
}

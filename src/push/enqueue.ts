// The pushes a back-office change owes the store (R8), written in the caller's transaction:
// one outbox row per push (plan.ts) and a push job per new row, so the change, its pushes and
// their jobs commit or roll back together. Only orders that came from a store push anything,
// and only back-office changes call this: a change read from the platform is not sent back.
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import type { StatusChange } from "../domain/status-change.ts";
import { enqueueMany } from "../jobs/queue.ts";
import { pushJob } from "../jobs/specs.ts";
import type { LockedOrder } from "../orders/order-lock.ts";
import type { Capabilities } from "../platforms/connector.ts";
import { isSupportedPlatform, platformModule } from "../platforms/registry.ts";
import { type PlannedPush, type PushCause, type PushOrigin, planPushes } from "./plan.ts";
import { loadPushOverrides, resolveActions } from "./push-map.ts";

/** A platform without a connector yet pushes nothing through its API (XML and webhook still work). */
const NO_ACTIONS: Capabilities = {
  webhooks: false,
  feed: false,
  pushTracking: false,
  pushInvoice: false,
  pack: false,
  cancel: false,
  close: false,
  markPaid: false,
};

/**
 * What the planner needs, from the order the action holds (its store, store order, latest
 * shipment and live invoice) and the store's tables: the status row and the push actions.
 */
export async function loadOrigin(tx: Queryable, order: LockedOrder): Promise<PushOrigin | null> {
  const store = order.store;
  if (!store) return null; // not from a store: nothing to push back
  const { rows } = await tx.query<{ active: boolean; platform_values: string[] }>(
    "select active, platform_values from status_maps where store_id = $1 and canonical_status = $2",
    [store.id, order.canonicalStatus],
  );
  const statusRow = rows[0];
  const overrides = await loadPushOverrides(tx, store.id);
  return {
    store,
    capabilities: isSupportedPlatform(store.platform)
      ? platformModule(store.platform).capabilities
      : NO_ACTIONS,
    order: {
      id: order.id,
      number: order.number,
      externalOrderId: order.storeOrder?.externalId ?? null,
      storeOrderNumber: order.storeOrderNumber,
      totalCents: order.totalCents,
    },
    statusRow: { active: statusRow?.active ?? false, platformValues: statusRow?.platform_values ?? [] },
    statusActions: resolveActions(store.platform, order.canonicalStatus, overrides),
    invoiceActions: resolveActions(store.platform, "faturado", overrides),
    paymentActions: resolveActions(store.platform, "pagamento_confirmado", overrides),
    shipment: order.shipment && {
      carrier: order.shipment.carrier,
      trackingCode: order.shipment.trackingCode,
      trackingUrl: order.shipment.trackingUrl,
    },
    invoice: order.invoice,
  };
}

/** Inserts the planned rows (a dedupe key already queued is skipped) and a job for each new one. */
async function writePushes(
  tx: Queryable,
  orgId: number,
  storeId: number,
  salesOrderId: number,
  planned: PlannedPush[],
  version: number,
  eventId: number | null,
): Promise<number[]> {
  if (planned.length === 0) return [];
  const { rows } = await tx.query<{ id: number }>(
    `insert into outbox (org_id, store_id, sales_order_id, channel, action, dedupe_key, payload, status_version, event_id)
     select $1, $2, $3, x.e->>'channel', x.e->>'action', x.e->>'dedupe_key', x.e->'payload', $4, $5
       from jsonb_array_elements($6::jsonb) with ordinality as x(e, ord)
      order by x.ord
     on conflict (dedupe_key) do nothing
     returning id`,
    [
      orgId,
      storeId,
      salesOrderId,
      version,
      eventId,
      JSON.stringify(
        planned.map((p) => ({
          channel: p.channel,
          action: p.action,
          dedupe_key: p.dedupeKey,
          payload: p.payload,
        })),
      ),
    ],
  );
  const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  await enqueueMany(
    tx,
    ids.map((outboxId) => pushJob(storeId, outboxId)),
  );
  return ids;
}

/**
 * The pushes a status change owes (called by backoffice/status-effects.ts in the change's
 * transaction), for the order the change was made on, as the change left it.
 */
export async function enqueueStorePushes(
  tx: Queryable,
  _ctx: AppContext,
  order: LockedOrder,
  change: StatusChange,
): Promise<void> {
  const origin = await loadOrigin(tx, order);
  if (!origin) return;
  const data = change.event.data;
  const cause: PushCause = {
    kind: "status",
    status: change.order.canonicalStatus,
    previous: data.from,
    version: change.order.statusVersion,
    occurredAt: change.event.createdAt,
    notifyCustomer: data.notifyCustomer,
    invoiced: data.invoice !== undefined,
    paymentConfirmed: data.paymentConfirmed === true,
    deliveredAt: data.deliveredAt ?? null,
  };
  const planned = planPushes(origin, cause);
  await writePushes(
    tx,
    change.orgId,
    origin.store.id,
    change.order.id,
    planned,
    change.order.statusVersion,
    change.event.id,
  );
}

/** The pushes of something that happened without a status change (an invoice, a payment), at the order's version. */
async function enqueueWithoutStatusChange(
  tx: Queryable,
  order: LockedOrder,
  happened: Pick<PushCause, "kind" | "notifyCustomer" | "invoiced" | "paymentConfirmed">,
): Promise<void> {
  const origin = await loadOrigin(tx, order);
  if (!origin || (happened.invoiced && !origin.invoice)) return;
  const cause: PushCause = {
    ...happened,
    status: order.canonicalStatus,
    previous: null,
    version: order.statusVersion,
    occurredAt: new Date().toISOString(),
    deliveredAt: null,
  };
  const planned = planPushes(origin, cause);
  await writePushes(tx, order.orgId, origin.store.id, order.id, planned, order.statusVersion, null);
}

/**
 * The pushes an approved invoice owes when invoicing did not change the status (an order already
 * past Em preparação): the "faturado" trigger (e.g. the NF-e sent to the platform), or an
 * "order.invoiced" event on the XML and webhook channels. Call it in the invoice's transaction,
 * with the order holding the new invoice.
 */
export async function enqueueInvoicePushes(
  tx: Queryable,
  _ctx: AppContext,
  order: LockedOrder,
  invoice: { notifyCustomer?: boolean },
): Promise<void> {
  await enqueueWithoutStatusChange(tx, order, {
    kind: "invoice",
    notifyCustomer: invoice.notifyCustomer ?? false,
    invoiced: true,
    paymentConfirmed: false,
  });
}

/**
 * The push a payment confirmed by hand owes when it did not change the status (an order already
 * past Aguardando pagamento): the store is told the order is paid (its platform's "pay" action).
 * Call it in the confirmation's transaction.
 */
export async function enqueuePaymentPushes(
  tx: Queryable,
  _ctx: AppContext,
  order: LockedOrder,
): Promise<void> {
  await enqueueWithoutStatusChange(tx, order, {
    kind: "payment",
    notifyCustomer: false,
    invoiced: false,
    paymentConfirmed: true,
  });
}

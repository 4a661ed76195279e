// The pushes a back-office change owes the store (R8), written in the caller's transaction:
// one outbox row per push (plan.ts) and a push job per new row, so the change, its pushes and
// their jobs commit or roll back together. Only orders that came from a store push anything,
// and only back-office changes call this: a change read from the platform is not sent back.
import type { StatusChange } from "../backoffice/order-status.ts";
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import type { CanonicalStatus } from "../domain/order-status.ts";
import { enqueueMany } from "../jobs/queue.ts";
import { pushJob } from "../jobs/specs.ts";
import type { Capabilities, PlatformId } from "../platforms/connector.ts";
import { platformModule, supportedPlatforms } from "../platforms/registry.ts";
import { type PlannedPush, type PushCause, type PushOrigin, planPushes } from "./plan.ts";
import { loadPushOverrides, resolveActions } from "./push-map.ts";

/** What a status change's event carries beyond the status (set by the back-office actions). */
interface ChangeData {
  from?: CanonicalStatus;
  notifyCustomer?: boolean;
  shipment?: { id: number };
  invoice?: { id: number };
  deliveredAt?: string;
  paymentConfirmed?: true;
}

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

interface OrderRow {
  number: number;
  store_id: number;
  store_order_number: string | null;
  canonical_status: CanonicalStatus;
  status_version: number;
  store_name: string;
  platform: PlatformId;
  settings: Record<string, unknown>;
  external_id: string | null;
  active: boolean | null;
  platform_values: string[] | null;
}

async function loadOrigin(
  tx: Queryable,
  salesOrderId: number,
  refs: { shipmentId?: number; invoiceId?: number },
): Promise<{ origin: PushOrigin; row: OrderRow } | null> {
  const { rows } = await tx.query<OrderRow>(
    `select so.number, so.origin_store_id as store_id, so.store_order_number, so.canonical_status, so.status_version,
            st.name as store_name, st.platform, st.settings, sto.external_id, sm.active, sm.platform_values
       from sales_orders so
       join stores st on st.id = so.origin_store_id
       left join store_orders sto on sto.id = so.store_order_id
       left join status_maps sm on sm.store_id = st.id and sm.canonical_status = so.canonical_status
      where so.id = $1`,
    [salesOrderId],
  );
  const row = rows[0];
  if (!row) return null; // not from a store: nothing to push back
  const shipment = await tx.query<{
    carrier: string;
    tracking_code: string | null;
    tracking_url: string | null;
  }>(
    `select carrier, tracking_code, tracking_url from shipments
      where sales_order_id = $1 and ($2::bigint is null or id = $2) order by id desc limit 1`,
    [salesOrderId, refs.shipmentId ?? null],
  );
  const invoice = await tx.query<{
    id: number;
    kind: "nfe" | "simple";
    access_key: string | null;
    number: string | null;
    series: string | null;
    issued_at: Date | null;
    xml_url: string | null;
  }>(
    `select id, kind, access_key, number, series, issued_at, xml_url from invoices
      where sales_order_id = $1 and status = 'approved' and ($2::bigint is null or id = $2)
      order by id desc limit 1`,
    [salesOrderId, refs.invoiceId ?? null],
  );
  const overrides = await loadPushOverrides(tx, row.store_id);
  const s = shipment.rows[0];
  const inv = invoice.rows[0];
  const origin: PushOrigin = {
    store: { id: row.store_id, name: row.store_name, platform: row.platform, settings: row.settings },
    capabilities: supportedPlatforms().includes(row.platform)
      ? platformModule(row.platform).capabilities
      : NO_ACTIONS,
    order: {
      id: salesOrderId,
      number: Number(row.number),
      externalOrderId: row.external_id,
      storeOrderNumber: row.store_order_number,
    },
    statusRow: { active: row.active ?? false, platformValues: row.platform_values ?? [] },
    statusActions: resolveActions(row.platform, row.canonical_status, overrides),
    invoiceActions: resolveActions(row.platform, "faturado", overrides),
    paymentActions: resolveActions(row.platform, "pagamento_confirmado", overrides),
    shipment: s ? { carrier: s.carrier, trackingCode: s.tracking_code, trackingUrl: s.tracking_url } : null,
    invoice: inv
      ? {
          id: Number(inv.id),
          kind: inv.kind,
          accessKey: inv.access_key,
          number: inv.number,
          series: inv.series,
          issuedAt: inv.issued_at?.toISOString() ?? null,
          xmlUrl: inv.xml_url,
        }
      : null,
  };
  return { origin, row };
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

/** The pushes a status change owes (called by backoffice/status-effects.ts in the change's transaction). */
export async function enqueueStorePushes(
  tx: Queryable,
  _ctx: AppContext,
  change: StatusChange,
): Promise<void> {
  const data = change.event.data as ChangeData;
  const loaded = await loadOrigin(tx, change.order.id, {
    shipmentId: data.shipment?.id,
    invoiceId: data.invoice?.id,
  });
  if (!loaded) return;
  const cause: PushCause = {
    kind: "status",
    status: change.order.canonicalStatus,
    previous: data.from ?? null,
    version: change.order.statusVersion,
    occurredAt: change.event.createdAt,
    notifyCustomer: data.notifyCustomer ?? false,
    invoiced: data.invoice !== undefined,
    paymentConfirmed: data.paymentConfirmed === true,
    deliveredAt: data.deliveredAt ?? null,
  };
  const planned = planPushes(loaded.origin, cause);
  await writePushes(
    tx,
    change.orgId,
    loaded.origin.store.id,
    change.order.id,
    planned,
    change.order.statusVersion,
    change.event.id,
  );
}

/** The pushes of something that happened without a status change (an invoice, a payment), at the order's version. */
async function enqueueWithoutStatusChange(
  tx: Queryable,
  order: { orgId: number; salesOrderId: number; invoiceId?: number },
  happened: Pick<PushCause, "kind" | "notifyCustomer" | "invoiced" | "paymentConfirmed">,
): Promise<void> {
  const loaded = await loadOrigin(tx, order.salesOrderId, { invoiceId: order.invoiceId });
  if (!loaded || (happened.invoiced && !loaded.origin.invoice)) return;
  const { canonical_status: status, status_version: version } = loaded.row;
  const cause: PushCause = {
    ...happened,
    status,
    previous: null,
    version,
    occurredAt: new Date().toISOString(),
    deliveredAt: null,
  };
  const planned = planPushes(loaded.origin, cause);
  await writePushes(tx, order.orgId, loaded.origin.store.id, order.salesOrderId, planned, version, null);
}

/**
 * The pushes an approved invoice owes when invoicing did not change the status (an order already
 * past Em preparação): the "faturado" trigger (Nuvemshop: the NF-e metafield), or an
 * "order.invoiced" event on the XML and webhook channels. Call it in the invoice's transaction.
 */
export async function enqueueInvoicePushes(
  tx: Queryable,
  _ctx: AppContext,
  invoice: { orgId: number; salesOrderId: number; invoiceId: number; notifyCustomer?: boolean },
): Promise<void> {
  await enqueueWithoutStatusChange(tx, invoice, {
    kind: "invoice",
    notifyCustomer: invoice.notifyCustomer ?? false,
    invoiced: true,
    paymentConfirmed: false,
  });
}

/**
 * The push a payment confirmed by hand owes when it did not change the status (an order already
 * past Aguardando pagamento): the store is told the order is paid (Nuvemshop: PUT status=paid).
 * Call it in the confirmation's transaction.
 */
export async function enqueuePaymentPushes(
  tx: Queryable,
  _ctx: AppContext,
  payment: { orgId: number; salesOrderId: number },
): Promise<void> {
  await enqueueWithoutStatusChange(tx, payment, {
    kind: "payment",
    notifyCustomer: false,
    invoiced: false,
    paymentConfirmed: true,
  });
}

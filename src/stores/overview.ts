// Visão geral: each store's health at a glance — its connection, when the import and the last
// webhook ran, how far behind the platform the import is, and what waits or failed. Every
// number is an indexed count, so the panel may poll it.
import type { Queryable } from "../db/db.ts";
import { countGaveUpJobsByStore } from "../jobs/failed-jobs.ts";
import type { ConnectionState } from "./stores.ts";

/** "Today" for the sales-order count: the merchant's day, in Brazil. */
export const BUSINESS_TIME_ZONE = "America/Sao_Paulo";

export interface StoreHealth {
  id: number;
  name: string;
  platform: string;
  connectionState: ConnectionState;
  connectionMessage: string | null;
  importEnabled: boolean;
  importIntervalMinutes: number;
  lastImportAt: string | null;
  lastWebhookAt: string | null;
  /**
   * Seconds since the import last caught up with the platform (its last complete run: every
   * change up to then was read). Null when the store was never imported.
   */
  importLagSeconds: number | null;
  /** An import is part-way through its pages. */
  importInProgress: boolean;
  nextImportAt: string | null;
  /** Webhook deliveries received and not yet taken by a sync job. */
  pendingWebhooks: number;
  /** Pending, or held for a reason to fix; not those whose status does not create a sales order. */
  ordersWaiting: number;
  ordersInError: number;
  /** This store's jobs the queue gave up on. */
  jobsFailed: number;
  /** Pushes to the store that failed after their last attempt (Falhas, Reenviar). */
  pushesFailed: number;
  /** Customer e-mails that failed (Caixa de saída, Reenviar). */
  emailsFailed: number;
  /** Sales orders created today (Brazilian day) from this store's orders. */
  salesOrdersToday: number;
  /** Orders the store cancelled with a live invoice or after shipping (Falhas, kind=cancellations). */
  storeCancellations: number;
}

export interface Overview {
  stores: StoreHealth[];
  generatedAt: string;
}

interface Row {
  id: number;
  name: string;
  platform: string;
  connection_state: ConnectionState;
  connection_message: string | null;
  import_enabled: boolean;
  import_interval_minutes: number;
  last_import_at: Date | null;
  last_webhook_at: Date | null;
  lag_seconds: number | null;
  importing: boolean;
  next_import_at: Date | null;
  pending_webhooks: number;
  waiting: number;
  in_error: number;
  today: number;
  pushes_failed: number;
  emails_failed: number;
  store_cancellations: number;
  now: Date;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function storesOverview(q: Queryable): Promise<Overview> {
  // Each count reads one partial or composite index: inbox_pending_by_store, order_links_waiting,
  // order_links_store_state, sales_orders_created_by_store, outbox_failed_pushes_by_store,
  // email_outbox_failed_by_store, sales_orders_store_cancellations.
  const { rows } = await q.query<Row>(
    `select s.id, s.name, s.platform, s.connection_state, s.connection_message, s.import_enabled,
            s.import_interval_minutes, s.last_import_at, s.last_webhook_at,
            case when s.last_import_at is not null
              then greatest(0, extract(epoch from now() - s.last_import_at))::float8 end as lag_seconds,
            s.import_progress is not null as importing, s.next_import_at,
            (select count(*) from inbox i where i.store_id = s.id and i.processed_at is null)::int as pending_webhooks,
            (select count(*) from order_links l where l.store_id = s.id
                and (l.sync_state = 'pending'
                     or (l.sync_state = 'held' and l.reason_code is distinct from 'status_not_creating')))::int as waiting,
            (select count(*) from order_links l where l.store_id = s.id and l.sync_state = 'error')::int as in_error,
            (select count(*) from sales_orders so
              where so.org_id = s.org_id and so.deleted_at is null and so.origin_store_id = s.id
                and so.created_at >= date_trunc('day', now() at time zone $1) at time zone $1)::int as today,
            (select count(*) from outbox o
              where o.store_id = s.id and o.status = 'failed' and o.channel <> 'email')::int as pushes_failed,
            (select count(*) from email_outbox e where e.store_id = s.id and e.status = 'failed')::int as emails_failed,
            (select count(*) from sales_orders so where so.origin_store_id = s.id
                and so.store_cancellation is not null and so.deleted_at is null)::int as store_cancellations,
            now() as now
       from stores s order by s.id`,
    [BUSINESS_TIME_ZONE],
  );
  const failed = await countGaveUpJobsByStore(q);
  return {
    stores: rows.map((r) => ({
      id: r.id,
      name: r.name,
      platform: r.platform,
      connectionState: r.connection_state,
      connectionMessage: r.connection_message,
      importEnabled: r.import_enabled,
      importIntervalMinutes: r.import_interval_minutes,
      lastImportAt: iso(r.last_import_at),
      lastWebhookAt: iso(r.last_webhook_at),
      importLagSeconds: r.lag_seconds === null ? null : Math.round(r.lag_seconds),
      importInProgress: r.importing,
      nextImportAt: iso(r.next_import_at),
      pendingWebhooks: r.pending_webhooks,
      ordersWaiting: r.waiting,
      ordersInError: r.in_error,
      jobsFailed: failed.get(r.id) ?? 0,
      salesOrdersToday: r.today,
      pushesFailed: r.pushes_failed,
      emailsFailed: r.emails_failed,
      storeCancellations: r.store_cancellations,
    })),
    generatedAt: (rows[0]?.now ?? new Date()).toISOString(),
  };
}

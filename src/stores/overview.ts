// Visão geral: each store's health at a glance — its connection, when the import and the last
// webhook ran, how far behind the platform the import is, and what waits or failed — with one
// health state computed from all of it (health-rules.ts). Every number is an indexed count, so
// the panel may poll it. A new count is a subselect, a Row field and a StoreHealth field (and a
// fact, when it changes the health).
import type { Queryable } from "../db/db.ts";
import { countFailingJobsByStore, type FailingJobCounts } from "../jobs/failed-jobs.ts";
import { platformModule } from "../platforms/registry.ts";
import { countAttention } from "../sync/attention.ts";
import { type HealthState, storeHealth } from "./health-rules.ts";
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
  /** This store's jobs that failed and will run again. */
  jobsRetrying: number;
  /** Pushes to the store that failed after their last attempt (Falhas, Reenviar). */
  pushesFailed: number;
  /** Customer e-mails that failed (Caixa de saída, Reenviar). */
  emailsFailed: number;
  /** Sales orders created today (Brazilian day) from this store's orders. */
  salesOrdersToday: number;
  /** Orders the store cancelled with a live invoice or after shipping (Falhas, kind=cancellations). */
  storeCancellations: number;
  /** The last request to the platform: when, and whether it answered (null: none yet). */
  lastContactAt: string | null;
  lastContactOk: boolean | null;
  /** The store's one health state, in pt-BR, from all of the above. */
  health: HealthState;
}

export interface Overview {
  stores: StoreHealth[];
  generatedAt: string;
}

interface Row {
  id: number;
  name: string;
  platform: string;
  external_id: string | null;
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
  held: number;
  in_error: number;
  today: number;
  pushes_failed: number;
  emails_failed: number;
  store_cancellations: number;
  last_contact_at: Date | null;
  last_contact_ok: boolean | null;
  last_contact_error: string | null;
  contact_failing_since: Date | null;
  last_import_attempt_at: Date | null;
  last_import_error: string | null;
  last_test_at: Date | null;
  last_test_ok: boolean | null;
  last_test_error: string | null;
  now: Date;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Every store's health, or one store's (`storeId`). */
/** The organisation's stores (one of them with `storeId`). */
export async function storesOverview(
  q: Queryable,
  orgId: number,
  options: { storeId?: number } = {},
): Promise<Overview> {
  // Each count reads one partial or composite index: inbox_pending_by_store, order_links_waiting,
  // order_links_store_state, sales_orders_created_by_store, outbox_failed_pushes_by_store,
  // email_outbox_failed_by_store, sales_orders_store_cancellations.
  const { rows } = await q.query<Row>(
    `select s.id, s.name, s.platform, s.external_id, s.connection_state, s.connection_message, s.import_enabled,
            s.import_interval_minutes, s.last_import_at, s.last_webhook_at,
            case when s.last_import_at is not null
              then greatest(0, extract(epoch from now() - s.last_import_at))::float8 end as lag_seconds,
            s.import_progress is not null as importing, s.next_import_at,
            (select count(*) from inbox i where i.store_id = s.id and i.processed_at is null)::int as pending_webhooks,
            (select count(*) from order_links l join store_orders so on so.id = l.store_order_id
              where l.store_id = s.id and so.dismissed_at is null
                and (l.sync_state = 'pending'
                     or (l.sync_state = 'held' and l.reason_code is distinct from 'status_not_creating')))::int as held,
            (select count(*) from order_links l where l.store_id = s.id and l.sync_state = 'error')::int as in_error,
            (select count(*) from sales_orders so
              where so.org_id = s.org_id and so.deleted_at is null and so.origin_store_id = s.id
                and so.created_at >= date_trunc('day', now() at time zone $1) at time zone $1)::int as today,
            (select count(*) from outbox o
              where o.store_id = s.id and o.status = 'failed' and o.channel <> 'email')::int as pushes_failed,
            (select count(*) from email_outbox e where e.store_id = s.id and e.status = 'failed')::int as emails_failed,
            (select count(*) from sales_orders so where so.origin_store_id = s.id
                and so.store_cancellation is not null and so.deleted_at is null)::int as store_cancellations,
            s.last_contact_at, s.last_contact_ok, s.last_contact_error, s.contact_failing_since,
            s.last_import_attempt_at, s.last_import_error, s.last_test_at, s.last_test_ok, s.last_test_error,
            now() as now
       from stores s where s.org_id = $3 and ($2::bigint is null or s.id = $2) order by s.id`,
    [BUSINESS_TIME_ZONE, options.storeId ?? null, orgId],
  );
  const jobs = await countFailingJobsByStore(q);
  // Integração's attention list, counted by its own definition so the two numbers always agree.
  const waiting = await countAttention(q, options.storeId);
  return {
    stores: rows.map((r) =>
      toStoreHealth({ ...r, waiting: waiting.get(r.id) ?? 0 }, jobs.get(r.id) ?? { retrying: 0, gaveUp: 0 }),
    ),
    generatedAt: (rows[0]?.now ?? new Date()).toISOString(),
  };
}

function toStoreHealth(r: Row, jobs: FailingJobCounts): StoreHealth {
  const counts = {
    pendingWebhooks: r.pending_webhooks,
    ordersWaiting: r.waiting,
    ordersInError: r.in_error,
    jobsFailed: jobs.gaveUp,
    jobsRetrying: jobs.retrying,
    salesOrdersToday: r.today,
    pushesFailed: r.pushes_failed,
    emailsFailed: r.emails_failed,
    storeCancellations: r.store_cancellations,
  };
  const importLagSeconds = r.lag_seconds === null ? null : Math.round(r.lag_seconds);
  const health = storeHealth({
    ...counts,
    ordersHeld: r.held,
    platform: platformModule(r.platform).label,
    storeExternalId: r.external_id ?? "",
    now: r.now,
    connectionState: r.connection_state,
    connectionMessage: r.connection_message,
    importEnabled: r.import_enabled,
    importIntervalMinutes: r.import_interval_minutes,
    importLagSeconds,
    lastContact: r.last_contact_at && {
      at: r.last_contact_at,
      ok: r.last_contact_ok === true,
      error: r.last_contact_error,
      failingSince: r.contact_failing_since,
    },
    lastImportAttempt: r.last_import_attempt_at && {
      at: r.last_import_attempt_at,
      error: r.last_import_error,
    },
    lastTest: r.last_test_at && { at: r.last_test_at, ok: r.last_test_ok === true, error: r.last_test_error },
  });
  return {
    id: r.id,
    name: r.name,
    platform: r.platform,
    connectionState: r.connection_state,
    connectionMessage: r.connection_message,
    importEnabled: r.import_enabled,
    importIntervalMinutes: r.import_interval_minutes,
    lastImportAt: iso(r.last_import_at),
    lastWebhookAt: iso(r.last_webhook_at),
    importLagSeconds,
    importInProgress: r.importing,
    nextImportAt: iso(r.next_import_at),
    ...counts,
    lastContactAt: iso(r.last_contact_at),
    lastContactOk: r.last_contact_ok,
    health,
  };
}

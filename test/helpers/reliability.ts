// Shared by the reliability tests (RELIABILITY.md B.1): signed Nuvemshop webhooks over real HTTP,
// waiting for the job queue to drain, and the "every order synced exactly once" invariants.

import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/db/db.ts";
import { waitFor } from "./process.ts";

export interface SignedWebhook {
  body: string;
  signature: string;
}

/** The thin body Nuvemshop sends, signed as it signs it: hex HMAC-SHA256 of the raw bytes. */
export function signedWebhook(
  secret: string,
  storeExternalId: number,
  event: string,
  id: number | string,
): SignedWebhook {
  const body = JSON.stringify({ store_id: storeExternalId, event, id });
  return { body, signature: crypto.createHmac("sha256", secret).update(body, "utf8").digest("hex") };
}

export interface WebhookAnswer {
  status: number;
  /** The body's `status` (accepted / duplicate / ignored) or `error.code`. */
  code: string | undefined;
}

/** Delivers a signed webhook to an app with inject (no socket). */
export function injectWebhook(app: FastifyInstance, hook: SignedWebhook) {
  return app.inject({
    method: "POST",
    url: "/webhooks/nuvemshop",
    headers: { "content-type": "application/json", "x-linkedstore-hmac-sha256": hook.signature },
    payload: hook.body,
  });
}

/** POSTs a webhook to a listening Ponte over a real socket (not inject). */
export async function postWebhook(baseUrl: string, hook: SignedWebhook): Promise<WebhookAnswer> {
  const response = await fetch(`${baseUrl}/webhooks/nuvemshop`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-linkedstore-hmac-sha256": hook.signature },
    body: hook.body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let code: string | undefined;
  try {
    const json = JSON.parse(text) as { status?: string; error?: { code?: string } };
    code = json.status ?? json.error?.code;
  } catch {
    code = text.slice(0, 100);
  }
  return { status: response.status, code };
}

interface JobRow {
  id: string;
  task_identifier: string;
  key: string | null;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  run_at: Date;
  last_error: string | null;
}

const JOB_COLUMNS = "id::text, task_identifier, key, attempts, max_attempts, locked_by, run_at, last_error";

/**
 * Jobs still to run or running. A job out of attempts and not locked never runs again: either
 * it failed for good, or it is one graphile-worker superseded — add_job with the key of a
 * running job clears that job's key and sets its attempts to the maximum, and the new job does
 * the work; if the superseded one was killed with its worker, it stays behind in that state.
 */
export async function liveJobs(db: Db): Promise<JobRow[]> {
  const { rows } = await db.query<JobRow>(
    `select ${JOB_COLUMNS} from graphile_worker.jobs
      where locked_at is not null or attempts < max_attempts order by id`,
  );
  return rows;
}

/** Jobs that will never run again (see liveJobs). */
export async function deadJobs(db: Db): Promise<JobRow[]> {
  const { rows } = await db.query<JobRow>(
    `select ${JOB_COLUMNS} from graphile_worker.jobs
      where locked_at is null and attempts >= max_attempts order by id`,
  );
  return rows;
}

/**
 * Waits until no job is left to run (graphile-worker deletes a completed job). A job that keeps
 * failing stays with a future run_at, so this times out with its last error.
 */
/** Webhook deliveries of known stores not yet claimed by a sync job (the dispatcher queues them). */
async function pendingDeliveries(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from inbox where processed_at is null and store_id is not null and external_id is not null",
  );
  return rows[0]!.n;
}

export async function waitForQueueDrained(db: Db, timeoutMs = 60_000): Promise<void> {
  try {
    await waitFor(
      "the job queue to drain",
      async () =>
        (await liveJobs(db)).length === 0 && (await pendingDeliveries(db)) === 0 ? true : undefined,
      timeoutMs,
    );
  } catch (error) {
    const left = await liveJobs(db).catch(() => []);
    const sample = left.slice(0, 5).map((j) => ({ ...j, last_error: j.last_error?.slice(0, 300) }));
    throw new Error(`${(error as Error).message}; ${left.length} job(s) left: ${JSON.stringify(sample)}`);
  }
}

export interface SyncSummary {
  storeOrders: number;
  distinctExternalIds: number;
  /** Store orders whose platform status is mapped to an active row that "processes inclusion". */
  creating: number;
  links: number;
  linkStates: Record<string, number>;
  /** Held orders whose reason is not "status does not process inclusion". */
  heldForOtherReasons: { externalId: string; reason: string | null }[];
  liveSalesOrders: number;
  /** Store orders with more than one live sales order. */
  duplicatedSalesOrders: { storeOrderId: number; n: number }[];
  /** Sales orders no link points to (what a second create for one store order leaves behind). */
  orphanSalesOrders: number;
  /** Links of store orders that should have created a sales order and did not. */
  creatingWithoutSalesOrder: number;
  salesOrderCreatedEvents: number;
  /** Store orders with more than one 'sales_order_created' event. */
  duplicatedCreatedEvents: { storeOrderId: number; n: number }[];
}

/** What the database says about one store's orders: counts and every kind of duplicate. */
export async function syncSummary(db: Db, storeId: number): Promise<SyncSummary> {
  const one = async <T>(sql: string): Promise<T> => (await db.query<{ v: T }>(sql, [storeId])).rows[0]!.v;
  const creatingSql = `exists (select 1 from status_maps m where m.store_id = so.store_id and m.active
                                 and m.creates_order and so.platform_status = any(m.platform_values))`;
  const states = await db.query<{ sync_state: string; n: number }>(
    "select sync_state, count(*)::int as n from order_links where store_id = $1 group by 1 order by 1",
    [storeId],
  );
  const held = await db.query<{ externalId: string; reason: string | null }>(
    `select so.external_id as "externalId", l.reason_code as reason
       from order_links l join store_orders so on so.id = l.store_order_id
      where l.store_id = $1 and l.sync_state = 'held' and l.reason_code is distinct from 'status_not_creating'
      order by so.id limit 20`,
    [storeId],
  );
  const duplicated = await db.query<{ storeOrderId: number; n: number }>(
    `select store_order_id as "storeOrderId", count(*)::int as n from sales_orders
      where origin_store_id = $1 and deleted_at is null group by 1 having count(*) > 1 order by 1 limit 20`,
    [storeId],
  );
  const duplicatedEvents = await db.query<{ storeOrderId: number; n: number }>(
    `select e.store_order_id as "storeOrderId", count(*)::int as n
       from order_events e join store_orders so on so.id = e.store_order_id
      where so.store_id = $1 and e.kind = 'sales_order_created' group by 1 having count(*) > 1 order by 1 limit 20`,
    [storeId],
  );
  return {
    storeOrders: await one<number>("select count(*)::int as v from store_orders where store_id = $1"),
    distinctExternalIds: await one<number>(
      "select count(distinct external_id)::int as v from store_orders where store_id = $1",
    ),
    creating: await one<number>(
      `select count(*)::int as v from store_orders so where so.store_id = $1 and ${creatingSql}`,
    ),
    links: await one<number>("select count(*)::int as v from order_links where store_id = $1"),
    linkStates: Object.fromEntries(states.rows.map((r) => [r.sync_state, r.n])),
    heldForOtherReasons: held.rows,
    liveSalesOrders: await one<number>(
      "select count(*)::int as v from sales_orders where origin_store_id = $1 and deleted_at is null",
    ),
    duplicatedSalesOrders: duplicated.rows,
    orphanSalesOrders: await one<number>(
      `select count(*)::int as v from sales_orders s
        where s.origin_store_id = $1 and not exists (select 1 from order_links l where l.sales_order_id = s.id)`,
    ),
    creatingWithoutSalesOrder: await one<number>(
      `select count(*)::int as v from store_orders so left join order_links l on l.store_order_id = so.id
        where so.store_id = $1 and ${creatingSql} and (l.sales_order_id is null or l.sync_state <> 'synced')`,
    ),
    salesOrderCreatedEvents: await one<number>(
      `select count(*)::int as v from order_events e join store_orders so on so.id = e.store_order_id
        where so.store_id = $1 and e.kind = 'sales_order_created'`,
    ),
    duplicatedCreatedEvents: duplicatedEvents.rows,
  };
}

/** Kills (SIGKILL) every child still running when the test process exits, whatever happened. */
export function killOnExit(children: () => Iterable<ChildProcess>): () => void {
  const onExit = () => {
    for (const child of children()) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  };
  process.on("exit", onExit);
  return () => process.off("exit", onExit);
}

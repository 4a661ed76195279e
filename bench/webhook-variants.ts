// Experimental re-implementations of the Nuvemshop webhook ingest, used only by
// bench/webhook-ingest.ts (BENCH_VARIANTS=1) to find what the real route's time goes to.
// They mirror src/http/routes/webhooks.ts as of commit 8d8bf5c (inbox row + one `sync-orders`
// job for the store per accepted delivery) and keep its promise — 2xx only after the inbox
// row and its job commit — except `tx-no-job`, which leaves the job out to measure what the
// job costs, and `same-tx-async-commit`, a diagnostic that does not wait for the WAL flush.
// Verification and parsing are the real ones (src/platforms/nuvemshop).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../src/db/db.ts";
import { enqueue } from "../src/jobs/queue.ts";
import type { WebhookNotice } from "../src/platforms/connector.ts";
import { nuvemshop } from "../src/platforms/nuvemshop/index.ts";

type Status = "accepted" | "duplicate" | "ignored";

function verified(request: FastifyRequest, reply: FastifyReply, secret: string) {
  const raw = request.body as Buffer;
  if (!nuvemshop.verifyWebhook(raw, request.headers, secret)) {
    void reply.status(401).send({ error: { code: "invalid_signature" } });
    return undefined;
  }
  const notice = nuvemshop.parseWebhook(raw);
  if (notice.kind !== "order") throw new Error("the variants handle order events only");
  return { raw, notice, userAgent: request.headers["user-agent"] ?? null };
}

type Item = NonNullable<ReturnType<typeof verified>>;

interface TxOptions {
  job: boolean;
  /** Diagnostic only: commit without waiting for the WAL flush (loses acknowledged rows on a crash). */
  asyncCommit?: boolean;
}

/** The real route's transaction, statement by statement (6 round trips), with variations. */
async function sameTransaction(
  db: Db,
  { raw, notice, userAgent }: Item,
  options: TxOptions,
): Promise<Status> {
  return db.transaction(async (tx) => {
    if (options.asyncCommit) await tx.query("set local synchronous_commit = off");
    const { rows } = await tx.query<{ id: number; org_id: number }>(
      "select id, org_id from stores where platform = 'nuvemshop' and external_id = $1",
      [notice.storeExternalId],
    );
    const store = rows[0];
    const inserted = await tx.query(
      `insert into inbox (org_id, store_id, platform, event, external_id, dedupe_key, headers, body)
       values ($1, $2, 'nuvemshop', $3, $4, $5, $6, $7)
       on conflict (platform, dedupe_key) where processed_at is null do nothing`,
      [
        store?.org_id ?? 1,
        store?.id ?? null,
        notice.event,
        notice.externalOrderId,
        notice.dedupeKey,
        JSON.stringify({ "user-agent": userAgent }),
        raw.toString("utf8"),
      ],
    );
    if (!store) return "ignored";
    await tx.query(
      `update stores set last_webhook_at = now()
        where id = $1 and (last_webhook_at is null or last_webhook_at < now() - interval '10 seconds')`,
      [store.id],
    );
    if (inserted.rowCount === 0) return "duplicate";
    if (options.job) await enqueue(tx, "sync-orders", { storeId: store.id });
    return "accepted";
  });
}

// The same work as one statement over a batch of notices (one round trip, one commit, one
// NOTIFY for the batch). A batch of one is the "one statement" variant.
const BATCH_SQL = `
with input as (
  select * from jsonb_to_recordset($1::jsonb)
    as x(n int, store_ext text, event text, external_id text, dedupe_key text, headers jsonb, body text)
), store as (
  select s.id, s.org_id, s.external_id from stores s
   where s.platform = 'nuvemshop' and s.external_id in (select store_ext from input)
), ins as (
  insert into inbox (org_id, store_id, platform, event, external_id, dedupe_key, headers, body)
  select coalesce(store.org_id, 1), store.id, 'nuvemshop', input.event, input.external_id,
         input.dedupe_key, input.headers, input.body
    from input left join store on store.external_id = input.store_ext
   order by input.n
  on conflict (platform, dedupe_key) where processed_at is null do nothing
  returning dedupe_key, store_id, external_id
), touch as (
  update stores set last_webhook_at = now()
   where id in (select id from store)
     and (last_webhook_at is null or last_webhook_at < now() - interval '10 seconds')
), jobs as (
  -- One sync-orders job per store with new rows: it claims all of the store's pending rows.
  select case when exists (select 1 from ins where store_id is not null) then (
    select count(*) from graphile_worker.add_jobs(array(
      select ('sync-orders', json_build_object('storeId', store_id), null, null, null, null, null, null)
               ::graphile_worker.job_spec
        from (select distinct store_id from ins where store_id is not null) s))
  ) else 0 end as n
)
select (select coalesce(json_agg(dedupe_key), '[]') from ins) as inserted,
       (select coalesce(json_agg(external_id), '[]') from store) as stores,
       (select n from jobs) as jobs`;

async function batchStatement(db: Db, items: Item[]): Promise<Status[]> {
  const input = items.map(({ raw, notice, userAgent }, n) => ({
    n,
    store_ext: notice.storeExternalId,
    event: notice.event,
    external_id: notice.externalOrderId,
    dedupe_key: notice.dedupeKey,
    headers: { "user-agent": userAgent },
    body: raw.toString("utf8"),
  }));
  const { rows } = await db.query<{ inserted: string[]; stores: string[] }>(BATCH_SQL, [
    JSON.stringify(input),
  ]);
  const inserted = new Set(rows[0]?.inserted ?? []);
  const stores = new Set(rows[0]?.stores ?? []);
  // Within one batch the first notice of a key is the one inserted; later ones are duplicates.
  const seen = new Set<string>();
  return items.map(({ notice }: { notice: WebhookNotice }) => {
    if (!stores.has(notice.storeExternalId)) return "ignored";
    const first = !seen.has(notice.dedupeKey);
    seen.add(notice.dedupeKey);
    return first && inserted.has(notice.dedupeKey) ? "accepted" : "duplicate";
  });
}

/**
 * Groups concurrent webhooks: while fewer than `maxInFlight` batches are being written,
 * everything waiting goes in one statement. Few batches in flight make them larger (the
 * commits of notifying transactions are serialized anyway), like PostgreSQL's group commit.
 */
function batcher(db: Db, maxInFlight: number, maxBatch: number) {
  const waiting: { item: Item; resolve(s: Status): void; reject(e: unknown): void }[] = [];
  let inFlight = 0;
  const pump = () => {
    while (waiting.length > 0 && inFlight < maxInFlight) {
      const batch = waiting.splice(0, maxBatch);
      inFlight++;
      batchStatement(
        db,
        batch.map((w) => w.item),
      )
        .then(
          (statuses) => {
            for (const [i, w] of batch.entries()) w.resolve(statuses[i]!);
          },
          (error) => {
            for (const w of batch) w.reject(error);
          },
        )
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  };
  return (item: Item) =>
    new Promise<Status>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      pump();
    });
}

export function registerVariants(app: FastifyInstance, db: Db, secret: string, poolSize: number) {
  const batched = batcher(db, Math.min(2, poolSize), 100);
  const routes: Record<string, (item: Item) => Promise<Status>> = {
    "same-tx": (item) => sameTransaction(db, item, { job: true }),
    "tx-no-job": (item) => sameTransaction(db, item, { job: false }),
    "same-tx-async-commit": (item) => sameTransaction(db, item, { job: true, asyncCommit: true }),
    "one-statement": async (item) => (await batchStatement(db, [item]))[0]!,
    batched,
  };
  for (const [name, handle] of Object.entries(routes)) {
    app.post(`/variant/${name}`, async (request, reply) => {
      const item = verified(request, reply, secret);
      if (!item) return reply;
      return { status: await handle(item) };
    });
  }
  return Object.keys(routes);
}

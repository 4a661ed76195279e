// Platforms with an integration feed (R2.2): read a batch, commit a sync job per entry,
// and only then acknowledge it. A crash between commit and acknowledgement re-reads entries
// whose jobs already exist; the job key coalesces them and the sync is idempotent.
import type { Db } from "../db/db.ts";
import { enqueueMany } from "../jobs/queue.ts";
import { syncOrderJob } from "../jobs/specs.ts";
import type { OrderFeed } from "../platforms/connector.ts";

export const FEED_BATCH = 100;

export async function consumeFeed(
  db: Db,
  storeId: number,
  feed: OrderFeed,
  maxBatches = 50,
): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const items = await feed.read(FEED_BATCH);
    if (items.length === 0) break;
    await db.transaction((tx) =>
      enqueueMany(
        tx,
        // One job per order: a feed is a queue of events, so one read may hold several of the
        // same order (paid, then ready for handling), and one statement cannot add a key twice.
        [...new Set(items.map((i) => i.externalId))].map((id) => syncOrderJob(storeId, id)),
      ),
    );
    await feed.acknowledge(items.map((i) => i.handle));
    total += items.length;
    if (items.length < FEED_BATCH) break;
  }
  return total;
}

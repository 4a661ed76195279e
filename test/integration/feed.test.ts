// A platform feed (VTEX-style) is acknowledged only after its sync jobs are committed: a
// failed acknowledgement re-reads the entries, and their jobs coalesce instead of doubling.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FeedItem, OrderFeed } from "../../src/platforms/connector.ts";
import { consumeFeed } from "../../src/sync/consume-feed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

class FakeFeed implements OrderFeed {
  pending: FeedItem[];
  failNextAck = false;
  jobsSeenAtAck: number[] = [];
  constructor(
    count: number,
    private readonly jobsFor: (ids: string[]) => Promise<number>,
  ) {
    this.pending = Array.from({ length: count }, (_, n) => ({
      externalId: String(5000 + n),
      handle: `h${n}`,
    }));
  }
  async read(max: number) {
    return this.pending.slice(0, max);
  }
  async acknowledge(handles: readonly string[]) {
    const acked = this.pending.filter((i) => handles.includes(i.handle));
    this.jobsSeenAtAck.push(await this.jobsFor(acked.map((i) => i.externalId)));
    if (this.failNextAck) {
      this.failNextAck = false;
      throw new Error("feed unreachable");
    }
    this.pending = this.pending.filter((i) => !handles.includes(i.handle));
  }
}

describe("integration feed", () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.drop());

  it("acknowledges after commit, and a failed acknowledgement neither loses nor doubles work", async () => {
    const jobsFor = async (ids: string[]) =>
      (
        await t.db.query<{ n: number }>(
          "select count(*)::int as n from graphile_worker.jobs where key = any($1::text[])",
          [ids.map((id) => `sync:1:${id}`)],
        )
      ).rows[0]!.n;
    const feed = new FakeFeed(250, jobsFor);
    feed.failNextAck = true;
    await assert.rejects(consumeFeed(t.db, 1, feed), /feed unreachable/);
    assert.equal(feed.pending.length, 250, "nothing acknowledged");
    assert.equal(await consumeFeed(t.db, 1, feed), 250);
    assert.equal(feed.pending.length, 0);
    assert.deepEqual(
      feed.jobsSeenAtAck,
      [100, 100, 100, 50],
      "every acknowledged entry had its job committed",
    );
    const { rows } = await t.db.query<{ n: number; keys: number }>(
      "select count(*)::int as n, count(distinct key)::int as keys from graphile_worker.jobs where task_identifier = 'sync-order'",
    );
    assert.deepEqual(rows[0], { n: 250, keys: 250 }, "re-read entries coalesced into one job each");
  });

  it("queues one job for several events of the same order in one read, and acknowledges them all", async () => {
    const feed = new FakeFeed(0, async () => 0);
    // A queue of events: the order was paid, then became ready for handling, then changed again.
    feed.pending = ["p1", "p2", "p3"].map((handle) => ({ externalId: "7001", handle }));
    feed.pending.push({ externalId: "7002", handle: "q1" });
    assert.equal(await consumeFeed(t.db, 2, feed), 4);
    assert.equal(feed.pending.length, 0, "every handle acknowledged");
    const { rows } = await t.db.query<{ key: string }>(
      "select key from graphile_worker.jobs where key like 'sync:2:%' order by key",
    );
    assert.deepEqual(
      rows.map((r) => r.key),
      ["sync:2:7001", "sync:2:7002"],
    );
  });
});

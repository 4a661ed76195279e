import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  importJob,
  type JobSpec,
  privacyRequestJob,
  pushJob,
  redecideJob,
  refreshJob,
  registerWebhooksJob,
  selftestJob,
  sendEmailJob,
  syncInboxJob,
  syncOrderJob,
} from "./specs.ts";
import { MalformedJobPayload, parsePayload } from "./task-map.ts";

const every: JobSpec[] = [
  importJob(3, 25),
  syncOrderJob(3, "870001"),
  syncOrderJob(3, "870002", { parked: true, runAt: new Date() }),
  syncInboxJob(3),
  refreshJob(3),
  redecideJob(3),
  registerWebhooksJob(3),
  sendEmailJob(12),
  pushJob(3, 40),
  selftestJob("run", 0),
  privacyRequestJob(5, new Date()),
];

describe("job specs and the task map", () => {
  it("every job Ponte queues is taken by its task as written, through the queue's JSON", () => {
    for (const job of every) {
      const stored: unknown = JSON.parse(JSON.stringify(job.payload));
      assert.deepEqual(parsePayload(job.task, stored), job.payload, job.task);
    }
  });

  it("jobs already queued by an earlier release keep their names and keys, so they still run", () => {
    const keys = every.map((j) => [j.task, j.options.jobKey ?? null, j.options.queueName ?? null]);
    assert.deepEqual(keys, [
      ["import-orders", "import:3", "import:3"],
      ["sync-order", "sync:3:870001", "order:3:870001"],
      ["sync-order", "sync:3:870002", "order:3:870002"],
      ["sync-orders", "sync-inbox:3", null],
      ["refresh-statuses", "refresh:3", "refresh:3"],
      ["redecide-orders", "redecide:3", "redecide:3"],
      ["register-webhooks", "webhooks:3", "webhooks:3"],
      ["send-email", "email:12", null],
      ["push", "push:40", "push:3"],
      ["selftest", null, null],
      ["privacy-request", "privacy:5", null],
    ]);
  });

  it("a malformed payload is refused with the task and the field named, before the task runs", () => {
    assert.throws(
      () => parsePayload("sync-order", { storeId: 3 }),
      (error: unknown) =>
        error instanceof MalformedJobPayload &&
        error.message ===
          'job "sync-order": malformed payload: externalId must be a non-empty string, got undefined',
    );
    assert.throws(
      () => parsePayload("push", { outboxId: "40", storeId: 3 }),
      /push.*outboxId must be a positive integer, got "40"/,
    );
    assert.throws(() => parsePayload("send-email", null), /send-email.*expected an object, got null/);
  });
});

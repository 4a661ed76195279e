// Every job Ponte queues is built here, one builder per kind: its task, its typed payload, and
// its key and queue — a key coalesces pending work for one thing, a queue runs that thing's
// jobs one at a time (one order's work is serialized). Names and keys are stored with queued
// jobs: changing one strands the jobs already waiting under the old one.
import type { EnqueueOptions } from "./queue.ts";
import type { TaskName, TaskPayloads } from "./task-map.ts";

/** A job ready for enqueue(): the payload is the one its task takes. */
export type JobSpec = {
  [T in TaskName]: { task: T; payload: TaskPayloads[T]; options: EnqueueOptions };
}[TaskName];

/** When a job runs (and how often it may be tried), for builders whose callers choose it. */
export interface JobTiming {
  runAt?: Date;
  priority?: number;
  maxAttempts?: number;
}

const timing = (t: JobTiming): EnqueueOptions => ({
  ...(t.runAt === undefined ? {} : { runAt: t.runAt }),
  ...(t.priority === undefined ? {} : { priority: t.priority }),
  ...(t.maxAttempts === undefined ? {} : { maxAttempts: t.maxAttempts }),
});

const syncOrderKey = (storeId: number, externalId: string) => `sync:${storeId}:${externalId}`;

/** The keys of every sync-order job of a store, as a LIKE pattern (waking parked jobs). */
export const syncOrderKeyPattern = (storeId: number) => syncOrderKey(storeId, "%");

/**
 * All sync work for one store order: webhooks, status refresh, retries, Reprocessar. `parked`:
 * the store's import was off; the job sleeps until it is switched on again.
 */
export const syncOrderJob = (
  storeId: number,
  externalId: string,
  when: JobTiming & { parked?: boolean } = {},
): JobSpec => ({
  task: "sync-order",
  payload: { storeId, externalId, ...(when.parked ? { parked: true as const } : {}) },
  options: {
    jobKey: syncOrderKey(storeId, externalId),
    queueName: `order:${storeId}:${externalId}`,
    ...timing(when),
  },
});

/** A store's pending webhook notices (the inbox dispatcher): one job per store at a time. */
export const syncInboxJob = (storeId: number): JobSpec => ({
  task: "sync-orders",
  payload: { storeId },
  options: { jobKey: `sync-inbox:${storeId}` },
});

/**
 * A store's import runs. `maxAttempts` (PONTE_IMPORT_MAX_ATTEMPTS): tries before the queue gives
 * up on it; a given-up import waits for Reprocessar, Importar agora or the next scheduled one.
 */
export const importJob = (storeId: number, maxAttempts?: number): JobSpec => ({
  task: "import-orders",
  payload: { storeId },
  options: {
    jobKey: `import:${storeId}`,
    queueName: `import:${storeId}`,
    orgOfStore: storeId,
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  },
});

/** A store's status refresh runs. */
export const refreshJob = (storeId: number): JobSpec => ({
  task: "refresh-statuses",
  payload: { storeId },
  options: { jobKey: `refresh:${storeId}`, queueName: `refresh:${storeId}`, orgOfStore: storeId },
});

/** A store's re-decision of what waits (sync/redecide.ts); a table save while one runs queues the next. */
export const redecideJob = (storeId: number): JobSpec => ({
  task: "redecide-orders",
  payload: { storeId },
  options: { jobKey: `redecide:${storeId}`, queueName: `redecide:${storeId}`, orgOfStore: storeId },
});

/** One customer e-mail (email_outbox row): a second enqueue while it waits is the same job. */
export const sendEmailJob = (emailId: number): JobSpec => ({
  task: "send-email",
  payload: { emailId },
  options: {
    jobKey: `email:${emailId}`,
    maxAttempts: 12, // exponential backoff: about 16 hours of SMTP outage before it is given up
  },
});

/** One push (outbox row); a store's pushes run one at a time, in order (src/push/run-push.ts). */
export const pushJob = (storeId: number, outboxId: number, runAt?: Date): JobSpec => ({
  task: "push",
  payload: { outboxId, storeId },
  options: { jobKey: `push:${outboxId}`, queueName: `push:${storeId}`, ...timing({ runAt }) },
});

/** A store's webhook registration: one pending at a time, never two running at once. */
export const registerWebhooksJob = (storeId: number): JobSpec => ({
  task: "register-webhooks",
  payload: { storeId },
  options: {
    jobKey: `webhooks:${storeId}`,
    queueName: `webhooks:${storeId}`,
    maxAttempts: 10, // exponential backoff: a platform outage of a few hours is waited out
  },
});

/** `ponte selftest`: a no-op job that records which worker ran it. */
export const selftestJob = (runId: string, seq: number, when: JobTiming = {}): JobSpec => ({
  task: "selftest",
  payload: { runId, seq },
  options: timing(when),
});

/** One privacy request, run when it is due (a store's removal waits its retention period). */
export const privacyRequestJob = (requestId: number, runAt?: Date): JobSpec => ({
  task: "privacy-request",
  payload: { requestId },
  options: { jobKey: `privacy:${requestId}`, maxAttempts: 10, ...timing({ runAt }) },
});

// The task list: one entry per job name of the task map (task-map.ts), each handler taking
// its typed payload, checked when the queue hands it over. Handlers get their dependencies
// here, explicitly, and must be idempotent: the queue delivers at least once.
import type { AppContext } from "../context.ts";
import { emailSender } from "../email/send.ts";
import { runPrivacyRequest } from "../privacy/run.ts";
import { runPush } from "../push/run-push.ts";
import { runWebhookRegistration } from "../stores/webhook-registration.ts";
import { importOrders, recordImportFailure } from "../sync/import-orders.ts";
import { importEnabled } from "../sync/import-switch.ts";
import { claimWebhookWork, releaseWebhookWork } from "../sync/inbox.ts";
import { redecideWaiting } from "../sync/redecide.ts";
import { refreshStatuses } from "../sync/refresh-statuses.ts";
import { recordSyncFailure, syncOrder, syncOrders } from "../sync/sync-order.ts";
import { parsePayload, type TaskName, type TaskPayloads } from "./task-map.ts";

export type TaskContext = AppContext;

export interface JobInfo {
  id: string;
  attempts: number;
  maxAttempts: number;
  workerId: string;
}

export type TaskHandler = (payload: unknown, job: JobInfo) => Promise<void>;
export type TaskList = Record<string, TaskHandler>;

/** A task's handler as written: its payload already checked against the task map. */
type Handler<T extends TaskName> = (payload: TaskPayloads[T], job: JobInfo) => Promise<void>;
type TaskFactories = { [T in TaskName]: (context: TaskContext) => Handler<T> };

const factories: TaskFactories = {
  "import-orders":
    (context) =>
    async ({ storeId }) => {
      try {
        await importOrders(context, storeId);
      } catch (error) {
        await recordImportFailure(context, storeId, error).catch(() => undefined);
        throw error; // the queue retries with backoff
      }
    },
  "sync-order":
    (context) =>
    async ({ storeId, externalId }) => {
      try {
        await syncOrder(context, storeId, externalId);
      } catch (error) {
        await recordSyncFailure(context, storeId, externalId, error).catch(() => undefined);
        throw error; // the queue retries with backoff
      }
    },
  "sync-orders":
    (context) =>
    async ({ storeId }, job) => {
      // Import off (queued just before the switch went off): the notices stay pending in the inbox.
      if (!(await importEnabled(context.db, storeId))) return;
      const externalIds = await claimWebhookWork(context.db, storeId, job.id);
      if (externalIds.length === 0) return;
      await syncOrders(context, storeId, externalIds);
      await releaseWebhookWork(context.db, job.id);
    },
  "refresh-statuses":
    (context) =>
    async ({ storeId }) => {
      await refreshStatuses(context, storeId);
    },
  "redecide-orders":
    (context) =>
    async ({ storeId }) => {
      await redecideWaiting(context, storeId);
    },
  "register-webhooks":
    (context) =>
    async ({ storeId }) => {
      await runWebhookRegistration(context, storeId);
    },
  "send-email": (context) => {
    const send = emailSender(context);
    return async ({ emailId }, job) => send(emailId, job);
  },
  push:
    (context) =>
    async ({ outboxId }) => {
      await runPush(context, outboxId);
    },
  "privacy-request":
    (context) =>
    async ({ requestId }) => {
      await runPrivacyRequest(context, requestId);
    },
  selftest:
    (context) =>
    async ({ runId, seq }, job) => {
      await context.db.query("insert into selftest_runs (run_id, seq, worker) values ($1, $2, $3)", [
        runId,
        seq,
        `${process.pid}:${job.workerId}`,
      ]);
    },
};

/** The handler the queue calls: the unknown payload it holds is checked before the task runs. */
function checked<T extends TaskName>(task: T, context: TaskContext): TaskHandler {
  const handler = factories[task](context);
  return (payload, job) => handler(parsePayload(task, payload), job);
}

export function buildTaskList(context: TaskContext): TaskList {
  const names = Object.keys(factories) as TaskName[];
  return Object.fromEntries(names.map((task) => [task, checked(task, context)]));
}

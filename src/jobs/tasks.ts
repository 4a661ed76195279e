// The task list: one entry per job name. Handlers get their dependencies here, explicitly,
// and must be idempotent: the queue delivers at least once.
import type { AppContext } from "../context.ts";
import { emailSender } from "../email/send.ts";
import { runPush } from "../push/run-push.ts";
import { runWebhookRegistration } from "../stores/webhook-registration.ts";
import { importOrders, recordImportFailure } from "../sync/import-orders.ts";
import { importEnabled } from "../sync/import-switch.ts";
import { claimWebhookWork, releaseWebhookWork } from "../sync/inbox.ts";
import { redecideWaiting } from "../sync/redecide.ts";
import { refreshStatuses } from "../sync/refresh-statuses.ts";
import { recordSyncFailure, syncOrder, syncOrders } from "../sync/sync-order.ts";

export type TaskContext = AppContext;

export interface JobInfo {
  id: string;
  attempts: number;
  maxAttempts: number;
  workerId: string;
}

export type TaskHandler = (payload: unknown, job: JobInfo) => Promise<void>;
export type TaskList = Record<string, TaskHandler>;

type TaskFactory = (context: TaskContext) => TaskHandler;

const factories: Record<string, TaskFactory> = {
  "import-orders": (context) => async (payload) => {
    const { storeId } = payload as { storeId: number };
    try {
      await importOrders(context, storeId);
    } catch (error) {
      await recordImportFailure(context, storeId, error).catch(() => undefined);
      throw error; // the queue retries with backoff
    }
  },
  "sync-order": (context) => async (payload) => {
    const { storeId, externalId } = payload as { storeId: number; externalId: string };
    try {
      await syncOrder(context, storeId, externalId);
    } catch (error) {
      await recordSyncFailure(context, storeId, externalId, error).catch(() => undefined);
      throw error; // the queue retries with backoff
    }
  },
  "sync-orders": (context) => async (payload, job) => {
    const { storeId } = payload as { storeId: number };
    // Import off (queued just before the switch went off): the notices stay pending in the inbox.
    if (!(await importEnabled(context.db, storeId))) return;
    const externalIds = await claimWebhookWork(context.db, storeId, job.id);
    if (externalIds.length === 0) return;
    await syncOrders(context, storeId, externalIds);
    await releaseWebhookWork(context.db, job.id);
  },
  "refresh-statuses": (context) => async (payload) => {
    await refreshStatuses(context, (payload as { storeId: number }).storeId);
  },
  "redecide-orders": (context) => async (payload) => {
    await redecideWaiting(context, (payload as { storeId: number }).storeId);
  },
  "register-webhooks": (context) => async (payload) => {
    await runWebhookRegistration(context, (payload as { storeId: number }).storeId);
  },
  "send-email": (context) => {
    const send = emailSender(context);
    return async (payload, job) => send((payload as { emailId: number }).emailId, job);
  },
  push: (context) => async (payload) => {
    await runPush(context, (payload as { outboxId: number }).outboxId);
  },
  selftest: (context) => async (payload, job) => {
    const { runId, seq } = payload as { runId: string; seq: number };
    await context.db.query("insert into selftest_runs (run_id, seq, worker) values ($1, $2, $3)", [
      runId,
      seq,
      `${process.pid}:${job.workerId}`,
    ]);
  },
};

export function buildTaskList(context: TaskContext): TaskList {
  return Object.fromEntries(Object.entries(factories).map(([name, factory]) => [name, factory(context)]));
}

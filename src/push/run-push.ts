// The push job: send one outbox row and record what happened. A store's pushes run one at a
// time (its own queue), and a push waits while an earlier push of the same order is pending, so
// a store sees an order's changes in order. The attempt is counted before sending (a crash mid-
// send still counts); a failure is tried again after a backoff (not sooner than Retry-After) by
// a new job on the same transaction that records it; after the last attempt, or on an error
// trying again cannot fix, the row is `failed` and the timeline says "falhou" (Falhas: Reenviar).
// While the store's import is off, a push waits without counting an attempt (sync/import-switch.ts).
// At-least-once: a crash after the platform applied a push but before it was marked sent re-runs
// it, and the connector's read-first makes that a no-op.
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import { isPonteError, oneLine } from "../errors.ts";
import { enqueue } from "../jobs/queue.ts";
import { pushJob } from "../jobs/specs.ts";
import { insertOrderEvent } from "../orders/timeline.ts";
import { importSwitchOn } from "../sync/import-switch.ts";
import { ACTION_LABELS, type PushActionKind } from "./actions.ts";
import { retryDelayMs } from "./backoff.ts";
import type { OutboxPayload } from "./plan.ts";
import { type PushRow, type SendOutcome, sendPush } from "./send.ts";

interface ClaimRow {
  id: number;
  org_id: number;
  store_id: number;
  sales_order_id: number;
  store_order_id: number | null;
  channel: PushRow["channel"];
  action: string;
  dedupe_key: string;
  payload: OutboxPayload;
  status: string;
  early_until: Date | null;
}

/** How long a push waits behind an earlier pending push of its order before looking again. */
const BEHIND_EARLIER_MS = 1_000;

async function reschedule(tx: Queryable, storeId: number, outboxId: number, runAt: Date): Promise<void> {
  await enqueue(tx, pushJob(storeId, outboxId, runAt));
}

/** Counts the attempt and returns the row to send, or null when there is nothing to send now. */
async function claim(
  ctx: AppContext,
  outboxId: number,
): Promise<(PushRow & { salesOrderId: number; storeOrderId: number | null }) | null> {
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<ClaimRow>(
      `select o.id, o.org_id, o.store_id, o.sales_order_id, so.store_order_id, o.channel, o.action, o.dedupe_key,
              o.payload, o.status, case when o.next_attempt_at > now() then o.next_attempt_at end as early_until
         from outbox o left join sales_orders so on so.id = o.sales_order_id
        where o.id = $1 and o.channel <> 'email'
        for update of o`,
      [outboxId],
    );
    const row = rows[0];
    if (row?.status !== "pending") return null; // sent, failed, or gone: a stale job
    const storeId = Number(row.store_id);
    // "Importar pedidos" off: the push waits, no attempt spent; switching it on queues it again.
    if (!(await importSwitchOn(tx, storeId))) return null;
    if (row.early_until) {
      // A duplicate run (a crashed worker's job re-run after its retry was scheduled): keep the schedule.
      await reschedule(tx, storeId, outboxId, row.early_until);
      return null;
    }
    const earlier = await tx.query<{ id: number; due: Date }>(
      `select id, greatest(coalesce(next_attempt_at, now()), now()) as due from outbox
        where sales_order_id = $1 and id < $2 and status = 'pending' and channel <> 'email'
        order by id limit 1`,
      [row.sales_order_id, outboxId],
    );
    const first = earlier.rows[0];
    if (first) {
      // Keep the order's pushes in order: the earlier one goes first (its job is re-armed in case it was lost).
      await reschedule(tx, storeId, Number(first.id), first.due);
      await reschedule(tx, storeId, outboxId, new Date(first.due.getTime() + BEHIND_EARLIER_MS));
      return null;
    }
    const counted = await tx.query<{ attempts: number }>(
      "update outbox set attempts = attempts + 1, updated_at = now() where id = $1 returning attempts",
      [outboxId],
    );
    return {
      id: outboxId,
      orgId: Number(row.org_id),
      storeId,
      salesOrderId: Number(row.sales_order_id),
      storeOrderId: row.store_order_id === null ? null : Number(row.store_order_id),
      channel: row.channel,
      action: row.action,
      dedupeKey: row.dedupe_key,
      payload: row.payload,
      attempt: counted.rows[0]!.attempts,
    };
  });
}

function sentMessage(row: PushRow, outcome: Extract<SendOutcome, { ok: true }>): string {
  const action = row.payload.action;
  let text: string;
  if (row.channel !== "platform") {
    const how = row.channel === "xml" ? "por XML" : "ao webhook";
    text =
      `Evento "${row.payload.event?.status.label ?? "status"}" enviado ${how} ${outcome.target ?? ""}`.trim();
  } else if (action?.kind === "invoice") text = `NF-e informada à loja (chave ${action.accessKey})`;
  else if (action?.kind === "fulfill") {
    const tracking = action.trackingNumber ?? action.trackingUrl;
    text = tracking
      ? `Pedido marcado como enviado na loja, rastreio ${tracking}`
      : "Pedido marcado como enviado na loja";
  } else if (action?.kind === "pack") text = "Pedido marcado como embalado na loja";
  else if (action?.kind === "pay") text = "Pedido marcado como pago na loja";
  else if (action?.kind === "close") text = "Pedido arquivado (fechado) na loja";
  else if (action?.kind === "cancel") text = "Pedido cancelado na loja";
  else text = `Loja atualizada: ${row.payload.summary}`;
  return outcome.alreadyApplied ? `${text} (já constava na plataforma: nada foi reenviado)` : text;
}

const what = (row: PushRow) =>
  row.channel === "platform"
    ? (ACTION_LABELS[row.action as PushActionKind] ?? row.action)
    : row.payload.summary;

async function addEvent(
  tx: Queryable,
  row: PushRow & { salesOrderId: number; storeOrderId: number | null },
  kind: "push_sent" | "push_retrying" | "push_failed",
  message: string,
  data: Record<string, unknown>,
): Promise<void> {
  const order = { orgId: row.orgId, id: row.salesOrderId, storeOrderId: row.storeOrderId };
  await insertOrderEvent(tx, order, kind, message, {
    outboxId: row.id,
    action: row.action,
    channel: row.channel,
    attempts: row.attempt,
    ...data,
  });
}

async function record(
  ctx: AppContext,
  row: PushRow & { salesOrderId: number; storeOrderId: number | null },
  outcome: SendOutcome,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (outcome.ok) {
      const done = await tx.query(
        `update outbox set status = 'sent', sent_at = now(), last_error = null, next_attempt_at = null, updated_at = now()
          where id = $1 and status = 'pending'`,
        [row.id],
      );
      if (done.rowCount > 0) {
        await addEvent(tx, row, "push_sent", sentMessage(row, outcome), {
          alreadyApplied: outcome.alreadyApplied,
        });
      }
      return;
    }
    // A failure counts only if the row is still at this attempt: a Reenviar that came in while
    // it was on the wire reset the attempts and queued a fresh job, which must not find it failed.
    const error = outcome.message.slice(0, 2000);
    if (outcome.retryable && row.attempt < ctx.push.maxAttempts) {
      const delayMs = retryDelayMs(row.attempt, ctx.push, outcome.retryAfterMs);
      const { rows } = await tx.query<{ next_attempt_at: Date }>(
        `update outbox set last_error = $2, next_attempt_at = now() + make_interval(secs => $3::float8 / 1000),
                updated_at = now()
          where id = $1 and status = 'pending' and attempts = $4 returning next_attempt_at`,
        [row.id, error, delayMs, row.attempt],
      );
      if (!rows[0]) return;
      await reschedule(tx, row.storeId, row.id, rows[0].next_attempt_at);
      // The first failure only: the timeline shows the delay without one line per retry.
      if (row.attempt === 1) {
        await addEvent(
          tx,
          row,
          "push_retrying",
          `Envio à loja adiado (${what(row)}): ${error}. Nova tentativa automática.`,
          { error },
        );
      }
      return;
    }
    const failed = await tx.query(
      `update outbox set status = 'failed', last_error = $2, next_attempt_at = null, updated_at = now()
        where id = $1 and status = 'pending' and attempts = $3`,
      [row.id, error, row.attempt],
    );
    if (failed.rowCount === 0) return;
    const after = outcome.retryable ? ` após ${row.attempt} tentativa${row.attempt > 1 ? "s" : ""}` : "";
    await addEvent(
      tx,
      row,
      "push_failed",
      `Envio à loja falhou${after} (${what(row)}): ${error}. Use Reenviar em Falhas.`,
      { error },
    );
  });
}

/** The push task: one attempt at one outbox row. Safe to run twice. */
export async function runPush(ctx: AppContext, outboxId: number): Promise<void> {
  const row = await claim(ctx, outboxId);
  if (!row) return;
  let outcome: SendOutcome;
  try {
    outcome = await sendPush(ctx, row);
  } catch (error) {
    // A store without credentials or gone (4xx) cannot get better by waiting; anything else may.
    const permanent = isPonteError(error) && error.status < 500;
    outcome = { ok: false, retryable: !permanent, message: oneLine(error), retryAfterMs: null };
    ctx.logger.warn({ err: error, outbox: outboxId }, "push attempt failed unexpectedly");
  }
  await record(ctx, row, outcome);
}

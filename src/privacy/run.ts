// The privacy-request job: runs one request when it is due, in one transaction with its state
// (done with its data or summary; failed with the error, retried by the queue). The log names
// the request, never the person.
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import { enqueue } from "../jobs/queue.ts";
import { privacyRequestJob } from "../jobs/specs.ts";
import { exportCustomerData } from "./export-data.ts";
import { redactCustomer } from "./redact-customer.ts";
import { redactStore } from "./redact-store.ts";
import { resolveScope, type Subject } from "./scope.ts";

interface RequestRow {
  id: number;
  org_id: number;
  store_id: number | null;
  customer_id: number | null;
  kind: "data_request" | "customer_redact" | "store_redact";
  subject: {
    externalId?: string | null;
    email?: string | null;
    phone?: string | null;
    document?: string | null;
    externalOrderIds?: string[];
  } | null;
  due: boolean;
  execute_after: Date;
}

export async function runPrivacyRequest(ctx: AppContext, requestId: number): Promise<void> {
  const log = ctx.logger.child({ task: "privacy-request", privacyRequest: requestId });
  try {
    const outcome = await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<RequestRow>(
        `select id, org_id, store_id, customer_id, kind, subject, execute_after <= now() as due, execute_after
           from privacy_requests where id = $1 and state in ('pending', 'failed') for update`,
        [requestId],
      );
      const request = rows[0];
      if (!request) return "nothing";
      if (!request.due) {
        // Early (a retried job, a clock change): run again when it is due.
        await enqueue(tx, privacyRequestJob(request.id, request.execute_after));
        return "waiting";
      }
      if (request.kind === "store_redact") {
        if (request.store_id === null) throw new Error("store redact without a store");
        const summary = await redactStore(tx, request.org_id, request.store_id);
        await finish(tx, request.id, null, null, summary);
        return request.kind;
      }
      const subject: Subject = {
        customerId: request.customer_id,
        storeId: request.store_id,
        ...request.subject,
      };
      const scope = await resolveScope(tx, request.org_id, subject);
      if (request.kind === "data_request") {
        const data = await exportCustomerData(tx, scope);
        await finish(tx, request.id, scope.customerId, data, { orders: scope.salesOrderIds.length });
      } else {
        const summary = await redactCustomer(tx, request.org_id, scope);
        await finish(tx, request.id, scope.customerId, null, summary);
      }
      return request.kind;
    });
    if (outcome !== "nothing") log.info({ outcome }, "privacy request run");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await ctx.db.query(
      "update privacy_requests set state = 'failed', error = $2 where id = $1 and state in ('pending', 'failed')",
      [requestId, message],
    );
    log.warn({ error: message }, "privacy request failed");
    throw error; // the queue retries with backoff
  }
}

async function finish(
  tx: Queryable,
  id: number,
  customerId: number | null,
  data: unknown,
  summary: Record<string, number>,
) {
  // The subject (e-mail, CPF as the platform sent them) is not kept once the request is done.
  await tx.query(
    `update privacy_requests set state = 'done', error = null, done_at = now(), subject = null,
            customer_id = coalesce($2, customer_id), data = $3::jsonb, summary = $4::jsonb
      where id = $1`,
    [id, customerId, data === null ? null : JSON.stringify(data), JSON.stringify(summary)],
  );
}

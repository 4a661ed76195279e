// Reenviar for a customer e-mail that failed (a 5xx refusal, or the last attempt): it goes back
// to pending with its attempts at zero and a new send job, in one transaction, so the e-mail is
// queued exactly when the row says so. Only a failed e-mail can be sent again: one pending or
// sending is on its way, one sent arrived, one local has no SMTP server to go to (409).
import type { Db, Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { enqueue } from "../jobs/queue.ts";
import { sendEmailJob } from "../jobs/specs.ts";
import { recordEmailEvent } from "./events.ts";

const NOT_FAILED: Record<string, string> = {
  pending: "Este e-mail ainda está na fila de envio",
  sending: "Este e-mail está sendo enviado agora",
  sent: "Este e-mail já foi enviado: o cliente já recebeu",
  local: "Este e-mail ficou na Caixa de saída porque não há servidor SMTP configurado",
};

/** `onCommit` runs last in the transaction with the e-mail's order (the audit row). */
export async function resendEmail(
  db: Db,
  id: number,
  actor: string,
  onCommit?: (
    tx: Queryable,
    email: { salesOrderId: number; to: string; subject: string },
  ) => Promise<unknown>,
): Promise<{ id: number; status: "pending" }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      id: number;
      org_id: number;
      sales_order_id: number;
      status: string;
      to_address: string;
      subject: string;
    }>(
      "select id, org_id, sales_order_id, status, to_address, subject from email_outbox where id = $1 for update",
      [id],
    );
    const row = rows[0];
    if (!row) throw new PonteError("not_found", `e-mail ${id} not found`);
    if (row.status !== "failed") {
      throw new PonteError("conflict", `e-mail ${id} is ${row.status}: only a failed e-mail is sent again`, {
        details: {
          reason: NOT_FAILED[row.status] ?? "Este e-mail não falhou",
          reasonCode: "email_not_failed",
        },
      });
    }
    await tx.query(
      "update email_outbox set status = 'pending', attempts = 0, last_error = null, sending_at = null where id = $1",
      [id],
    );
    await enqueue(tx, sendEmailJob(Number(row.id)));
    await recordEmailEvent(
      tx,
      { orgId: Number(row.org_id), salesOrderId: Number(row.sales_order_id) },
      "email_resend",
      `Reenvio do e-mail para ${row.to_address} solicitado: "${row.subject}"`,
      { emailId: Number(row.id), to: row.to_address },
      actor,
    );
    await onCommit?.(tx, {
      salesOrderId: Number(row.sales_order_id),
      to: row.to_address,
      subject: row.subject,
    });
    return { id: Number(row.id), status: "pending" as const };
  });
}

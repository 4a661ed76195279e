// The send-email job: delivers one email_outbox row over SMTP, at most once per attempt and
// never again once it is sent. SMTP has no idempotency key, so the row says where it stands:
//   pending → sending (committed before the SMTP conversation, with the attempt number)
//           → sent (with the server's reply) | pending again (4xx, connection: the queue retries
//             with backoff) | failed (5xx, or the last attempt; the reason kept).
// The one duplicate possible: the process dies after the server accepted the message and before
// "sent" commits. The retry then sends it again, with the same Message-ID (fixed when queued),
// which receiving servers and mail clients use to drop the copy. A row left "sending" is taken
// over only after LEASE_SECONDS, longer than any attempt can last (transport timeouts), so a
// live attempt is never doubled. Without PONTE_SMTP_URL the row is kept as "local" (Caixa de saída).
import type { AppContext } from "../context.ts";
import type { JobInfo } from "../jobs/tasks.ts";
import { recordEmailEvent } from "./events.ts";
import { classifySendError, fromHeader, fromText, type Mailer, smtpMailer } from "./transport.ts";

export const LEASE_SECONDS = 300;

interface OutboxRow {
  id: number;
  org_id: number;
  sales_order_id: number;
  to_address: string;
  subject: string;
  html: string;
  text: string;
  message_id: string;
  status: "pending" | "sending" | "sent" | "failed" | "local";
  attempts: number;
  store_name: string;
  lease_expired: boolean;
}

/** A retryable outcome: the queue runs the job again later with backoff. */
class TryLater extends Error {}

export function emailSender(ctx: AppContext, mailerFactory: (url: string) => Mailer = smtpMailer) {
  let mailer: Mailer | undefined;
  const mailerFor = (url: string) => {
    mailer ??= mailerFactory(url);
    return mailer;
  };
  const log = ctx.logger.child({ task: "send-email" });

  return async function sendEmail(emailId: number, job: Pick<JobInfo, "attempts" | "maxAttempts">) {
    const smtpUrl = ctx.mail.smtpUrl;
    // Claim: one transaction decides whether this run sends, and marks the attempt before it does.
    const claimed = await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<OutboxRow>(
        `select e.*, coalesce(st.name, o.name) as store_name,
                e.sending_at < now() - make_interval(secs => $2) as lease_expired
           from email_outbox e
           join organizations o on o.id = e.org_id
           left join stores st on st.id = e.store_id
          where e.id = $1 for update of e`,
        [emailId, LEASE_SECONDS],
      );
      const row = rows[0];
      if (!row) {
        log.warn({ email: emailId }, "e-mail not found in the outbox; nothing to send");
        return null;
      }
      if (row.status === "sent" || row.status === "failed" || row.status === "local") return null;
      const at = { orgId: row.org_id, salesOrderId: row.sales_order_id };
      if (!smtpUrl) {
        await tx.query("update email_outbox set status = 'local' where id = $1", [row.id]);
        await recordEmailEvent(
          tx,
          at,
          "email_local",
          `E-mail guardado na Caixa de saída (SMTP não configurado): "${row.subject}" para ${row.to_address}`,
          { emailId: row.id, to: row.to_address },
        );
        return null;
      }
      if (row.status === "sending") {
        if (!row.lease_expired) throw new TryLater(`e-mail ${row.id} has an attempt in progress`);
        log.warn(
          { email: row.id, attempt: row.attempts },
          "an earlier attempt stopped mid-send: sending again with the same Message-ID",
        );
      }
      const from = fromHeader(ctx.mail.from, row.store_name);
      await tx.query(
        `update email_outbox set status = 'sending', attempts = attempts + 1, sending_at = now(), from_address = $2
          where id = $1`,
        [row.id, fromText(from)],
      );
      return { row, at, from };
    });
    if (!claimed || !smtpUrl) return;
    const { row, at, from } = claimed;

    try {
      const info = await mailerFor(smtpUrl).send({
        from,
        to: row.to_address,
        subject: row.subject,
        html: row.html,
        text: row.text,
        messageId: row.message_id,
      });
      await ctx.db.transaction(async (tx) => {
        await tx.query(
          `update email_outbox set status = 'sent', sent_at = now(), smtp_response = $2, last_error = null
            where id = $1`,
          [row.id, info.response.slice(0, 500)],
        );
        await recordEmailEvent(
          tx,
          at,
          "email_sent",
          `E-mail enviado para ${row.to_address}: "${row.subject}"`,
          {
            emailId: row.id,
            to: row.to_address,
            messageId: row.message_id,
            attempt: row.attempts + 1,
          },
        );
      });
      log.info({ email: row.id, salesOrder: row.sales_order_id, attempt: row.attempts + 1 }, "e-mail sent");
    } catch (error) {
      const failure = classifySendError(error);
      const lastAttempt = job.attempts >= job.maxAttempts;
      if (failure.permanent || lastAttempt) {
        await ctx.db.transaction(async (tx) => {
          await tx.query("update email_outbox set status = 'failed', last_error = $2 where id = $1", [
            row.id,
            failure.reason,
          ]);
          await recordEmailEvent(
            tx,
            at,
            "email_failed",
            `Falha no envio do e-mail para ${row.to_address}: ${failure.reason}`,
            { emailId: row.id, to: row.to_address, reason: failure.reason, permanent: failure.permanent },
          );
        });
        log.warn({ email: row.id, reason: failure.reason, permanent: failure.permanent }, "e-mail failed");
        return;
      }
      await ctx.db.query("update email_outbox set status = 'pending', last_error = $2 where id = $1", [
        row.id,
        failure.reason,
      ]);
      log.info(
        { email: row.id, reason: failure.reason, attempt: job.attempts },
        "e-mail send will be retried",
      );
      throw new TryLater(`e-mail ${row.id}: ${failure.reason}`);
    }
  };
}

// The customer e-mail a status change owes (R6.3), written to the e-mail outbox in the change's
// own transaction, already rendered, with its send-email job. The outbox's unique key (order,
// status, status version) makes it once: a duplicate event or a retried request inserts nothing
// and queues nothing.
import crypto from "node:crypto";
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import type { CanonicalStatus } from "../domain/order-status.ts";
import type { StatusChange } from "../domain/status-change.ts";
import { enqueue } from "../jobs/queue.ts";
import { sendEmailJob } from "../jobs/specs.ts";
import type { LockedOrder } from "../orders/order-lock.ts";
import { insertOrderEvent } from "../orders/timeline.ts";
import type { ReasonCode } from "../reason-codes.ts";
import { customerEmailsBy } from "../stores/stores.ts";
import { defaultTemplate } from "./default-templates.ts";
import type { EmailEventKind } from "./events.ts";
import { type EmailOrder, emailOrderOf } from "./order-data.ts";
import { type RenderedEmail, renderEmail } from "./render.ts";
import { storeTemplate } from "./templates.ts";
import { addressOf } from "./transport.ts";

/** Ours and unique, fixed now: a resend after a crash repeats it, so the mailbox can drop the copy. */
function messageIdFor(salesOrderId: number, version: number, from: string): string {
  const domain = addressOf(from).split("@")[1] || "ponte.invalid";
  return `<ponte.${salesOrderId}.v${version}.${crypto.randomUUID()}@${domain}>`;
}

/** The store's template; the default when the store's own fails to render on this order. */
async function render(
  tx: Queryable,
  ctx: AppContext,
  order: EmailOrder,
  status: CanonicalStatus,
): Promise<RenderedEmail> {
  const template = await storeTemplate(tx, order.storeId, status);
  try {
    return await renderEmail(template, order.variables);
  } catch (error) {
    if (!template.custom) throw error;
    // Saved templates render on a sample order first, so this is rare (a render time limit, say):
    // the customer still gets the standard e-mail rather than the status change failing.
    ctx.logger.warn(
      { err: error, store: order.storeId, status, salesOrder: order.salesOrderId },
      "store e-mail template failed to render; the default template was used",
    );
    return renderEmail(defaultTemplate(status), order.variables);
  }
}

/** The e-mail a status change owes, from the order the change was made on (as the change left it). */
export async function enqueueStatusEmail(
  tx: Queryable,
  ctx: AppContext,
  held: LockedOrder,
  change: StatusChange,
): Promise<void> {
  const { notifyCustomer, message, to: status, version } = change.event.data;
  if (!notifyCustomer) return;
  const order = emailOrderOf(held, status, message);
  const timeline = (kind: EmailEventKind, text: string, data: Record<string, unknown>) =>
    insertOrderEvent(tx, held, kind, text, data, change.event.actor);
  const skipped = (reasonCode: ReasonCode, message: string) =>
    timeline("email_skipped", message, { reasonCode, status, version });
  if (held.store) {
    // Never both: when the platform e-mails the customer, the push carries its notify flag.
    if (customerEmailsBy(held.store.settings) === "platform") {
      await skipped(
        "platform_sends",
        "Cliente notificado pela plataforma da loja (configuração da loja): o Ponte não envia e-mail",
      );
      return;
    }
  }
  if (!order.to) {
    await skipped("no_address", "Cliente sem e-mail válido no pedido: nenhuma notificação enviada");
    return;
  }
  const email = await render(tx, ctx, order, status);
  const { rows } = await tx.query<{ id: number }>(
    `insert into email_outbox (org_id, store_id, sales_order_id, canonical_status, status_version, event_id,
                               to_address, subject, html, text, message_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (sales_order_id, canonical_status, status_version) do nothing
     returning id`,
    [
      change.orgId,
      order.storeId,
      change.order.id,
      status,
      version,
      change.event.id,
      order.to,
      email.subject,
      email.html,
      email.text,
      messageIdFor(change.order.id, version, ctx.mail.from),
    ],
  );
  const emailId = rows[0]?.id;
  if (emailId === undefined) return; // already owed by an earlier delivery of this change
  await timeline("email_queued", `E-mail ao cliente na fila: "${email.subject}" para ${order.to}`, {
    emailId,
    to: order.to,
    subject: email.subject,
    status,
    version,
  });
  await enqueue(tx, sendEmailJob(emailId));
}

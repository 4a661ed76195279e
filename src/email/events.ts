// The e-mail's entries in the order timeline (Histórico / Notificações), pt-BR like the rest of it:
// email_queued when the status change owes one, then email_sent, email_failed or email_local
// (kept in the Caixa de saída: no SMTP server configured); email_skipped when "Notificar
// cliente" was on but Ponte does not send (the platform e-mails, or the customer has no address).
import type { Queryable } from "../db/db.ts";

export type EmailEventKind =
  | "email_queued"
  | "email_sent"
  | "email_failed"
  | "email_local"
  | "email_skipped"
  | "email_resend";

export async function recordEmailEvent(
  q: Queryable,
  at: { orgId: number; salesOrderId: number },
  kind: EmailEventKind,
  message: string,
  data: Record<string, unknown>,
  actor = "system",
): Promise<void> {
  await q.query(
    `insert into order_events (org_id, sales_order_id, store_order_id, kind, message, data, actor)
     select $1, $2, s.store_order_id, $3, $4, $5, $6 from sales_orders s where s.id = $2`,
    [at.orgId, at.salesOrderId, kind, message, JSON.stringify(data), actor],
  );
}

// The e-mail's entries in the order timeline (Histórico / Notificações), pt-BR like the rest of it:
// email_queued when the status change owes one, then email_sent, email_failed or email_local
// (kept in the Caixa de saída: no SMTP server configured); email_skipped when "Notificar
// cliente" was on but Ponte does not send (the platform e-mails, or the customer has no address).
import type { Queryable } from "../db/db.ts";
import { insertSalesOrderEvent } from "../orders/timeline.ts";

export type EmailEventKind =
  | "email_queued"
  | "email_sent"
  | "email_failed"
  | "email_local"
  | "email_skipped"
  | "email_resend";

/** An e-mail entry of a sales order's timeline (the kind checked against the e-mail's own). */
export const recordEmailEvent: (
  q: Queryable,
  at: { orgId: number; salesOrderId: number },
  kind: EmailEventKind,
  message: string,
  data: Record<string, unknown>,
  actor?: string,
) => Promise<void> = insertSalesOrderEvent;

// Reading the e-mail outbox: the "Caixa de saída" list (newest first, keyset pages) and one
// message as it was rendered, so the panel shows exactly what the customer got (or will get).
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";

export type EmailStatus = "pending" | "sending" | "sent" | "failed" | "local";
export const EMAIL_STATUSES: readonly EmailStatus[] = ["pending", "sending", "sent", "failed", "local"];

export interface EmailSummary {
  id: number;
  salesOrderId: number;
  salesOrderNumber: number;
  storeId: number | null;
  canonicalStatus: string;
  statusVersion: number;
  to: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface EmailDetail extends EmailSummary {
  from: string | null;
  messageId: string;
  smtpResponse: string | null;
  html: string;
  text: string;
}

export interface EmailListQuery {
  salesOrderId?: number;
  storeId?: number;
  status?: EmailStatus;
  limit: number;
  /** `next` of the previous page. */
  after?: string;
}

const SUMMARY = `e.id, e.sales_order_id as "salesOrderId", s.number as "salesOrderNumber", e.store_id as "storeId",
  e.canonical_status as "canonicalStatus", e.status_version as "statusVersion", e.to_address as "to", e.subject,
  e.status, e.attempts, e.last_error as error, e.created_at as "createdAt", e.sent_at as "sentAt"`;

type Row = Omit<EmailSummary, "createdAt" | "sentAt"> & { createdAt: Date; sentAt: Date | null };

const summary = ({ createdAt, sentAt, ...rest }: Row): EmailSummary => ({
  ...rest,
  createdAt: createdAt.toISOString(),
  sentAt: sentAt ? sentAt.toISOString() : null,
});

export async function listEmails(
  q: Queryable,
  orgId: number,
  query: EmailListQuery,
): Promise<{ items: EmailSummary[]; next: string | null }> {
  let before: number | null = null;
  if (query.after !== undefined) {
    before = /^[1-9][0-9]{0,15}$/.test(query.after) ? Number(query.after) : Number.NaN;
    if (!Number.isSafeInteger(before)) {
      throw new PonteError("invalid_cursor", "after must be the `next` of a previous page");
    }
  }
  const { rows } = await q.query<Row>(
    `select ${SUMMARY} from email_outbox e join sales_orders s on s.id = e.sales_order_id
      where ($1::bigint is null or e.sales_order_id = $1)
        and ($2::bigint is null or e.store_id = $2)
        and ($3::text is null or e.status = $3)
        and ($4::bigint is null or e.id < $4)
        and e.org_id = $6
      order by e.id desc limit $5`,
    [query.salesOrderId ?? null, query.storeId ?? null, query.status ?? null, before, query.limit + 1, orgId],
  );
  const page = rows.slice(0, query.limit).map(summary);
  const more = rows.length > query.limit;
  return { items: page, next: more ? String(page[page.length - 1]!.id) : null };
}

export async function getEmail(q: Queryable, id: number): Promise<EmailDetail> {
  const { rows } = await q.query<
    Row & { from: string | null; messageId: string; smtpResponse: string | null; html: string; text: string }
  >(
    `select ${SUMMARY}, e.from_address as "from", e.message_id as "messageId", e.smtp_response as "smtpResponse",
            e.html, e.text
       from email_outbox e join sales_orders s on s.id = e.sales_order_id where e.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new PonteError("not_found", `e-mail ${id} not found`);
  const { from, messageId, smtpResponse, html, text, ...rest } = row;
  return { ...summary(rest), from, messageId, smtpResponse, html, text };
}

// The template editor's preview: a store's template for one status (or the draft being edited)
// rendered on a real order, the one asked for or the store's latest, writing nothing. A store
// without orders yet previews on the sample order.
import type { Queryable } from "../db/db.ts";
import type { CanonicalStatus } from "../domain/order-status.ts";
import { PonteError } from "../errors.ts";
import { readOrder } from "../orders/order-lock.ts";
import { emailOrderOf } from "./order-data.ts";
import { type RenderedEmail, renderEmail } from "./render.ts";
import { storeTemplate } from "./templates.ts";
import { sampleVariables } from "./variables.ts";

export interface PreviewRequest {
  salesOrderId?: number;
  subject?: string;
  html?: string;
  text?: string;
  /** The operator's message, to see where it lands. */
  message?: string;
}

export interface Preview extends RenderedEmail {
  /** The order rendered on; null when the store has none and the sample was used. */
  salesOrderId: number | null;
  /** Who it would go to; null when the order has no usable address (or on the sample). */
  to: string | null;
}

export async function previewTemplate(
  q: Queryable,
  storeId: number,
  status: CanonicalStatus,
  request: PreviewRequest,
): Promise<Preview> {
  const saved = await storeTemplate(q, storeId, status);
  const store = await q.query<{ name: string }>("select name from stores where id = $1", [storeId]);
  if (!store.rows[0]) throw new PonteError("not_found", `store ${storeId} not found`);
  const template = {
    subject: request.subject ?? saved.subject,
    html: request.html ?? saved.html,
    text: request.text ?? saved.text,
  };
  const message = request.message?.trim() ? request.message.trim() : null;
  let salesOrderId = request.salesOrderId ?? null;
  if (salesOrderId === null) {
    const latest = await q.query<{ id: number }>(
      `select id from sales_orders where origin_store_id = $1 and deleted_at is null
        order by id desc limit 1`,
      [storeId],
    );
    salesOrderId = latest.rows[0]?.id ?? null;
  }
  if (salesOrderId === null) {
    const variables = { ...sampleVariables(status), message, store: { name: store.rows[0].name } };
    return { ...(await renderEmail(template, variables)), salesOrderId: null, to: null };
  }
  const order = emailOrderOf(await readOrder(q, salesOrderId), status, message);
  return { ...(await renderEmail(template, order.variables)), salesOrderId, to: order.to };
}

// A store's customer e-mail templates: the built-in default for each status unless the store
// saved its own (email_templates). Saving validates first: the template must parse and render
// on a sample order, so a broken template never reaches a customer.
import type { Queryable } from "../db/db.ts";
import { CANONICAL_LABELS, CANONICAL_STATUSES, type CanonicalStatus } from "../domain/order-status.ts";
import { PonteError } from "../errors.ts";
import { defaultTemplate, type EmailTemplate } from "./default-templates.ts";
import { validateTemplate } from "./render.ts";
import { sampleVariables } from "./variables.ts";

export interface StoreTemplate extends EmailTemplate {
  status: CanonicalStatus;
  label: string;
  /** True when the store saved its own; false: the built-in default. */
  custom: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

interface TemplateRow {
  canonical_status: CanonicalStatus;
  subject: string;
  html: string;
  text: string;
  notify_by_default: boolean;
  updated_at: Date;
  updated_by: string;
}

function effective(status: CanonicalStatus, row: TemplateRow | undefined): StoreTemplate {
  const base = { status, label: CANONICAL_LABELS[status] };
  if (!row) return { ...base, ...defaultTemplate(status), custom: false, updatedAt: null, updatedBy: null };
  return {
    ...base,
    subject: row.subject,
    html: row.html,
    text: row.text,
    notifyByDefault: row.notify_by_default,
    custom: true,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

const storeNotFound = (id: number) => new PonteError("not_found", `store ${id} not found`);

async function storeOrg(q: Queryable, storeId: number): Promise<number> {
  const { rows } = await q.query<{ org_id: number }>("select org_id from stores where id = $1", [storeId]);
  if (!rows[0]) throw storeNotFound(storeId);
  return rows[0].org_id;
}

/** Every status's template for the store, in workflow order. */
export async function listStoreTemplates(q: Queryable, storeId: number): Promise<StoreTemplate[]> {
  await storeOrg(q, storeId);
  const { rows } = await q.query<TemplateRow>("select * from email_templates where store_id = $1", [storeId]);
  return CANONICAL_STATUSES.map((status) =>
    effective(
      status,
      rows.find((r) => r.canonical_status === status),
    ),
  );
}

/** The template an e-mail about `status` uses; the default when there is no store (manual orders). */
export async function storeTemplate(
  q: Queryable,
  storeId: number | null,
  status: CanonicalStatus,
): Promise<StoreTemplate> {
  if (storeId === null) return effective(status, undefined);
  const { rows } = await q.query<TemplateRow>(
    "select * from email_templates where store_id = $1 and canonical_status = $2",
    [storeId, status],
  );
  return effective(status, rows[0]);
}

/** Validates and saves the store's own template for one status. Throws template_invalid (400). */
export async function saveStoreTemplate(
  q: Queryable,
  storeId: number,
  status: CanonicalStatus,
  template: EmailTemplate,
  actor: string,
): Promise<StoreTemplate> {
  const orgId = await storeOrg(q, storeId);
  await validateTemplate(template, sampleVariables(status));
  const { rows } = await q.query<TemplateRow>(
    `insert into email_templates (org_id, store_id, canonical_status, subject, html, text, notify_by_default, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (store_id, canonical_status) do update
       set subject = excluded.subject, html = excluded.html, text = excluded.text,
           notify_by_default = excluded.notify_by_default, updated_by = excluded.updated_by, updated_at = now()
     returning *`,
    [orgId, storeId, status, template.subject, template.html, template.text, template.notifyByDefault, actor],
  );
  return effective(status, rows[0]);
}

/** Drops the store's own template: the default applies again. */
export async function resetStoreTemplate(
  q: Queryable,
  storeId: number,
  status: CanonicalStatus,
): Promise<StoreTemplate> {
  await storeOrg(q, storeId);
  await q.query("delete from email_templates where store_id = $1 and canonical_status = $2", [
    storeId,
    status,
  ]);
  return effective(status, undefined);
}

/**
 * "Notificar cliente" as it starts for each status an order of this store may move to: the store's
 * setting per status (an order made in the back office, storeId null: the defaults).
 */
export async function notifyDefaults(
  q: Queryable,
  storeId: number | null,
): Promise<Record<CanonicalStatus, boolean>> {
  const { rows } =
    storeId === null
      ? { rows: [] }
      : await q.query<{ canonical_status: CanonicalStatus; notify_by_default: boolean }>(
          "select canonical_status, notify_by_default from email_templates where store_id = $1",
          [storeId],
        );
  return Object.fromEntries(
    CANONICAL_STATUSES.map((status) => [
      status,
      rows.find((r) => r.canonical_status === status)?.notify_by_default ??
        defaultTemplate(status).notifyByDefault,
    ]),
  ) as Record<CanonicalStatus, boolean>;
}

/** The status change's "Notificar cliente": what the operator asked, else the status's default. */
export async function resolveNotifyCustomer(
  q: Queryable,
  order: { originStoreId: number | null },
  status: CanonicalStatus,
  requested: boolean | undefined,
): Promise<boolean> {
  if (requested !== undefined) return requested;
  return (await notifyDefaults(q, order.originStoreId))[status];
}

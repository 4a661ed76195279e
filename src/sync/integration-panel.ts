// The integration panel's data and actions (docs/REQUIREMENTS.md#seed-000, R5): one row per store order with
// its sync state, and Criar / Atualizar / Mapeamento / Reprocessar. No HTTP here.
import { type OrderSearch, searchCondition } from "../backoffice/order-search.ts";
import type { StoreCancellationKind } from "../backoffice/store-cancellation.ts";
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import { decodeCursor, encodeCursor, isTimestamp } from "../db/keyset-cursor.ts";
import { PonteError } from "../errors.ts";
import { enqueue } from "../jobs/queue.ts";
import { syncOrderJob } from "../jobs/specs.ts";
import type { ReasonCode } from "../reason-codes.ts";
import { withPlatform } from "../stores/panel-platform.ts";
import type { Store } from "../stores/stores.ts";
import type { SyncOptions } from "./apply-sync.ts";
import { countAttention, ON_ATTENTION_LIST } from "./attention.ts";
import { GONE_MESSAGE } from "./gone-orders.ts";
import { importOff } from "./import-switch.ts";
import { orderNotFound, syncOrder, syncStoredOrder } from "./sync-order.ts";
import { insertEvents } from "./sync-writes.ts";

/** attention: the list to work down; dismissed: rows taken off it by hand (Ignorar); all: every row. */
export type PanelView = "attention" | "dismissed" | "all";

export interface PanelRow {
  storeOrderId: number;
  externalId: string;
  number: string | null;
  storeStatus: string | null;
  statusFields: Record<string, string | null>;
  customerName: string | null;
  createdAt: string | null;
  totalCents: number | null;
  synced: boolean;
  cancelledOnPlatform: boolean;
  customerSynced: boolean;
  customerFoundByDocument: boolean;
  customerProblem: string | null;
  salesOrderId: number | null;
  salesOrderNumber: number | null;
  salesOrderStatus: string | null;
  canonicalStatus: string | null;
  salesOrderDeleted: boolean;
  statusValid: boolean;
  syncState: "not_synced" | "pending" | "synced" | "held" | "error";
  reasonCode: string | null;
  reason: string | null;
  attempts: number;
  /** When a sync last wrote the link (null: never synced); tells the panel a retried job ran. */
  syncUpdatedAt: string | null;
  /** Whether Mapeamento may be deleted now, and why not (R5.3). */
  canUnlink: boolean;
  unlinkRefusal: string | null;
  /** Cancelled on the store with a live invoice, or already shipped: the sales order's flag (estorno). */
  storeCancellation: StoreCancellationKind | null;
  /** When the platform answered that the order no longer exists (null: it exists). */
  goneAt: string | null;
  /** What was removed from the order's text to store it (pt-BR), null when nothing. */
  textCleaned: string | null;
  /** Taken off the attention list by hand (Ignorar): when and by whom; null when not. */
  dismissedAt: string | null;
  dismissedBy: string | null;
}

interface Row {
  id: number;
  external_id: string;
  number: string | null;
  platform_status: string | null;
  status_fields: Record<string, string | null>;
  customer_name: string | null;
  platform_created_at: Date | null;
  total_cents: number | null;
  cancelled: boolean;
  normalize_error: string | null;
  sync_state: "pending" | "synced" | "held" | "error" | null;
  sync_reason: string | null;
  reason_code: string | null;
  status_valid: boolean | null;
  customer_synced: boolean | null;
  customer_found_by_document: boolean | null;
  customer_problem: string | null;
  attempts: number | null;
  link_updated_at: Date | null;
  so_id: number | null;
  so_number: number | null;
  so_status: string | null;
  canonical_status: string | null;
  so_deleted: boolean | null;
  so_invoiced: boolean | null;
  store_cancellation: StoreCancellationKind | null;
  gone_at: Date | null;
  text_cleaned: string | null;
  dismissed_at: Date | null;
  dismissed_by: string | null;
}

const SELECT = `
  select so.id, so.external_id, so.number, so.platform_status, so.status_fields, so.customer_name,
         so.platform_created_at, so.total_cents, so.cancelled, so.normalize_error, so.gone_at, so.text_cleaned,
         so.dismissed_at, so.dismissed_by,
         l.sync_state, l.sync_reason, l.reason_code, l.status_valid, l.customer_synced,
         l.customer_found_by_document, l.customer_problem, l.attempts, l.updated_at as link_updated_at,
         s.id as so_id, s.number as so_number, s.status as so_status, s.canonical_status,
         s.deleted_at is not null as so_deleted, s.store_cancellation,
         exists (select 1 from invoices i where i.sales_order_id = s.id and i.status = 'approved') as so_invoiced
    from store_orders so
    left join order_links l on l.store_order_id = so.id
    left join sales_orders s on s.id = l.sales_order_id
    join stores st on st.id = so.store_id`;

const GONE_REASON = `${GONE_MESSAGE}: a plataforma não encontra mais este pedido`;

const UNLINK_REFUSED =
  "O mapeamento só pode ser apagado quando o pedido está sincronizado com status inválido ou quando o pedido de venda foi excluído";

function unlinkRefusal(r: Row): string | null {
  if (r.sync_state === null) return "Pedido ainda não sincronizado: não há mapeamento";
  // Re-created, the order could be invoiced again while this invoice is live (one per store order).
  if (r.so_invoiced) {
    return `O pedido de venda Nº ${r.so_number} tem nota fiscal ativa: faça o estorno (Cancelar nota) antes de apagar o mapeamento`;
  }
  if (r.so_deleted) return null;
  if (r.so_id !== null && r.status_valid === false) return null;
  return UNLINK_REFUSED;
}

function toPanelRow(r: Row): PanelRow {
  const synced = r.sync_state === "synced" && r.so_id !== null && !r.so_deleted;
  const refusal = unlinkRefusal(r);
  return {
    storeOrderId: r.id,
    externalId: r.external_id,
    number: r.number,
    storeStatus: r.platform_status,
    statusFields: r.status_fields,
    customerName: r.customer_name,
    createdAt: r.platform_created_at?.toISOString() ?? null,
    totalCents: r.total_cents,
    synced,
    cancelledOnPlatform: r.cancelled,
    customerSynced: r.customer_synced === true,
    customerFoundByDocument: r.customer_found_by_document === true,
    customerProblem: r.customer_problem,
    salesOrderId: r.so_deleted ? null : r.so_id,
    salesOrderNumber: r.so_number,
    salesOrderStatus: r.so_status,
    canonicalStatus: r.canonical_status,
    salesOrderDeleted: r.so_deleted === true,
    statusValid: r.status_valid !== false,
    syncState: r.sync_state ?? (r.normalize_error ? "error" : "not_synced"),
    reasonCode: r.reason_code ?? (r.normalize_error ? "payload_unreadable" : null),
    reason: r.sync_reason ?? r.normalize_error,
    attempts: r.attempts ?? 0,
    syncUpdatedAt: r.link_updated_at?.toISOString() ?? null,
    canUnlink: refusal === null,
    unlinkRefusal: refusal,
    storeCancellation: r.so_deleted ? null : r.store_cancellation,
    goneAt: r.gone_at?.toISOString() ?? null,
    textCleaned: r.text_cleaned,
    dismissedAt: r.dismissed_at?.toISOString() ?? null,
    dismissedBy: r.dismissed_by,
  };
}

export interface PanelPage {
  orders: PanelRow[];
  /** The rows on the attention list (the same count as Visão geral's "Pedidos aguardando"). */
  attentionCount: number;
  /** Pass back as `after` for the next page; null on the last one. */
  nextCursor: string | null;
}

/**
 * The search box on the store's orders (migration 0010): the store order's number, the number of
 * the sales order linked to it, the customer's CPF/CNPJ and name as the store sent them.
 */
const SEARCH_COLUMNS = {
  // Not correlated ($1 is the store), so it runs once and its ids are looked up by primary key.
  salesOrderNumber: (n: string) =>
    `so.id = any(array(select l.store_order_id from sales_orders x join order_links l on l.sales_order_id = x.id
                        where x.org_id = (select st.org_id from stores st where st.id = $1) and x.number = ${n}
                          and l.store_id = $1))`,
  storeOrderNumber: "so.number",
  document: "(so.normalized #>> '{customer,document}')",
  foldedName: "ponte_fold(so.customer_name)",
};

/** Newest first, keyset-paginated on (created at, id); `search`: the search box's matches only. */
export async function listPanelOrders(
  q: Queryable,
  storeId: number,
  options: { view: PanelView; limit: number; after?: string | null; search?: OrderSearch | null },
): Promise<PanelPage> {
  const params: unknown[] = [storeId, options.limit + 1];
  const p = (value: unknown) => `$${params.push(value)}`;
  let where = "so.store_id = $1";
  if (options.view === "attention") where += ` and ${ON_ATTENTION_LIST}`;
  if (options.view === "dismissed") where += " and so.dismissed_at is not null";
  if (options.after) {
    const [at, id] = decodeCursor(options.after, isTimestamp, { nullKey: true });
    where += ` and (coalesce(so.platform_created_at, '-infinity'), so.id) < (coalesce(${p(at)}::timestamptz, '-infinity'), ${p(id)}::bigint)`;
  }
  if (options.search) where += ` and ${searchCondition(options.search, SEARCH_COLUMNS, p)}`;
  const { rows } = await q.query<Row>(
    `${SELECT} where ${where}
      order by coalesce(so.platform_created_at, '-infinity') desc, so.id desc limit $2`,
    params,
  );
  const more = rows.length > options.limit;
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    orders: page.map(toPanelRow),
    attentionCount: (await countAttention(q, storeId)).get(storeId) ?? 0,
    nextCursor: more && last ? encodeCursor(last.platform_created_at?.toISOString() ?? null, last.id) : null,
  };
}

export async function getPanelRow(q: Queryable, storeId: number, externalId: string): Promise<PanelRow> {
  const { rows } = await q.query<Row>(`${SELECT} where so.store_id = $1 and so.external_id = $2`, [
    storeId,
    externalId,
  ]);
  if (!rows[0]) throw orderNotFound(storeId, externalId);
  return toPanelRow(rows[0]);
}

/** A refused panel action: English for logs, the pt-BR sentence in `reason`, its code in `reasonCode`. */
const conflict = (reasonCode: ReasonCode, reason: string) =>
  new PonteError("conflict", `panel action refused: ${reasonCode}`, {
    details: { reasonCode, reason },
  });

/**
 * Criar: create the sales order the integration did not (held, failed or never synced), from the
 * order as last received: it does not ask the platform, so a platform outage does not stop it.
 */
export async function createFromPanel(
  ctx: AppContext,
  store: Store,
  externalId: string,
  actor: string,
  onCommit?: SyncOptions["onCommit"],
) {
  if (!store.importEnabled) throw importOff(store.id);
  const row = await getPanelRow(ctx.db, store.id, externalId);
  if (row.synced) {
    throw conflict(
      "already_synced",
      `Pedido já sincronizado (pedido de venda ${row.salesOrderNumber}): use Atualizar`,
    );
  }
  if (row.salesOrderDeleted) {
    throw conflict(
      "sales_order_deleted",
      "O pedido de venda foi excluído: apague o mapeamento antes de criar de novo",
    );
  }
  if (row.goneAt) throw conflict("gone_on_platform", GONE_REASON);
  const outcome = await syncStoredOrder(ctx, store, externalId, { mode: "create", actor, onCommit });
  if (outcome.state === "error")
    throw conflict(outcome.reason?.code ?? "sync_failed", outcome.reason?.message ?? "");
  return getPanelRow(ctx.db, store.id, externalId);
}

/**
 * Atualizar: re-read the order from the platform and bring its sales order up to date. A person
 * waits: the platform gets the panel's deadline, and its failure is the answer (502/503/409).
 */
export async function updateFromPanel(
  ctx: AppContext,
  store: Store,
  externalId: string,
  actor: string,
  onCommit?: SyncOptions["onCommit"],
) {
  if (!store.importEnabled) throw importOff(store.id);
  const row = await getPanelRow(ctx.db, store.id, externalId);
  if (!row.synced) throw conflict("not_synced", "Pedido não sincronizado: use Criar");
  const outcome = await withPlatform(ctx, store, `Atualizar order ${externalId}`, (call) =>
    syncOrder(ctx, store.id, externalId, { mode: "update", actor, onCommit }, call),
  );
  // null: the platform answered 404, and the order is now marked gone.
  if (outcome === null) throw conflict("gone_on_platform", GONE_REASON);
  return getPanelRow(ctx.db, store.id, externalId);
}

/**
 * Mapeamento: delete the link (R5.3). A sales order created with an invalid status is
 * excluded with it (soft delete, in its timeline), so the order is as if never synced.
 */
export async function unlinkFromPanel(
  ctx: AppContext,
  store: Store,
  externalId: string,
  actor: string,
  onCommit?: (tx: Queryable) => Promise<unknown>,
) {
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: number }>(
      "select id from store_orders where store_id = $1 and external_id = $2 for update",
      [store.id, externalId],
    );
    if (!rows[0]) throw orderNotFound(store.id, externalId);
    const row = await getPanelRow(tx, store.id, externalId);
    if (!row.canUnlink) throw conflict("unlink_not_allowed", row.unlinkRefusal!);
    const soId = row.salesOrderId;
    if (soId !== null) {
      await tx.query("update sales_orders set deleted_at = now(), updated_at = now() where id = $1", [soId]);
    }
    await tx.query("delete from order_links where store_order_id = $1", [row.storeOrderId]);
    // The next import or status refresh decides it again (sync/redecide.ts).
    await tx.query("update store_orders set unlinked_at = now() where id = $1", [row.storeOrderId]);
    await insertEvents(tx, store.orgId, [
      {
        salesOrderId: soId ?? null,
        storeOrderId: row.storeOrderId,
        kind: "link_deleted",
        message:
          soId === null
            ? `Mapeamento apagado (pedido de venda ${row.salesOrderNumber} já excluído)`
            : `Mapeamento apagado; pedido de venda ${row.salesOrderNumber} excluído (status inválido)`,
        actor,
      },
    ]);
    await onCommit?.(tx);
    return getPanelRow(tx, store.id, externalId);
  });
}

/** Reprocessar: queue a fresh sync of the order now (the panel polls its row). */
export async function retryFromPanel(
  ctx: AppContext,
  store: Store,
  externalId: string,
  onCommit?: (tx: Queryable) => Promise<unknown>,
) {
  if (!store.importEnabled) throw importOff(store.id);
  await getPanelRow(ctx.db, store.id, externalId);
  await ctx.db.transaction(async (tx) => {
    await enqueue(tx, syncOrderJob(store.id, externalId));
    await onCommit?.(tx);
  });
}

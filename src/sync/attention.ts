// Which store orders need the operator's attention: one definition for Integração's attention
// list (and its count) and Visão geral's "Pedidos aguardando", so the two always agree.
// Aliases: so = store_orders, l = order_links, s = sales_orders, st = stores.
import type { Queryable } from "../db/db.ts";

/**
 * R5.1: not synced, or synced but not confirmed (an invoiced order is past confirmed); and an
 * order the platform no longer has.
 */
export const NEEDS_ATTENTION = `(l.id is null or l.sync_state <> 'synced' or s.id is null or s.deleted_at is not null
  or not l.status_valid or s.status not in ('confirmado', 'faturado') or so.gone_at is not null)`;

/** The store's rule: rows older than this many days leave the list (absent: they stay). */
export const IGNORE_AFTER_DAYS = `nullif(st.settings->>'attentionIgnoreAfterDays', '')::int`;

/**
 * On the list: needs attention, not dismissed by hand, and not older than the store's rule
 * allows. An order in error never ages out: it stays until it is fixed or dismissed by hand.
 */
export const ON_ATTENTION_LIST = `(${NEEDS_ATTENTION} and so.dismissed_at is null
  and (${IGNORE_AFTER_DAYS} is null or l.sync_state = 'error'
       or so.platform_created_at is null
       or so.platform_created_at >= now() - make_interval(days => ${IGNORE_AFTER_DAYS})))`;

/** The joins ON_ATTENTION_LIST reads, from store_orders `so`. */
export const ATTENTION_JOINS = `left join order_links l on l.store_order_id = so.id
  left join sales_orders s on s.id = l.sales_order_id
  join stores st on st.id = so.store_id`;

/** How many rows each store's attention list has (stores with none are absent). */
export async function countAttention(q: Queryable, storeId?: number): Promise<Map<number, number>> {
  const { rows } = await q.query<{ store_id: number; n: number }>(
    `select so.store_id, count(*)::int as n from store_orders so ${ATTENTION_JOINS}
      where ($1::bigint is null or so.store_id = $1) and ${ON_ATTENTION_LIST}
      group by so.store_id`,
    [storeId ?? null],
  );
  return new Map(rows.map((r) => [Number(r.store_id), r.n]));
}

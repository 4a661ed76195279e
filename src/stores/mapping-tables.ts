// A store's mapping tables (DE-PARA, R4) and customer default fields (R3.4): read them, and
// replace one whole table in one transaction after mapping-rows.ts checked it. No HTTP here:
// the routes and the sync engine both come through these functions.
import type { Db, Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { enqueue } from "../jobs/queue.ts";
import { redecideJob } from "../jobs/specs.ts";
import { isSupportedPlatform, platformModule } from "../platforms/registry.ts";
import {
  CANONICAL_STATUSES,
  type CustomerDefault,
  checkCustomerDefaults,
  checkPaymentMap,
  checkShippingMap,
  checkStatusMap,
  type PaymentRow,
  type ShippingRow,
  type StatusRow,
  type StoreMappings,
} from "./mapping-rows.ts";

export * from "./mapping-rows.ts";

const statusColumnsOf = (platform: string) => platformModule(platform).statusColumns ?? [];

// Each table is read as one JSON array built by PostgreSQL, so all four load in one round trip.
// Status rows come in canonical order; the others in the order the admin saved them.
// A status row carries `extra` only when its platform's extra columns hold something.
const STATUS_JSON = `select coalesce(jsonb_agg(jsonb_build_object('canonicalStatus', canonical_status,
    'platformValues', platform_values, 'active', active, 'createsOrder', creates_order)
    || case when extra = '{}' then '{}' else jsonb_build_object('extra', extra) end
    order by array_position($2::text[], canonical_status)), '[]'::jsonb)
  from status_maps where store_id = $1`;
const PAYMENT_JSON = `select coalesce(json_agg(json_build_object('platformValue', platform_value,
    'paymentType', payment_type, 'installments', installments) order by id), '[]'::json)
  from payment_maps where store_id = $1`;
const SHIPPING_JSON = `select coalesce(json_agg(json_build_object('platformValue', platform_value,
    'carrier', carrier, 'shippingType', shipping_type) order by id), '[]'::json)
  from shipping_maps where store_id = $1`;
const DEFAULTS_JSON = `select coalesce(json_agg(json_build_object('field', field, 'expression', expression)
    order by position, id), '[]'::json)
  from customer_default_fields where store_id = $1`;

/**
 * The table always has the 8 canonical rows: a status without a row (a platform with no
 * default table) reads as inactive with no values, which is what a missing row means anyway.
 */
function completeStatus(rows: StatusRow[]): StatusRow[] {
  return CANONICAL_STATUSES.map(
    (canonicalStatus) =>
      rows.find((r) => r.canonicalStatus === canonicalStatus) ?? {
        canonicalStatus,
        platformValues: [],
        active: false,
        createsOrder: true,
      },
  );
}

/** Everything the sync engine needs to map one store's orders, in one query. */
export async function loadStoreMappings(q: Queryable, storeId: number): Promise<StoreMappings> {
  const { rows } = await q.query<{
    status: StatusRow[];
    payment: PaymentRow[];
    shipping: ShippingRow[];
    customer_defaults: CustomerDefault[];
  }>(
    `select (${STATUS_JSON}) as status, (${PAYMENT_JSON}) as payment, (${SHIPPING_JSON}) as shipping,
            (${DEFAULTS_JSON}) as customer_defaults`,
    [storeId, CANONICAL_STATUSES],
  );
  const row = rows[0]!;
  return {
    status: completeStatus(row.status),
    payment: row.payment,
    shipping: row.shipping,
    customerDefaults: row.customer_defaults,
  };
}

async function readTable<T>(q: Queryable, sql: string, params: unknown[]): Promise<T[]> {
  const { rows } = await q.query<{ rows: T[] }>(`select (${sql}) as rows`, params);
  return rows[0]!.rows;
}

export const getStatusMap = async (q: Queryable, storeId: number): Promise<StatusRow[]> =>
  completeStatus(await readTable<StatusRow>(q, STATUS_JSON, [storeId, CANONICAL_STATUSES]));
export const getPaymentMap = (q: Queryable, storeId: number): Promise<PaymentRow[]> =>
  readTable<PaymentRow>(q, PAYMENT_JSON, [storeId]);
export const getShippingMap = (q: Queryable, storeId: number): Promise<ShippingRow[]> =>
  readTable<ShippingRow>(q, SHIPPING_JSON, [storeId]);
export const getCustomerDefaults = (q: Queryable, storeId: number): Promise<CustomerDefault[]> =>
  readTable<CustomerDefault>(q, DEFAULTS_JSON, [storeId]);

interface LockedStore {
  orgId: number;
  platform: string;
}

/** Locks the store row so two replacements of its tables take turns; 404 when unknown. */
async function lockStore(tx: Queryable, storeId: number): Promise<LockedStore> {
  const { rows } = await tx.query<LockedStore>(
    `select org_id as "orgId", platform from stores where id = $1 for update`,
    [storeId],
  );
  if (!rows[0]) throw new PonteError("not_found", `store ${storeId} not found`);
  return rows[0];
}

/**
 * Replaces the whole table of a store with checked rows in one transaction, scoped by the
 * store's org, and reads it back inside the same transaction.
 */
async function replace<T>(
  db: Db,
  storeId: number,
  table: string,
  write: (tx: Queryable, store: LockedStore) => Promise<unknown>,
  read: (q: Queryable, storeId: number) => Promise<T[]>,
  options: { redecide: boolean; onReplaced?: OnReplaced<T> },
): Promise<T[]> {
  return db.transaction(async (tx) => {
    const store = await lockStore(tx, storeId);
    const before = options.onReplaced ? await read(tx, storeId) : [];
    await tx.query(`delete from ${table} where store_id = $1 and org_id = $2`, [storeId, store.orgId]);
    await write(tx, store);
    if (options.redecide) {
      // Orders held under the old table are decided again now (sync/redecide.ts), by a job
      // that commits with the table.
      await tx.query("update stores set mappings_changed_at = now() where id = $1", [storeId]);
      await enqueue(tx, redecideJob(storeId));
    }
    const after = await read(tx, storeId);
    await options.onReplaced?.(tx, before, after);
    return after;
  });
}

/** Runs last in a table's replacing transaction, with the rows before and after (the audit row). */
export type OnReplaced<T> = (tx: Queryable, before: T[], after: T[]) => Promise<unknown>;

export async function replaceStatusMap(
  db: Db,
  storeId: number,
  rows: StatusRow[],
  onReplaced?: OnReplaced<StatusRow>,
): Promise<StatusRow[]> {
  const write = (tx: Queryable, { orgId, platform }: LockedStore) => {
    // The extra columns the store's platform declares (none for most): only those are kept.
    const columns = isSupportedPlatform(platform) ? statusColumnsOf(platform) : [];
    const checked = checkStatusMap(rows, columns);
    return tx.query(
      `insert into status_maps (org_id, store_id, canonical_status, platform_values, active, creates_order, extra)
       select $1, $2, r."canonicalStatus", r."platformValues", r.active, r."createsOrder", coalesce(r.extra, '{}')
         from jsonb_to_recordset($3::jsonb)
           as r("canonicalStatus" text, "platformValues" text[], active boolean, "createsOrder" boolean, extra jsonb)`,
      [orgId, storeId, JSON.stringify(checked)],
    );
  };
  return replace(db, storeId, "status_maps", write, getStatusMap, { redecide: true, onReplaced });
}

export async function replacePaymentMap(
  db: Db,
  storeId: number,
  rows: PaymentRow[],
  onReplaced?: OnReplaced<PaymentRow>,
): Promise<PaymentRow[]> {
  const checked = checkPaymentMap(rows);
  const write = (tx: Queryable, { orgId }: LockedStore) =>
    tx.query(
      `insert into payment_maps (org_id, store_id, platform_value, payment_type, installments)
       select $1, $2, u.pv, u.pt, u.inst from unnest($3::text[], $4::text[], $5::int[]) with ordinality
         as u(pv, pt, inst, ord) order by u.ord`,
      [
        orgId,
        storeId,
        checked.map((r) => r.platformValue),
        checked.map((r) => r.paymentType),
        checked.map((r) => r.installments),
      ],
    );
  return replace(db, storeId, "payment_maps", write, getPaymentMap, { redecide: true, onReplaced });
}

export async function replaceShippingMap(
  db: Db,
  storeId: number,
  rows: ShippingRow[],
  onReplaced?: OnReplaced<ShippingRow>,
): Promise<ShippingRow[]> {
  const checked = checkShippingMap(rows);
  const write = (tx: Queryable, { orgId }: LockedStore) =>
    tx.query(
      `insert into shipping_maps (org_id, store_id, platform_value, carrier, shipping_type)
       select $1, $2, u.pv, u.c, u.st from unnest($3::text[], $4::text[], $5::text[]) with ordinality
         as u(pv, c, st, ord) order by u.ord`,
      [
        orgId,
        storeId,
        checked.map((r) => r.platformValue),
        checked.map((r) => r.carrier),
        checked.map((r) => r.shippingType),
      ],
    );
  return replace(db, storeId, "shipping_maps", write, getShippingMap, { redecide: true, onReplaced });
}

export async function replaceCustomerDefaults(
  db: Db,
  storeId: number,
  rows: CustomerDefault[],
  onReplaced?: OnReplaced<CustomerDefault>,
): Promise<CustomerDefault[]> {
  const checked = checkCustomerDefaults(rows);
  const write = (tx: Queryable, { orgId }: LockedStore) =>
    tx.query(
      `insert into customer_default_fields (org_id, store_id, field, expression, position)
       select $1, $2, u.f, u.e, u.ord from unnest($3::text[], $4::text[]) with ordinality as u(f, e, ord)`,
      [orgId, storeId, checked.map((r) => r.field), checked.map((r) => r.expression)],
    );
  // Defaults apply to customers created from now on; nothing waits on them.
  return replace(db, storeId, "customer_default_fields", write, getCustomerDefaults, {
    redecide: false,
    onReplaced,
  });
}

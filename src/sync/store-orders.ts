// Storing store orders as received: raw payload, our normalized reading, a digest. One
// statement per batch (an import page), and a row only changes when its content did and
// the platform's updated_at did not go backwards — never once anonymised (privacy/; the check
// here closes the race with a redact committed after the batch was filtered). Text PostgreSQL
// cannot hold (U+0000, lone surrogates) is cleaned first and the row says so (text_cleaned).
import crypto from "node:crypto";
import type { Queryable } from "../db/db.ts";
import { type CanonicalOrder, MappingError } from "../platforms/connector.ts";
import type { PlatformModule } from "../platforms/module.ts";
import { cleanPayload } from "./clean-text.ts";

export interface UpsertResult {
  stored: StoredOrder[];
  /** The newest platform updated_at in the batch (ISO), null when none had one. */
  maxUpdatedAt: string | null;
}

export interface StoredOrder {
  id: number;
  externalId: string;
  /** New row, or content changed: the order needs syncing. */
  changed: boolean;
  /**
   * What the row now holds, when it is exactly this payload (written, or identical already),
   * so the sync need not read it back; null when the row kept a newer version.
   */
  known: KnownPayload | null;
  /** The row was marked gone from the platform: this payload shows the order exists again. */
  wasGone: boolean;
  /** What was removed from the payload's text, when this write changed the row (pt-BR). */
  textCleaned: string | null;
}

export interface KnownPayload {
  order: CanonicalOrder | null;
  normalizeError: string | null;
  digest: string;
}

interface Prepared {
  external_id: string;
  number: string | null;
  raw: unknown;
  normalized: unknown;
  payload_digest: string;
  platform_status: string | null;
  status_fields: Record<string, string | null>;
  unknown_values: unknown[];
  normalize_error: string | null;
  customer_name: string | null;
  total_cents: number | null;
  cancelled: boolean;
  platform_created_at: string | null;
  platform_updated_at: string | null;
  text_cleaned: string | null;
}

const sha256 = (json: string) => crypto.createHash("sha256").update(json).digest("hex");

export function digest(raw: unknown): string {
  return sha256(JSON.stringify(raw));
}

/**
 * The row for one payload. `refused` is why PostgreSQL would not take this order as normalized
 * (store-and-sync.ts found it): the payload is then kept as unreadable, with that reason.
 */
export function prepare(module: PlatformModule, received: unknown, refused?: string): Prepared | null {
  const identity = module.identify(received);
  if (identity === null) return null;
  const json = JSON.stringify(received);
  const { value: raw, fields } = cleanPayload(received, json);
  const stored = fields.length > 0 ? JSON.stringify(raw) : json;
  const base = {
    external_id: identity.externalId,
    raw,
    // A refused payload is another version of the row (it replaces what was read before).
    payload_digest: sha256(refused === undefined ? stored : `${refused}\n${stored}`),
    text_cleaned:
      fields.length > 0 ? `Caracteres inválidos removidos do texto recebido em: ${fields.join(", ")}` : null,
  };
  try {
    if (refused !== undefined) throw new MappingError([refused]);
    const o = module.normalize(raw);
    return {
      ...base,
      number: o.number,
      normalized: o,
      platform_status: o.status.key,
      status_fields: o.status.fields,
      unknown_values: o.flags,
      normalize_error: null,
      customer_name: o.customer.name,
      total_cents: o.totals.totalCents,
      cancelled: o.status.cancelled,
      platform_created_at: o.createdAt,
      platform_updated_at: o.updatedAt,
    };
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    return {
      ...base,
      number: identity.number,
      normalized: null,
      platform_status: null,
      status_fields: {},
      unknown_values: [],
      normalize_error: error.problems.join("; "),
      customer_name: null,
      total_cents: null,
      cancelled: false,
      platform_created_at: null,
      platform_updated_at: null,
    };
  }
}

export async function upsertStoreOrders(
  tx: Queryable,
  store: { id: number; orgId: number },
  module: PlatformModule,
  raws: readonly unknown[],
  refused?: string,
): Promise<UpsertResult> {
  const byId = new Map<string, Prepared>();
  let maxUpdatedAt: string | null = null;
  for (const raw of raws) {
    const p = prepare(module, raw, refused);
    if (!p) continue;
    byId.set(p.external_id, p); // a page may repeat an order: keep the last copy
    if (p.platform_updated_at && (!maxUpdatedAt || p.platform_updated_at > maxUpdatedAt)) {
      maxUpdatedAt = p.platform_updated_at;
    }
  }
  if (byId.size === 0) return { stored: [], maxUpdatedAt };
  const { rows } = await tx.query<{
    id: number;
    external_id: string;
    changed: boolean;
    same: boolean;
    gone: boolean;
  }>(
    `with input as (
       select * from jsonb_to_recordset($3::jsonb) as r(
         external_id text, number text, raw jsonb, normalized jsonb, payload_digest text, platform_status text,
         status_fields jsonb, unknown_values jsonb, normalize_error text, customer_name text, total_cents bigint,
         cancelled boolean, platform_created_at timestamptz, platform_updated_at timestamptz, text_cleaned text)
     ), written as (
       insert into store_orders as s (org_id, store_id, external_id, number, raw, normalized, payload_digest,
         platform_status, status_fields, unknown_values, normalize_error, customer_name, total_cents, cancelled,
         platform_created_at, platform_updated_at, text_cleaned)
       select $1, $2, external_id, number, raw, normalized, payload_digest, platform_status, status_fields,
              unknown_values, normalize_error, customer_name, total_cents, cancelled, platform_created_at,
              platform_updated_at, text_cleaned
         from input
       on conflict (store_id, external_id) do update set
         number = excluded.number, raw = excluded.raw, normalized = excluded.normalized,
         payload_digest = excluded.payload_digest, platform_status = excluded.platform_status,
         status_fields = excluded.status_fields, unknown_values = excluded.unknown_values,
         normalize_error = excluded.normalize_error, customer_name = excluded.customer_name,
         total_cents = excluded.total_cents, cancelled = excluded.cancelled,
         platform_created_at = excluded.platform_created_at, platform_updated_at = excluded.platform_updated_at,
         text_cleaned = excluded.text_cleaned, updated_at = now()
       where s.payload_digest <> excluded.payload_digest and s.redacted_at is null
         and (s.platform_updated_at is null or excluded.platform_updated_at is null
              or excluded.platform_updated_at >= s.platform_updated_at)
       returning s.id, s.external_id, s.gone_at is not null as gone
     )
     select w.id, w.external_id, true as changed, true as same, w.gone from written w
     union all
     select s.id, s.external_id, false, s.payload_digest = i.payload_digest, s.gone_at is not null
       from store_orders s join input i using (external_id)
      where s.store_id = $2 and not exists (select 1 from written w where w.external_id = s.external_id)`,
    // Rows in one order (external id) whoever writes: two batches sharing orders never deadlock.
    [
      store.orgId,
      store.id,
      JSON.stringify([...byId.values()].sort((a, b) => (a.external_id < b.external_id ? -1 : 1))),
    ],
  );
  return {
    stored: rows.map((r) => {
      const p = byId.get(r.external_id)!;
      return {
        id: r.id,
        externalId: r.external_id,
        changed: r.changed,
        known: r.same
          ? {
              order: p.normalized as CanonicalOrder | null,
              normalizeError: p.normalize_error,
              digest: p.payload_digest,
            }
          : null,
        wasGone: r.gone,
        textCleaned: r.changed ? p.text_cleaned : null,
      };
    }),
    maxUpdatedAt,
  };
}

// A store order anonymised on a privacy request is frozen: what the platform sends for it later
// (a webhook, an import page, a status refresh) is not stored, so the buyer's data the platform
// may still hold never comes back. Its sales order keeps its state as it was (docs/PRIVACY.md).
import type { Queryable } from "../db/db.ts";
import type { PlatformModule } from "../platforms/module.ts";

export async function withoutRedacted(
  q: Queryable,
  storeId: number,
  module: PlatformModule,
  raws: readonly unknown[],
): Promise<unknown[]> {
  const ids = raws.map((raw) => module.identify(raw)?.externalId ?? null);
  const named = ids.filter((id): id is string => id !== null);
  if (named.length === 0) return [...raws];
  const { rows } = await q.query<{ external_id: string }>(
    `select external_id from store_orders
      where store_id = $1 and external_id = any($2::text[]) and redacted_at is not null`,
    [storeId, named],
  );
  if (rows.length === 0) return [...raws];
  const frozen = new Set(rows.map((r) => r.external_id));
  return raws.filter((_, i) => !frozen.has(ids[i] ?? ""));
}

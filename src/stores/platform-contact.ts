// Each store's last contact with its platform, for its health (Visão geral, Lojas): every request
// a connector makes reports whether the platform answered. The store's row is written when the
// outcome changes, and at most every 15 s while it stays the same, so an import does not write it
// per request; a row an import's transaction holds locked is skipped, not waited for (the next
// request writes it, and a finished import records that the platform answered), so a request
// never waits behind the database.
import type { Queryable } from "../db/db.ts";
import type { PlatformContact } from "../platforms/connector.ts";

const REWRITE_AFTER_MS = 15_000;

/** What this process last wrote per store, per database (tests run several in one process). */
const written = new WeakMap<Queryable, Map<number, { outcome: string; at: number }>>();

export function contactRecorder(db: Queryable, storeId: number): (contact: PlatformContact) => Promise<void> {
  return async (contact) => {
    let seen = written.get(db);
    if (!seen) {
      seen = new Map();
      written.set(db, seen);
    }
    const outcome = contact.ok ? "ok" : contact.kind;
    const now = Date.now();
    const last = seen.get(storeId);
    if (last && last.outcome === outcome && now - last.at < REWRITE_AFTER_MS) return;
    const { rowCount } = await db.query(
      `update stores set last_contact_at = now(), last_contact_ok = $2, last_contact_error = $3,
              contact_failing_since = case when $2 then null else coalesce(contact_failing_since, now()) end
        where id = (select id from stores where id = $1 for update skip locked)`,
      [storeId, contact.ok, contact.ok ? null : contact.kind],
    );
    if (rowCount > 0) seen.set(storeId, { outcome, at: now });
  };
}

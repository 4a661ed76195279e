// The audit rows of a store's own changes: connected (or its credentials replaced), its settings
// changed, disconnected. Each is called on the change's transaction.
import type { FastifyRequest } from "fastify";
import type { Queryable } from "../db/db.ts";
import { getStore, type Store } from "../stores/stores.ts";
import { auditSource, recordAudit } from "./record.ts";
import { storeSnapshot } from "./snapshots.ts";

const storeEntity = (store: Store) => ({ entityType: "store", entityId: store.id, entityLabel: store.name });

/** The credentials given are recorded by field name only (masked by recordAudit), never their values. */
export async function auditStoreConnected(
  tx: Queryable,
  request: FastifyRequest,
  store: Store,
  credentials: Record<string, unknown>,
  action: "store.connect" | "store.reconnect" | "store.install",
): Promise<void> {
  await recordAudit(tx, auditSource(request), {
    action,
    ...storeEntity(store),
    after: { ...storeSnapshot(store), platform: store.platform, credentials },
  });
}

export async function auditStoreSettings(
  tx: Queryable,
  request: FastifyRequest,
  before: Store,
  after: Store,
): Promise<void> {
  await recordAudit(tx, auditSource(request), {
    action: "store.settings.update",
    ...storeEntity(after),
    before: storeSnapshot(before),
    after: storeSnapshot(after),
  });
}

/** Desconectar loja: `before` is the store as it was; it is read again as the change left it. */
export async function auditStoreDisconnected(
  tx: Queryable,
  request: FastifyRequest,
  before: Store,
): Promise<void> {
  await recordAudit(tx, auditSource(request), {
    action: "store.disconnect",
    ...storeEntity(before),
    before: storeSnapshot(before),
    after: storeSnapshot(await getStore(tx, before.id)),
  });
}

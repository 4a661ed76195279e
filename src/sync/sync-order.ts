// Sync of one order: the webhook is only a hint, so read the order as the platform has it
// now and store it if it changed. (The sales-order side builds on this.)
import type { AppContext } from "../context.ts";
import { platformModule } from "../platforms/registry.ts";
import { openStore } from "../stores/stores.ts";
import { handleAccessError } from "./access.ts";
import { type StoredOrder, upsertStoreOrders } from "./store-orders.ts";

export async function syncOrder(
  ctx: AppContext,
  storeId: number,
  externalId: string,
): Promise<StoredOrder | null> {
  const { store, connector } = await openStore(ctx, storeId);
  if (store.connectionState !== "ok") return null;
  let raw: unknown;
  try {
    raw = await connector.getOrder(externalId);
  } catch (error) {
    if (await handleAccessError(ctx, store, error)) return null;
    throw error;
  }
  if (raw === null) return null;
  const { stored } = await ctx.db.transaction((tx) =>
    upsertStoreOrders(tx, store, platformModule(store.platform), [raw]),
  );
  return stored[0] ?? null;
}

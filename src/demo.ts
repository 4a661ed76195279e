// The demo store: with no real store configured, `ponte start` runs the Nuvemshop simulator
// in-process and connects "Loja Demo" to it, so a newcomer sees orders arrive in seconds.
// The simulator's data is seeded, so the same orders come back after a restart.
import crypto from "node:crypto";
import type { AppContext } from "./context.ts";
import { startNuvemshopSimulator } from "./simulators/nuvemshop/index.ts";
import { connectStore, listStores, updateStore } from "./stores/stores.ts";

export const DEMO_STORE_ID = 1234567;

export async function startDemoStore(
  ctx: AppContext,
  ponteUrl: string,
): Promise<{ close(): Promise<void> } | undefined> {
  const stores = await listStores(ctx.db);
  const existing = stores.find((s) => s.settings.demo === true);
  if (stores.length > 0 && !existing) return undefined; // a real store is configured: no demo
  const token = crypto.createHmac("sha256", ctx.secretKey).update("demo-store-token").digest("hex");
  const options = {
    storeId: DEMO_STORE_ID,
    accessToken: token,
    clientSecret: ctx.nuvemshop.clientSecret,
    orders: 60,
    seed: 1,
    ratePerMinute: 4,
    webhook: { url: `${ponteUrl}/webhooks/nuvemshop` },
  };
  const previousPort = existing ? Number(new URL(existing.apiBaseUrl).port) : 0;
  const simulator = await startNuvemshopSimulator({ ...options, port: previousPort }).catch(() =>
    startNuvemshopSimulator({ ...options, port: 0 }),
  );
  if (existing) {
    await updateStore(ctx.db, existing.id, { apiBaseUrl: simulator.apiBase });
  } else {
    await ctx.db.transaction((tx) =>
      connectStore(ctx, tx, {
        platform: "nuvemshop",
        name: "Loja Demo",
        externalId: String(DEMO_STORE_ID),
        accessToken: token,
        apiBaseUrl: simulator.apiBase,
        settings: { demo: true },
      }),
    );
  }
  ctx.logger.info(
    { simulator: simulator.url },
    "Loja Demo connected to the Nuvemshop simulator (PONTE_DEMO=0 turns it off)",
  );
  return { close: () => simulator.close() };
}

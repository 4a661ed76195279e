// The demo store: with no real store configured, `ponte start` runs the Nuvemshop simulator
// in-process and connects "Loja Demo" to it, so a newcomer sees orders arrive in seconds.
// The simulator's data is seeded, so the same orders come back after a restart.
//
// Its webhooks are registered like a real store's. With PONTE_PUBLIC_URL (https) the simulator
// maps that origin to this process. Without it the demo lives in a simulated internet: the demo
// store alone carries its own webhook base, DEMO_BASE (a name that exists nowhere), which the
// simulator maps to this process. Real stores never get that fallback.
//
// The demo store is the one store whose API address is not its platform's without
// PONTE_ALLOW_API_OVERRIDE: Ponte itself points it at the simulator it runs on this machine (the
// API cannot set that address), and its token is the simulator's, not a platform's.
import crypto from "node:crypto";
import { type AppContext, platformApp } from "./context.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "./simulators/nuvemshop/index.ts";
import { connectStore, listStores, updateStore } from "./stores/stores.ts";
import { DEMO_WEBHOOK_BASE, queueWebhookRegistration } from "./stores/webhook-target.ts";

export const DEMO_STORE_ID = 1234567;
/** The demo store's webhook base when PONTE_PUBLIC_URL is not an https address. */
export const DEMO_BASE = "https://ponte-demo.invalid";

export async function startDemoStore(
  ctx: AppContext,
  ponteUrl: string,
): Promise<{ simulator: NuvemshopSimulator; close(): Promise<void> } | undefined> {
  const stores = await listStores(ctx.db);
  const existing = stores.find((s) => s.settings.demo === true && s.platform === "nuvemshop");
  if (stores.length > 0 && !existing) return undefined; // a real store is configured: no demo
  const token = crypto.createHmac("sha256", ctx.secretKey).update("demo-store-token").digest("hex");
  const options = {
    storeId: DEMO_STORE_ID,
    accessToken: token,
    clientSecret: platformApp(ctx, "nuvemshop").webhookSecret,
    orders: 60,
    seed: 1,
    ratePerMinute: 4,
    hosts: {
      [DEMO_BASE]: ponteUrl,
      ...(ctx.publicUrl?.startsWith("https:") ? { [ctx.publicUrl]: ponteUrl } : {}),
    },
  };
  const previousPort = existing ? Number(new URL(existing.apiBaseUrl).port) : 0;
  const simulator = await startNuvemshopSimulator({ ...options, port: previousPort }).catch(() =>
    startNuvemshopSimulator({ ...options, port: 0 }),
  );
  if (existing) {
    // A new simulator knows no subscriptions: register them again.
    await ctx.db.transaction(async (tx) => {
      const store = await updateStore(tx, existing.id, {
        apiBaseUrl: simulator.apiBase,
        settings: { [DEMO_WEBHOOK_BASE]: DEMO_BASE },
      });
      await queueWebhookRegistration(ctx, tx, store);
    });
  } else {
    await ctx.db.transaction((tx) =>
      connectStore(ctx, tx, {
        platform: "nuvemshop",
        name: "Loja Demo",
        externalId: String(DEMO_STORE_ID),
        credentials: { accessToken: token },
        apiBaseUrl: simulator.apiBase,
        settings: { demo: true, [DEMO_WEBHOOK_BASE]: DEMO_BASE },
      }),
    );
  }
  ctx.logger.info(
    { simulator: simulator.url, controlKey: simulator.controlKey },
    `Loja Demo connected to the Nuvemshop simulator (PONTE_DEMO=0 turns it off); its control endpoints (/__log, /__control) need the control key ${simulator.controlKey} in X-Simulator-Key`,
  );
  return { simulator, close: () => simulator.close() };
}

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
import { startVtexSimulator, type VtexSimulator } from "./simulators/vtex/index.ts";
import { connectStore, listStores, updateStore } from "./stores/stores.ts";
import { DEMO_WEBHOOK_BASE, queueWebhookRegistration } from "./stores/webhook-target.ts";
import { FIRST_ORG } from "./tenancy/organizations.ts";

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
      connectStore(
        ctx,
        tx,
        {
          platform: "nuvemshop",
          name: "Loja Demo",
          externalId: String(DEMO_STORE_ID),
          credentials: { accessToken: token },
          apiBaseUrl: simulator.apiBase,
          settings: { demo: true, [DEMO_WEBHOOK_BASE]: DEMO_BASE },
        },
        FIRST_ORG,
      ),
    );
  }
  ctx.logger.info(
    { simulator: simulator.url, controlKey: simulator.controlKey },
    `Loja Demo connected to the Nuvemshop simulator (PONTE_DEMO=0 turns it off); its control endpoints (/__log, /__control) need the control key ${simulator.controlKey} in X-Simulator-Key`,
  );
  return { simulator, close: () => simulator.close() };
}

// The demo's second store: "Loja Demo VTEX", on the VTEX simulator run in-process beside Loja Demo,
// so a newcomer sees a feed-and-hook platform too. Orders come through the feed on each import
// and through the hook, registered like Loja Demo's webhooks. Like Loja Demo, it is called at a
// loopback API address without PONTE_ALLOW_API_OVERRIDE, and its keys are the simulator's.
export const DEMO_VTEX_ACCOUNT = "lojademo";

/** Starts the VTEX demo store's simulator and connects the store (or points it at the new simulator). */
export async function startVtexDemoStore(
  ctx: AppContext,
  ponteUrl: string,
): Promise<{ simulator: VtexSimulator; close(): Promise<void> }> {
  const existing = (await listStores(ctx.db)).find((s) => s.settings.demo === true && s.platform === "vtex");
  const appToken = crypto.createHmac("sha256", ctx.secretKey).update("demo-vtex-app-token").digest("hex");
  const appKey = `vtexappkey-${DEMO_VTEX_ACCOUNT}-PONTEDEMO`;
  const options = {
    account: DEMO_VTEX_ACCOUNT,
    appKey,
    appToken,
    orders: 30,
    seed: 2,
    ratePerMinute: 2,
    // VTEX's list index lags; the feed and the hook bring new orders first.
    listLagMs: 5_000,
    hosts: {
      [DEMO_BASE]: ponteUrl,
      ...(ctx.publicUrl?.startsWith("https:") ? { [ctx.publicUrl]: ponteUrl } : {}),
    },
  };
  const previousPort = existing ? Number(new URL(existing.apiBaseUrl).port) : 0;
  const simulator = await startVtexSimulator({ ...options, port: previousPort }).catch(() =>
    startVtexSimulator({ ...options, port: 0 }),
  );
  await ctx.db.transaction(async (tx) => {
    if (existing) {
      // A new simulator knows no hook: register it again.
      const store = await updateStore(tx, existing.id, {
        apiBaseUrl: simulator.url,
        settings: { [DEMO_WEBHOOK_BASE]: DEMO_BASE },
      });
      await queueWebhookRegistration(ctx, tx, store);
    } else {
      await connectStore(
        ctx,
        tx,
        {
          platform: "vtex",
          name: "Loja Demo VTEX",
          externalId: DEMO_VTEX_ACCOUNT,
          credentials: { appKey, appToken },
          apiBaseUrl: simulator.url,
          settings: { demo: true, [DEMO_WEBHOOK_BASE]: DEMO_BASE },
        },
        FIRST_ORG,
      );
    }
  });
  ctx.logger.info(
    { simulator: simulator.url, controlKey: simulator.controlKey },
    `Loja Demo VTEX connected to the VTEX simulator; its control endpoints (/__log, /__control) need the control key ${simulator.controlKey} in X-Simulator-Key`,
  );
  return { simulator, close: () => simulator.close() };
}

/** Both demo stores, when no real store is configured (`ponte start`): one close for both. */
export async function startDemo(
  ctx: AppContext,
  ponteUrl: string,
): Promise<{ close(): Promise<void> } | undefined> {
  const nuvemshop = await startDemoStore(ctx, ponteUrl);
  if (!nuvemshop) return undefined;
  const vtex = await startVtexDemoStore(ctx, ponteUrl).catch(async (error: unknown) => {
    await nuvemshop.close();
    throw error;
  });
  return {
    async close() {
      await nuvemshop.close();
      await vtex.close();
    },
  };
}

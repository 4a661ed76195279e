// The demo's second store: "Loja Demo VTEX", on the VTEX simulator run in-process beside Loja Demo
// (demo.ts), so a newcomer sees a feed-and-hook platform too. Orders come through the feed on each
// import and through the hook, registered like a real store's at the demo's address in its
// simulated internet (or PONTE_PUBLIC_URL when https), which the simulator maps to this process.
// Like Loja Demo, it is the one kind of store called at a loopback API address without
// PONTE_ALLOW_API_OVERRIDE (api-base-policy.ts), and its keys are the simulator's, not VTEX's.
import crypto from "node:crypto";
import type { AppContext } from "./context.ts";
import { DEMO_BASE } from "./demo.ts";
import { startVtexSimulator, type VtexSimulator } from "./simulators/vtex/index.ts";
import { connectStore, listStores, updateStore } from "./stores/stores.ts";
import { DEMO_WEBHOOK_BASE, queueWebhookRegistration } from "./stores/webhook-target.ts";

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
      await connectStore(ctx, tx, {
        platform: "vtex",
        name: "Loja Demo VTEX",
        externalId: DEMO_VTEX_ACCOUNT,
        credentials: { appKey, appToken },
        apiBaseUrl: simulator.url,
        settings: { demo: true, [DEMO_WEBHOOK_BASE]: DEMO_BASE },
      });
    }
  });
  ctx.logger.info(
    { simulator: simulator.url, controlKey: simulator.controlKey },
    `Loja Demo VTEX connected to the VTEX simulator; its control endpoints (/__log, /__control) need the control key ${simulator.controlKey} in X-Simulator-Key`,
  );
  return { simulator, close: () => simulator.close() };
}

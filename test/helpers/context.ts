import crypto from "node:crypto";
import { loadConfig } from "../../src/config.ts";
import { type AppContext, createContext } from "../../src/context.ts";
import type { Db } from "../../src/db/db.ts";
import { connectStore } from "../../src/stores/stores.ts";
import { testLogger } from "./logger.ts";

/** An AppContext on a test database, with a fresh secret key and Nuvemshop app secret. */
export function testContext(db: Db, env: Record<string, string> = {}): AppContext {
  const config = loadConfig({
    PONTE_NUVEMSHOP_CLIENT_SECRET: "test-app-secret",
    PONTE_NUVEMSHOP_CLIENT_ID: "4321",
    ...env,
  });
  return createContext(config, db, testLogger, crypto.randomBytes(32));
}

/** Connects a store to a running Nuvemshop simulator by token; returns its id. */
export async function connectSimulatorStore(
  ctx: AppContext,
  sim: { storeId: number; accessToken: string; apiBase: string },
  name: string,
): Promise<number> {
  const store = await ctx.db.transaction((tx) =>
    connectStore(ctx, tx, {
      platform: "nuvemshop",
      name,
      externalId: String(sim.storeId),
      accessToken: sim.accessToken,
      apiBaseUrl: sim.apiBase,
    }),
  );
  return store.id;
}

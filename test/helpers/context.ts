import crypto from "node:crypto";
import { loadConfig } from "../../src/config.ts";
import { type AppContext, createContext } from "../../src/context.ts";
import type { Db } from "../../src/db/db.ts";
import { type ConnectMode, connectStore } from "../../src/stores/stores.ts";
import { testLogger } from "./logger.ts";

/**
 * An AppContext on a test database, with a fresh secret key and Nuvemshop app secret. Its stores
 * point at simulators on this machine: the API override is allowed for loopback addresses only.
 */
export function testContext(db: Db, env: Record<string, string> = {}): AppContext {
  const config = loadConfig({
    PONTE_NUVEMSHOP_CLIENT_SECRET: "test-app-secret",
    PONTE_NUVEMSHOP_CLIENT_ID: "4321",
    PONTE_ALLOW_API_OVERRIDE: "loopback",
    ...env,
  });
  return createContext(config, db, testLogger, crypto.randomBytes(32));
}

/** Connects a store to a running Nuvemshop simulator by token (`reconnect`: again); returns its id. */
export async function connectSimulatorStore(
  ctx: AppContext,
  sim: { storeId: number; accessToken: string; apiBase: string },
  name: string,
  mode: ConnectMode = "new",
): Promise<number> {
  const store = await ctx.db.transaction((tx) =>
    connectStore(
      ctx,
      tx,
      {
        platform: "nuvemshop",
        name,
        externalId: String(sim.storeId),
        credentials: { accessToken: sim.accessToken },
        apiBaseUrl: sim.apiBase,
        mode,
      },
      1,
    ),
  );
  return store.id;
}

import crypto from "node:crypto";
import { loadConfig } from "../../src/config.ts";
import { type AppContext, createContext } from "../../src/context.ts";
import type { Db } from "../../src/db/db.ts";
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

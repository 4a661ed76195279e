import { createLogger } from "../../src/logger.ts";

export const testLogger = createLogger({
  logLevel: (process.env.TEST_LOG_LEVEL as "silent") ?? "silent",
  logPretty: false,
});

import { pino } from "pino";
import { createLogger, type Logger } from "../../src/logger.ts";

export const testLogger = createLogger({
  logLevel: (process.env.TEST_LOG_LEVEL as "silent") ?? "silent",
  logPretty: false,
});

/** A logger that keeps every JSON line it writes, for tests that check what reached the log. */
export function capturingLogger(level: "debug" | "info" = "debug"): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

// What every CLI command needs: validated config and a logger. One-shot commands log
// warnings only, so their own output stays readable.
import { loadConfig } from "../config.ts";
import { createLogger } from "../logger.ts";

export function cliContext(options: { quiet?: boolean } = {}) {
  const config = loadConfig();
  const logger = createLogger(
    options.quiet ? { ...config, logLevel: config.logLevel === "info" ? "warn" : config.logLevel } : config,
  );
  return { config, logger };
}

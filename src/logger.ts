import { type Logger, pino } from "pino";
import type { Config } from "./config.ts";

export type { Logger };

// Secrets never reach a log line, whatever object a caller passes.
const REDACT = [
  "accessToken",
  "access_token",
  "password",
  "clientSecret",
  "client_secret",
  "secretKey",
  "*.accessToken",
  "*.access_token",
  "*.password",
  "*.clientSecret",
  "req.headers.authorization",
  "req.headers.authentication",
  "req.headers.cookie",
];

export function createLogger(config: Pick<Config, "logLevel" | "logPretty">, name = "ponte"): Logger {
  return pino({
    name,
    level: config.logLevel,
    redact: { paths: REDACT, censor: "[redacted]" },
    transport: config.logPretty
      ? {
          target: "pino-pretty",
          options: { colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" },
        }
      : undefined,
  });
}

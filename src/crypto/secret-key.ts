// PONTE_SECRET_KEY encrypts store credentials. When it is not given, a key is generated
// once into the data directory (and a warning says so): losing it means re-entering the
// stores' credentials, so it belongs in the backup with the data.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.ts";
import { PonteError } from "../errors.ts";
import type { Logger } from "../logger.ts";

export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) {
    throw new PonteError(
      "config_invalid",
      "PONTE_SECRET_KEY must be 32 bytes, as 64 hex characters or base64",
    );
  }
  return key;
}

export async function resolveSecretKey(
  config: Pick<Config, "secretKey" | "dataDir">,
  logger: Logger,
): Promise<Buffer> {
  if (config.secretKey) return parseSecretKey(config.secretKey);
  const file = path.join(config.dataDir, "secret.key");
  try {
    return parseSecretKey(await fs.readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await fs.mkdir(config.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  try {
    await fs.writeFile(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    logger.warn(
      { file },
      "PONTE_SECRET_KEY is not set: generated one into the data directory; back it up with the data",
    );
    return key;
  } catch (error) {
    // Another process generated it at the same moment: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      return parseSecretKey(await fs.readFile(file, "utf8"));
    throw error;
  }
}

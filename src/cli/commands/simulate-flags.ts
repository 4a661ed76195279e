// Flag parsing shared by the `ponte simulate <platform>` commands.
import { UsageError } from "../command.ts";

export function integer(
  name: string,
  raw: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(String(raw)) || n < min || n > max) {
    throw new UsageError(`simulate: --${name} must be an integer from ${min} to ${max}`);
  }
  return n;
}

export function seedFlag(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new UsageError("simulate: --seed must be an integer");
  return seed;
}

/** --rate N or N/min → orders per minute. */
export function rateFlag(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(?:\/min)?$/.exec(String(raw));
  if (!match) throw new UsageError("simulate: --rate must be orders per minute, e.g. 5 or 5/min");
  return Number(match[1]);
}

export function faultRateFlag(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const rate = Number(raw);
  if (!(rate >= 0 && rate <= 1)) throw new UsageError("simulate: --fault-rate must be a number from 0 to 1");
  return rate;
}

/** --host ORIGIN=URL, repeatable → the simulator's hosts map. */
export function hostsFlag(raw: unknown): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  const hosts: Record<string, string> = {};
  for (const entry of raw as string[]) {
    const at = entry.indexOf("=");
    if (at < 0)
      throw new UsageError(
        "simulate: --host must be ORIGIN=URL, e.g. https://ponte.test=http://127.0.0.1:3000",
      );
    hosts[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return hosts;
}

export function nonEmptyFlag(name: string, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== "string" || raw === "") throw new UsageError(`simulate: --${name} must not be empty`);
  return raw;
}

export function controlKeyFlag(raw: unknown): string | undefined {
  const key = nonEmptyFlag("control-key", raw);
  if (key !== undefined && key.length < 16)
    throw new UsageError("simulate: --control-key must have at least 16 characters");
  return key;
}

/** Refuses flags that belong to another platform's simulator. */
export function refuseFlags(
  platform: string,
  values: Record<string, unknown>,
  flags: readonly string[],
): void {
  for (const flag of flags) {
    if (values[flag] !== undefined)
      throw new UsageError(`simulate: --${flag} is not an option of ${platform}`);
  }
}

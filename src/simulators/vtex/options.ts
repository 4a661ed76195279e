// Option defaults and checks. setOptions and POST /__control share them, so a bad value is refused
// with a message instead of half-applied.
import crypto from "node:crypto";
import type { HookOptions, ScriptedFault, SimulatorOptions } from "./types.ts";

export interface Settings {
  port: number;
  account: string;
  appKey: string;
  appToken: string;
  orders: number;
  seed: number;
  seedTime: number;
  ratePerMinute: number;
  listLagMs: number;
  rateLimit: boolean;
  getOrderPerMinute: number;
  retryAfterSeconds: number;
  faultRate: number;
  badJsonRate: number;
  faultScript: ScriptedFault[] | null;
  latencyMs: number;
  unauthorized: boolean;
  suspended: boolean;
  hook: HookOptions | undefined;
  hosts: Record<string, string>;
  controlKey: string;
}

export const DEFAULTS = {
  account: "lojasimulada",
  appKey: "vtexappkey-lojasimulada-SIMKEY",
  // As long as a real one (VTEX app tokens are long random strings).
  appToken: "SIMAPPTOKEN-lojasimulada-0000000000000000000000000000",
  orders: 50,
  seed: 1,
} as const;

/** Options fixed at start: the seeded data and the socket depend on them. */
export const FIXED = ["port", "account", "orders", "seed", "seedTime", "controlKey"] as const;

export function defaultSeedTime(now = Date.now()): number {
  return Math.floor(now / 86_400_000) * 86_400_000;
}

const rate = (name: string, value: unknown) => {
  if (typeof value !== "number" || !(value >= 0 && value <= 1))
    throw new Error(`${name} must be a number from 0 to 1`);
};
const nonNegative = (name: string, value: unknown) => {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number >= 0`);
};
const bool = (name: string, value: unknown) => {
  if (typeof value !== "boolean") throw new Error(`${name} must be true or false`);
};

/** Throws on the first bad value; unknown keys are refused so typos do not pass silently. */
export function checkOptions(patch: Partial<SimulatorOptions>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    switch (key) {
      case "port":
      case "orders":
        if (!Number.isInteger(value) || (value as number) < 0)
          throw new Error(`${key} must be an integer >= 0`);
        if (key === "port" && (value as number) > 65535) throw new Error("port must be at most 65535");
        break;
      case "seed":
        if (!Number.isInteger(value)) throw new Error("seed must be an integer");
        break;
      case "seedTime":
        if (!Number.isFinite(typeof value === "string" ? Date.parse(value) : value))
          throw new Error("seedTime must be a date string or epoch milliseconds");
        break;
      case "account":
        // An account name is the first label of {account}.vtexcommercestable.com.br.
        if (typeof value !== "string" || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(value))
          throw new Error("account must be lowercase letters, digits and dashes");
        break;
      case "appKey":
      case "appToken":
        if (typeof value !== "string" || value === "") throw new Error(`${key} must be a non-empty string`);
        break;
      case "controlKey":
        if (typeof value !== "string" || value.length < 16)
          throw new Error("controlKey must be a string of at least 16 characters");
        break;
      case "ratePerMinute":
      case "listLagMs":
      case "latencyMs":
      case "retryAfterSeconds":
        nonNegative(key, value);
        break;
      case "getOrderPerMinute":
        if (!Number.isInteger(value) || (value as number) < 1)
          throw new Error("getOrderPerMinute must be an integer >= 1");
        break;
      case "faultRate":
      case "badJsonRate":
        rate(key, value);
        break;
      case "rateLimit":
      case "unauthorized":
      case "suspended":
        bool(key, value);
        break;
      case "faultScript":
        if (value !== null) checkFaultScript(value as ScriptedFault[]);
        break;
      case "hook":
        if (value !== null) checkHook(value as HookOptions);
        break;
      case "hosts":
        if (value !== null) normalizeHosts(value);
        break;
      default:
        throw new Error(`unknown option ${key}`);
    }
  }
}

function checkFaultScript(script: ScriptedFault[]): void {
  if (!Array.isArray(script)) throw new Error("faultScript must be an array");
  script.forEach((f, i) => {
    const at = `faultScript[${i}]`;
    if (typeof f !== "object" || f === null) throw new Error(`${at} must be an object`);
    if (![429, 500, 502, 503, 504].includes(f.status))
      throw new Error(`${at}.status must be 429, 500, 502, 503 or 504`);
    if (!Number.isInteger(f.count) || f.count < 1) throw new Error(`${at}.count must be an integer >= 1`);
    if (f.method !== undefined && typeof f.method !== "string")
      throw new Error(`${at}.method must be a string`);
    if (f.path !== undefined) {
      try {
        new RegExp(f.path);
      } catch {
        throw new Error(`${at}.path must be a regular expression`);
      }
    }
    if (f.afterApply !== undefined && typeof f.afterApply !== "boolean")
      throw new Error(`${at}.afterApply must be true or false`);
    if (f.afterApply && f.status === 429) throw new Error(`${at}.afterApply is for 5xx only`);
  });
}

const HOOK_KEYS = new Set([
  "delayMs",
  "dropRate",
  "duplicateRate",
  "duplicates",
  "reorder",
  "timeScale",
  "timeoutMs",
  "headers",
]);

function checkHook(hook: HookOptions): void {
  if (typeof hook !== "object" || hook === null) throw new Error("hook must be an object");
  for (const key of Object.keys(hook)) if (!HOOK_KEYS.has(key)) throw new Error(`unknown option hook.${key}`);
  for (const key of ["delayMs", "timeoutMs"] as const)
    if (hook[key] !== undefined) nonNegative(`hook.${key}`, hook[key]);
  for (const key of ["dropRate", "duplicateRate"] as const)
    if (hook[key] !== undefined) rate(`hook.${key}`, hook[key]);
  if (hook.duplicates !== undefined && !(Number.isInteger(hook.duplicates) && hook.duplicates >= 2))
    throw new Error("hook.duplicates must be an integer >= 2");
  if (hook.reorder !== undefined) bool("hook.reorder", hook.reorder);
  if (hook.timeScale !== undefined && !(typeof hook.timeScale === "number" && hook.timeScale > 0))
    throw new Error("hook.timeScale must be a number > 0");
  if (hook.headers !== undefined && !["configured", "tampered", "missing"].includes(hook.headers))
    throw new Error('hook.headers must be "configured", "tampered" or "missing"');
}

/** Origins only: the public one https, the loopback one http(s). Throws on the first bad entry. */
export function normalizeHosts(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error('hosts must be an object like {"https://ponte.test": "http://127.0.0.1:3000"}');
  const hosts: Record<string, string> = {};
  for (const [from, to] of Object.entries(value)) {
    if (!URL.canParse(from) || new URL(from).protocol !== "https:")
      throw new Error(`hosts: "${from}" must be an https origin, e.g. https://ponte.test`);
    if (typeof to !== "string" || !URL.canParse(to) || !/^https?:$/.test(new URL(to).protocol))
      throw new Error(`hosts: "${from}" must map to an http(s) URL, got ${JSON.stringify(to)}`);
    hosts[new URL(from).origin] = new URL(to).origin;
  }
  return hosts;
}

export function resolveOptions(options: SimulatorOptions): Settings {
  checkOptions(options);
  const seedTime = options.seedTime;
  return {
    port: options.port ?? 0,
    account: options.account ?? DEFAULTS.account,
    appKey: options.appKey ?? DEFAULTS.appKey,
    appToken: options.appToken ?? DEFAULTS.appToken,
    orders: options.orders ?? DEFAULTS.orders,
    seed: options.seed ?? DEFAULTS.seed,
    seedTime:
      seedTime === undefined
        ? defaultSeedTime()
        : typeof seedTime === "string"
          ? Date.parse(seedTime)
          : seedTime,
    ratePerMinute: options.ratePerMinute ?? 0,
    listLagMs: options.listLagMs ?? 0,
    rateLimit: options.rateLimit ?? true,
    getOrderPerMinute: options.getOrderPerMinute ?? 6000,
    retryAfterSeconds: options.retryAfterSeconds ?? 60,
    faultRate: options.faultRate ?? 0,
    badJsonRate: options.badJsonRate ?? 0,
    faultScript: options.faultScript ?? null,
    latencyMs: options.latencyMs ?? 0,
    unauthorized: options.unauthorized ?? false,
    suspended: options.suspended ?? false,
    hook: options.hook ?? undefined,
    hosts: options.hosts ? normalizeHosts(options.hosts) : {},
    controlKey: options.controlKey ?? crypto.randomBytes(24).toString("base64url"),
  };
}

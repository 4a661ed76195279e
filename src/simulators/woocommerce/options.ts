// Option defaults and checks. setOptions and POST /__control share them, so a bad value is refused
// with a message instead of half-applied.
import crypto from "node:crypto";
import type { KeyPermission, PluginMode, ScriptedFault, SimulatorOptions, WebhookOptions } from "./types.ts";

export interface Settings {
  port: number;
  orders: number;
  seed: number;
  seedTime: number;
  ratePerMinute: number;
  consumerKey: string;
  consumerSecret: string;
  permissions: KeyPermission;
  plugin: PluginMode;
  personType: number;
  customStatuses: string[];
  gmtOffsetMinutes: number;
  wcVersion: string;
  wpVersion: string;
  faultRate: number;
  badJsonRate: number;
  faultScript: ScriptedFault[] | null;
  latencyMs: number;
  unauthorized: boolean;
  siteDown: boolean;
  suspended: boolean;
  hostRateLimit: { perMinute: number; retryAfterSeconds?: number } | null;
  churnPerList: number;
  modifiedSkewMs: number;
  webhooks: WebhookOptions;
  authorize: "approve" | "deny";
  hosts: Record<string, string>;
  controlKey: string;
  siteUrl: string | null;
}

export const DEFAULTS = {
  consumerKey: "ck_simulada0000000000000000000000000000000",
  consumerSecret: "cs_simulada0000000000000000000000000000000",
  orders: 50,
  seed: 1,
} as const;

/** Options fixed at start: the seeded data, the socket and the first key depend on them. */
export const FIXED = [
  "port",
  "siteUrl",
  "orders",
  "seed",
  "seedTime",
  "controlKey",
  "consumerKey",
  "consumerSecret",
  "permissions",
] as const;

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
const oneOf = (name: string, value: unknown, allowed: readonly unknown[]) => {
  if (!allowed.includes(value))
    throw new Error(`${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
};

/** Throws on the first bad value; unknown keys are refused so typos do not pass silently. */
export function checkOptions(patch: Partial<SimulatorOptions>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    switch (key) {
      case "port":
      case "orders":
      case "churnPerList":
        if (!Number.isInteger(value) || (value as number) < 0)
          throw new Error(`${key} must be an integer >= 0`);
        if (key === "port" && (value as number) > 65535) throw new Error("port must be at most 65535");
        break;
      case "seed":
        if (!Number.isInteger(value)) throw new Error("seed must be an integer");
        break;
      case "gmtOffsetMinutes":
      case "modifiedSkewMs":
        if (!Number.isInteger(value)) throw new Error(`${key} must be an integer`);
        if (key === "gmtOffsetMinutes" && Math.abs(value as number) > 14 * 60)
          throw new Error("gmtOffsetMinutes must be within ±840");
        break;
      case "seedTime":
        if (!Number.isFinite(typeof value === "string" ? Date.parse(value) : value))
          throw new Error("seedTime must be a date string or epoch milliseconds");
        break;
      case "consumerKey":
      case "consumerSecret":
      case "wcVersion":
      case "wpVersion":
        if (typeof value !== "string" || value === "") throw new Error(`${key} must be a non-empty string`);
        break;
      case "siteUrl":
        if (typeof value !== "string" || !URL.canParse(value) || new URL(value).protocol !== "https:")
          throw new Error("siteUrl must be an https URL, e.g. https://loja.test");
        break;
      case "controlKey":
        if (typeof value !== "string" || value.length < 16)
          throw new Error("controlKey must be a string of at least 16 characters");
        break;
      case "permissions":
        oneOf(key, value, ["read", "write", "read_write"]);
        break;
      case "plugin":
        oneOf(key, value, ["rest", "meta", "absent"]);
        break;
      case "personType":
        oneOf(key, value, [0, 1, 2, 3]);
        break;
      case "authorize":
        oneOf(key, value, ["approve", "deny"]);
        break;
      case "customStatuses":
        if (
          !Array.isArray(value) ||
          value.some((s) => typeof s !== "string" || !/^[a-z0-9][a-z0-9_-]{0,16}$/.test(s))
        )
          throw new Error("customStatuses must be slugs without wc- (lowercase, up to 17 characters)");
        break;
      case "ratePerMinute":
      case "latencyMs":
        nonNegative(key, value);
        break;
      case "faultRate":
      case "badJsonRate":
        rate(key, value);
        break;
      case "unauthorized":
      case "siteDown":
      case "suspended":
        bool(key, value);
        break;
      case "hostRateLimit":
        if (value !== null) {
          const v = value as { perMinute: unknown; retryAfterSeconds?: unknown };
          if (typeof v !== "object" || !Number.isInteger(v.perMinute) || (v.perMinute as number) < 1)
            throw new Error("hostRateLimit.perMinute must be an integer >= 1");
          if (v.retryAfterSeconds !== undefined)
            nonNegative("hostRateLimit.retryAfterSeconds", v.retryAfterSeconds);
        }
        break;
      case "faultScript":
        if (value !== null) checkFaultScript(value as ScriptedFault[]);
        break;
      case "webhooks":
        if (value !== null) checkWebhooks(value as WebhookOptions);
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
    if (f.retryAfterSeconds !== undefined) {
      nonNegative(`${at}.retryAfterSeconds`, f.retryAfterSeconds);
      if (f.status !== 429) throw new Error(`${at}.retryAfterSeconds is for 429 only`);
    }
  });
}

const WEBHOOK_KEYS = new Set(["delayMs", "dropAll", "dropRate", "duplicateRate", "signature", "timeoutMs"]);

function checkWebhooks(options: WebhookOptions): void {
  if (typeof options !== "object" || options === null) throw new Error("webhooks must be an object");
  for (const key of Object.keys(options))
    if (!WEBHOOK_KEYS.has(key)) throw new Error(`unknown option webhooks.${key}`);
  for (const key of ["delayMs", "timeoutMs"] as const)
    if (options[key] !== undefined) nonNegative(`webhooks.${key}`, options[key]);
  for (const key of ["dropRate", "duplicateRate"] as const)
    if (options[key] !== undefined) rate(`webhooks.${key}`, options[key]);
  if (options.dropAll !== undefined) bool("webhooks.dropAll", options.dropAll);
  if (options.signature !== undefined)
    oneOf("webhooks.signature", options.signature, ["good", "bad", "missing"]);
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
    orders: options.orders ?? DEFAULTS.orders,
    seed: options.seed ?? DEFAULTS.seed,
    seedTime:
      seedTime === undefined
        ? defaultSeedTime()
        : typeof seedTime === "string"
          ? Date.parse(seedTime)
          : seedTime,
    ratePerMinute: options.ratePerMinute ?? 0,
    consumerKey: options.consumerKey ?? DEFAULTS.consumerKey,
    consumerSecret: options.consumerSecret ?? DEFAULTS.consumerSecret,
    permissions: options.permissions ?? "read_write",
    plugin: options.plugin ?? "rest",
    personType: options.personType ?? 1,
    customStatuses: options.customStatuses ?? ["aguardando-envio"],
    gmtOffsetMinutes: options.gmtOffsetMinutes ?? -180,
    wcVersion: options.wcVersion ?? "9.4.2",
    wpVersion: options.wpVersion ?? "6.7.1",
    faultRate: options.faultRate ?? 0,
    badJsonRate: options.badJsonRate ?? 0,
    faultScript: options.faultScript ?? null,
    latencyMs: options.latencyMs ?? 0,
    unauthorized: options.unauthorized ?? false,
    siteDown: options.siteDown ?? false,
    suspended: options.suspended ?? false,
    hostRateLimit: options.hostRateLimit ?? null,
    churnPerList: options.churnPerList ?? 0,
    modifiedSkewMs: options.modifiedSkewMs ?? 0,
    webhooks: options.webhooks ?? {},
    authorize: options.authorize ?? "approve",
    hosts: options.hosts ? normalizeHosts(options.hosts) : {},
    controlKey: options.controlKey ?? crypto.randomBytes(24).toString("base64url"),
    siteUrl: options.siteUrl ?? null,
  };
}

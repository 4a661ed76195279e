// Option defaults and checks. setOptions and POST /__control share them, so a bad value is refused
// with a message instead of half-applied.
import crypto from "node:crypto";
import type { ScriptedFault, SimulatorOptions, WebhookOptions } from "./types.ts";

export interface Settings {
  port: number;
  storeId: number;
  accessToken: string;
  clientId: string;
  clientSecret: string;
  orders: number;
  seed: number;
  seedTime: number;
  ratePerMinute: number;
  rateLimit: boolean;
  planMultiplier: 1 | 10;
  faultRate: number;
  faultScript: ScriptedFault[] | null;
  latencyMs: number;
  readCustomers: boolean;
  pastLastPage: "empty" | "404";
  pageCap: boolean;
  webhook: WebhookOptions | undefined;
  /** Public origin → loopback origin (see SimulatorOptions.hosts), normalized. */
  hosts: Record<string, string>;
  oauthRedirectUrl: string | undefined;
  controlKey: string;
}

export const DEFAULTS = {
  storeId: 1234567,
  accessToken: "sim-token",
  clientId: "4321",
  clientSecret: "sim-secret",
  orders: 50,
  seed: 1,
} as const;

/** Start of the current UTC day: the same seed gives the same orders all day (and across restarts). */
export function defaultSeedTime(now = Date.now()): number {
  return Math.floor(now / 86_400_000) * 86_400_000;
}

const rate = (name: string, value: unknown) => {
  if (typeof value !== "number" || !(value >= 0 && value <= 1))
    throw new Error(`${name} must be a number from 0 to 1`);
};
const nonNegative = (name: string, value: unknown) => {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number >= 0`);
  }
};
const nonEmpty = (name: string, value: unknown) => {
  if (typeof value !== "string" || value === "") throw new Error(`${name} must be a non-empty string`);
};

/** Throws on the first bad value; unknown keys are refused so typos do not pass silently. */
export function checkOptions(patch: Partial<SimulatorOptions>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    switch (key) {
      case "port":
      case "orders":
      case "storeId":
        if (!Number.isInteger(value) || (value as number) < (key === "storeId" ? 1 : 0)) {
          throw new Error(`${key} must be an integer${key === "storeId" ? " > 0" : " >= 0"}`);
        }
        if (key === "port" && (value as number) > 65535) throw new Error("port must be at most 65535");
        break;
      case "seed":
        if (!Number.isInteger(value)) throw new Error("seed must be an integer");
        break;
      case "seedTime":
        if (!Number.isFinite(typeof value === "string" ? Date.parse(value) : value)) {
          throw new Error("seedTime must be a date string or epoch milliseconds");
        }
        break;
      case "accessToken":
      case "clientId":
      case "clientSecret":
        nonEmpty(key, value);
        break;
      case "controlKey":
        if (typeof value !== "string" || value.length < 16)
          throw new Error("controlKey must be a string of at least 16 characters");
        break;
      case "ratePerMinute":
      case "latencyMs":
        nonNegative(key, value);
        break;
      case "faultRate":
        rate(key, value);
        break;
      case "faultScript":
        if (value !== null) checkFaultScript(value as ScriptedFault[]);
        break;
      case "rateLimit":
      case "readCustomers":
      case "pageCap":
        if (typeof value !== "boolean") throw new Error(`${key} must be true or false`);
        break;
      case "planMultiplier":
        if (value !== 1 && value !== 10) throw new Error("planMultiplier must be 1 or 10");
        break;
      case "pastLastPage":
        if (value !== "empty" && value !== "404") throw new Error('pastLastPage must be "empty" or "404"');
        break;
      case "oauthRedirectUrl":
        if (typeof value !== "string" || !URL.canParse(value))
          throw new Error("oauthRedirectUrl must be a URL");
        break;
      case "webhook":
        if (value !== null) checkWebhook(value as WebhookOptions);
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
    if (f.afterApply && f.status === 429)
      throw new Error(`${at}.afterApply is for 5xx only (a 429 applies nothing)`);
  });
}

const WEBHOOK_KEYS = new Set([
  "delayMs",
  "timeoutMs",
  "duplicateRate",
  "dropRate",
  "reorder",
  "signature",
  "timeScale",
]);

function checkWebhook(webhook: WebhookOptions): void {
  if (typeof webhook !== "object" || webhook === null) throw new Error("webhook must be an object");
  for (const key of Object.keys(webhook)) {
    if (key === "url") {
      throw new Error(
        "webhook.url is gone: register webhooks with POST /webhooks and map their origin with the hosts option",
      );
    }
    if (!WEBHOOK_KEYS.has(key)) throw new Error(`unknown option webhook.${key}`);
  }
  for (const key of ["delayMs", "timeoutMs"] as const) {
    if (webhook[key] !== undefined) nonNegative(`webhook.${key}`, webhook[key]);
  }
  for (const key of ["duplicateRate", "dropRate"] as const) {
    if (webhook[key] !== undefined) rate(`webhook.${key}`, webhook[key]);
  }
  if (webhook.reorder !== undefined && typeof webhook.reorder !== "boolean")
    throw new Error("webhook.reorder must be true or false");
  if (webhook.timeScale !== undefined && !(typeof webhook.timeScale === "number" && webhook.timeScale > 0)) {
    throw new Error("webhook.timeScale must be a number > 0");
  }
  if (webhook.signature !== undefined && !["valid", "invalid", "missing"].includes(webhook.signature)) {
    throw new Error('webhook.signature must be "valid", "invalid" or "missing"');
  }
}

/** Origins only (no path): the public one https, the loopback one http(s). Throws on the first bad entry. */
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
    storeId: options.storeId ?? DEFAULTS.storeId,
    accessToken: options.accessToken ?? DEFAULTS.accessToken,
    clientId: options.clientId ?? DEFAULTS.clientId,
    clientSecret: options.clientSecret ?? DEFAULTS.clientSecret,
    orders: options.orders ?? DEFAULTS.orders,
    seed: options.seed ?? DEFAULTS.seed,
    seedTime:
      seedTime === undefined
        ? defaultSeedTime()
        : typeof seedTime === "string"
          ? Date.parse(seedTime)
          : seedTime,
    ratePerMinute: options.ratePerMinute ?? 0,
    rateLimit: options.rateLimit ?? true,
    planMultiplier: options.planMultiplier ?? 1,
    faultRate: options.faultRate ?? 0,
    faultScript: options.faultScript ?? null,
    latencyMs: options.latencyMs ?? 0,
    readCustomers: options.readCustomers ?? true,
    pastLastPage: options.pastLastPage ?? "404",
    pageCap: options.pageCap ?? false,
    webhook: options.webhook ?? undefined,
    hosts: options.hosts ? normalizeHosts(options.hosts) : {},
    oauthRedirectUrl: options.oauthRedirectUrl,
    controlKey: options.controlKey ?? crypto.randomBytes(16).toString("hex"),
  };
}

// The HTTP side: the site's switches (down, suspended, a host's rate limit), key auth per route
// (auth.ts), faults, the request log, and the control plane (/__control, /__log) behind the control
// key in X-Simulator-Key. Listens on 127.0.0.1 only.
// - A PHP fatal error on a REST request: 500 {"code":"internal_server_error","message":"<p>There has
//   been a critical error on this website.</p>…","data":{"status":500},"additional_errors":[]}
//   (WordPress's fatal error handler answers JSON to REST requests).
// - The site down (siteDown) answers that 500 to every request. [U] A suspended hosting account
//   answers 503 with the host's HTML page; 502/504 come from the host's proxy as HTML; the optional
//   host rate limit answers 429 with Retry-After in seconds and an HTML body.
// - A body that is not JSON: 400 rest_invalid_json "Invalid JSON body passed." (WP_REST_Request).
import crypto from "node:crypto";
import http from "node:http";
import type { FaultScript } from "../shared/fault-script.ts";
import type { Random } from "../shared/random.ts";
import { authenticate, type Keys } from "./auth.ts";
import { ApiError, noRoute, type Reply, wcError } from "./http.ts";
import type { Settings } from "./options.ts";
import { phpJson } from "./php-json.ts";
import { API_PREFIX, type Route } from "./routes.ts";
import type { Json, RequestLogEntry, ScriptedFault } from "./types.ts";

const MAX_BODY = 2 * 1024 * 1024;
const LOGGED = ["authorization", "content-type", "accept", "user-agent"];

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > 20_000) this.entries.shift();
  }
  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e, query: { ...e.query }, headers: { ...e.headers } }));
  }
  clear(): void {
    this.entries = [];
  }
}

/** A per-minute window for the optional host-style rate limit. */
export class MinuteWindow {
  private start = 0;
  private used = 0;
  take(limit: number, now = Date.now()): boolean {
    if (now - this.start >= 60_000) {
      this.start = now;
      this.used = 0;
    }
    this.used += 1;
    return this.used <= limit;
  }
}

export interface ServerParts {
  settings(): Settings;
  keys: Keys;
  resolve(method: string, path: string): Route | null;
  authorize(query: URLSearchParams): Promise<Reply>;
  faults: FaultScript<ScriptedFault>;
  chaos: Random;
  log: RequestLog;
  window: MinuteWindow;
  control(method: string, path: string, body: Json): Reply | Promise<Reply>;
}

const html = (status: number, title: string, text: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers,
  raw: {
    contentType: "text/html; charset=UTF-8",
    text: `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`,
  },
});

const criticalError = (): Reply => ({
  status: 500,
  body: {
    code: "internal_server_error",
    message:
      '<p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p>',
    data: { status: 500 },
    additional_errors: [],
  },
});

function faultReply(status: number, retryAfter = 60): Reply {
  if (status === 500) return criticalError();
  if (status === 429)
    return html(429, "429 Too Many Requests", "Too many requests.", { "retry-after": String(retryAfter) });
  if (status === 503)
    return html(503, "503 Service Unavailable", "The server is temporarily unable to service your request.");
  return html(status, `${status} ${status === 502 ? "Bad Gateway" : "Gateway Time-out"}`, "nginx");
}

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | "too large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY ? "too large" : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseBody(req: http.IncomingMessage, raw: Buffer): Json {
  if (raw.length === 0) return {};
  const type = String(req.headers["content-type"] ?? "");
  if (type.includes("application/x-www-form-urlencoded"))
    return Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
  try {
    const value = JSON.parse(raw.toString("utf8")) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
  } catch {
    throw wcError(400, "rest_invalid_json", "Invalid JSON body passed.", {
      json_error_code: 4,
      json_error_message: "Syntax error",
    });
  }
}

export function createApiServer(parts: ServerParts): http.Server {
  async function api(req: http.IncomingMessage, url: URL, raw: Buffer, origin: string): Promise<Reply> {
    const settings = parts.settings();
    if (settings.siteDown) return criticalError();
    if (settings.suspended) return html(503, "Account Suspended", "This account has been suspended.");
    const limit = settings.hostRateLimit;
    if (limit && !parts.window.take(limit.perMinute)) return faultReply(429, limit.retryAfterSeconds ?? 60);
    if (settings.latencyMs > 0) await new Promise((r) => setTimeout(r, settings.latencyMs));
    const method = (req.method ?? "GET").toUpperCase();
    if (url.pathname.replace(/\/+$/, "") === "/wc-auth/v1/authorize" && method === "GET")
      return parts.authorize(url.searchParams);
    if (!url.pathname.startsWith(`${API_PREFIX}/`) && url.pathname !== API_PREFIX)
      return html(404, "Página não encontrada", "Nada foi encontrado neste endereço.");
    const route = parts.resolve(method, url.pathname);
    if (!route) throw noRoute();
    authenticate(req, url.searchParams, parts.keys, route.action, settings.unauthorized);
    const scripted = parts.faults.next(method, url.pathname);
    if (scripted && !scripted.afterApply) return faultReply(scripted.status, scripted.retryAfterSeconds);
    if (!scripted && settings.faultRate > 0 && parts.chaos.chance(settings.faultRate))
      return faultReply(parts.chaos.pick([500, 502, 503, 504]));
    const body = parseBody(req, raw);
    let reply: Reply;
    try {
      reply = await route.run({ method, path: url.pathname, query: url.searchParams, body, origin });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      reply = { status: e.status, body: e.body, headers: e.headers };
    }
    // afterApply: the change is made, the answer is lost on the way back.
    if (scripted) return faultReply(scripted.status);
    if (
      reply.status < 300 &&
      reply.body !== undefined &&
      settings.badJsonRate > 0 &&
      parts.chaos.chance(settings.badJsonRate)
    ) {
      const text = phpJson(reply.body);
      return {
        status: reply.status,
        headers: reply.headers,
        raw: {
          contentType: "application/json; charset=UTF-8",
          text: text.slice(0, Math.floor(text.length / 2)),
        },
      };
    }
    return reply;
  }

  async function control(req: http.IncomingMessage, url: URL, raw: Buffer): Promise<Reply> {
    if (!sameSecret(req.headers["x-simulator-key"], parts.settings().controlKey))
      return {
        status: 401,
        body: { error: "the control endpoints need the simulator's control key in X-Simulator-Key" },
      };
    const method = req.method ?? "GET";
    if (url.pathname === "/__log") {
      if (method === "DELETE") {
        parts.log.clear();
        return { status: 200, body: {} };
      }
      return { status: 200, body: parts.log.list() };
    }
    if (url.pathname === "/__control" || url.pathname.startsWith("/__control/")) {
      try {
        const body = raw.length === 0 ? {} : (JSON.parse(raw.toString("utf8")) as Json);
        return await parts.control(method, url.pathname.slice("/__control".length) || "/", body);
      } catch (e) {
        if (e instanceof ApiError) return { status: e.status, body: e.body };
        return { status: 400, body: { error: (e as Error).message } };
      }
    }
    return { status: 404, body: { error: "unknown control endpoint (try /__log or /__control)" } };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = new Date().toISOString();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    const raw = await readBody(req);
    if (raw === "too large") {
      send(res, html(413, "413 Request Entity Too Large", "nginx"));
      return;
    }
    if (url.pathname.startsWith("/__")) {
      send(res, await control(req, url, raw)); // the control plane stays out of the log it serves
      return;
    }
    let reply: Reply;
    try {
      reply = await api(req, url, raw, origin);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      reply = { status: e.status, body: e.body, headers: e.headers };
    }
    send(res, reply);
    const headers: Record<string, string> = {};
    for (const name of LOGGED) {
      const value = req.headers[name];
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    parts.log.add({
      at,
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: reply.status,
      headers,
    });
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        send(res, {
          status: 500,
          body: { code: "simulator_bug", message: (e as Error).message, data: { status: 500 } },
        });
      else res.destroy();
    });
  });
}

function send(res: http.ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let text = "";
  if (reply.raw) {
    headers["content-type"] = reply.raw.contentType;
    text = reply.raw.text;
  } else if (reply.body !== undefined && reply.status !== 204) {
    headers["content-type"] = "application/json; charset=UTF-8";
    text = phpJson(reply.body);
  }
  headers["content-length"] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers);
  res.end(text);
}

// The HTTP side: auth with X-VTEX-API-AppKey + X-VTEX-API-AppToken on every API call (401 with the
// OMS body of OpenAPI "Start handling order" when wrong or missing), the suspended account, the
// rate limits, faults, the request log, and the control plane (/__control, /__log) behind the
// control key in X-Simulator-Key. Listens on 127.0.0.1 only.
import crypto from "node:crypto";
import http from "node:http";
import type { FaultScript } from "../shared/fault-script.ts";
import type { Random } from "../shared/random.ts";
import { ApiError, type Reply } from "./http.ts";
import type { Settings } from "./options.ts";
import type { MinuteWindow } from "./rate-limit.ts";
import { type ApiRequest, isGetOrder } from "./routes.ts";
import type { Json, RequestLogEntry } from "./types.ts";

const MAX_BODY = 2 * 1024 * 1024;
/** Headers the request log keeps. */
const LOGGED = ["x-vtex-api-appkey", "x-vtex-api-apptoken", "content-type", "accept", "user-agent"];

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

export interface ServerParts {
  settings(): Settings;
  router(req: ApiRequest): Promise<Reply>;
  getOrderWindow: MinuteWindow;
  faults: FaultScript;
  chaos: Random;
  log: RequestLog;
  /** Control plane: the path after /__control, the method and the parsed body. */
  control(method: string, path: string, body: Json): Reply;
}

const oms = (status: number, code: string, message: string): Reply => ({
  status,
  body: { error: { code, message, exception: null } },
});

function faultReply(status: number): Reply {
  // Gateways in front of the OMS answer 502/504 with an HTML page, not JSON.
  if (status === 502 || status === 504)
    return {
      status,
      raw: { contentType: "text/html", text: `<html><body><h1>${status} Gateway error</h1></body></html>` },
    };
  return oms(status, String(status), status === 503 ? "Service Unavailable" : "Internal Server Error");
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

export function createApiServer(parts: ServerParts): http.Server {
  async function api(req: http.IncomingMessage, url: URL, raw: Buffer): Promise<Reply> {
    const settings = parts.settings();
    if (settings.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.latencyMs));
    const appKey = req.headers["x-vtex-api-appkey"];
    if (
      settings.unauthorized ||
      !sameSecret(appKey, settings.appKey) ||
      !sameSecret(req.headers["x-vtex-api-apptoken"], settings.appToken)
    ) {
      return oms(401, "1", "Unauthorized access");
    }
    // [U] The docs say nothing of a blocked (unpaid) account's answer; the simulator answers 402.
    if (settings.suspended) return oms(402, "1", "The account is suspended (payment required)");
    const method = req.method ?? "GET";
    const path = url.pathname;
    const tooMany = (): Reply => ({
      ...oms(429, "429", "Too Many Requests"),
      headers: { "retry-after": String(settings.retryAfterSeconds) },
    });
    const scripted = parts.faults.next(method, path);
    if (scripted?.status === 429) return tooMany();
    if (scripted && !scripted.afterApply) return faultReply(scripted.status);
    if (!scripted && settings.faultRate > 0 && parts.chaos.chance(settings.faultRate))
      return faultReply(parts.chaos.pick([500, 502, 503, 504]));
    if (settings.rateLimit && isGetOrder(method, path) && !parts.getOrderWindow.take()) return tooMany();
    let body: Json = {};
    if (["POST", "PUT", "PATCH"].includes(method) && raw.length > 0) {
      try {
        body = JSON.parse(raw.toString("utf8")) as Json;
      } catch {
        return oms(400, "1", "The request body is not valid JSON");
      }
    }
    let reply: Reply;
    try {
      reply = await parts.router({ method, path, query: url.searchParams, body, appKey: appKey as string });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      reply = { status: e.status, body: e.body };
    }
    // afterApply: the change is made, the answer is lost on the way back.
    if (scripted) return faultReply(scripted.status);
    if (
      reply.status === 200 &&
      reply.body !== undefined &&
      settings.badJsonRate > 0 &&
      parts.chaos.chance(settings.badJsonRate)
    ) {
      const text = JSON.stringify(reply.body);
      return {
        status: 200,
        raw: {
          contentType: "application/json; charset=utf-8",
          text: text.slice(0, Math.floor(text.length / 2)),
        },
      };
    }
    return reply;
  }

  function control(req: http.IncomingMessage, url: URL, raw: Buffer): Reply {
    if (!sameSecret(req.headers["x-simulator-key"], parts.settings().controlKey))
      return oms(401, "1", "The control endpoints need the simulator's control key in X-Simulator-Key");
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
        return parts.control(method, url.pathname.slice("/__control".length) || "/", body);
      } catch (e) {
        return { status: 400, body: { error: (e as Error).message } };
      }
    }
    return oms(404, "1", "Unknown control endpoint (try /__log or /__control)");
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = new Date().toISOString();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(req);
    if (raw === "too large") {
      send(res, oms(413, "1", "The request body is too large"));
      return;
    }
    if (url.pathname.startsWith("/__")) {
      send(res, control(req, url, raw)); // the control plane stays out of the log it serves
      return;
    }
    const reply = await api(req, url, raw);
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
      if (!res.headersSent) send(res, oms(500, "500", `simulator bug: ${(e as Error).message}`));
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
    headers["content-type"] = "application/json; charset=utf-8";
    text = JSON.stringify(reply.body);
  }
  headers["content-length"] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers);
  res.end(text);
}

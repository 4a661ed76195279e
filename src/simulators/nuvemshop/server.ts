// The HTTP server: routing between the API, the OAuth endpoints and the /__ control endpoints
// (only with the control key: they show the signing secret, the token and every request),
// the request checks in Nuvemshop's order (store → 401 → User-Agent → rate limit → faults →
// 402 → 415 → bad JSON), rate-limit headers on every API answer, and the request log.
import crypto from "node:crypto";
import http from "node:http";
import type { FaultScript } from "../shared/fault-script.ts";
import type { Random } from "../shared/random.ts";
import { ApiError, type Reply } from "./http.ts";
import type { AppCredentials, OAuth } from "./oauth.ts";
import type { Settings } from "./options.ts";
import type { LeakyBucket } from "./rate-limit.ts";
import type { ApiRequest } from "./routes.ts";
import type { Json, RequestLogEntry } from "./types.ts";

const MAX_BODY = 1_000_000;
const MAX_LOG = 100_000;

export interface ServerParts {
  settings: () => Settings;
  bucket: LeakyBucket;
  router: (request: ApiRequest) => Reply;
  oauth: OAuth;
  suspended: () => boolean;
  /** Random source for faults (separate from the data seed). */
  chaos: Random;
  /** Scripted fault window (option faultScript). */
  faults: FaultScript;
  log: RequestLog;
  /** What the control endpoints require in X-Simulator-Key. */
  controlKey: () => string;
  /** POST /__control: applies a settings patch; returns the current settings. */
  control: (body: Json) => Json;
  /** GET /__control */
  state: () => Json;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_LOG) this.entries.splice(0, this.entries.length - MAX_LOG);
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e, query: { ...e.query }, headers: { ...e.headers } }));
  }

  clear(): void {
    this.entries = [];
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const error = (status: number, message: string, description: string): Reply => ({
  status,
  body: { code: status, message, description },
});

/** `Authentication: bearer T` (the documented header) or `Authorization: Bearer T`. */
function tokenOf(req: http.IncomingMessage): string | undefined {
  for (const name of ["authentication", "authorization"]) {
    const value = req.headers[name];
    const match = typeof value === "string" ? /^\s*bearer\s+(\S+)\s*$/i.exec(value) : null;
    if (match) return match[1];
  }
  return undefined;
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

function faultReply(status: number): Reply {
  if (status === 500)
    return error(500, "Internal Server Error", "Something went wrong, please try again later");
  if (status === 503) return error(503, "Service Unavailable", "The service is temporarily unavailable");
  // Gateways answer with their own HTML page, not JSON.
  const title = status === 502 ? "502 Bad Gateway" : "504 Gateway Time-out";
  const text = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, raw: { contentType: "text/html", text } };
}

type Parsed = { body: Json; reply?: undefined } | { body?: undefined; reply: Reply };

function parseJsonBody(req: http.IncomingMessage, raw: Buffer): Parsed {
  if (raw.length === 0) return { body: {} };
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  if (!type.includes("application/json")) {
    return {
      reply: error(
        415,
        "Unsupported Media Type",
        "The request body must be sent as Content-Type: application/json",
      ),
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    return { reply: { status: 400, body: { error: "Problems parsing JSON" } } };
  }
  if (parsed === null) return { body: {} };
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    return { reply: error(422, "Unprocessable Entity", "The request body must be a JSON object") };
  }
  return { body: parsed as Json };
}

export function createApiServer(parts: ServerParts): http.Server {
  async function api(req: http.IncomingMessage, url: URL, raw: Buffer): Promise<Reply> {
    const settings = parts.settings();
    const match = /^\/(v1|2025-03)\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!match) return error(404, "Not Found", "The requested resource could not be found");
    if (settings.latencyMs > 0) await sleep(settings.latencyMs);
    const rateHeaders = (reply: Reply): Reply => ({
      ...reply,
      headers: { ...parts.bucket.headers(), ...reply.headers },
    });
    if (match[2] !== String(settings.storeId)) return rateHeaders(error(404, "Not Found", "Store not found"));
    if (tokenOf(req) !== settings.accessToken)
      return rateHeaders(error(401, "Unauthorized", "Invalid access token"));
    if (!req.headers["user-agent"]) {
      return rateHeaders(
        error(400, "Bad Request", "A User-Agent header is required, e.g. 'MyApp (name@email.com)'"),
      );
    }
    const method = req.method === "HEAD" ? "GET" : (req.method ?? "GET");
    const tooMany = () =>
      rateHeaders(
        error(429, "Too Many Requests", "You have exceeded the rate limit. Please try again later"),
      );
    // Full bucket: 429, and (as on Nuvemshop) no Retry-After; x-rate-limit-reset says when to come back.
    if (!parts.bucket.take()) return tooMany();
    const scripted = parts.faults.next(method, match[3] ?? "/");
    if (scripted?.status === 429) return tooMany();
    if (scripted && !scripted.afterApply) return rateHeaders(faultReply(scripted.status));
    if (!scripted && settings.faultRate > 0 && parts.chaos.chance(settings.faultRate))
      return rateHeaders(faultReply(parts.chaos.pick([500, 502, 503, 504])));
    if (parts.suspended()) {
      return rateHeaders(error(402, "Payment Required", "The store or app is suspended for lack of payment"));
    }
    let body: Json = {};
    if (["POST", "PUT", "PATCH"].includes(method)) {
      const parsed = parseJsonBody(req, raw);
      if (parsed.reply) return rateHeaders(parsed.reply);
      body = parsed.body;
    }
    let reply: Reply;
    try {
      reply = parts.router({ method, path: match[3] ?? "/", query: url.searchParams, body, selfUrl: url });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      reply = { status: e.status, body: e.body };
    }
    // afterApply: the change is made, the answer is lost on the way back.
    return rateHeaders(scripted ? faultReply(scripted.status) : reply);
  }

  function apps(req: http.IncomingMessage, url: URL, raw: Buffer): Reply | undefined {
    const s = parts.settings();
    const app: AppCredentials = {
      clientId: s.clientId,
      clientSecret: s.clientSecret,
      accessToken: s.accessToken,
      storeId: s.storeId,
      readCustomers: s.readCustomers,
    };
    if (req.method === "POST" && url.pathname === "/apps/authorize/token") {
      const type = String(req.headers["content-type"] ?? "").toLowerCase();
      const text = raw.toString("utf8");
      let params: Json;
      if (type.includes("application/json")) {
        try {
          params = JSON.parse(text) as Json;
        } catch {
          return { status: 400, body: { error: "Problems parsing JSON" } };
        }
      } else {
        params = Object.fromEntries(new URLSearchParams(text));
      }
      return parts.oauth.exchange(params ?? {}, app);
    }
    const authorize = /^\/apps\/([^/]+)\/authorize$/.exec(url.pathname);
    if ((req.method === "GET" || req.method === "HEAD") && authorize) {
      return parts.oauth.authorize(
        decodeURIComponent(authorize[1]!),
        url.searchParams,
        app,
        s.oauthRedirectUrl,
      );
    }
    return undefined;
  }

  /** The request carries the control key (compared in constant time). */
  function hasControlKey(req: http.IncomingMessage): boolean {
    const given = req.headers["x-simulator-key"];
    if (typeof given !== "string") return false;
    const a = crypto.createHash("sha256").update(given).digest();
    const b = crypto.createHash("sha256").update(parts.controlKey()).digest();
    return crypto.timingSafeEqual(a, b);
  }

  function control(req: http.IncomingMessage, url: URL, raw: Buffer): Reply {
    if (!hasControlKey(req)) {
      return error(
        401,
        "Unauthorized",
        "The control endpoints need the simulator's control key in X-Simulator-Key",
      );
    }
    if (url.pathname === "/__log" && req.method === "DELETE") {
      parts.log.clear();
      return { status: 200, body: {} };
    }
    if (url.pathname === "/__log") return { status: 200, body: parts.log.list() };
    if (url.pathname === "/__control" && req.method === "POST") {
      try {
        const body = raw.length === 0 ? {} : (JSON.parse(raw.toString("utf8")) as Json);
        return { status: 200, body: parts.control(body) };
      } catch (e) {
        return { status: 400, body: { error: (e as Error).message } };
      }
    }
    if (url.pathname === "/__control") return { status: 200, body: parts.state() };
    return error(404, "Not Found", "Unknown control endpoint (try /__log or /__control)");
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = new Date().toISOString();
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const raw = await readBody(req);
    let reply: Reply;
    if (raw === "too large") reply = error(413, "Payload Too Large", "The request body is too large");
    else if (url.pathname.startsWith("/__")) {
      send(res, control(req, url, raw), req.method === "HEAD");
      return; // the control plane stays out of the log it serves
    } else if (url.pathname.startsWith("/apps/")) {
      reply = apps(req, url, raw) ?? error(404, "Not Found", "The requested resource could not be found");
    } else {
      reply = await api(req, url, raw);
    }
    send(res, reply, req.method === "HEAD");
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
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
        send(res, error(500, "Internal Server Error", `simulator bug: ${(e as Error).message}`), false);
      else res.destroy();
    });
  });
}

function send(res: http.ServerResponse, reply: Reply, head: boolean): void {
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
  res.end(head ? undefined : text);
}

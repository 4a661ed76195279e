// Outbound calls to URLs a person configured (push channels: XML post, webhook), guarded against
// SSRF. A URL must be https (http only to loopback, and only with the development flag
// PONTE_ALLOW_HTTP_LOOPBACK), carry no credentials, use port 443 or an unprivileged one, and
// every address its host has must be public unicast (net/ip-address.ts). The check is made on
// the address actually connected to: the request resolves its host through guardedLookup, which
// refuses before any socket opens, so a DNS answer that changes between the check and the
// connection (rebinding) cannot slip through. Redirects are never followed (a 3xx is returned
// as is and the caller treats it as a failure); every call has a deadline and reads at most
// maxResponseBytes of the answer.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { ADDRESS_CLASS_PT, type AddressClass, classifyAddress } from "./ip-address.ts";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface UrlPolicy {
  /** PONTE_ALLOW_HTTP_LOOPBACK: http:// and loopback addresses are allowed (development only). */
  allowHttpLoopback: boolean;
  /** Name resolution; default: the system resolver, every address. Tests inject their own. */
  resolve?: Resolver;
}

export type UnsafeReason = "invalid_url" | "scheme" | "credentials" | "port" | "address" | "unresolvable";

/** A URL Ponte will not call, with the reason in English (message) and pt-BR (reasonPt). */
export class UnsafeUrlError extends Error {
  readonly reason: UnsafeReason;
  readonly reasonPt: string;
  constructor(reason: UnsafeReason, message: string, reasonPt: string) {
    super(message);
    this.name = "UnsafeUrlError";
    this.reason = reason;
    this.reasonPt = reasonPt;
  }
}

const systemResolver: Resolver = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, "$1");

/** Shape checks that need no DNS: scheme, credentials, port. */
export function parseTargetUrl(raw: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("invalid_url", "not a valid URL", "URL inválida");
  }
  if (url.protocol === "http:") {
    if (!policy.allowHttpLoopback) {
      throw new UnsafeUrlError("scheme", "only https URLs are allowed", "Use uma URL https://");
    }
  } else if (url.protocol !== "https:") {
    throw new UnsafeUrlError("scheme", "only https URLs are allowed", "Use uma URL https://");
  }
  if (url.username || url.password) {
    throw new UnsafeUrlError(
      "credentials",
      "URLs with a user or password are not allowed",
      "A URL não pode conter usuário ou senha",
    );
  }
  // Privileged ports other than HTTPS's are other services (SMTP, SSH…), never a web hook.
  const port = url.port === "" ? null : Number(url.port);
  if (port !== null && port !== 443 && port < 1024 && !(policy.allowHttpLoopback && port === 80)) {
    throw new UnsafeUrlError(
      "port",
      `port ${port} is not allowed (443 or 1024–65535)`,
      `Porta ${port} não permitida (use 443 ou de 1024 a 65535)`,
    );
  }
  return url;
}

/** Throws unless `address` may be called over `protocol` under the policy. */
function checkAddress(address: string, protocol: string, policy: UrlPolicy): void {
  const kind: AddressClass = classifyAddress(address);
  if (kind === "loopback" && policy.allowHttpLoopback) return;
  if (kind !== "public") {
    throw new UnsafeUrlError(
      "address",
      `the address ${address} is not public (${kind})`,
      `A URL aponta para ${ADDRESS_CLASS_PT[kind]} (${address})`,
    );
  }
  if (protocol === "http:") {
    throw new UnsafeUrlError(
      "scheme",
      "http is allowed only to loopback addresses (development)",
      "http:// só é aceito para a própria máquina, em desenvolvimento; use https://",
    );
  }
}

async function resolveChecked(hostname: string, protocol: string, policy: UrlPolicy) {
  let found: ResolvedAddress[];
  try {
    found = await (policy.resolve ?? systemResolver)(hostname);
  } catch (error) {
    throw new UnsafeUrlError(
      "unresolvable",
      `the host ${hostname} does not resolve: ${(error as Error).message}`,
      `O endereço ${hostname} não foi encontrado (DNS)`,
    );
  }
  if (found.length === 0) {
    throw new UnsafeUrlError(
      "unresolvable",
      `the host ${hostname} has no address`,
      `O endereço ${hostname} não foi encontrado (DNS)`,
    );
  }
  // Every address must pass, not just the first: the connection may use any of them.
  for (const a of found) checkAddress(a.address, protocol, policy);
  return found;
}

/**
 * The whole check, for saving a URL: its shape, then every address its host resolves to now.
 * Sending checks again, on the addresses it connects to (guardedLookup).
 */
export async function checkTargetUrl(raw: string, policy: UrlPolicy): Promise<URL> {
  const url = parseTargetUrl(raw, policy);
  const host = bare(url.hostname);
  if (net.isIP(host)) checkAddress(host, url.protocol, policy);
  else await resolveChecked(host, url.protocol, policy);
  return url;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for net/http that resolves, refuses the host when any address is not allowed,
 * and hands the socket exactly the addresses it checked.
 */
export function guardedLookup(protocol: string, policy: UrlPolicy) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    resolveChecked(hostname, protocol, policy).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : null;
        const usable = wanted ? found.filter((a) => a.family === wanted) : found;
        if (usable.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`no IPv${wanted} address for ${hostname}`);
          error.code = "ENOTFOUND";
          callback(error, "");
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: Error) => callback(error, ""),
    );
  };
}

export interface SafeRequest {
  method: "POST" | "GET";
  headers: Record<string, string>;
  body?: string | Buffer;
  timeoutMs: number;
  /** Bytes of the answer kept; the rest is not read (the connection is closed). */
  maxResponseBytes: number;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The answer's first maxResponseBytes, as text. */
  body: string;
  truncated: boolean;
}

/** Thrown when the call did not get an answer: timeout, refused connection, DNS failure. */
export class RequestFailedError extends Error {
  readonly timedOut: boolean;
  constructor(message: string, timedOut: boolean, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "RequestFailedError";
    this.timedOut = timedOut;
  }
}

/**
 * One request to a configured URL, under the policy. Throws UnsafeUrlError when the URL or any
 * address of its host is not allowed (before connecting), RequestFailedError when no answer came.
 */
export async function safeRequest(
  raw: string,
  request: SafeRequest,
  policy: UrlPolicy,
): Promise<SafeResponse> {
  const url = parseTargetUrl(raw, policy);
  const host = bare(url.hostname);
  // A literal address is never looked up (Node connects to it directly): check it here.
  if (net.isIP(host)) checkAddress(host, url.protocol, policy);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<SafeResponse>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, response?: SafeResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve(response!);
    };
    const req = client.request(
      url,
      {
        method: request.method,
        headers: request.headers,
        lookup: guardedLookup(url.protocol, policy) as unknown as net.LookupFunction,
        agent: false, // a fresh connection each time: every one goes through guardedLookup
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const done = () =>
          finish(null, {
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            truncated,
          });
        res.on("data", (chunk: Buffer) => {
          if (truncated) return;
          const room = request.maxResponseBytes - size;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, Math.max(0, room)));
            size = request.maxResponseBytes;
            truncated = true;
            done();
            res.destroy();
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", done);
        res.on("error", (error) =>
          finish(new RequestFailedError(`reading the answer failed: ${error.message}`, false, error)),
        );
      },
    );
    const deadline = setTimeout(() => {
      finish(new RequestFailedError(`no answer within ${request.timeoutMs} ms`, true));
      req.destroy();
    }, request.timeoutMs);
    req.on("error", (error) => {
      if (error instanceof UnsafeUrlError) finish(error);
      else
        finish(
          new RequestFailedError(`${request.method} ${url.host} failed: ${error.message}`, false, error),
        );
    });
    req.end(request.body);
  });
}

// What the HTTP server grants one client: time to send its request, to sit idle, to keep a
// connection for the next request, and how many bytes of body each kind of route reads. A client
// that trickles its body or sends a huge one cannot hold a connection or memory for long.
import type { Config } from "../config.ts";

export interface HttpTimeouts {
  /** Headers and body must arrive within it: 408 and the connection closes (Node's requestTimeout). */
  requestMs: number;
  /** Headers alone must arrive within it (Node's headersTimeout). */
  headersMs: number;
  /** No bytes either way for this long closes the connection (Fastify's connectionTimeout). */
  idleMs: number;
  /** Wait for the next request on a kept-alive connection (keepAliveTimeout). */
  keepAliveMs: number;
}

/** Headers are a few hundred bytes: 10 s is plenty, and never more than the whole request. */
const HEADERS_MS = 10_000;

export function httpTimeouts(
  config: Pick<Config, "requestTimeoutMs" | "idleTimeoutMs" | "keepAliveTimeoutMs">,
): HttpTimeouts {
  return {
    requestMs: config.requestTimeoutMs,
    headersMs: Math.min(HEADERS_MS, config.requestTimeoutMs),
    idleMs: config.idleTimeoutMs,
    keepAliveMs: config.keepAliveTimeoutMs,
  };
}

/** Fastify's server options for these timeouts. */
export function serverTimeouts(t: HttpTimeouts) {
  return {
    requestTimeout: t.requestMs,
    connectionTimeout: t.idleMs,
    keepAliveTimeout: t.keepAliveMs,
    http: {
      requestTimeout: t.requestMs,
      headersTimeout: t.headersMs,
      // Node checks both timeouts on this period (30 s by default): a tenth of the request timeout
      // cuts a slow request close to its deadline.
      connectionsCheckingInterval: Math.min(5_000, Math.max(50, Math.floor(t.requestMs / 10))),
    },
  };
}

const KiB = 1024;

/** The body each kind of route reads; past it, 413 `payload_too_large` before anything else runs. */
export const BODY_LIMITS = {
  /** A form's fields: every API route unless it says otherwise. */
  api: 64 * KiB,
  /** A platform's webhook notice: they carry ids (privacy ones a short list of orders). */
  webhook: 64 * KiB,
  /** A whole table saved at once (DE-PARA tables, Envio à loja, Reprocessar many): 50 × 50 values fit. */
  table: 512 * KiB,
  /** A document: an e-mail template (two parts of 100,000 characters), a raw order payload to preview. */
  document: 1024 * KiB,
} as const;

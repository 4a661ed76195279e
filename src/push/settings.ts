// How pushes are sent and retried. From the configuration, with the fixed limits beside it;
// tests replace fields on ctx.push (a short backoff, a fake resolver) to run fast.
import type { Config } from "../config.ts";
import type { Resolver, UrlPolicy } from "../net/safe-fetch.ts";

export interface PushSettings {
  /** Sends of one push before it is marked failed. */
  maxAttempts: number;
  /** First wait between attempts; doubled each time, up to maxDelayMs, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is cut to it (a receiver cannot park a push for days). */
  maxRetryAfterMs: number;
  /** Per request to a platform or a configured URL. */
  timeoutMs: number;
  /** Bytes of a configured URL's answer read (kept for the error message). */
  maxResponseBytes: number;
  /** PONTE_ALLOW_HTTP_LOOPBACK. */
  allowHttpLoopback: boolean;
  /** DNS for the URL checks; the system resolver when unset. */
  resolve?: Resolver;
}

export function pushSettings(config: Config): PushSettings {
  return {
    maxAttempts: config.pushMaxAttempts,
    baseDelayMs: config.pushBackoffMs,
    maxDelayMs: 20 * 60_000,
    maxRetryAfterMs: 60 * 60_000,
    timeoutMs: 15_000,
    maxResponseBytes: 64 * 1024,
    allowHttpLoopback: config.allowHttpLoopback,
  };
}

export const urlPolicy = (settings: PushSettings): UrlPolicy => ({
  allowHttpLoopback: settings.allowHttpLoopback,
  resolve: settings.resolve,
});

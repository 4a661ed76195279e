// The webhook emitter (§1.7): each event goes to every subscription registered for it (one
// delivery each, and nowhere else), as a thin JSON body signed with a hex HMAC-SHA256 of the raw
// bytes, a 3 s timeout, and Nuvemshop's retry schedule (once right away, then ~5, 10 and 15 min,
// then each wait ×1.4, up to 18 attempts or 48 h), divided by timeScale. Fault switches: delay,
// duplicates, drops, reordering, and bad or missing signatures.
//
// The simulator does no DNS: a registered URL is reached only when its origin is mapped in the
// `hosts` option to a local origin (a hosts file plus a TLS-terminating tunnel); otherwise the
// attempt fails at once, like an unreachable host, and is retried on the schedule.
import crypto from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { Random } from "../shared/random.ts";
import type { Subscription } from "./subscriptions.ts";
import type { Json, SentWebhook, WebhookOptions } from "./types.ts";

const MINUTE = 60_000;
const MAX_ATTEMPTS = 18;
const MAX_SPAN = 48 * 60 * MINUTE;
/** How long reorder collects deliveries before sending them newest first. */
const REORDER_WINDOW_MS = 100;

/**
 * Offsets (unscaled ms after the first attempt) of every attempt: [0, 0, 5m, 15m, 30m, 51m, …].
 * The 48 h cap ends it at 16 attempts, before the 18-attempt one.
 */
export function retryOffsets(): number[] {
  const offsets = [0, 0];
  let wait = 5 * MINUTE;
  let at = 0;
  while (offsets.length < MAX_ATTEMPTS) {
    at += wait;
    if (at > MAX_SPAN) break;
    offsets.push(at);
    wait = offsets.length <= 4 ? wait + 5 * MINUTE : wait * 1.4;
  }
  return offsets;
}

interface Delivery {
  event: string;
  id: number | string;
  body: string;
  /** app/suspended and app/resumed go out even while the store is suspended. */
  force: boolean;
  /** The subscription it is for, and its URL at the last attempt. */
  hookId: number;
  url: string;
}

/** Where deliveries go: the registered subscriptions (subscriptions.ts). */
export interface DeliveryTargets {
  forEvent(event: string): Subscription[];
  /** The subscription as it is now (a PUT may have moved it); undefined once deleted. */
  current(id: number): Subscription | undefined;
}

export function sign(body: string | Buffer, secret: string): string {
  return crypto.createHmac("sha256", secret).update(body).digest("hex");
}

export class WebhookEmitter {
  private options: WebhookOptions | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<http.ClientRequest>();
  private readonly sent: SentWebhook[] = [];
  private buffer: Delivery[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly offsets = retryOffsets();
  private closed = false;
  /** While suspended (402) the store sends no webhooks. */
  paused = false;

  constructor(
    private readonly storeId: () => number,
    private readonly secret: () => string,
    private readonly rng: Random,
    private readonly targets: DeliveryTargets,
    /** Public origin → local origin (SimulatorOptions.hosts). */
    private readonly hosts: () => Record<string, string>,
  ) {}

  configure(options: WebhookOptions | undefined | null): void {
    this.options = options ?? undefined;
  }

  log(): SentWebhook[] {
    return this.sent.map((entry) => ({ ...entry }));
  }

  /** Queues one event for each of its subscriptions. `extra` adds fields to the thin body (fulfillment_order/*). */
  emit(event: string, id: number | string, extra: Json = {}, force = false): void {
    this.emitBody(event, id, JSON.stringify({ store_id: this.storeId(), event, id, ...extra }), force);
  }

  /** An event whose body is not the thin one (the LGPD notices); `id` names it in the log. Returns the body. */
  emitFields(event: string, id: number | string, fields: Json): string {
    const body = JSON.stringify({ store_id: this.storeId(), event, ...fields });
    this.emitBody(event, id, body, false);
    return body;
  }

  private emitBody(event: string, id: number | string, body: string, force: boolean): void {
    const options = this.options ?? {};
    if (this.closed || (this.paused && !force)) return;
    for (const hook of this.targets.forEvent(event)) {
      const delivery: Delivery = { event, id, body, force, hookId: hook.id, url: hook.url };
      if (options.dropRate && this.rng.chance(options.dropRate)) {
        this.record(delivery, 1, null, true);
        continue;
      }
      const copies = options.duplicateRate && this.rng.chance(options.duplicateRate) ? 2 : 1;
      for (let i = 0; i < copies; i++) {
        if (options.reorder) this.enqueue(delivery);
        else this.later(options.delayMs ?? 0, () => this.attempt(delivery, 1));
      }
    }
  }

  /** Reorder: collect a short window, then send it newest first (order/paid before order/created). */
  private enqueue(delivery: Delivery): void {
    this.buffer.push(delivery);
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      const batch = this.buffer.reverse();
      this.buffer = [];
      // Staggered a little so arrival order follows the (reversed) send order.
      batch.forEach((d, i) => {
        this.later((this.options?.delayMs ?? 0) + i * 15, () => this.attempt(d, 1));
      });
    }, REORDER_WINDOW_MS);
    this.flushTimer.unref();
  }

  private later(ms: number, run: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        run();
      },
      Math.max(0, ms),
    );
    timer.unref();
    this.timers.add(timer);
  }

  private attempt(delivery: Delivery, attempt: number): void {
    if (this.closed) return;
    const hook = this.targets.current(delivery.hookId);
    if (!hook) return; // unsubscribed: its pending retries die with it
    delivery.url = hook.url;
    if (this.paused && !delivery.force) {
      this.retry(delivery, attempt); // no delivery while suspended; the schedule keeps running
      return;
    }
    this.send(this.options ?? {}, delivery).then((status) => {
      this.record(delivery, attempt, status, false);
      if (status === null || status < 200 || status > 299) this.retry(delivery, attempt);
    });
  }

  private retry(delivery: Delivery, attempt: number): void {
    const now = this.offsets[attempt - 1];
    const next = this.offsets[attempt];
    if (now === undefined || next === undefined) return; // out of attempts
    const scale = this.options?.timeScale && this.options.timeScale > 0 ? this.options.timeScale : 1;
    this.later((next - now) / scale, () => this.attempt(delivery, attempt + 1));
  }

  /** The local URL behind a registered one, through the hosts map; null when its origin is not mapped. */
  private route(registered: string): { url: URL; host: string } | null {
    let url: URL;
    try {
      url = new URL(registered);
    } catch {
      return null;
    }
    const local = this.hosts()[url.origin];
    return local ? { url: new URL(`${url.pathname}${url.search}`, local), host: url.host } : null;
  }

  private send(options: WebhookOptions, delivery: Delivery): Promise<number | null> {
    const body = delivery.body;
    return new Promise((resolve) => {
      const target = this.route(delivery.url);
      if (!target) {
        resolve(null); // no route to the host
        return;
      }
      const url = target.url;
      const headers: Record<string, string> = {
        host: target.host, // as a tunnel forwards it
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        "user-agent": "Nuvemshop-Webhooks/1.0 (+ponte simulator)",
      };
      const signature = options.signature ?? "valid";
      if (signature === "valid") headers["x-linkedstore-hmac-sha256"] = sign(body, this.secret());
      if (signature === "invalid")
        headers["x-linkedstore-hmac-sha256"] = sign(body, `${this.secret()}-wrong`);
      const client = url.protocol === "https:" ? https : http;
      const request = client.request(url, { method: "POST", headers, agent: false });
      this.inFlight.add(request);
      let settled = false;
      const done = (status: number | null) => {
        if (settled) return;
        settled = true;
        this.inFlight.delete(request);
        resolve(status);
      };
      request.setTimeout(options.timeoutMs ?? 3000, () => {
        request.destroy();
        done(null);
      });
      request.on("response", (response) => {
        response.resume(); // the body is irrelevant; drain it so the socket closes
        response.on("end", () => done(response.statusCode ?? null));
        response.on("error", () => done(response.statusCode ?? null));
      });
      request.on("error", () => done(null));
      request.end(body);
    });
  }

  private record(delivery: Delivery, attempt: number, status: number | null, dropped: boolean): void {
    const entry: SentWebhook = {
      event: delivery.event,
      id: delivery.id,
      url: delivery.url,
      attempt,
      status,
      at: new Date().toISOString(),
    };
    if (dropped) entry.dropped = true;
    this.sent.push(entry);
    if (this.sent.length > 50_000) this.sent.shift();
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const request of this.inFlight) request.destroy();
    this.inFlight.clear();
  }
}

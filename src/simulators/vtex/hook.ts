// Orders Hook (Feed v3 guide, "Hook"; Orders API OpenAPI "Create or update hook configuration"):
// one hook per appKey, {filter, hook{url, headers}}. Saving POSTs {"hookConfig":"ping"} to the url
// with the configured headers; anything but 200 makes the save fail with 400. Each notice is thin,
// {Domain, OrderId, State, LastChange, Origin{Account, Key}} (the guide's example), POSTed with the
// configured headers; the endpoint must answer 200 within 5000 ms, otherwise the notice is retried
// "based on an internal geometric progression" (guide). A hook with no notices for three days is
// removed (guide). The url must be https ("Only https scheme is accepted", OpenAPI 400 text).
//
// [U] The retry schedule is not published: the simulator waits 1 min, then doubles each wait (capped
// at 6 h) for up to 4 days or 100 attempts (the OpenAPI feed status note: an event is dropped after
// "more than 100 times, 4 days progressively"), all divided by hook.timeScale. [U] Only 200 counts
// as delivered. The simulator does no DNS: the url's origin must be mapped in `hosts`.

import type { Random } from "../shared/random.ts";
import type { Clock } from "./clock.ts";
import { FilterGate, filterJson, parseFilter } from "./filter.ts";
import { badRequest, isObject, ok, omsError, type Reply } from "./http.ts";
import type { StatusChange } from "./orders.ts";
import { post } from "./outbound.ts";
import type { HookOptions, Json, SentNotice, VtexOrder } from "./types.ts";

const MINUTE = 60_000;
const IDLE_MS = 3 * 24 * 60 * MINUTE;
const REORDER_WINDOW_MS = 100;

/** Unscaled waits (ms) before each retry: 1, 2, 4 … min, capped at 6 h, within 4 days and 100 attempts. */
export function hookRetryDelays(): number[] {
  const delays: number[] = [];
  let wait = MINUTE;
  let total = 0;
  while (delays.length < 99 && total + wait <= 4 * 24 * 60 * MINUTE) {
    delays.push(wait);
    total += wait;
    wait = Math.min(wait * 2, 6 * 60 * MINUTE);
  }
  return delays;
}

interface Hook {
  gate: FilterGate;
  url: string;
  headers: Record<string, string>;
  config: Json;
  lastNoticeAt: number;
}

interface Notice {
  appKey: string;
  body: string;
  orderId: string;
  state: string;
}

export class Hooks {
  private readonly hooks = new Map<string, Hook>();
  private readonly sent: SentNotice[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly delays = hookRetryDelays();
  private buffer: Notice[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly rng: Random,
    private readonly account: () => string,
    private readonly options: () => HookOptions,
    private readonly hosts: () => Record<string, string>,
  ) {}

  status(change: StatusChange): void {
    this.expire();
    for (const hook of this.hooks.values()) hook.gate.status(change);
  }

  changed(change: StatusChange, order: VtexOrder): void {
    for (const hook of this.hooks.values()) hook.gate.changed(change, order);
  }

  async configure(appKey: string, body: Json): Promise<Reply> {
    if (!isObject(body)) throw badRequest("body must be an object");
    const filter = parseFilter(body.filter);
    const target = body.hook;
    if (!isObject(target) || typeof target.url !== "string" || !URL.canParse(target.url))
      throw badRequest("hook.url must be a URL");
    if (new URL(target.url).protocol !== "https:") throw badRequest("Only https scheme is accepted.");
    const headers = target.headers ?? {};
    if (!isObject(headers) || !Object.values(headers).every((v) => typeof v === "string"))
      throw badRequest("hook.headers must be an object of strings");
    const url = target.url;
    const ping = JSON.stringify({ hookConfig: "ping" });
    const status = await post(url, ping, headers as Record<string, string>, this.hosts(), this.timeoutMs());
    this.record({ orderId: "", state: "", url, attempt: 1, status, ping: true });
    if (status !== 200)
      throw omsError(
        400,
        "1",
        `Unable to check address: the hook answered ${status ?? "nothing"} to the ping`,
      );
    const config = { filter: filterJson(filter), hook: { url, headers } };
    const hook: Hook = {
      gate: new FilterGate(filter, (change) => this.notify(appKey, change)),
      url,
      headers: headers as Record<string, string>,
      config,
      lastNoticeAt: this.clock.now(),
    };
    this.hooks.set(appKey, hook);
    return ok(config);
  }

  getConfig(appKey: string): Reply {
    return ok(this.hook(appKey).config);
  }

  deleteConfig(appKey: string): Reply {
    this.hook(appKey);
    this.hooks.delete(appKey);
    return ok(undefined);
  }

  has(appKey: string): boolean {
    this.expire();
    return this.hooks.has(appKey);
  }

  log(): SentNotice[] {
    return this.sent.map((entry) => ({ ...entry }));
  }

  /** Removes hooks with no notice for three days (simulator clock). */
  expire(): void {
    const now = this.clock.now();
    for (const [appKey, hook] of this.hooks) if (now - hook.lastNoticeAt > IDLE_MS) this.hooks.delete(appKey);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }

  private hook(appKey: string): Hook {
    this.expire();
    const hook = this.hooks.get(appKey);
    // [U] Body of the 404 when the appKey has no hook.
    if (!hook) throw omsError(404, "1", "There is no hook configuration for this appKey");
    return hook;
  }

  private timeoutMs(): number {
    return this.options().timeoutMs ?? 5000;
  }

  private notify(appKey: string, change: StatusChange): void {
    const hook = this.hooks.get(appKey);
    if (!hook || this.closed) return;
    hook.lastNoticeAt = this.clock.now();
    const body = JSON.stringify({
      Domain: "Fulfillment",
      OrderId: change.orderId,
      State: change.state,
      LastChange: change.currentChange,
      Origin: { Account: this.account(), Key: appKey },
    });
    const notice: Notice = { appKey, body, orderId: change.orderId, state: change.state };
    const options = this.options();
    if (options.dropRate && this.rng.chance(options.dropRate)) {
      this.record({
        orderId: notice.orderId,
        state: notice.state,
        url: hook.url,
        attempt: 1,
        status: null,
        dropped: true,
      });
      return;
    }
    const copies =
      options.duplicateRate && this.rng.chance(options.duplicateRate) ? (options.duplicates ?? 2) : 1;
    for (let i = 0; i < copies; i++) {
      if (options.reorder) this.enqueue(notice);
      else this.later(options.delayMs ?? 0, () => this.attempt(notice, 1));
    }
  }

  private enqueue(notice: Notice): void {
    this.buffer.push(notice);
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      const batch = this.buffer.reverse();
      this.buffer = [];
      batch.forEach((n, i) => {
        this.later((this.options().delayMs ?? 0) + i * 15, () => this.attempt(n, 1));
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

  private attempt(notice: Notice, attempt: number): void {
    const hook = this.hooks.get(notice.appKey);
    if (!hook || this.closed) return; // removed: its pending retries die with it
    post(hook.url, notice.body, this.noticeHeaders(hook.headers), this.hosts(), this.timeoutMs()).then(
      (status) => {
        this.record({ orderId: notice.orderId, state: notice.state, url: hook.url, attempt, status });
        if (status === 200) return;
        const wait = this.delays[attempt - 1];
        if (wait === undefined) return; // out of attempts
        const scale = this.options().timeScale ?? 1;
        this.later(wait / scale, () => this.attempt(notice, attempt + 1));
      },
    );
  }

  /** The configured headers, or what the `headers` switch makes of them. */
  private noticeHeaders(configured: Record<string, string>): Record<string, string> {
    const mode = this.options().headers ?? "configured";
    if (mode === "missing") return {};
    if (mode === "configured") return configured;
    return Object.fromEntries(Object.entries(configured).map(([name, value]) => [name, `${value}-tampered`]));
  }

  private record(entry: Omit<SentNotice, "at">): void {
    this.sent.push({ ...entry, at: new Date().toISOString() });
    if (this.sent.length > 50_000) this.sent.shift();
  }
}

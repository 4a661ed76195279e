// A VTEX OMS API simulator for one account: a standalone HTTP server on 127.0.0.1 that answers the
// Orders API as VTEX does, so tests and the demo talk to this machine only. It imports nothing from
// Ponte (a mistake in the connector must not be mirrored here). Its loopback origin stands for
// https://{account}.vtexcommercestable.com.br.
//
// Facts followed (sources: Orders API OpenAPI "VTEX - Orders API.json"; the Feed v3 guide
// "orders-feed"; the help article "Order flow and status"; the shared platform notes §4 and §9):
// - Auth: X-VTEX-API-AppKey + X-VTEX-API-AppToken on every call; wrong or missing → 401
//   {"error":{"code":"1","message":"Unauthorized access","exception":null}} (OpenAPI "Start handling order").
// - List orders: per_page 15 by default, up to 100; 30 pages at most; f_creationDate
//   "creationDate:[A TO B]" (inclusive), f_status, orderBy; {list, facets, paging{total, pages,
//   currentPage, perPage}, stats}; list items have no items and no lastChange (OpenAPI "List
//   orders"); only indexed orders are listed, the index lags (listLagMs; ~4 min on VTEX).
// - Get order: the "Get order" example shape, money in integer cents that add up (seed.ts);
//   6000 calls per minute per account, then 429; also found by sequence number.
// - start-handling: ready-for-handling → handling, 204; otherwise 409 OMS003.
// - cancel: 200 {date, orderId, receipt}; 400 once invoiced or partially invoiced.
// - invoice: partial invoices add up; invoiced only when Output invoices reach the value; the same
//   invoiceNumber again only makes a new receipt. PATCH invoice/{n} adds tracking; PUT
//   invoice/{n}/tracking records events and delivery.
// - window-to-cancel moves to ready-for-handling after 30 min (simulator clock).
// - Feed v3 and Hook: see feed.ts and hook.ts (409 on mixed filters, maxlot ≤ 10, visibility
//   timeout, commit, retention; hook ping on save, thin notices, 5000 ms, 3 idle days).
//
// [U] choices where the docs are silent (each also marked where it is made):
// - A suspended (blocked, unpaid) account answers 402 {"error":{...}} to every API call.
// - 429 carries Retry-After in seconds (retryAfterSeconds, default 60).
// - page > 30 answers 400; per_page > 100 is taken as 100; no orderBy means creationDate,desc.
// - A second cancel of a canceled order answers 200 with a new receipt and changes nothing.
// - Output invoices are taken in ready-for-handling, start-handling, handling and
//   ready-for-invoicing; refused (400) when canceled, already invoiced or unpaid.
// - Masked documents ("***.***.***-**", "**.***.***/****-**") and a {hash}@ct.vtex.com.br e-mail
//   stand for what a key without PII rights sees.
// - Feed: maxlot defaults to 1; each read gives a new handle; a stale handle commits nothing.
// - Hook: retries after 1, 2, 4 … min (≤ 6 h each) for up to 4 days; only 200 counts.
// - Error codes and messages other than 401 and OMS003.
//
// Control plane (X-Simulator-Key): GET|POST /__control (settings and switches: unauthorized,
// suspended, faultScript, faultRate, badJsonRate, latencyMs, rateLimit, hook, hosts…),
// POST /__control/time {advanceMs}, POST /__control/orders {count?, ...overrides},
// POST /__control/orders/{orderId}/status {status}, GET /__control/notices, GET|DELETE /__log.
import type { AddressInfo } from "node:net";
import { FaultScript } from "../shared/fault-script.ts";
import { Random } from "../shared/random.ts";
import { OrderActions } from "./actions.ts";
import { Clock } from "./clock.ts";
import { createControl } from "./control.ts";
import { Feeds } from "./feed.ts";
import { Hooks } from "./hook.ts";
import { copy } from "./http.ts";
import { checkOptions, FIXED, normalizeHosts, resolveOptions, type Settings } from "./options.ts";
import { OrderStore } from "./orders.ts";
import { MinuteWindow } from "./rate-limit.ts";
import { createRouter } from "./routes.ts";
import { OrderFactory } from "./seed.ts";
import { createApiServer, RequestLog } from "./server.ts";
import type { Json, SimulatorOptions, VtexSimulator } from "./types.ts";

export { hookRetryDelays } from "./hook.ts";
export { MAX_PAGE, MAX_PER_PAGE } from "./listing.ts";
export type {
  HookOptions,
  RequestLogEntry,
  ScriptedFault,
  SentNotice,
  SimulatorOptions as VtexSimulatorOptions,
  VtexOrder,
  VtexSimulator,
} from "./types.ts";

export async function startVtexSimulator(options: SimulatorOptions = {}): Promise<VtexSimulator> {
  let settings: Settings = resolveOptions(options);
  const clock = new Clock();
  const factory = new OrderFactory(settings.seed, settings.account);
  // Run-time randomness (faults, receipts, handles) has its own stream, so it never shifts the data.
  const chaos = new Random(settings.seed ^ 0x2545f491);
  const feeds = new Feeds(clock, chaos);
  const hooks = new Hooks(
    clock,
    chaos,
    () => settings.account,
    () => settings.hook ?? {},
    () => settings.hosts,
  );
  const store = new OrderStore(factory, clock, chaos, () => settings.listLagMs, {
    status: (change) => {
      feeds.status(change);
      hooks.status(change);
    },
    changed: (change, order) => {
      feeds.changed(change, order);
      hooks.changed(change, order);
    },
  });
  store.load(factory.seed(settings.orders, settings.seedTime));
  const actions = new OrderActions(store, clock, chaos);
  const faults = new FaultScript();
  faults.configure(settings.faultScript);
  const getOrderWindow = new MinuteWindow(settings.getOrderPerMinute);
  const log = new RequestLog();

  let stream: NodeJS.Timeout | undefined;
  const restartStream = () => {
    if (stream) clearInterval(stream);
    stream = undefined;
    if (settings.ratePerMinute > 0) {
      stream = setInterval(() => store.create(), Math.max(10, 60_000 / settings.ratePerMinute));
      stream.unref();
    }
  };
  // The clock's due work (window-to-cancel, feed retention, idle hooks) also runs in real time.
  const ticker = setInterval(() => tick(), 1000);
  ticker.unref();
  const tick = () => {
    store.tick();
    feeds.expire();
    hooks.expire();
  };
  const advanceTime = (ms: number) => {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new Error("advanceMs must be a number >= 0");
    clock.advance(ms);
    tick();
  };

  const setOptions = (patch: Partial<SimulatorOptions>) => {
    checkOptions(patch);
    for (const key of FIXED) {
      if (patch[key] !== undefined && patch[key] !== settings[key as keyof Settings])
        throw new Error(`${key} cannot change while the simulator runs`);
    }
    const next: Settings = { ...settings };
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined || key === "hook") (next as unknown as Json)[key] = value ?? undefined;
    }
    if ("hosts" in patch) next.hosts = patch.hosts ? normalizeHosts(patch.hosts) : {};
    if ("faultScript" in patch) next.faultScript = patch.faultScript ?? null;
    settings = next;
    getOrderWindow.configure(settings.getOrderPerMinute);
    if ("ratePerMinute" in patch) restartStream();
    if ("faultScript" in patch) faults.configure(settings.faultScript);
  };

  const server = createApiServer({
    settings: () => settings,
    router: createRouter({ store, actions, feeds, hooks }),
    getOrderWindow,
    faults,
    chaos,
    log,
    control: createControl({
      settings: () => settings,
      setOptions,
      advanceTime,
      clock,
      store,
      hooks,
      feeds,
      faults,
    }),
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  restartStream();

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    get account() {
      return settings.account;
    },
    get appKey() {
      return settings.appKey;
    },
    get appToken() {
      return settings.appToken;
    },
    get controlKey() {
      return settings.controlKey;
    },
    setOptions,
    createOrder: (overrides = {}) => copy(store.create(overrides)),
    setStatus: (orderId, status) => copy(store.storeMove(orderId, status)),
    getOrder: (orderId) => {
      const record = store.get(orderId);
      return record ? copy(record.order) : undefined;
    },
    listOrders: () => store.all().map((r) => copy(r.order)),
    advanceTime,
    now: () => clock.now(),
    requestLog: () => log.list(),
    clearLog: () => log.clear(),
    sentNotices: () => hooks.log(),
    faultsRemaining: () => faults.remaining(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (stream) clearInterval(stream);
        clearInterval(ticker);
        hooks.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

// Browser tests drive the real panel: Ponte booted in-process on a test database and a free
// port (API, worker and scheduler, as `ponte start` runs them), a Nuvemshop simulator store,
// and Debian's Chromium through playwright-core. PONTE_SCREENSHOTS=1 saves each screen to
// docs/screenshots/ for the README. Ponte's public address is PUBLIC_URL, a reserved name the
// simulator's hosts map sends to the test's Ponte: the store's webhooks are registered the way
// a real store's are, and arrive only because they are.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { loadConfig } from "../../src/config.ts";
import { createContext } from "../../src/context.ts";
import { boot, type Running } from "../../src/runtime.ts";
import { startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import type { NuvemshopSimulator, SimulatorOptions } from "../../src/simulators/nuvemshop/types.ts";
import { getStore } from "../../src/stores/stores.ts";
import { connectSimulatorStore } from "./context.ts";
import { createTestDatabase, type TestDatabase } from "./db.ts";
import { testLogger } from "./logger.ts";
import { freePort, ROOT, waitFor } from "./process.ts";

const CLIENT_SECRET = "browser-test-app-secret";
export const PUBLIC_URL = "https://ponte.test";
export const ADMIN = { email: "operadora@loja.com.br", password: "senha-forte-123" };

export interface PanelServer {
  url: string;
  running: Running;
  database: TestDatabase;
  simulator: NuvemshopSimulator;
  storeId: number;
  close(): Promise<void>;
}

export interface PanelServerOptions {
  storeName?: string;
  simulator?: SimulatorOptions;
  env?: Record<string, string>;
}

/**
 * Ponte with one store connected to a fresh simulator; orders arrive by import and by the
 * webhooks its connection registered (unless `env` clears PONTE_PUBLIC_URL).
 */
export async function startPanelServer(options: PanelServerOptions = {}): Promise<PanelServer> {
  const database = await createTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const simulator = await startNuvemshopSimulator({
    clientSecret: CLIENT_SECRET,
    orders: 12,
    seed: 7,
    hosts: { [PUBLIC_URL]: url },
    ...options.simulator,
  });
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: String(port),
    HOST: "127.0.0.1",
    PONTE_DEMO: "0",
    PONTE_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
    PONTE_NUVEMSHOP_CLIENT_SECRET: CLIENT_SECRET,
    PONTE_NUVEMSHOP_CLIENT_ID: "4321",
    PONTE_WORKER_CONCURRENCY: "4",
    PONTE_PUBLIC_URL: PUBLIC_URL,
    // The store points at the simulator on this machine.
    PONTE_ALLOW_API_OVERRIDE: "loopback",
    ...options.env,
  });
  const running = await boot(config, testLogger, { api: true, worker: true });
  const ctx = createContext(
    config,
    running.database.db,
    testLogger,
    Buffer.from(config.secretKey ?? "", "hex"),
  );
  const storeId = await connectSimulatorStore(ctx, simulator, options.storeName ?? "Loja Teste");
  // The connection queued the registration; the worker runs it.
  await waitFor("the store's webhook registration", async () =>
    (await getStore(running.database.db, storeId)).webhooks.state ? true : undefined,
  );
  return {
    url,
    running,
    database,
    simulator,
    storeId,
    async close() {
      await running.stop();
      await simulator.close();
      await database.drop();
    },
  };
}

/** The first user, created the way a newcomer does: the first-run form, from localhost. */
export async function createAdmin(server: PanelServer, user = ADMIN): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/auth/setup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify(user),
  });
  if (response.status !== 201) throw new Error(`setup answered ${response.status}: ${await response.text()}`);
}

function chromiumPath(): string {
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(
      "Debian's chromium is not installed: `apt-get install -y chromium` (the CI script does it)",
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A new page (own cookies) at 1280 px, or phone-sized with `mobile`. */
export async function newPage(browser: Browser, baseURL: string, mobile = false): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: "pt-BR",
    timezoneId: "America/Sao_Paulo",
    viewport: mobile ? { width: 390, height: 844 } : { width: 1280, height: 860 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

export async function signIn(page: Page, user = ADMIN): Promise<void> {
  await page.goto("/");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Senha").fill(user.password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.getByRole("button", { name: "Sair" }).waitFor();
}

export interface Panel {
  server: PanelServer;
  browser: Browser;
  /** A signed-in tab at 1280 px, shared by the file's tests (each starts with its own navigation). */
  page: Page;
  /** Another signed-in tab with its own cookies, phone-sized with `mobile`. */
  signedInPage(mobile?: boolean): Promise<Page>;
  close(): Promise<void>;
}

/**
 * How a browser test file starts: Ponte with its simulator store, Chromium, the first user
 * created and signed in on a shared page, and the simulator's seeded orders imported.
 */
export async function openPanel(options: PanelServerOptions = {}): Promise<Panel> {
  const [server, browser] = await Promise.all([startPanelServer(options), launchBrowser()]);
  const close = async () => {
    await browser.close();
    await server.close();
  };
  const signedInPage = async (mobile = false) => {
    const page = await newPage(browser, server.url, mobile);
    await signIn(page);
    return page;
  };
  try {
    await createAdmin(server);
    const page = await signedInPage();
    await waitForImport(page, server);
    return { server, browser, page, signedInPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Polls until `probe` returns a value (not undefined/false/null), or fails with `what`. */
export function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  return waitFor(
    what,
    async () => {
      const value = await probe();
      return value === null || value === false ? undefined : value;
    },
    timeoutMs,
  );
}

/** GET an API path with the page's session. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** A store order as the Integração API shows it (the fields the tests read). */
export interface PanelRow {
  externalId: string;
  number: string | null;
  syncState: string;
  synced: boolean;
  reasonCode: string | null;
  reason: string | null;
  canonicalStatus: string | null;
  salesOrderId: number | null;
  salesOrderStatus: string | null;
}

export const panelRow = (page: Page, server: PanelServer, externalId: string | number) =>
  apiGet<PanelRow>(page, `/api/v1/integration/${server.storeId}/orders/${externalId}`);

/** The order's panel row once its sync settled in `state` ("synced", "held", "error"…). */
export const settledRow = (page: Page, server: PanelServer, externalId: string | number, state: string) =>
  until(`order ${externalId} ${state}`, async () => {
    const row = await panelRow(page, server, externalId).catch(() => undefined);
    return row?.syncState === state ? row : undefined;
  });

/** Waits for the first import: every seeded order of the simulator is in Ponte and settled. */
export async function waitForImport(page: Page, server: PanelServer): Promise<void> {
  const expected = server.simulator.listOrders().length;
  await until(
    "the first import",
    async () => {
      const { orders } = await apiGet<{ orders: PanelRow[] }>(
        page,
        `/api/v1/integration/${server.storeId}/orders?view=all&limit=500`,
      );
      return orders.length >= expected && orders.every((o) => o.syncState !== "pending");
    },
    60_000,
  );
}

/** Saves docs/screenshots/<name>.png when PONTE_SCREENSHOTS=1 (kept out of normal runs). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.PONTE_SCREENSHOTS !== "1") return;
  const dir = path.join(ROOT, "docs", "screenshots");
  await fs.mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

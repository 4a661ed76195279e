// Browser tests drive the real panel: Ponte booted in-process on a test database and a free
// port (API, worker and scheduler, as `ponte start` runs them), a Nuvemshop simulator store,
// and Debian's Chromium through playwright-core. PONTE_SCREENSHOTS=1 saves each screen to
// docs/screenshots/ for the README.
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
import { connectSimulatorStore } from "./context.ts";
import { createTestDatabase, type TestDatabase } from "./db.ts";
import { testLogger } from "./logger.ts";
import { freePort, ROOT } from "./process.ts";

const CLIENT_SECRET = "browser-test-app-secret";
export const ADMIN = { email: "operadora@loja.com.br", password: "senha-forte-123" };

export interface PanelServer {
  url: string;
  running: Running;
  database: TestDatabase;
  simulator: NuvemshopSimulator;
  storeId: number;
  close(): Promise<void>;
}

/** Ponte with one store connected to a fresh simulator; orders arrive by import and webhooks. */
export async function startPanelServer(
  options: { storeName?: string; simulator?: SimulatorOptions; env?: Record<string, string> } = {},
): Promise<PanelServer> {
  const database = await createTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const simulator = await startNuvemshopSimulator({
    clientSecret: CLIENT_SECRET,
    orders: 12,
    seed: 7,
    webhook: { url: `${url}/webhooks/nuvemshop` },
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

/** Saves docs/screenshots/<name>.png when PONTE_SCREENSHOTS=1 (kept out of normal runs). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.PONTE_SCREENSHOTS !== "1") return;
  const dir = path.join(ROOT, "docs", "screenshots");
  await fs.mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

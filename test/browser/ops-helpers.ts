// Helpers for the Visão geral, Lojas and Falhas browser tests: wait for the worker to reach a
// state (polling the API with the signed-in page's cookies), and make an order fail the way a
// real one does — a payload Ponte cannot read.
import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import type { PanelServer } from "../helpers/browser.ts";

/** Polls until `probe` returns a value (not undefined/false/null), or fails with `what`. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

/** GET an API path with the page's session. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface PanelRow {
  externalId: string;
  number: string | null;
  syncState: string;
  reasonCode: string | null;
  reason: string | null;
  canonicalStatus: string | null;
  salesOrderStatus: string | null;
}

export const panelRow = (page: Page, server: PanelServer, externalId: string) =>
  apiGet<PanelRow>(page, `/api/v1/integration/${server.storeId}/orders/${externalId}`);

/** Waits for the first import: every seeded order of the simulator is in Ponte. */
export async function waitForImport(page: Page, server: PanelServer): Promise<void> {
  const expected = server.simulator.listOrders().length;
  await until("the first import", async () => {
    const { orders } = await apiGet<{ orders: PanelRow[] }>(
      page,
      `/api/v1/integration/${server.storeId}/orders?view=all&limit=500`,
    );
    return orders.length >= expected && orders.every((o) => o.syncState !== "pending");
  });
}

/** A new order in the store, delivered to Ponte by webhook and synced. */
export async function newSyncedOrder(
  page: Page,
  server: PanelServer,
  overrides: Record<string, unknown> = {},
) {
  const order = server.simulator.createOrder({ status: "open", payment_status: "paid", ...overrides });
  const externalId = String(order.id);
  await until(`order ${externalId} synced`, async () => {
    const row = await panelRow(page, server, externalId).catch(() => undefined);
    return row?.syncState === "synced" ? row : undefined;
  });
  return { id: order.id as number, externalId, number: String(order.number) };
}

/**
 * A new order whose payload Ponte cannot read (a total that is not money), as a buggy store
 * app could send: it reaches Ponte by webhook, the sync fails, and the order lands in Falhas.
 */
export async function newBrokenOrder(page: Page, server: PanelServer) {
  const order = server.simulator.createOrder({
    status: "open",
    payment_status: "paid",
    total: "quarenta reais",
  });
  const externalId = String(order.id);
  const row = await until(`order ${externalId} in error`, async () => {
    const found = await panelRow(page, server, externalId).catch(() => undefined);
    return found?.syncState === "error" ? found : undefined;
  });
  return { id: order.id as number, externalId, number: String(order.number), row };
}

/** Puts a readable total back in the store without telling Ponte (no webhook for this change). */
export function fixOrderQuietly(server: PanelServer, id: number) {
  server.simulator.setOptions({ webhook: null });
  server.simulator.updateOrder(id, { total: "40.00" });
  server.simulator.setOptions({ webhook: { url: `${server.url}/webhooks/nuvemshop` } });
}

/** The page is no wider than the phone: wide tables scroll inside their own frame. */
export async function assertFitsPhone(page: Page, what: string): Promise<void> {
  const wide = await page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    const culprits = Array.from(document.querySelectorAll("main *"))
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return { overflow, culprits };
  });
  assert.ok(
    wide.overflow <= 0,
    `${what} is ${wide.overflow}px wider than the phone (${wide.culprits.join(", ")})`,
  );
}

/** A locator's text, trimmed, with runs of white space as one space. */
export async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

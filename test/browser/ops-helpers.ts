// Helpers for the browser tests: make an order fail the way a real one does — a payload Ponte
// cannot read — and change the store behind Ponte's back; check a page fits a phone; read a
// locator's text as the operator sees it.
import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { type PanelServer, settledRow } from "../helpers/browser.ts";

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
  const row = await settledRow(page, server, externalId, "error");
  return { id: order.id as number, externalId, number: String(order.number), row };
}

/** Changes the store while its webhooks are lost: Ponte sees the change only when it syncs again. */
export async function withoutWebhooks<T>(server: PanelServer, change: () => T | Promise<T>): Promise<T> {
  server.simulator.setOptions({ webhook: { dropRate: 1 } });
  try {
    return await change();
  } finally {
    server.simulator.setOptions({ webhook: null });
  }
}

/** Puts a readable total back in the store without telling Ponte. */
export const fixOrderQuietly = (server: PanelServer, id: number) =>
  withoutWebhooks(server, () => server.simulator.updateOrder(id, { total: "40.00" }));

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

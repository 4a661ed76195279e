// Issue 12, finding 5: browser hardening. Every panel and API response carries a Content
// Security Policy (scripts from Ponte only, never inline; no framing by anyone),
// X-Content-Type-Options: nosniff and a Referrer-Policy. In Chromium: a page of another origin
// that frames the panel (clickjacking) gets nothing, and the panel, its e-mail previews and the
// API docs run with no CSP violation.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { newPage, openPanel, type Panel, until } from "../helpers/browser.ts";

/** The CSP problems Chromium reports on a page and its frames (events and console lines). */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  // Both run outside the page's policy (DevTools bindings and init scripts).
  await page.exposeFunction("__ponteCspViolation", (text: string) => seen.push(`event: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __ponteCspViolation: (t: string) => void }).__ponteCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.documentURI}`);
    });
  });
  return seen;
}

describe("browser hardening", () => {
  let panel: Panel;
  /** A page of another origin (another port on this machine) that tries to frame the panel. */
  let framer: http.Server;
  let framerUrl: string;

  before(async () => {
    panel = await openPanel();
    framer = http.createServer((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(`<!doctype html><title>Ganhe um prêmio</title>
        <h1>Clique no botão</h1>
        <iframe id="ponte" src="${panel.server.url}/" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
    framerUrl = `http://localhost:${(framer.address() as AddressInfo).port}/`;
  });
  after(async () => {
    await new Promise((resolve) => framer?.close(resolve));
    await panel?.close();
  });

  it("sends the security headers on panel, asset, API and error responses", async () => {
    const base = panel.server.url;
    const home = await fetch(`${base}/`);
    const script = /<script[^>]+src="([^"]+)"/.exec(await home.text())?.[1];
    assert.ok(script, "the built panel loads its script from a file");
    for (const path of [
      "/",
      "/pedidos",
      script,
      "/api/v1/stores",
      "/api/v1/auth/setup",
      "/health",
      "/nada.js",
    ]) {
      const res = await fetch(`${base}${path}`);
      await res.arrayBuffer();
      const csp = res.headers.get("content-security-policy") ?? "";
      assert.match(csp, /frame-ancestors 'none'/, `${path}: ${csp}`);
      assert.match(csp, /script-src 'self'(;|$)/, `${path}: scripts from Ponte only, none inline`);
      assert.match(csp, /object-src 'none'/, path);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(res.headers.get("x-frame-options"), "DENY", path);
      assert.equal(res.headers.get("referrer-policy"), "same-origin", path);
    }
  });

  it("a page of another origin that frames the panel does not show it", async () => {
    const page = await newPage(panel.browser, framerUrl);
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/frame-ancestors/.test(message.text())) refused.push(message.text());
    });
    await page.goto(framerUrl, { waitUntil: "load" });
    const frame = page.frames().find((f) => f !== page.mainFrame());
    assert.ok(frame, "the iframe exists");
    assert.ok(!frame.url().startsWith(panel.server.url), `the frame shows ${frame.url()}`);
    const shown = await frame.content().catch(() => "");
    assert.doesNotMatch(shown, /id="root"|Ponte/, `nothing of the panel in the frame: ${shown}`);
    // Chromium says why: "Framing '…' violates … "frame-ancestors 'none'". The request has been blocked."
    await until("Chromium's frame-ancestors message", async () => refused.length > 0, 10_000);
    await page.context().close();
  });

  it("the panel, an e-mail preview and the API docs run with no CSP violation", async () => {
    const page = await panel.signedInPage();
    const violations = await watchViolations(page);
    const storeId = panel.server.storeId;
    const visits: [string, () => Promise<unknown>][] = [
      ["/", () => page.getByRole("heading", { name: "Visão geral", exact: true }).waitFor()],
      ["/integracao", () => page.getByRole("heading", { name: "Integração", exact: true }).waitFor()],
      ["/pedidos", () => page.getByRole("heading", { name: "Pedidos", exact: true }).waitFor()],
      [`/lojas/${storeId}`, () => page.getByRole("button", { name: "Testar conexão" }).waitFor()],
      ["/falhas", () => page.getByRole("heading", { name: "Falhas", exact: true }).waitFor()],
      ["/caixa-de-saida", () => page.getByRole("heading", { name: "Caixa de saída", exact: true }).waitFor()],
    ];
    for (const [path, shown] of visits) {
      await page.goto(path);
      await shown();
    }
    // The customer's e-mail, with its inline styles, in the sandboxed preview frame.
    await page.goto(`/lojas/${storeId}?aba=emails`);
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Despachado" });
    const preview = page.getByRole("region", { name: "Pré-visualização" });
    await preview.getByRole("button", { name: "Pré-visualizar" }).click();
    await page.frameLocator("iframe.email-frame").locator("h1").waitFor();

    // The API docs (Swagger UI) under the same policy.
    await page.goto("/api/docs");
    await page.getByRole("heading", { name: /Ponte API/ }).waitFor();
    await page.locator(".opblock").first().waitFor();

    // Then an inline script injected into the panel: refused, and reported after everything
    // above (Chromium reports in order), which shows the watch works and saw all of it.
    await page.goto("/");
    await page.getByRole("heading", { name: "Visão geral", exact: true }).waitFor();
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true";
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    assert.equal(ran, false, "an inline script does not run");
    await until(
      "the refused inline script reported",
      async () =>
        violations.some((v) => v.startsWith("event: script-src")) &&
        violations.some((v) => v.startsWith("console:") && /script-src/.test(v)),
    );
    // Chromium reports in order on each channel: anything the visits above caused came first.
    assert.equal(violations.length, 2, violations.join("\n"));
    await page.context().close();
  });
});

// The panel's first meaningful paint on localhost: `ponte start` with the demo store (its own
// process, embedded PostgreSQL in a temporary folder), a signed-in Chromium page, and for each
// screen the time from navigation start until its heading is shown and nothing in it is still
// loading (its data has arrived), plus the browser's first-contentful-paint. Cold = a new
// browser context (empty cache); warm = the same context again. Goal: under 1 s.
//
// Run: node --import tsx bench/panel-paint.ts   (BENCH_RUNS, default 10 per screen)
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { freePort, ponte, waitFor } from "../test/helpers/process.ts";

const runs = Number(process.env.BENCH_RUNS ?? 10);
const screens = ["/", "/integracao", "/pedidos", "/lojas", "/falhas"];
const user = { email: "bench@ponte.local", password: "bench-password-123" };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-bench-paint-"));
await fs.chmod(dataDir, 0o755);
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const env = { PONTE_DATA_DIR: dataDir, PORT: String(port), PONTE_DEMO: "1", LOG_LEVEL: "warn" };
const server = ponte(["start"], env);
let browser: Browser | undefined;
try {
  await waitFor(
    "ponte start",
    async () => ((await fetch(`${url}/ready`).catch(() => null))?.ok ? true : undefined),
    120_000,
  );
  const create = ponte(["user", "create", "--email", user.email, "--password-stdin"], env);
  create.child.stdin?.end(`${user.password}\n`);
  if ((await create.exited) !== 0) throw new Error(`user create failed: ${create.output()}`);
  // Let the demo store's first import land, so lists have rows to draw.
  await new Promise((r) => setTimeout(r, 5_000));

  browser = await chromium.launch({
    executablePath: execFileSync("which", ["chromium"], { encoding: "utf8" }).trim(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const login = await browser.newContext({ baseURL: url });
  const answer = await login.request.post("/api/v1/auth/login", { data: user, headers: { origin: url } });
  if (!answer.ok()) throw new Error(`login answered ${answer.status()}`);
  const storageState = await login.storageState();
  await login.close();

  console.log(`panel paint on ${url}, ${runs} runs per screen (ms: p50 / p95 / max)`);
  console.log("screen        | meaningful cold     | meaningful warm     | FCP cold");
  for (const screen of screens) {
    const cold: number[] = [];
    const warm: number[] = [];
    const fcp: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        baseURL: url,
        storageState,
        viewport: { width: 1280, height: 860 },
      });
      const page = await context.newPage();
      for (const [pass, into] of [
        ["cold", cold],
        ["warm", warm],
      ] as const) {
        await page.goto(screen, { waitUntil: "commit" });
        await page.waitForSelector("main h1");
        await page.waitForFunction(() => !document.querySelector("main .loading, main [aria-busy='true']"));
        into.push(await page.evaluate(() => performance.now()));
        if (pass === "cold") {
          fcp.push(
            await page.evaluate(
              () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
            ),
          );
        }
      }
      await context.close();
    }
    const show = (v: number[]) =>
      `${percentile(v, 50).toFixed(0)} / ${percentile(v, 95).toFixed(0)} / ${Math.max(...v).toFixed(0)}`.padEnd(
        19,
      );
    console.log(`${screen.padEnd(13)} | ${show(cold)} | ${show(warm)} | ${show(fcp)}`);
  }
} finally {
  await browser?.close();
  server.child.kill("SIGTERM");
  await server.exited;
  await fs.rm(dataDir, { recursive: true, force: true });
}

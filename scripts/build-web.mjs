#!/usr/bin/env node
// Builds the panel (web/) into web/dist with Vite. Runs after `npm install` and before
// `npm start`; with --if-stale it does nothing when dist matches the sources already, so a
// start costs nothing unless web/ changed.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const web = path.join(root, "web");
const stampFile = path.join(web, "dist", ".sources");

async function sourceFingerprint() {
  const hash = createHash("sha256");
  const walk = async (dir) => {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "dist" && entry.name !== "node_modules") await walk(full);
      } else {
        hash.update(path.relative(root, full));
        hash.update(await fs.readFile(full));
      }
    }
  };
  await walk(web);
  // The panel imports a few pure server modules (status labels, document masks, the customer
  // expressions' checker): any change under src/ may change the bundle.
  await walk(path.join(root, "src"));
  hash.update(await fs.readFile(path.join(root, "package-lock.json")).catch(() => ""));
  return hash.digest("hex");
}

const fingerprint = await sourceFingerprint();
if (process.argv.includes("--if-stale")) {
  const built = await fs.readFile(stampFile, "utf8").catch(() => "");
  if (built === fingerprint) process.exit(0);
}

const started = Date.now();
const { build } = await import("vite");
await build({ configFile: path.join(web, "vite.config.ts"), logLevel: "warn" });
// The panel's Content Security Policy allows scripts from files only: an inline one would not run.
const html = await fs.readFile(path.join(web, "dist", "index.html"), "utf8");
if (/<script(?![^>]*\ssrc=)[^>]*>/i.test(html)) {
  console.error("web/dist/index.html has an inline <script>: the panel's CSP (script-src 'self') blocks it");
  process.exit(1);
}
await fs.writeFile(stampFile, fingerprint);
console.log(`panel built into web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);

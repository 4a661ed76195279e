#!/usr/bin/env node
// `npm test`: runs every *.test.ts under src/ and test/ with node's test runner.
// With TEST_DATABASE_URL set, tests use that PostgreSQL server; otherwise this script
// starts an embedded PostgreSQL server in a temporary folder (as a fresh machine would)
// and stops it afterwards. Each test file creates and drops its own database on it.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { register } from "tsx/esm/api";

register();
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

async function findTests(dir) {
  const found = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules") found.push(...(await findTests(full)));
    else if (entry.isFile() && entry.name.endsWith(".test.ts")) found.push(full);
  }
  return found;
}

const filter = process.argv.slice(2);
let files = [
  ...(await findTests(path.join(root, "src"))),
  ...(await findTests(path.join(root, "test"))),
].sort();
if (filter.length > 0) files = files.filter((f) => filter.some((part) => f.includes(part)));

let embedded;
let tmp;
const env = { ...process.env };
delete env.DATABASE_URL; // tests choose their database explicitly
if (!env.TEST_DATABASE_URL) {
  const { startEmbedded } = await import("../src/db/embedded.ts");
  const { createLogger } = await import("../src/logger.ts");
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-test-"));
  await fs.chmod(tmp, 0o755);
  embedded = await startEmbedded(tmp, createLogger({ logLevel: "warn", logPretty: false }));
  env.TEST_DATABASE_URL = embedded.connectionString;
  console.log("tests run on the embedded PostgreSQL server");
} else {
  console.log("tests run on TEST_DATABASE_URL");
}

const code = await new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--test", "--test-concurrency=2", "--test-timeout=300000", ...files],
    { stdio: "inherit", env, cwd: root },
  );
  child.on("close", (c) => resolve(c ?? 1));
});

if (embedded) {
  await embedded.release();
  await fs.rm(tmp, { recursive: true, force: true });
}
process.exit(code);

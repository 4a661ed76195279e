import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { withFileLock } from "./file-lock.ts";

describe("the data directory's lock file", () => {
  it("always holds its owner's pid while held, and is gone after", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-lock-"));
    const lock = path.join(dir, ".embedded.lock");
    const seen = await withFileLock(lock, 1_000, () => fs.readFile(lock, "utf8"));
    assert.equal(seen, String(process.pid));
    assert.deepEqual(await fs.readdir(dir), [], "no lock and no stray file left");
    await fs.rm(dir, { recursive: true });
  });

  it("takes over a lock left empty by a process killed while taking it, once it is a minute old", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-lock-"));
    const lock = path.join(dir, ".embedded.lock");
    await fs.writeFile(lock, "");
    const old = new Date(Date.now() - 120_000);
    await fs.utimes(lock, old, old);
    assert.equal(await withFileLock(lock, 2_000, async () => "taken"), "taken");
    await fs.writeFile(lock, "");
    await assert.rejects(
      withFileLock(lock, 300, async () => "too soon"),
      /timed out/,
      "a fresh empty lock is being taken",
    );
    await fs.rm(dir, { recursive: true });
  });
});

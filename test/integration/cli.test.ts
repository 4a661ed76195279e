import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { run } from "../helpers/process.ts";

describe("the ponte CLI", () => {
  it("prints help for every command", async () => {
    const overview = await run(["--help"], {});
    assert.equal(overview.code, 0);
    const names = [...overview.output.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]!);
    assert.ok(names.includes("start") && names.includes("migrate"), overview.output);
    for (const name of names) {
      const help = await run([name, "--help"], {});
      assert.equal(help.code, 0, `${name} --help`);
      assert.match(help.output, new RegExp(`^Usage: ponte ${name}`), `${name} --help`);
    }
  });

  it("exits non-zero with one line on bad input", async () => {
    for (const args of [["nonsense"], ["migrate", "--bogus"], ["selftest", "--jobs", "zero"]]) {
      const result = await run(args, {});
      assert.equal(result.code, 2, args.join(" "));
      assert.equal(result.output.trim().split("\n").length, 1, result.output);
    }
  });

  it("a bad or unreachable DATABASE_URL ends with exit 1 and one line, not a stack trace", async () => {
    for (const url of ["mysql://x@y/z", "postgres://ponte:x@127.0.0.1:1/ponte"]) {
      const result = await run(["migrate"], { DATABASE_URL: url });
      assert.equal(result.code, 1, result.output);
      const lines = result.output.trim().split("\n");
      assert.equal(lines.length, 1, result.output);
      assert.match(lines[0]!, /^ponte migrate: /);
      assert.doesNotMatch(result.output, /at .*\.ts:\d+/);
    }
  });
});

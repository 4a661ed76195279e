// `ponte simulate vtex` flags: parsed into the simulator's options, refused when malformed or when
// they belong to the Nuvemshop simulator.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse, UsageError } from "../command.ts";
import { simulate } from "./simulate.ts";
import { vtexOptionsFromFlags } from "./simulate-vtex.ts";

const flags = (...argv: string[]) => parse(simulate, ["vtex", ...argv]).values as Record<string, unknown>;

describe("ponte simulate vtex: flags", () => {
  it("turns the flags into simulator options", () => {
    const options = vtexOptionsFromFlags(
      flags(
        "--port=4100",
        "--orders=300",
        "--seed=9",
        "--rate=5/min",
        "--account=minhaloja",
        "--app-key=vtexappkey-minhaloja-ABC",
        "--app-token=tok",
        "--host=https://ponte.test=http://127.0.0.1:3000",
        "--control-key=0123456789abcdef",
        "--list-lag-ms=0",
        "--no-rate-limit",
      ),
    );
    assert.deepEqual(options, {
      port: 4100,
      orders: 300,
      seed: 9,
      ratePerMinute: 5,
      listLagMs: 0,
      hosts: { "https://ponte.test": "http://127.0.0.1:3000" },
      account: "minhaloja",
      appKey: "vtexappkey-minhaloja-ABC",
      appToken: "tok",
      controlKey: "0123456789abcdef",
      rateLimit: false,
    });
  });

  it("gives the demo an index lag by default", () => {
    assert.deepEqual(vtexOptionsFromFlags(flags()), { listLagMs: 3000 });
  });

  it("refuses malformed values and Nuvemshop's flags", () => {
    for (const argv of [
      ["--port=70000"],
      ["--account=Minha Loja"],
      ["--rate=fast"],
      ["--control-key=short"],
      ["--store-id=5"],
      ["--token=x"],
      ["--list-lag-ms=-1"],
    ]) {
      assert.throws(() => vtexOptionsFromFlags(flags(...argv)), UsageError, argv.join(" "));
    }
  });

  it("keeps VTEX's flags away from the Nuvemshop simulator", async () => {
    await assert.rejects(simulate.run({ values: { account: "x" }, positionals: ["nuvemshop"] }), UsageError);
    await assert.rejects(simulate.run({ values: {}, positionals: ["tray"] }), /nuvemshop, vtex/);
  });
});

// `ponte simulate woocommerce` flags: parsed into the simulator's options, refused when malformed or
// when they belong to another platform's simulator; and the other platforms refuse its flags.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse, UsageError } from "../command.ts";
import { nuvemshopOptionsFromFlags, simulate } from "./simulate.ts";
import { vtexOptionsFromFlags } from "./simulate-vtex.ts";
import { wooOptionsFromFlags } from "./simulate-woocommerce.ts";

const flags = (platform: string, ...argv: string[]) =>
  parse(simulate, [platform, ...argv]).values as Record<string, unknown>;

describe("ponte simulate woocommerce: flags", () => {
  it("turns the flags into simulator options", () => {
    const options = wooOptionsFromFlags(
      flags(
        "woocommerce",
        "--port=4200",
        "--orders=120",
        "--seed=5",
        "--rate=3/min",
        "--consumer-key=ck_demo",
        "--consumer-secret=cs_demo",
        "--no-plugin",
        "--host=https://ponte.test=http://127.0.0.1:3000",
        "--control-key=0123456789abcdef",
      ),
    );
    assert.deepEqual(options, {
      port: 4200,
      orders: 120,
      seed: 5,
      ratePerMinute: 3,
      hosts: { "https://ponte.test": "http://127.0.0.1:3000" },
      consumerKey: "ck_demo",
      consumerSecret: "cs_demo",
      controlKey: "0123456789abcdef",
      plugin: "absent",
    });
    assert.deepEqual(wooOptionsFromFlags(flags("woocommerce")), {});
  });

  it("refuses malformed values and the other platforms' flags", () => {
    for (const argv of [
      ["--port=70000"],
      ["--rate=fast"],
      ["--control-key=short"],
      ["--consumer-key="],
      ["--token=x"],
      ["--app-key=k"],
      ["--no-rate-limit"],
    ]) {
      assert.throws(() => wooOptionsFromFlags(flags("woocommerce", ...argv)), UsageError, argv.join(" "));
    }
    assert.throws(() => vtexOptionsFromFlags(flags("vtex", "--consumer-key=ck")), UsageError);
    assert.throws(() => nuvemshopOptionsFromFlags(flags("nuvemshop", "--no-plugin")), UsageError);
  });
});

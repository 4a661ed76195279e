import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadConfig } from "./config.ts";

describe("config", () => {
  it("has the documented defaults", () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.host, "127.0.0.1");
    assert.ok(c.dataDir.endsWith("/data"));
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.demo, true);
  });

  it("refuses bad values with a message naming the variable", () => {
    assert.throws(() => loadConfig({ PORT: "http" }), /PORT must be an integer/);
    assert.throws(() => loadConfig({ DATABASE_URL: "localhost:5432" }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ DATABASE_URL: "mysql://a@b/c" }), /must start with postgres/);
    assert.throws(() => loadConfig({ PONTE_DEMO: "maybe" }), /PONTE_DEMO/);
    assert.throws(() => loadConfig({ LOG_LEVEL: "loud" }), /LOG_LEVEL/);
  });
});

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
    assert.equal(c.storeRedactAfterDays, 30);
    assert.equal(loadConfig({ PONTE_STORE_REDACT_AFTER_DAYS: "0.5" }).storeRedactAfterDays, 0.5);
  });

  it("refuses bad values with a message naming the variable", () => {
    assert.throws(() => loadConfig({ PORT: "http" }), /PORT must be an integer/);
    assert.throws(() => loadConfig({ DATABASE_URL: "localhost:5432" }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ DATABASE_URL: "mysql://a@b/c" }), /must start with postgres/);
    assert.throws(() => loadConfig({ PONTE_DEMO: "maybe" }), /PONTE_DEMO/);
    assert.throws(() => loadConfig({ LOG_LEVEL: "loud" }), /LOG_LEVEL/);
    assert.throws(() => loadConfig({ PONTE_MAIL_FROM: "ponte" }), /PONTE_MAIL_FROM/);
    assert.throws(() => loadConfig({ PONTE_STORE_REDACT_AFTER_DAYS: "-1" }), /PONTE_STORE_REDACT_AFTER_DAYS/);
    assert.throws(() => loadConfig({ PONTE_STORE_REDACT_AFTER_DAYS: "soon" }), /must be a number/);
  });

  it("takes an smtp:// or smtps:// PONTE_SMTP_URL and never echoes a refused one (it holds the password)", () => {
    assert.equal(loadConfig({}).smtpUrl, undefined, "unset: e-mails stay in the local outbox");
    assert.equal(
      loadConfig({ PONTE_SMTP_URL: "smtps://u:p@mail.example.com:465" }).smtpUrl,
      "smtps://u:p@mail.example.com:465",
    );
    assert.equal(
      loadConfig({ PONTE_MAIL_FROM: "Loja <loja@example.com>" }).mailFrom,
      "Loja <loja@example.com>",
    );
    assert.throws(
      () => loadConfig({ PONTE_SMTP_URL: "https://u:s3cret@mail.example.com" }),
      (error: Error) =>
        /PONTE_SMTP_URL must be smtp/.test(error.message) && !error.message.includes("s3cret"),
    );
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PonteError } from "../errors.ts";
import { PlatformAccessError } from "./connector.ts";
import {
  describePlatformProblem,
  httpStatusOf,
  kindOfStatus,
  PLATFORM_ERROR_KINDS,
  platformErrorKind,
} from "./platform-errors.ts";

const ALL = PLATFORM_ERROR_KINDS;

/** A connector's request error: the status it got (null: none) and, when it knows, the kind. */
const requestError = (status: number | null, kind?: string) =>
  Object.assign(new Error("x"), { status, ...(kind ? { kind } : {}) });

/** The name the words are said with: any platform's label. */
const LABEL = "Plataforma Teste";

describe("platform errors", () => {
  it("read the kind a connector says, else the status it got; access errors by their state", () => {
    assert.equal(platformErrorKind(requestError(null, "timeout")), "timeout");
    assert.equal(platformErrorKind(requestError(null, "unreachable")), "unreachable");
    assert.equal(platformErrorKind(requestError(503)), "server_error");
    assert.equal(platformErrorKind(requestError(200, "unreadable")), "unreadable");
    assert.equal(platformErrorKind(new PlatformAccessError("invalid_credentials", "401")), "unauthorized");
    assert.equal(platformErrorKind(new PlatformAccessError("suspended", "402")), "suspended");
    // Another connector's error that carries only a status.
    assert.equal(platformErrorKind(Object.assign(new Error("x"), { status: 429 })), "rate_limited");
  });

  it("leave what is not about the platform to its own handling", () => {
    assert.equal(platformErrorKind(new Error("database down")), null);
    assert.equal(platformErrorKind(new PonteError("conflict", "x")), null);
    assert.equal(platformErrorKind("text"), null);
  });

  it("map statuses to kinds", () => {
    assert.deepEqual([401, 402, 403, 404, 422, 429, 500, 502, 503, 504].map(kindOfStatus), [
      "unauthorized",
      "suspended",
      "forbidden",
      "not_found",
      "rejected",
      "rate_limited",
      "server_error",
      "server_error",
      "server_error",
      "server_error",
    ]);
  });

  it("answer 409 when the access needs a person, 502 for a bad answer, 503 for no answer", () => {
    assert.deepEqual(
      ALL.map((k) => [k, httpStatusOf(k)]),
      [
        ["timeout", 503],
        ["unreachable", 503],
        ["unauthorized", 409],
        ["suspended", 409],
        ["forbidden", 409],
        ["not_found", 409],
        ["rate_limited", 503],
        ["server_error", 502],
        ["unreadable", 502],
        ["rejected", 502],
        ["redirected", 502],
        ["api_base_refused", 409],
      ],
    );
  });

  it("say every kind in pt-BR with what to do, never in the platform's words", () => {
    for (const kind of ALL) {
      const words = describePlatformProblem(kind, LABEL, { waitedMs: 8_000, storeExternalId: "123" });
      assert.ok(words.problem && words.advice && words.short, kind);
      assert.match(words.advice, /\.$/, `${kind}: the advice is a sentence`);
      assert.doesNotMatch(`${words.problem} ${words.advice}`, /error|failed|timeout|http/i, kind);
    }
    assert.equal(
      describePlatformProblem("timeout", LABEL, { waitedMs: 1_500 }).problem,
      "a Plataforma Teste não respondeu em 1,5 s",
    );
    assert.equal(
      describePlatformProblem("timeout", LABEL).problem,
      "a Plataforma Teste não respondeu a tempo",
    );
    assert.match(describePlatformProblem("not_found", LABEL, { storeExternalId: "999" }).problem, /loja 999/);
  });
});

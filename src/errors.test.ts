import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ERROR_CATALOGUE, PonteError } from "./errors.ts";

describe("the error catalogue", () => {
  it("gives each error its code's status", () => {
    assert.equal(new PonteError("not_found", "x").status, 404);
    assert.equal(new PonteError("conflict", "x").status, 409);
    assert.equal(new PonteError("migration_failed", "x").status, 500);
    for (const [code, status] of Object.entries(ERROR_CATALOGUE)) {
      assert.equal(new PonteError(code as keyof typeof ERROR_CATALOGUE, "x").status, status, code);
    }
  });

  it("lets a platform failure answer 502 when the platform answered unusably, and 503 by default", () => {
    assert.equal(new PonteError("platform_unavailable", "x").status, 503);
    assert.equal(new PonteError("platform_unavailable", "x", { status: 502 }).status, 502);
  });

  it("is the only place a status is set (checked by `npm run typecheck`)", () => {
    // @ts-expect-error: a code the catalogue does not hold
    assert.equal(new PonteError("no_such_code", "x").status, undefined);
    // @ts-expect-error: the catalogue owns conflict's status
    assert.equal(new PonteError("conflict", "x", { status: 400 }).status, 400);
    // @ts-expect-error: 504 is not one of platform_unavailable's statuses
    assert.equal(new PonteError("platform_unavailable", "x", { status: 504 }).status, 504);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LoginThrottle, MAX_FAILURES, WINDOW_MS } from "./throttle.ts";

describe("login throttle", () => {
  it("blocks one e-mail from one address after 5 failures, for the rest of the 15-minute window", () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < MAX_FAILURES - 1; i++) throttle.fail("Ana@Example.com", "10.0.0.1");
    assert.equal(throttle.retryAfter("ana@example.com", "10.0.0.1"), 0, "4 failures: still allowed");
    throttle.fail("ana@example.com ", "10.0.0.1");
    assert.equal(throttle.retryAfter("ANA@example.com", "10.0.0.1"), WINDOW_MS / 1000);
    assert.equal(throttle.retryAfter("ana@example.com", "10.0.0.2"), 0, "another address is not blocked");
    assert.equal(throttle.retryAfter("bia@example.com", "10.0.0.1"), 0, "another e-mail is not blocked");
    now += WINDOW_MS - 1000;
    assert.equal(throttle.retryAfter("ana@example.com", "10.0.0.1"), 1);
    now += 1000;
    assert.equal(throttle.retryAfter("ana@example.com", "10.0.0.1"), 0, "the window ended");
    throttle.fail("ana@example.com", "10.0.0.1");
    assert.equal(
      throttle.retryAfter("ana@example.com", "10.0.0.1"),
      0,
      "a new window starts from one failure",
    );
  });

  it("forgets failures after a successful sign-in", () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < MAX_FAILURES - 1; i++) throttle.fail("ana@example.com", "10.0.0.1");
    throttle.succeed("ana@example.com", "10.0.0.1");
    throttle.fail("ana@example.com", "10.0.0.1");
    assert.equal(throttle.retryAfter("ana@example.com", "10.0.0.1"), 0);
  });
});

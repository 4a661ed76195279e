import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { delayAfter, FREE_ATTEMPTS, waitPt } from "./throttle.ts";

describe("sign-in throttle", () => {
  it("lets 5 tries through, then waits 30 s doubling up to 15 minutes", () => {
    for (let n = 1; n < FREE_ATTEMPTS; n++) assert.equal(delayAfter(n), 0, `try ${n}`);
    assert.deepEqual([5, 6, 7, 8, 9, 10, 11, 40].map(delayAfter), [30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it("says the wait in pt-BR", () => {
    assert.equal(waitPt(1), "1 segundo");
    assert.equal(waitPt(30), "30 segundos");
    assert.equal(waitPt(60), "1 minuto");
    assert.equal(waitPt(61), "2 minutos");
    assert.equal(waitPt(900), "15 minutos");
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addDays, planReceivables, saoPauloDate } from "./receivable-plan.ts";

describe("receivable plan", () => {
  it("splits 100,00 in 3 as 33,34 / 33,33 / 33,33, summing to the total", () => {
    const plan = planReceivables(10000, 3, "pix", "2026-03-10");
    assert.deepEqual(
      plan.map((r) => r.amountCents),
      [3334, 3333, 3333],
    );
    assert.equal(
      plan.reduce((sum, r) => sum + r.amountCents, 0),
      10000,
    );
  });

  it("keeps the cents for awkward totals: 0,05 in 3 and 1.000,01 in 12", () => {
    assert.deepEqual(
      planReceivables(5, 3, null, "2026-01-01").map((r) => r.amountCents),
      [2, 2, 1],
    );
    const twelve = planReceivables(100001, 12, "cartao_credito", "2026-01-01");
    assert.equal(twelve.length, 12);
    assert.equal(
      twelve.reduce((s, r) => s + r.amountCents, 0),
      100001,
    );
    assert.ok(twelve.every((r) => r.amountCents === 8333 || r.amountCents === 8334));
  });

  it("dates installments by payment type", () => {
    const dates = (type: string | null, n: number) =>
      planReceivables(9000, n, type, "2026-01-31").map((r) => r.dueDate);
    // Cash-like: received on issue, a boleto parcelado every 30 days after.
    assert.deepEqual(dates("pix", 1), ["2026-01-31"]);
    assert.deepEqual(dates("boleto", 3), ["2026-01-31", "2026-03-02", "2026-04-01"]);
    // Credit card: the acquirer pays installment i at issue + 30·i.
    assert.deepEqual(dates("cartao_credito", 3), ["2026-03-02", "2026-04-01", "2026-05-01"]);
    assert.deepEqual(dates("cartao_debito", 1), ["2026-02-01"]);
    assert.deepEqual(dates("something_else", 2), ["2026-01-31", "2026-03-02"]);
  });

  it("owes nothing on a zero total and refuses a negative one", () => {
    assert.deepEqual(planReceivables(0, 3, "pix", "2026-01-01"), []);
    assert.throws(() => planReceivables(-1, 1, "pix", "2026-01-01"), RangeError);
  });

  it("takes the issue date in São Paulo: 01:30 UTC is still the previous day there", () => {
    assert.equal(saoPauloDate(new Date("2026-03-11T01:30:00Z")), "2026-03-10");
    assert.equal(saoPauloDate(new Date("2026-03-11T03:00:00Z")), "2026-03-11");
    assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { allocate, formatBRL, parseMoney, splitInstallments } from "./money.ts";

// Small deterministic PRNG (mulberry32) so the property-style loops are reproducible.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("parseMoney", () => {
  it("parses decimal strings straight into cents", () => {
    assert.equal(parseMoney("58.00"), 5800);
    assert.equal(parseMoney("58"), 5800);
    assert.equal(parseMoney("58.5"), 5850);
    assert.equal(parseMoney("-3.10"), -310);
    assert.equal(parseMoney("1234567.89"), 123456789);
    assert.equal(parseMoney("0.01"), 1);
    assert.equal(parseMoney(" 7.25 "), 725);
    assert.equal(parseMoney("+1.5"), 150);
    assert.equal(parseMoney("007.50"), 750);
  });

  it("avoids the floating-point traps", () => {
    assert.equal(parseMoney("19.90") * 3, 5970);
    assert.equal(parseMoney("0.10") + parseMoney("0.20"), parseMoney("0.30"));
    assert.equal(parseMoney("1.15"), 115); // 1.15 * 100 === 114.99999999999999 in doubles
    assert.equal(parseMoney("4.35"), 435);
    assert.equal(parseMoney("90071992547409.91"), 9007199254740991);
  });

  it("accepts trailing zeros past the cents and rejects anything else there", () => {
    assert.equal(parseMoney("1.500"), 150);
    assert.equal(parseMoney("1.0000"), 100);
    assert.throws(() => parseMoney("1.005"), RangeError);
    assert.throws(() => parseMoney("1.505"), /more than 2 decimal places/);
  });

  it("returns 0, never -0, for negative zero", () => {
    assert.ok(Object.is(parseMoney("-0.00"), 0));
    assert.ok(Object.is(parseMoney(-0), 0));
  });

  it("accepts numbers with at most two decimals", () => {
    assert.equal(parseMoney(19.9), 1990);
    assert.equal(parseMoney(58), 5800);
    assert.equal(parseMoney(-3.1), -310);
    assert.equal(parseMoney(1.15), 115);
  });

  it("rejects numbers that are not exact cents", () => {
    assert.throws(() => parseMoney(0.1 + 0.2), RangeError);
    assert.throws(() => parseMoney(19.9 * 3), RangeError);
    assert.throws(() => parseMoney(1.005), RangeError);
    assert.throws(() => parseMoney(1e21), RangeError);
    assert.throws(() => parseMoney(1e-7), RangeError);
    assert.throws(() => parseMoney(Number.NaN), /not finite/);
    assert.throws(() => parseMoney(Number.POSITIVE_INFINITY), RangeError);
  });

  it("rejects garbage with a RangeError", () => {
    for (const bad of [
      "",
      " ",
      "abc",
      "1,50",
      "1.234,56",
      "R$ 10",
      ".5",
      "5.",
      "1e3",
      "--1",
      "1.2.3",
      "0x10",
    ]) {
      assert.throws(() => parseMoney(bad), RangeError, bad);
    }
    assert.throws(() => parseMoney(null), RangeError);
    assert.throws(() => parseMoney(undefined), RangeError);
    assert.throws(() => parseMoney("99999999999999999"), /too large/);
  });
});

describe("formatBRL", () => {
  const intl = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" });

  it("uses the no-break space and pt-BR separators", () => {
    assert.equal(formatBRL(123456), "R$\u00a01.234,56");
    assert.equal(formatBRL(-123450), "-R$\u00a01.234,50");
    assert.equal(formatBRL(0), "R$\u00a00,00");
    assert.equal(formatBRL(5), "R$\u00a00,05");
    assert.equal(formatBRL(100000000), "R$\u00a01.000.000,00");
  });

  it("shows negative zero as plain zero", () => {
    assert.equal(formatBRL(-0), "R$\u00a00,00");
  });

  it("matches Intl.NumberFormat across many values", () => {
    const rand = prng(42);
    for (let i = 0; i < 2000; i++) {
      const digits = 1 + Math.floor(rand() * 12);
      const cents = Math.floor(rand() * 10 ** digits) * (rand() < 0.3 ? -1 : 1);
      if (cents === 0) continue;
      assert.equal(formatBRL(cents), intl.format(cents / 100), String(cents));
    }
  });

  it("refuses non-integer cents", () => {
    assert.throws(() => formatBRL(1.5), RangeError);
    assert.throws(() => formatBRL(Number.NaN), RangeError);
  });
});

describe("allocate", () => {
  it("splits by largest remainder with earlier indexes winning ties", () => {
    assert.deepEqual(allocate(100, [1, 1, 1]), [34, 33, 33]);
    assert.deepEqual(allocate(200, [1, 1, 1]), [67, 67, 66]);
    assert.deepEqual(allocate(5, [1, 3]), [1, 4]);
    assert.deepEqual(allocate(1000, [5800, 0, 4200]), [580, 0, 420]);
    assert.deepEqual(allocate(-100, [1, 1, 1]), [-34, -33, -33]);
    assert.deepEqual(allocate(0, [1, 2]), [0, 0]);
  });

  it("never gives leftover cents to zero weights", () => {
    assert.deepEqual(allocate(2, [0, 1, 0, 1, 1]), [0, 1, 0, 1, 0]);
  });

  it("stays exact with large totals and weights", () => {
    const parts = allocate(900719925474099, [9007199254740991, 1, 3]);
    assert.equal(
      parts.reduce((a, b) => a + b, 0),
      900719925474099,
    );
  });

  it("always sums to the total (random inputs, fixed seed)", () => {
    const rand = prng(20240601);
    for (let i = 0; i < 2000; i++) {
      const total = Math.floor(rand() * 2_000_000) - 500_000;
      const weights = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => Math.floor(rand() * 10_000));
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const parts = allocate(total, weights);
      assert.equal(parts.length, weights.length);
      assert.equal(
        parts.reduce((a, b) => a + b, 0),
        total,
        JSON.stringify({ total, weights }),
      );
      // Each part is within one cent of its exact share.
      const sum = weights.reduce((a, b) => a + b, 0);
      parts.forEach((p, k) => {
        assert.ok(Math.abs(p - (total * (weights[k] ?? 0)) / sum) < 1);
      });
    }
  });

  it("rejects unusable weights and totals", () => {
    assert.throws(() => allocate(100, []), RangeError);
    assert.throws(() => allocate(100, [0, 0]), RangeError);
    assert.throws(() => allocate(100, [1, -1]), RangeError);
    assert.throws(() => allocate(100, [0.5, 0.5]), RangeError);
    assert.throws(() => allocate(1.5, [1]), RangeError);
  });
});

describe("splitInstallments", () => {
  it("splits into equal parts, extra cents first", () => {
    assert.deepEqual(splitInstallments(100, 3), [34, 33, 33]);
    assert.deepEqual(splitInstallments(1000, 4), [250, 250, 250, 250]);
    assert.deepEqual(splitInstallments(1001, 1), [1001]);
    assert.deepEqual(splitInstallments(2, 3), [1, 1, 0]);
  });

  it("rejects a non-positive count", () => {
    assert.throws(() => splitInstallments(100, 0), RangeError);
    assert.throws(() => splitInstallments(100, 1.5), RangeError);
  });
});

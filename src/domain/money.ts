// Money as integer cents. Platforms send decimal strings ("58.00"); going through a double first
// (parseFloat, toFixed, Math.round(x * 100)) silently loses cents, so strings are split at the dot.

const DECIMAL = /^([+-]?)([0-9]+)(?:\.([0-9]+))?$/;

/**
 * "58.00" → 5800, "58.5" → 5850, "-3.10" → -310. Numbers are accepted only when their shortest
 * string form has at most two decimals (so 0.1 + 0.2 is refused, not rounded). Throws RangeError.
 */
export function parseMoney(value: string | number | null | undefined): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Invalid money amount: ${value} is not finite`);
    // String() gives the shortest round-tripping form; exponent forms (1e+21, 1e-7) are refused below.
    return parseDecimal(String(value), String(value));
  }
  if (typeof value !== "string") throw new RangeError(`Invalid money amount: ${String(value)}`);
  return parseDecimal(value.trim(), JSON.stringify(value));
}

function parseDecimal(text: string, shown: string): number {
  const match = DECIMAL.exec(text);
  if (!match) {
    throw new RangeError(`Invalid money amount: ${shown} (expected a decimal like "1234.56")`);
  }
  const sign = match[1] ?? "";
  const whole = match[2] ?? "0";
  const fraction = match[3] ?? "";
  // Trailing zeros past the cents are harmless ("1.500"); any other digit there would be rounding.
  if (/[^0]/.test(fraction.slice(2))) {
    throw new RangeError(`Invalid money amount: ${shown} has more than 2 decimal places`);
  }
  const cents = Number(whole + fraction.slice(0, 2).padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Invalid money amount: ${shown} is too large`);
  // No negative zero: "-0.00" is plain 0.
  return sign === "-" && cents !== 0 ? -cents : cents;
}

function assertCents(cents: number, name = "cents"): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`${name} must be a safe integer, got ${cents}`);
}

/**
 * Same text as Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" }) for cents / 100,
 * including the U+00A0 after "R$" and "-R$" for negatives, built from integers. Deviation: negative
 * zero is shown as "R$ 0,00" (Intl would print "-R$ 0,00").
 */
export function formatBRL(cents: number): string {
  assertCents(cents);
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const fraction = String(abs % 100).padStart(2, "0");
  return `${cents < 0 ? "-" : ""}R$\u00a0${whole},${fraction}`;
}

/**
 * Splits `total` cents in proportion to `weights` by largest remainder, so the parts always sum to
 * `total`; ties go to the earlier index. Weights must be non-negative safe integers (cents, quantities)
 * with a positive sum: integer weights keep the arithmetic exact (done in BigInt, no overflow).
 * A negative total is split as its absolute value and negated, so the result is symmetric.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertCents(total, "total");
  if (weights.length === 0) throw new RangeError("allocate needs at least one weight");
  let weightSum = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new RangeError(`allocate weights must be non-negative integers, got ${w}`);
    }
    weightSum += BigInt(w);
  }
  if (weightSum === 0n) throw new RangeError("allocate weights must not all be zero");

  const amount = BigInt(Math.abs(total));
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const w of weights) {
    const product = amount * BigInt(w);
    const part = product / weightSum;
    parts.push(part);
    remainders.push(product % weightSum);
    given += part;
  }
  // Fewer leftover cents than parts with a non-zero remainder, so zero weights never receive one.
  const order = weights.map((_, i) => i);
  order.sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    if (ra === rb) return a - b;
    return ra > rb ? -1 : 1;
  });
  const leftover = Number(amount - given);
  for (let k = 0; k < leftover; k++) {
    const i = order[k]!;
    parts[i] = (parts[i] ?? 0n) + 1n;
  }
  return parts.map((p) => (total < 0 && p !== 0n ? -Number(p) : Number(p)));
}

/** `n` instalments as equal as possible; the earlier ones carry the extra cents. */
export function splitInstallments(total: number, n: number): number[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`installment count must be >= 1, got ${n}`);
  return allocate(total, new Array<number>(n).fill(1));
}

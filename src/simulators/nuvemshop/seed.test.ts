// The seeded data: deterministic, money that adds up in cents, Brazilian documents of every kind,
// and the documented type quirks.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Random } from "../shared/random.ts";
import { cnpjCheckDigits, correiosCode, cpfCheckDigits } from "./documents.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "./index.ts";

// biome-ignore lint/suspicious/noExplicitAny: seeded orders are read loosely; the assertions check the shapes
type Order = Record<string, any>;

/** Independent of documents.ts: straight from the domain README. */
function validDocument(value: string): "cpf" | "cnpj" | undefined {
  const v = value.replace(/[.\-/\s]/g, "").toUpperCase();
  const dv = (chars: string, weights: number[]) => {
    const sum = [...chars].reduce((s, c, i) => s + (c.charCodeAt(0) - 48) * weights[i]!, 0) % 11;
    return sum < 2 ? 0 : 11 - sum;
  };
  if (/^\d{11}$/.test(v) && !/^(\d)\1{10}$/.test(v)) {
    const d1 = dv(v.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]);
    const d2 = dv(v.slice(0, 10), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    return `${d1}${d2}` === v.slice(9) ? "cpf" : undefined;
  }
  if (/^[0-9A-Z]{12}\d{2}$/.test(v)) {
    const d1 = dv(v.slice(0, 12), [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    const d2 = dv(v.slice(0, 13), [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    return `${d1}${d2}` === v.slice(12) ? "cnpj" : undefined;
  }
  return undefined;
}

const cents = (s: string) => {
  assert.match(s, /^\d+\.\d{2}$/);
  const [whole, frac] = s.split(".");
  return Number(whole) * 100 + Number(frac);
};

describe("Nuvemshop simulator: seeded data", () => {
  const seedTime = "2026-03-10T15:00:00Z";
  let a: NuvemshopSimulator;
  let b: NuvemshopSimulator;
  let orders: Order[];
  before(async () => {
    [a, b] = await Promise.all([
      startNuvemshopSimulator({ seed: 9, orders: 200, seedTime, rateLimit: false }),
      startNuvemshopSimulator({ seed: 9, orders: 200, seedTime, rateLimit: false }),
    ]);
    orders = a.listOrders() as Order[];
  });
  after(async () => {
    await a.close();
    await b.close();
  });

  it("is deterministic for a seed and differs between seeds", async () => {
    assert.deepEqual(b.listOrders(), orders);
    const other = await startNuvemshopSimulator({ seed: 10, orders: 200, seedTime });
    try {
      assert.notDeepEqual(other.listOrders()[0]!.token, orders[0]!.token);
    } finally {
      await other.close();
    }
  });

  it("keeps money as strings that add up in cents", () => {
    for (const o of orders) {
      const subtotal = o.products.reduce((s: number, p: Order) => s + cents(p.price) * Number(p.quantity), 0);
      assert.equal(cents(o.subtotal), subtotal, `subtotal of ${o.id}`);
      assert.equal(cents(o.subtotal) - cents(o.discount) + cents(o.shipping_cost_customer), cents(o.total));
      const promo = cents(o.promotional_discount.total_discount_amount);
      assert.equal(cents(o.discount), cents(o.discount_coupon) + cents(o.discount_gateway) + promo);
      assert.ok(cents(o.total) > 0);
      cents(o.total_usd);
      cents(o.shipping_cost_owner);
    }
  });

  it("carries valid, formatted, alphanumeric, missing and invalid documents", () => {
    const docs = orders.map((o) => o.contact_identification as string | null);
    const kinds = new Set(
      docs.map((d) => {
        if (d === null || d === "") return "missing";
        const kind = validDocument(d);
        if (!kind) return "invalid";
        if (/[A-Z]/.test(d)) return "cnpj-alnum";
        return `${kind}${/[.\-/]/.test(d) ? "-formatted" : ""}`;
      }),
    );
    for (const k of ["cpf", "cpf-formatted", "cnpj", "cnpj-formatted", "cnpj-alnum", "missing", "invalid"]) {
      assert.ok(kinds.has(k), `no ${k} document among ${[...kinds].join(", ")}`);
    }
    assert.ok(docs.includes("12.ABC.345/01DE-35"));
    assert.ok(docs.includes("111.111.111-11"));
    assert.ok(orders.some((o) => o.customer.identification === null && o.contact_identification));
    assert.equal(cpfCheckDigits("111444777"), "35");
    assert.equal(cnpjCheckDigits("12ABC34501DE"), "35");
    assert.equal(cnpjCheckDigits("112223330001"), "81");
    assert.match(correiosCode(new Random(1)), /^[A-Z]{2}\d{9}BR$/);
  });

  it("covers every status, both shipping vocabularies and the type quirks", () => {
    const set = (f: (o: Order) => unknown) => new Set(orders.map(f));
    for (const s of ["open", "closed", "cancelled"]) assert.ok(set((o) => o.status).has(s), s);
    for (const s of ["pending", "authorized", "paid", "voided", "refunded", "abandoned"]) {
      assert.ok(set((o) => o.payment_status).has(s), s);
    }
    for (const s of ["unpacked", "unfulfilled", "fulfilled", "unshipped", "shipped"]) {
      assert.ok(set((o) => o.shipping_status).has(s), s);
    }
    const products = orders.flatMap((o) => o.products as Order[]);
    assert.deepEqual(new Set(products.map((p) => typeof p.quantity)), new Set(["string", "number"]));
    assert.deepEqual(new Set(products.map((p) => typeof p.variant_id)), new Set(["string", "number"]));
    assert.ok(orders.some((o) => o.products.length >= 3));
    assert.ok(orders.every((o) => typeof o.billing_address === "string"));
    const pickup = orders.filter((o) => o.shipping_pickup_type === "pickup");
    assert.ok(
      pickup.length > 0 && pickup.every((o) => o.shipping_store_branch_name && o.shipping === "branch"),
    );
    assert.ok(orders.some((o) => o.coupon.length > 0 && cents(o.discount_coupon) > 0));
    assert.ok(orders.some((o) => o.shipping_address.zipcode.startsWith("0")));
    assert.ok(orders.some((o) => /\p{Extended_Pictographic}/u.test(o.contact_name)));
    assert.ok(
      orders.some((o) => o.cancel_reason !== null) &&
        orders.every((o) => (o.status === "cancelled") === (o.cancel_reason !== null)),
    );
  });

  it("spreads orders over the 30 days before the seed time, updated after created", () => {
    const end = Date.parse(seedTime);
    const time = (s: string) => {
      assert.match(s, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
      return Date.parse(s.replace("+0000", "Z"));
    };
    let previous = 0;
    for (const o of orders) {
      const created = time(o.created_at);
      assert.ok(created >= end - 30 * 86_400_000 && created <= end);
      assert.ok(time(o.updated_at) >= created && time(o.updated_at) <= end);
      assert.ok(o.id > previous, "ids grow with creation");
      previous = o.id;
      assert.equal(o.completed_at.timezone, "UTC");
    }
    assert.equal(orders[0]!.number, 100);
  });

  it("keeps placing orders at ratePerMinute", async () => {
    a.setOptions({ ratePerMinute: 1200 });
    await new Promise((resolve) => setTimeout(resolve, 260));
    a.setOptions({ ratePerMinute: 0 });
    assert.ok(a.listOrders().length >= 203, `${a.listOrders().length} orders`);
  });
});

// Seeded Brazilian WooCommerce orders. The same seed gives the same orders. Totals add up to the
// cent: total = Σ line totals + shipping_total + Σ fees + total_tax, discount_total = Σ (line
// subtotal − line total) (the shape of _orders.md "Retrieve an order"; there is no order subtotal).
// Documents come in blocks of 20 (documents.ts); guests (customer_id 0), coupons, negative fees
// (a Pix discount), local pickup, taxes on a few orders, custom and checkout-draft statuses.

import { Random } from "../shared/random.ts";
import { CATALOG, COUPONS, PAYMENT_METHODS, SHIPPING_METHODS } from "./data.ts";
import { type DocumentKind, documentKinds } from "./documents.ts";
import { makeBuyer } from "./people.ts";
import type { LineRecord, MetaEntry, OrderRecord } from "./record.ts";

/** Post ids (orders, notes) and order item ids and meta ids, each from its own counter. */
export class Ids {
  private post = 1000;
  private item = 500;
  private meta = 9000;

  /** WordPress post ids are not consecutive for orders: other posts take ids in between. */
  order(rng: Random): number {
    this.post += rng.int(1, 3);
    return this.post;
  }
  note(): number {
    this.post += 1;
    return this.post;
  }
  lineItem(): number {
    this.item += 1;
    return this.item;
  }
  metaEntry(): number {
    this.meta += 1;
    return this.meta;
  }
}

const CORE_WEIGHTS: [string, number][] = [
  ["processing", 35],
  ["completed", 20],
  ["pending", 8],
  ["on-hold", 8],
  ["cancelled", 6],
  ["refunded", 3],
  ["failed", 3],
  ["checkout-draft", 4],
];

/** Statuses with a payment date (Woo sets date_paid when an order moves to processing/completed). */
const PAID = new Set(["processing", "completed", "refunded"]);

export class OrderFactory {
  private readonly rng: Random;
  private kinds: DocumentKind[] = [];
  private made = 0;

  constructor(
    seed: number,
    readonly ids: Ids,
    private readonly customStatuses: () => string[],
  ) {
    this.rng = new Random(seed);
  }

  private nextKind(): DocumentKind {
    if (this.kinds.length === 0) this.kinds = documentKinds(this.rng, 20);
    return this.kinds.shift() as DocumentKind;
  }

  private meta(key: string, value: unknown): MetaEntry {
    return { id: this.ids.metaEntry(), key, value };
  }

  /** `count` orders placed over the 30 days before seedTime, oldest first. */
  seed(count: number, seedTime: number): OrderRecord[] {
    const span = 30 * 86_400_000;
    const times = Array.from({ length: count }, () => seedTime - this.rng.int(60_000, span));
    times.sort((a, b) => a - b);
    return times.map((at) => {
      const custom = this.customStatuses();
      const status = this.rng.weighted<string>([
        ...CORE_WEIGHTS,
        ...custom.map((s): [string, number] => [s, 10 / custom.length]),
      ]);
      return this.make(at, status, "checkout");
    });
  }

  /** One order placed at `at` (seconds precision, as MySQL datetime columns keep it). */
  make(atMs: number, status: string, createdVia: string): OrderRecord {
    const rng = this.rng;
    const at = Math.floor(atMs / 1000) * 1000;
    const index = this.made++;
    const buyer = makeBuyer(rng, this.nextKind(), index === 3);
    const lines: LineRecord[] = [];
    const count = rng.weighted<number>([
      [1, 45],
      [2, 30],
      [3, 15],
      [5, 10],
    ]);
    for (const product of rng.shuffle([...CATALOG]).slice(0, count)) {
      const quantity = rng.weighted<number>([
        [1, 70],
        [2, 20],
        [3, 10],
      ]);
      const subtotal = product.price * quantity;
      lines.push({
        id: this.ids.lineItem(),
        name: product.name,
        product_id: product.productId,
        variation_id: product.variationId,
        quantity,
        sku: product.sku,
        subtotal,
        total: subtotal,
        tax: 0,
        subtotalTax: 0,
        meta: product.variationId ? [this.meta("pa_cor", product.name.split(" - ")[1] ?? "")] : [],
      });
    }
    const couponLines: OrderRecord["couponLines"] = [];
    if (rng.chance(0.25)) {
      // A percentage coupon spread over the lines, each rounded to the cent.
      const percent = rng.pick([5, 10, 15]);
      for (const line of lines) line.total = line.subtotal - Math.round((line.subtotal * percent) / 100);
      const discount = lines.reduce((s, l) => s + l.subtotal - l.total, 0);
      couponLines.push({ id: this.ids.lineItem(), code: rng.pick(COUPONS).toLowerCase(), discount });
    }
    const method = rng.weighted<(typeof SHIPPING_METHODS)[number]>(
      SHIPPING_METHODS.map((m) => [m, m.id === "local_pickup" ? 10 : 22.5]),
    );
    const free = method.id === "free_shipping" || method.id === "local_pickup";
    const shippingLines = [
      {
        id: this.ids.lineItem(),
        methodId: method.id,
        methodTitle: method.title,
        instanceId: String(rng.int(1, 9)),
        total: free ? 0 : rng.int(990, 4990),
        tax: 0,
      },
    ];
    const payment = rng.pick(PAYMENT_METHODS);
    const lineTotal = lines.reduce((s, l) => s + l.total, 0);
    const feeLines: OrderRecord["feeLines"] = [];
    if (payment.id === "pix" && rng.chance(0.5)) {
      feeLines.push({
        id: this.ids.lineItem(),
        name: "Desconto Pix (5%)",
        total: -Math.round(lineTotal * 0.05),
      });
    }
    if (rng.chance(0.1))
      feeLines.push({ id: this.ids.lineItem(), name: "Embalagem para presente", total: 790 });
    let taxLine: OrderRecord["taxLine"] = null;
    if (rng.chance(0.12)) {
      // Taxes added on top (prices_include_tax false): 2% on lines and shipping.
      taxLine = { id: this.ids.lineItem(), rateId: 1, rateCode: "BR-DIFAL-1", label: "DIFAL" };
      for (const line of lines) {
        line.tax = Math.round(line.total * 0.02);
        line.subtotalTax = Math.round(line.subtotal * 0.02);
      }
      for (const s of shippingLines) s.tax = Math.round(s.total * 0.02);
    }
    const guest = rng.chance(0.35);
    const paid = PAID.has(status) || (this.customStatuses().includes(status) && status !== "checkout-draft");
    const placed = at;
    const meta: MetaEntry[] = [
      this.meta("_billing_persontype", buyer.plugin.persontype),
      this.meta("_billing_cpf", buyer.plugin.cpf),
      this.meta("_billing_rg", buyer.plugin.rg),
      this.meta("_billing_cnpj", buyer.plugin.cnpj),
      this.meta("_billing_ie", buyer.plugin.ie),
      this.meta("_billing_birthdate", buyer.plugin.birthdate),
      this.meta("_billing_gender", buyer.plugin.gender),
      this.meta("_billing_cellphone", buyer.plugin.cellphone),
      this.meta("_billing_number", buyer.billing.number),
      this.meta("_billing_neighborhood", buyer.billing.neighborhood),
      this.meta("_shipping_number", buyer.shipping.number),
      this.meta("_shipping_neighborhood", buyer.shipping.neighborhood),
    ];
    if (rng.chance(0.5))
      meta.push(this.meta("_wc_order_attribution_source_type", rng.pick(["organic", "typein", "utm"])));
    const { number: _bn, neighborhood: _bb, ...billing } = buyer.billing;
    const { number: _sn, neighborhood: _sb, ...shipping } = buyer.shipping;
    const modified =
      placed + (status === "pending" || status === "checkout-draft" ? 0 : rng.int(1, 72) * 3_600_000);
    const paidAt = paid ? placed + rng.int(5, 600) * 1000 : null;
    const record: OrderRecord = {
      id: this.ids.order(rng),
      parentId: 0,
      orderKey: `wc_order_${rng.hex(13)}`,
      createdVia: status === "checkout-draft" ? "store-api" : createdVia,
      status,
      currency: "BRL",
      created: placed,
      modified: Math.max(modified, paidAt ?? 0),
      paid: paidAt,
      completed: status === "completed" ? Math.max(modified, paidAt ?? 0) : null,
      pricesIncludeTax: taxLine === null,
      customerId: guest ? 0 : rng.int(2, 400),
      customerIp: `177.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      customerUserAgent:
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36",
      customerNote: rng.chance(0.15)
        ? rng.pick([
            "Entregar após as 18h, por favor.",
            "Deixar na portaria 🙏",
            "Presente: não enviar nota fiscal impressa na caixa & obrigado!",
          ])
        : "",
      billing,
      shipping: method.id === "local_pickup" ? { ...shipping, address_1: "", address_2: "" } : shipping,
      paymentMethod: payment.id,
      paymentMethodTitle: payment.title,
      transactionId: paid && payment.id !== "bacs" && payment.id !== "cod" ? rng.hex(24) : "",
      cartHash: rng.hex(32),
      meta,
      lines,
      shippingLines,
      feeLines,
      couponLines,
      taxLine,
      refunds: [],
      notes: [],
    };
    if (status === "refunded") {
      const total =
        lines.reduce((s, l) => s + l.total + l.tax, 0) +
        shippingLines.reduce((s, l) => s + l.total + l.tax, 0) +
        feeLines.reduce((s, f) => s + f.total, 0);
      record.refunds.push({ id: this.ids.order(rng), reason: "Cliente desistiu da compra", total: -total });
    }
    return record;
  }
}

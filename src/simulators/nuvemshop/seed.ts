// Deterministic order generator: the same seed and seed time give the same orders. Orders follow
// the shape of Nuvemshop's resources/order.md sample (§1.4) with Brazilian data and the documented
// type quirks (money strings, quantity/variant_id as string or number, two shipping vocabularies).

import { Random } from "../shared/random.ts";
import { BRANCHES, BROWSERS, CATALOG, COUPONS, NOTES } from "./data.ts";
import { correiosCode, type DocumentKind, documentKinds } from "./documents.ts";
import { completedAt, formatTime, money } from "./format.ts";
import { type Address, addressJson, billingJson, type Customer, customerJson, People } from "./people.ts";
import type { Json, Order } from "./types.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface Scenario {
  status: "open" | "closed" | "cancelled";
  payment: string;
  shipping: string;
  next: string;
  pickup?: boolean;
}

const sc = (status: Scenario["status"], payment: string, shipping: string, next: string, pickup = false) => ({
  status,
  payment,
  shipping,
  next,
  pickup,
});

/** Every combination the seed must contain at least once, with its weight for the rest. */
const SCENARIOS: [Scenario, number][] = [
  [sc("open", "pending", "unpacked", "waiting_ipn"), 8],
  [sc("open", "pending", "unshipped", "waiting_manual_confirmation"), 3],
  [sc("open", "authorized", "unpacked", "waiting_manual_confirmation"), 3],
  [sc("open", "paid", "unpacked", "waiting_packing"), 15],
  [sc("open", "paid", "unfulfilled", "waiting_shipment"), 6],
  [sc("open", "paid", "unshipped", "waiting_packing"), 6],
  [sc("open", "paid", "unshipped", "waiting_shipment"), 3],
  [sc("open", "paid", "fulfilled", "close"), 6],
  [sc("open", "paid", "shipped", "close"), 6],
  [sc("closed", "paid", "fulfilled", "noop"), 10],
  [sc("closed", "paid", "shipped", "noop"), 6],
  [sc("open", "paid", "unpacked", "waiting_packing", true), 3],
  [sc("open", "paid", "unfulfilled", "waiting_client_pickup", true), 2],
  [sc("closed", "paid", "fulfilled", "noop", true), 2],
  [sc("cancelled", "voided", "unpacked", "noop"), 3],
  [sc("cancelled", "refunded", "unshipped", "noop"), 2],
  [sc("cancelled", "abandoned", "unpacked", "noop"), 2],
  [sc("cancelled", "pending", "unpacked", "noop"), 2],
  [sc("open", "refunded", "unpacked", "noop"), 1],
  [sc("closed", "refunded", "fulfilled", "noop"), 1],
];

const NEW_ORDER: [Scenario, number][] = [
  [sc("open", "pending", "unpacked", "waiting_ipn"), 50],
  [sc("open", "paid", "unpacked", "waiting_packing"), 40],
  [sc("open", "paid", "unpacked", "waiting_packing", true), 10],
];

export class OrderFactory {
  private readonly rng: Random;
  private readonly people: People;
  private readonly customers: Customer[] = [];
  private nextId = 1_000_000_000;
  private nextNumber = 100;
  private nextLineId = 1_180_000_000_000;

  constructor(
    seed: number,
    private readonly storeId: number,
  ) {
    this.rng = new Random(seed);
    this.people = new People(this.rng);
  }

  /** `count` orders spread over the 30 days before `anchorMs`, oldest first. */
  seed(count: number, anchorMs: number): Order[] {
    const rng = this.rng;
    const kinds = documentKinds(rng, Math.max(8, Math.ceil(count * 0.6)));
    let officialUsed = false;
    for (const kind of kinds) {
      const useOfficial: boolean = kind === "cnpj-alnum" && !officialUsed;
      officialUsed ||= useOfficial;
      this.customers.push(
        this.people.customer(anchorMs - 30 * DAY - rng.int(1, 400) * DAY, kind, useOfficial),
      );
    }
    const scenarios =
      count >= SCENARIOS.length
        ? [...SCENARIOS.map(([s]) => s), ...this.fill(SCENARIOS, count - SCENARIOS.length)]
        : this.fill(SCENARIOS, count);
    rng.shuffle(scenarios);
    const pool = rng.shuffle([...this.customers]);
    const step = (30 * DAY) / Math.max(1, count);
    return scenarios.map((scenario, i) => {
      const created = anchorMs - 30 * DAY + Math.floor(i * step + rng.next() * step * 0.9);
      const customer = i < pool.length ? pool[i]! : rng.pick(pool);
      return this.build(created, anchorMs, scenario, customer);
    });
  }

  /** A fresh order placed at `nowMs` (open, pending or paid), for createOrder and the order stream. */
  next(nowMs: number): Order {
    const rng = this.rng;
    const customer =
      this.customers.length === 0 || rng.chance(0.3) ? this.addCustomer(nowMs) : rng.pick(this.customers);
    // Ids of orders placed at run time follow the clock, so a restarted simulator (same seed) does
    // not hand out an id it already used for a different order in its previous run.
    this.nextId = Math.max(this.nextId, 1_100_000_000 + Math.floor(nowMs / 1000) - 1_700_000_000);
    return this.build(nowMs, nowMs, rng.weighted(NEW_ORDER), customer);
  }

  private addCustomer(nowMs: number): Customer {
    const kind: DocumentKind = documentKinds(this.rng, 1)[0]!;
    const customer = this.people.customer(nowMs, kind, false);
    this.customers.push(customer);
    return customer;
  }

  private fill(entries: [Scenario, number][], count: number): Scenario[] {
    return Array.from({ length: count }, () => this.rng.weighted(entries));
  }

  private build(createdMs: number, limitMs: number, s: Scenario, customer: Customer): Order {
    const rng = this.rng;
    const clamp = (t: number) => Math.min(t, limitMs);
    this.nextId += rng.int(1, 997);
    const id = this.nextId;
    const number = this.nextNumber++;

    // Line items: 1–4 distinct variants; quantity and variant_id flip between string and number.
    const itemCount = rng.weighted([
      [1, 40],
      [2, 30],
      [3, 20],
      [4, 10],
    ] as const);
    const items = rng.shuffle([...CATALOG]).slice(0, itemCount);
    let subtotal = 0;
    const products = items.map((item) => {
      const quantity = rng.weighted([
        [1, 70],
        [2, 20],
        [3, 10],
      ] as const);
      subtotal += item.price * quantity;
      this.nextLineId += rng.int(1, 50);
      const lineId = this.nextLineId;
      return {
        id: lineId,
        depth: "10.00",
        height: "5.00",
        width: "15.00",
        name: item.values.length > 0 ? `${item.name} (${item.values.join(", ")})` : item.name,
        price: money(item.price),
        compare_at_price: rng.chance(0.2) ? money(Math.round(item.price * 1.2)) : null,
        product_id: item.productId,
        image: {
          id: item.productId * 10 + 1,
          product_id: item.productId,
          src: `https://acdn.nuvemshop.com.br/stores/${this.storeId}/products/${item.productId}-1024-1024.webp`,
          position: 1,
          alt: [],
        },
        quantity: rng.chance(0.4) ? String(quantity) : quantity,
        free_shipping: false,
        weight: item.weight,
        sku: item.sku,
        barcode: rng.chance(0.5) ? `789${rng.digits(10)}` : null,
        variant_id: rng.chance(0.35) ? String(item.variantId) : item.variantId,
        variant_values: item.values,
        properties: [],
        issues: { unclaimed_stock: 0 },
      };
    });

    // Payment: method follows the payment status (pending ones are boleto/pix/deposit).
    const method =
      s.payment === "authorized"
        ? "credit_card"
        : s.payment === "pending" || s.payment === "abandoned"
          ? rng.pick(["boleto", "pix", "wire_transfer"])
          : rng.weighted([
              ["credit_card", 50],
              ["pix", 30],
              ["boleto", 12],
              ["debit_card", 4],
              ["wire_transfer", 4],
            ] as const);
    const [gateway, gatewayName] =
      method === "wire_transfer"
        ? ["offline", "Transferência bancária"]
        : method === "boleto" && rng.chance(0.5)
          ? ["boleto_paghiper", "PagHiper"]
          : rng.pick([
              ["mercadopago", "Mercado Pago"],
              ["pagseguro", "PagSeguro"],
              ["cielo", "Cielo"],
            ] as const);
    const installments = method === "credit_card" ? rng.int(1, 10) : 1;

    // Money in integer cents; the strings are made only at the end so the sums hold exactly.
    const coupon = rng.chance(0.25) ? rng.pick(COUPONS) : undefined;
    let discountCoupon = 0;
    if (coupon?.type === "percentage") discountCoupon = Math.round((subtotal * Number(coupon.value)) / 100);
    if (coupon?.type === "absolute") discountCoupon = Math.min(2000, Math.floor(subtotal / 2));
    const discountGateway = method === "pix" && rng.chance(0.5) ? Math.round(subtotal * 0.05) : 0;
    const promotional = rng.chance(0.1) ? Math.round(subtotal * 0.07) : 0;
    const discount = discountCoupon + discountGateway + promotional;
    const shippingCost = s.pickup ? 0 : rng.int(9, 59) * 100 + rng.pick([0, 50, 90]);
    const freeShipping = s.pickup || coupon?.type === "shipping" || rng.chance(0.15);
    const shippingCustomer = freeShipping ? 0 : shippingCost;
    const total = subtotal - discount + shippingCustomer;
    customer.totalSpent += total;

    // Shipping method and tracking.
    const carrier = s.pickup
      ? "branch"
      : rng.weighted([
          ["correios", 70],
          ["table", 25],
          ["not-provided", 5],
        ] as const);
    const sedex = rng.chance(0.35);
    const branch = rng.pick(BRANCHES);
    const option =
      carrier === "branch"
        ? { name: `Retirar em ${branch.name}`, code: "branch" }
        : carrier === "correios"
          ? {
              name: sedex ? "Correios - SEDEX" : "Correios - PAC",
              code: sedex ? "correios-sedex" : "correios-pac",
            }
          : carrier === "table"
            ? rng.pick([
                { name: "Motoboy (entrega no mesmo dia)", code: "table_motoboy" },
                { name: "Transportadora Jadlog", code: "table_jadlog" },
              ])
            : { name: "Não informado", code: null };
    const shipped = s.shipping === "fulfilled" || s.shipping === "shipped";
    let trackingNumber: string | null = null;
    let trackingUrl: string | null = null;
    if (shipped && !s.pickup && rng.chance(0.85)) {
      trackingNumber = carrier === "correios" ? correiosCode(rng) : rng.digits(14);
      trackingUrl =
        carrier === "correios"
          ? `https://rastreamento.correios.com.br/app/index.php?objetos=${trackingNumber}`
          : `https://www.jadlog.com.br/tracking?cte=${trackingNumber}`;
    }

    // Timestamps: each step after the previous one, never after `limitMs`.
    const paidMs = ["paid", "refunded"].includes(s.payment)
      ? clamp(createdMs + rng.int(1, 360) * 60_000)
      : null;
    const shippedMs = shipped ? clamp((paidMs ?? createdMs) + rng.int(2, 72) * HOUR) : null;
    const closedMs =
      s.status === "closed" ? clamp((shippedMs ?? paidMs ?? createdMs) + rng.int(1, 5) * DAY) : null;
    const cancelledMs = s.status === "cancelled" ? clamp(createdMs + rng.int(1, 72) * HOUR) : null;
    const lastMs = Math.max(createdMs, paidMs ?? 0, shippedMs ?? 0, closedMs ?? 0, cancelledMs ?? 0);
    const updatedMs = clamp(lastMs + rng.int(0, 600) * 1000);
    const time = (ms: number | null) => (ms === null ? null : formatTime(ms));

    const shipTo: Address = rng.chance(0.2)
      ? this.people.address(this.people.personName())
      : customer.address;
    // Some orders carry the document only on contact_identification (the customer object lacks it).
    const hideOnCustomer = customer.identification !== null && rng.chance(0.1);
    const b = customer.address;

    const order: Order = {
      id,
      token: rng.hex(40),
      store_id: this.storeId,
      contact_email: customer.email,
      contact_name: customer.name,
      contact_phone: customer.phone,
      contact_identification: customer.identification,
      shipping_min_days: s.pickup ? 0 : sedex ? 1 : 4,
      shipping_max_days: s.pickup ? 1 : sedex ? 3 : rng.int(7, 12),
      ...billingJson(customer.name, b),
      billing_customer_type: customer.business ? "business" : "individual",
      billing_business_name: customer.business ? customer.name : null,
      shipping_cost_owner: money(shippingCost),
      shipping_cost_customer: money(shippingCustomer),
      coupon: coupon ? [{ ...coupon, valid: true }] : [],
      promotional_discount: {
        id: null,
        store_id: this.storeId,
        order_id: id,
        created_at: formatTime(createdMs),
        total_discount_amount: money(promotional),
        contents: [],
        promotions_applied: promotional > 0 ? [{ id: "promo-7", name: "Semana do Cliente -7%" }] : [],
      },
      subtotal: money(subtotal),
      discount: money(discount),
      discount_coupon: money(discountCoupon),
      discount_gateway: money(discountGateway),
      total: money(total),
      total_usd: money(Math.round((total * 100) / 543)),
      checkout_enabled: true,
      weight: items.reduce((sum, item) => sum + Number(item.weight), 0).toFixed(3),
      currency: "BRL",
      language: "pt",
      gateway,
      gateway_id: gateway === "offline" ? null : rng.chance(0.5) ? rng.digits(11) : rng.hex(32),
      gateway_name: gatewayName,
      shipping: carrier,
      shipping_option: option.name,
      shipping_option_code: option.code,
      shipping_option_reference: null,
      shipping_pickup_details: s.pickup ? { name: branch.name, address: branch.address, hours: [] } : null,
      shipping_tracking_number: trackingNumber,
      shipping_tracking_url: trackingUrl,
      shipping_store_branch_name: s.pickup ? branch.name : null,
      shipping_pickup_type: s.pickup ? "pickup" : "ship",
      shipping_suboption: [],
      extra: rng.chance(0.2) ? { "Mensagem para presente": "Feliz aniversário! 🎉" } : {},
      storefront: rng.weighted([
        ["store", 80],
        ["mobile", 8],
        ["meli", 6],
        ["api", 4],
        ["form", 2],
      ] as const),
      note: rng.chance(0.2) ? rng.pick(NOTES) : null,
      created_at: formatTime(createdMs),
      updated_at: formatTime(updatedMs),
      completed_at: completedAt(createdMs),
      next_action: s.next,
      payment_details: {
        method,
        credit_card_company:
          method === "credit_card" ? rng.pick(["visa", "mastercard", "elo", "amex", "hipercard"]) : null,
        installments: rng.chance(0.5) ? String(installments) : installments,
      },
      attributes: [],
      customer: customerJson(customer, id, createdMs, hideOnCustomer),
      products: products as Json[],
      number,
      cancel_reason: s.status === "cancelled" ? rng.pick(["customer", "fraud", "inventory", "other"]) : null,
      owner_note: null,
      cancelled_at: time(cancelledMs),
      closed_at: time(closedMs),
      read_at: rng.chance(0.5) ? time(clamp(createdMs + rng.int(1, 48) * HOUR)) : null,
      status: s.status,
      payment_status: s.payment,
      shipping_address: { ...addressJson(shipTo, customer.id + 8, customer.createdMs), customs: null },
      shipping_status: s.shipping,
      shipped_at: time(shippedMs),
      paid_at: time(paidMs),
      landing_url: `https://loja-simulada.lojavirtualnuvem.com.br/${rng.chance(0.3) ? "?utm_source=instagram" : ""}`,
      client_details: {
        browser_ip: `177.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
        user_agent: rng.pick(BROWSERS),
      },
      app_id: null,
    };
    return order;
  }
}

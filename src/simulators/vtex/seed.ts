// Seeded VTEX orders (OpenAPI "Get order" example shape). Money is integer cents and adds up:
// totals Items = Σ price × quantity, Discounts = −Σ (price − sellingPrice) × quantity (negative, as
// the OMS reports it), Shipping = Σ logisticsInfo[].price, Tax = 0, and value = the sum of the
// totals = the sum of the payments. Orders are spread over 30 days before seedTime.

import { Random } from "../shared/random.ts";
import { CARRIERS, CATALOG, PICKUP_POINTS } from "./data.ts";
import { correiosCode, type DocumentKind, documentKinds } from "./documents.ts";
import { makeBuyer } from "./people.ts";
import { describeStatus } from "./statuses.ts";
import type { Json, VtexOrder } from "./types.ts";

const DAY = 86_400_000;

/** Seeded statuses and their weights (§4.3 vocabulary; mostly the common path). */
const SEEDED_STATUSES: [string, number][] = [
  ["payment-pending", 8],
  ["window-to-cancel", 6],
  ["ready-for-handling", 16],
  ["handling", 14],
  ["invoiced", 40],
  ["canceled", 10],
  ["waiting-for-seller-decision", 2],
  ["cancellation-requested", 2],
  ["payment-approved", 2],
];

const PAYMENT_SYSTEMS = [
  { id: "125", name: "Pix", group: "instantPayment", card: false },
  { id: "6", name: "Boleto Bancário", group: "bankInvoice", card: false },
  { id: "2", name: "Visa", group: "creditCard", card: true },
  { id: "4", name: "Mastercard", group: "creditCard", card: true },
  { id: "9", name: "Elo", group: "creditCard", card: true },
];

/** NF-e access key (44 digits, mod-11 check digit, domain notes). */
export function nfeKey(rng: Random, at: number, cnpj = "11222333000181"): string {
  const d = new Date(at);
  const aamm = `${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  const base = `35${aamm}${cnpj}55001${rng.digits(9)}1${rng.digits(8)}`;
  let sum = 0;
  let weight = 2;
  for (let i = base.length - 1; i >= 0; i--) {
    sum += Number(base[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const r = sum % 11;
  return `${base}${r < 2 ? 0 : 11 - r}`;
}

export interface Seeded {
  order: VtexOrder;
  createdMs: number;
}

export class OrderFactory {
  private readonly rng: Random;
  private sequence = 502_000;
  private marketplaceNumber = 1_234_000;
  private readonly suffix: string;

  constructor(seed: number, account: string) {
    this.rng = new Random(seed);
    // The OMS appends a short account tag to the marketplace number (e.g. "v502556llux-01").
    this.suffix = account.replace(/[^a-z0-9]/g, "").slice(0, 4) || "sim";
  }

  seed(count: number, seedTime: number): Seeded[] {
    const kinds = documentKinds(this.rng, count);
    const times = Array.from({ length: count }, () => seedTime - this.rng.int(0, 30 * DAY)).sort(
      (a, b) => a - b,
    );
    let officialUsed = false;
    return times.map((createdMs, i) => {
      const kind = kinds[i] as DocumentKind;
      const official = kind === "cnpj-alnum" && !officialUsed;
      if (official) officialUsed = true;
      const status = this.rng.weighted(SEEDED_STATUSES);
      return { order: this.build(createdMs, { status }, kind, official), createdMs };
    });
  }

  /** One order; `overrides` replace top-level fields after it is built (status keeps its description in step). */
  build(createdMs: number, overrides: Json = {}, kind?: DocumentKind, official = false): VtexOrder {
    const rng = this.rng;
    const buyer = makeBuyer(rng, kind ?? documentKinds(rng, 1)[0]!, official);
    const lines = rng.weighted([
      [1, 5],
      [2, 3],
      [3, 1],
      [4, 1],
    ]);
    const skus = rng.shuffle([...CATALOG]).slice(0, lines);
    const discounted = rng.chance(0.3);
    const items = skus.map((sku) => {
      const quantity = rng.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ]);
      const unitDiscount = discounted ? Math.round(sku.price * rng.pick([0.05, 0.1, 0.15])) : 0;
      const sellingPrice = sku.price - unitDiscount;
      return {
        uniqueId: rng.hex(32).toUpperCase(),
        id: sku.skuId,
        productId: sku.productId,
        ean: sku.ean || null,
        refId: sku.refId || null,
        name: sku.name,
        quantity,
        seller: "1",
        sellerSku: sku.skuId,
        price: sku.price,
        listPrice: sku.listPrice,
        sellingPrice,
        priceTags: unitDiscount
          ? [
              {
                name: "discount@price-PROMO",
                value: -unitDiscount * quantity,
                isPercentual: false,
                identifier: rng.hex(8),
              },
            ]
          : [],
        measurementUnit: "un",
        unitMultiplier: 1.0,
        isGift: false,
        tax: 0,
      };
    });
    const itemsTotal = items.reduce((s, it) => s + it.price * it.quantity, 0);
    const discounts = 0 - items.reduce((s, it) => s + (it.price - it.sellingPrice) * it.quantity, 0);
    const pickup = rng.chance(0.15) ? rng.pick(PICKUP_POINTS) : null;
    const carrier = rng.pick(CARRIERS);
    const shipping = pickup || rng.chance(0.15) ? 0 : rng.int(8, 60) * 100 + rng.pick([0, 90]);
    const value = itemsTotal + discounts + shipping;

    const pickupAddress = pickup
      ? {
          addressType: "pickup",
          receiverName: buyer.name,
          addressId: pickup.id,
          postalCode: pickup.postalCode,
          city: pickup.city,
          state: pickup.state,
          country: "BRA",
          street: pickup.street,
          number: pickup.number,
          neighborhood: pickup.neighborhood,
          complement: null,
          reference: null,
          geoCoordinates: [],
        }
      : null;
    // Shipping is spread over the items' logisticsInfo entries; the first takes the rest.
    const share = Math.floor(shipping / items.length);
    const logisticsInfo = items.map((_, itemIndex) => {
      const price = itemIndex === 0 ? shipping - share * (items.length - 1) : share;
      return {
        itemIndex,
        selectedSla: pickup ? `Retirada (${pickup.friendlyName})` : carrier.sla,
        price,
        listPrice: price,
        sellingPrice: price,
        deliveryCompany: pickup ? null : carrier.company,
        shippingEstimate: pickup ? "1bd" : carrier.estimate,
        deliveryChannel: pickup ? "pickup-in-point" : "delivery",
        pickupStoreInfo: pickup
          ? {
              isPickupStore: true,
              friendlyName: pickup.friendlyName,
              address: pickupAddress,
              additionalInfo: null,
              dockId: "1",
            }
          : { isPickupStore: false, friendlyName: null, address: null, additionalInfo: null, dockId: null },
        pickupPointId: pickup ? pickup.id : null,
      };
    });

    const creationDate = new Date(createdMs).toISOString();
    this.sequence += 1;
    this.marketplaceNumber += rng.int(1, 7);
    const orderId = `v${this.marketplaceNumber}${this.suffix}-01`;
    const order: VtexOrder = {
      orderId,
      sequence: String(this.sequence),
      marketplaceOrderId: "",
      sellerOrderId: `00-${orderId}`,
      origin: "Marketplace",
      affiliateId: "",
      salesChannel: "1",
      status: "payment-pending",
      statusDescription: describeStatus("payment-pending"),
      value,
      creationDate,
      lastChange: creationDate,
      orderGroup: String(this.marketplaceNumber),
      isCompleted: true,
      allowCancellation: true,
      authorizedDate: null,
      invoicedDate: null,
      cancelReason: null,
      totals: [
        { id: "Items", name: "Total dos Itens", value: itemsTotal },
        { id: "Discounts", name: "Total dos Descontos", value: discounts },
        { id: "Shipping", name: "Total do Frete", value: shipping },
        { id: "Tax", name: "Total da Taxa", value: 0 },
      ],
      items,
      clientProfileData: buyer.profile,
      shippingData: {
        id: "shippingData",
        address: pickupAddress ?? buyer.address,
        logisticsInfo,
        selectedAddresses: [pickupAddress ?? buyer.address],
      },
      paymentData: {
        transactions: [
          { isActive: true, transactionId: rng.hex(32).toUpperCase(), payments: this.payments(value) },
        ],
        giftCards: [],
      },
      storePreferencesData: {
        countryCode: "BRA",
        currencyCode: "BRL",
        currencySymbol: "R$",
        timeZone: "E. South America Standard Time",
      },
      packageAttachment: { packages: [] },
      invoiceData: null,
      cancellationData: null,
      isAllDelivered: false,
    };
    const status = typeof overrides.status === "string" ? overrides.status : "payment-pending";
    this.dress(order, status, createdMs);
    Object.assign(order, overrides);
    order.statusDescription = describeStatus(order.status);
    return order;
  }

  private payments(value: number): Json[] {
    const rng = this.rng;
    const system = rng.pick(PAYMENT_SYSTEMS);
    const payment = (sys: (typeof PAYMENT_SYSTEMS)[number], amount: number): Json => ({
      id: rng.hex(32).toUpperCase(),
      paymentSystem: sys.id,
      paymentSystemName: sys.name,
      group: sys.group,
      value: amount,
      referenceValue: amount,
      installments: sys.card ? rng.pick([1, 1, 2, 3, 6, 10]) : 1,
      firstDigits: sys.card ? `${sys.name === "Visa" ? "4" : "5"}${rng.digits(5)}` : null,
      lastDigits: sys.card ? rng.digits(4) : null,
      tid: sys.card ? rng.digits(8) : null,
    });
    // Now and then a gift card pays part and a card the rest: the payments still add up to value.
    if (system.card && value > 5000 && rng.chance(0.15)) {
      const gift = rng.int(10, 40) * 100;
      return [
        payment({ id: "16", name: "Vale-presente", group: "giftCard", card: false }, gift),
        payment(system, value - gift),
      ];
    }
    return [payment(system, value)];
  }

  /** Fills the fields a status implies: authorizedDate, an Output invoice, cancellationData. */
  private dress(order: VtexOrder, status: string, createdMs: number): void {
    const rng = this.rng;
    const paid =
      !["payment-pending", "canceled"].includes(status) || (status === "canceled" && rng.chance(0.5));
    const authorizedMs = createdMs + rng.int(1, 120) * 60_000;
    if (paid) order.authorizedDate = new Date(authorizedMs).toISOString();
    let changed = paid ? authorizedMs : createdMs;
    if (status === "invoiced") {
      const at = authorizedMs + rng.int(2, 48) * 3_600_000;
      const withTracking = order.shippingData.logisticsInfo && rng.chance(0.7);
      order.packageAttachment.packages.push({
        type: "Output",
        invoiceNumber: String(rng.int(1000, 99999)),
        invoiceValue: order.value,
        invoiceKey: nfeKey(rng, at),
        invoiceUrl: null,
        issuanceDate: new Date(at).toISOString(),
        courier: withTracking ? "Correios" : "",
        trackingNumber: withTracking ? correiosCode(rng) : "",
        trackingUrl: "",
        items: order.items.map((it, itemIndex) => ({
          itemIndex,
          quantity: it.quantity,
          price: it.sellingPrice,
        })),
        courierStatus: null,
      });
      order.invoicedDate = new Date(at).toISOString();
      changed = at;
    }
    if (status === "canceled") {
      const at = changed + rng.int(1, 72) * 3_600_000;
      const reason = rng.pick(["Boleto vencido", "Cliente desistiu da compra", "Pagamento recusado"]);
      order.cancelReason = reason;
      order.cancellationData = {
        RequestedByUser: reason === "Cliente desistiu da compra",
        RequestedBySystem: reason !== "Cliente desistiu da compra",
        RequestedBySellerNotification: false,
        RequestedByPaymentNotification: false,
        Reason: reason,
        CancellationDate: new Date(at).toISOString(),
      };
      order.allowCancellation = false;
      changed = at;
    }
    order.status = status;
    order.lastChange = new Date(changed).toISOString();
  }
}

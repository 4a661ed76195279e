// The Novo pedido form's draft and what it sends: money typed in reais becomes cents, empty
// optional fields are left out, and what the panel can tell is wrong is said before sending.
import type { RequestOf } from "../api/types.ts";
import { parseMoney } from "../format.ts";

export type ManualOrderBody = RequestOf<"/api/v1/sales-orders", "post">;
export type PaymentType = ManualOrderBody["paymentType"];

export const PAYMENT_TYPES: [PaymentType, string][] = [
  ["pix", "Pix"],
  ["dinheiro", "Dinheiro"],
  ["cartao_credito", "Cartão de crédito"],
  ["cartao_debito", "Cartão de débito"],
  ["boleto", "Boleto"],
  ["deposito", "Depósito bancário"],
];

export interface ItemDraft {
  key: number;
  sku: string;
  quantity: string;
  price: string;
}

export interface OrderDraft {
  items: ItemDraft[];
  shipping: string;
  discount: string;
  paymentType: PaymentType;
  installments: string;
  shippingType: string;
  carrier: string;
  notes: string;
}

let nextKey = 0;
export const emptyItem = (): ItemDraft => ({ key: ++nextKey, sku: "", quantity: "1", price: "" });

export const emptyDraft = (): OrderDraft => ({
  items: [emptyItem()],
  shipping: "",
  discount: "",
  paymentType: "pix",
  installments: "1",
  shippingType: "",
  carrier: "",
  notes: "",
});

/** Problems by field path (as the API names them: `items/0/sku`), or the body to send. */
export function toBody(
  customerId: number | null,
  d: OrderDraft,
): { errors: Record<string, string> } | { body: ManualOrderBody } {
  const errors: Record<string, string> = {};
  if (customerId === null) errors.customerId = "Escolha o cliente do pedido.";
  const items = d.items.map((item, i) => {
    const quantity = Number(item.quantity);
    const price = parseMoney(item.price);
    if (!item.sku.trim()) errors[`items/${i}/sku`] = "Informe o SKU.";
    if (!Number.isInteger(quantity) || quantity < 1)
      errors[`items/${i}/quantity`] = "Quantidade inteira, a partir de 1.";
    if (price === undefined || price < 0)
      errors[`items/${i}/unitPriceCents`] = "Informe o preço, ex.: 19,90.";
    return { sku: item.sku.trim(), quantity, unitPriceCents: price ?? 0 };
  });
  const shipping = d.shipping.trim() ? parseMoney(d.shipping) : 0;
  const discount = d.discount.trim() ? parseMoney(d.discount) : 0;
  if (shipping === undefined || shipping < 0) errors.shippingCents = "Valor do frete inválido.";
  if (discount === undefined || discount < 0) errors.discountCents = "Valor do desconto inválido.";
  const installments = Number(d.installments);
  if (!Number.isInteger(installments) || installments < 1 || installments > 24) {
    errors.installments = "De 1 a 24 parcelas.";
  }
  if (Object.keys(errors).length > 0 || customerId === null) return { errors };
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    body: {
      customerId,
      items,
      shippingCents: shipping ?? 0,
      discountCents: discount ?? 0,
      paymentType: d.paymentType,
      installments,
      shippingType: optional(d.shippingType),
      carrier: optional(d.carrier),
      notes: optional(d.notes),
    },
  };
}

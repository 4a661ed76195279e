// What a customer e-mail template can say (R6.3): the Liquid variables, documented for the
// template editor, and a sample order to validate and preview templates against. Amounts come
// formatted (R$ 1.234,56), the CPF/CNPJ masked; raw cents are there for comparisons.
import { CANONICAL_LABELS, type CanonicalStatus } from "../domain/order-status.ts";

export interface EmailItem {
  name: string;
  variant: string | null;
  sku: string | null;
  quantity: number;
  unit_price: string;
  total: string;
}

export interface EmailVariables {
  store: { name: string };
  order: {
    /** Ponte's sales-order number. */
    number: string;
    /** The number the customer saw in the store; null for orders made in the back office. */
    store_number: string | null;
    status: string;
    status_code: CanonicalStatus;
    date: string;
    items: EmailItem[];
    subtotal: string;
    discount: string;
    shipping: string;
    total: string;
    subtotal_cents: number;
    discount_cents: number;
    shipping_cents: number;
    total_cents: number;
    /** The buyer collects it at the store (Retirada na loja). */
    pickup: boolean;
  };
  customer: { name: string; email: string | null; document: string | null };
  shipment: { carrier: string; tracking_code: string | null; tracking_url: string | null } | null;
  invoice: {
    kind: "nfe" | "simple";
    key: string | null;
    number: string | null;
    series: string | null;
  } | null;
  /** The operator's message from the status change, if any. */
  message: string | null;
}

/** For the template editor: every variable with what it holds. */
export const VARIABLE_DOCS: readonly { name: string; description: string }[] = [
  { name: "store.name", description: "Nome da loja" },
  { name: "order.number", description: "Número do pedido de venda no Ponte" },
  {
    name: "order.store_number",
    description: "Número do pedido na loja (vazio em pedidos criados no painel)",
  },
  { name: "order.status", description: "Status novo, por extenso (ex.: Despachado)" },
  { name: "order.status_code", description: "Status novo, código (ex.: despachado)" },
  { name: "order.date", description: "Data do pedido: o dia em que o cliente comprou (dd/mm/aaaa)" },
  {
    name: "order.pickup",
    description: "Verdadeiro quando o cliente retira na loja (ex.: {% if order.pickup %}…{% endif %})",
  },
  {
    name: "order.items",
    description:
      "Itens: name, variant, sku, quantity, unit_price, total (use em {% for item in order.items %})",
  },
  { name: "order.subtotal", description: "Subtotal formatado (R$ 1.234,56)" },
  { name: "order.discount", description: "Desconto formatado" },
  { name: "order.shipping", description: "Frete formatado" },
  { name: "order.total", description: "Total formatado" },
  {
    name: "order.total_cents",
    description:
      "Total em centavos, para comparações (também subtotal_cents, discount_cents, shipping_cents)",
  },
  { name: "customer.name", description: "Nome do cliente" },
  { name: "customer.email", description: "E-mail do cliente" },
  { name: "customer.document", description: "CPF/CNPJ mascarado (***.456.789-**)" },
  {
    name: "shipment",
    description: "Último envio, ou vazio: shipment.carrier, shipment.tracking_code, shipment.tracking_url",
  },
  {
    name: "invoice",
    description:
      "Nota fiscal, ou vazio: invoice.kind (nfe/simple), invoice.key, invoice.number, invoice.series",
  },
  { name: "message", description: "Mensagem opcional do operador na mudança de status" },
];

/** A plausible order, for validating a template before it is saved and previewing without orders. */
export function sampleVariables(status: CanonicalStatus): EmailVariables {
  return {
    store: { name: "Loja Exemplo" },
    order: {
      number: "1001",
      store_number: "2045",
      status: CANONICAL_LABELS[status],
      status_code: status,
      date: "05/11/2026",
      items: [
        {
          name: "Camiseta Básica",
          variant: "M / Azul",
          sku: "CAM-M-AZ",
          quantity: 2,
          unit_price: "R$\u00a059,90",
          total: "R$\u00a0119,80",
        },
        {
          name: "Caneca",
          variant: null,
          sku: "CAN-01",
          quantity: 1,
          unit_price: "R$\u00a039,00",
          total: "R$\u00a039,00",
        },
      ],
      subtotal: "R$\u00a0158,80",
      discount: "R$\u00a010,00",
      shipping: "R$\u00a020,00",
      total: "R$\u00a0168,80",
      subtotal_cents: 15880,
      discount_cents: 1000,
      shipping_cents: 2000,
      total_cents: 16880,
      pickup: false,
    },
    customer: { name: "Maria da Silva", email: "maria@example.com", document: "***.456.789-**" },
    shipment: {
      carrier: "Correios",
      tracking_code: "AA123456785BR",
      tracking_url: "https://rastreamento.correios.com.br/app/index.php",
    },
    invoice: {
      kind: "nfe",
      key: "35261112345678000195550010000012341000012348",
      number: "1234",
      series: "1",
    },
    message: "Qualquer dúvida, estamos à disposição.",
  };
}

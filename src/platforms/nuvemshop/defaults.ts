// The tables a Nuvemshop store starts with (R4.5) and its status vocabulary. The status table
// follows seed 001 (payment received → Confirmado, cancelled → Cancelado, the rest Em aberto) and
// seed 004 (cancelled does not create a sales order unless Processa inclusão is checked).
import type { MappingDefaults } from "../../domain/mapping-defaults.ts";
import type { StatusValue } from "../module.ts";

export const nuvemshopDefaults: MappingDefaults = {
  status: [
    {
      canonical: "aguardando_pagamento",
      values: ["pending", "authorized"],
      active: true,
      createsOrder: true,
    },
    { canonical: "pagamento_confirmado", values: ["paid"], active: true, createsOrder: true },
    { canonical: "em_preparacao", values: ["packed"], active: true, createsOrder: true },
    { canonical: "despachado", values: ["shipped"], active: true, createsOrder: true },
    { canonical: "embarcado", values: [], active: false, createsOrder: true },
    { canonical: "entregue", values: ["delivered"], active: true, createsOrder: true },
    {
      canonical: "cancelado",
      values: ["cancelled", "voided", "refunded", "abandoned"],
      active: true,
      createsOrder: false,
    },
    { canonical: "problemas", values: [], active: false, createsOrder: true },
  ],
  payment: [
    ["credit_card", "cartao_credito"],
    ["debit_card", "cartao_debito"],
    ["boleto", "boleto"],
    ["pix", "pix"],
    ["wire_transfer", "deposito"],
    ["cash", "dinheiro"],
  ],
  shipping: [
    ["correios", "Correios"],
    ["table", "Transportadora própria"],
    ["branch", "Retirada na loja"],
  ],
  /**
   * Platforms README §1.6: a payment confirmed by hand (bank deposit, seed 003) marks the order
   * paid (PUT /orders/{id} {"status":"paid"}); Em preparação packs, Despachado/Embarcado fulfill
   * with the tracking, Cancelado cancels. The v1 API has no "delivered" action (only the
   * fulfillment-order API has a DELIVERED state), so Entregue closes the order, which is what
   * next_action "close" asks for once an order is shipped. An approved NF-e goes in the `nfe`
   * metafield. Problemas pushes nothing: Nuvemshop has no problem state.
   */
  push: {
    aguardando_pagamento: [],
    pagamento_confirmado: ["pay"],
    em_preparacao: ["pack"],
    despachado: ["fulfill"],
    embarcado: ["fulfill"],
    entregue: ["close"],
    cancelado: ["cancel"],
    problemas: [],
    faturado: ["invoice"],
  },
};

/** The status keys orders carry (order, payment and shipping status read together, status.ts). */
export const nuvemshopStatusValues: StatusValue[] = [
  { value: "pending", label: "Aguardando pagamento" },
  { value: "authorized", label: "Pagamento autorizado" },
  { value: "paid", label: "Pago" },
  { value: "packed", label: "Embalado" },
  { value: "shipped", label: "Enviado" },
  { value: "delivered", label: "Entregue" },
  { value: "cancelled", label: "Cancelado" },
  { value: "voided", label: "Pagamento cancelado" },
  { value: "refunded", label: "Reembolsado" },
  { value: "abandoned", label: "Abandonado" },
];

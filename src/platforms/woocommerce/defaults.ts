// The tables a WooCommerce store starts with (R4.5). WooCommerce has one status per order and no
// separate payment or fulfilment status (platforms README §2.1): pending and on-hold wait for the
// payment, processing is paid and to be shipped, completed is "fulfilled and complete" (REST docs
// _orders.md; WooCommerce's own status help). checkout-draft (a block checkout not finished) and
// trash are in no row on purpose: the engine holds such an order (status_unmapped) and creates it
// once WooCommerce tells a mapped status.
import type { MappingDefaults } from "../../domain/mapping-defaults.ts";

export { wooStatusValues } from "./status.ts";

export const wooDefaults: MappingDefaults = {
  status: [
    // Unpaid orders create a sales order, as Nuvemshop's defaults do (a boleto or Pix to be paid).
    { canonical: "aguardando_pagamento", values: ["pending", "on-hold"], active: true, createsOrder: true },
    { canonical: "pagamento_confirmado", values: ["processing"], active: true, createsOrder: true },
    { canonical: "em_preparacao", values: [], active: true, createsOrder: true },
    // Brazilian stores mark an order Concluído when it ships (there is no "shipped" status in
    // core), so completed reads as Despachado, not Entregue. [U]
    { canonical: "despachado", values: ["completed"], active: true, createsOrder: true },
    { canonical: "embarcado", values: [], active: false, createsOrder: true },
    { canonical: "entregue", values: [], active: false, createsOrder: true },
    {
      canonical: "cancelado",
      values: ["cancelled", "refunded", "failed"],
      active: true,
      createsOrder: false,
    },
    { canonical: "problemas", values: [], active: false, createsOrder: true },
  ],
  /**
   * payment_method ids (the gateway's id) of gateways common in Brazil. [U] Read in each plugin's
   * gateway class as commonly installed: core's bacs (bank transfer), cheque and cod; Mercado
   * Pago's woo-mercado-pago-{custom,basic,ticket,pix}; PagSeguro's pagseguro; Pagar.me's
   * woo-pagarme-payments-{credit_card,billet,pix}; PagBank's rm-pagbank{,-boleto,-pix}.
   */
  payment: [
    ["bacs", "deposito"],
    ["cheque", "deposito"],
    ["cod", "dinheiro"],
    ["woo-mercado-pago-custom", "cartao_credito"],
    ["woo-mercado-pago-basic", "cartao_credito"],
    ["woo-mercado-pago-ticket", "boleto"],
    ["woo-mercado-pago-pix", "pix"],
    ["pagseguro", "cartao_credito"],
    ["woo-pagarme-payments-credit_card", "cartao_credito"],
    ["woo-pagarme-payments-billet", "boleto"],
    ["woo-pagarme-payments-pix", "pix"],
    ["rm-pagbank", "cartao_credito"],
    ["rm-pagbank-boleto", "boleto"],
    ["rm-pagbank-pix", "pix"],
  ],
  /** shipping_lines[].method_id: core's methods and the Correios plugin's ids. [U] */
  shipping: [
    ["local_pickup", "Retirada na loja"],
    ["pickup_location", "Retirada na loja"],
    ["correios-pac", "Correios"],
    ["correios-sedex", "Correios"],
    ["flat_rate", "Transportadora própria"],
    ["free_shipping", "Transportadora própria"],
  ],
  /**
   * Core WooCommerce has no tracking nor NF-e field (platforms README §2.1 "Actions"): Despachado
   * writes the tracking as an order note and meta (_ponte_tracking_code) and then completes the
   * order (completed reads back as Despachado); Faturado writes the NF-e key as a note and meta
   * (_ponte_nfe_key); Cancelado cancels; Pagamento confirmado marks a pending/on-hold order paid
   * (set_paid). Entregue pushes nothing: WooCommerce has no delivered state. Em preparação and
   * Problemas have no WooCommerce counterpart.
   */
  push: {
    aguardando_pagamento: [],
    pagamento_confirmado: ["pay"],
    em_preparacao: [],
    despachado: ["fulfill", "close"],
    embarcado: [],
    entregue: [],
    cancelado: ["cancel"],
    problemas: [],
    faturado: ["invoice"],
  },
};

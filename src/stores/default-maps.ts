// Every platform ships sensible DE-PARA tables (R4.5). Nuvemshop's follow docs/REQUIREMENTS.md#seed-001 (payment
// received → Confirmado, cancelled → Cancelado, the rest Em aberto) and docs/REQUIREMENTS.md#seed-004 (cancelled
// does not create a sales order unless Processa inclusão is checked).
import type { Queryable } from "../db/db.ts";
import type { PlatformId } from "../platforms/connector.ts";

interface StatusRow {
  canonical: string;
  values: string[];
  active: boolean;
  createsOrder: boolean;
}

const NUVEMSHOP_STATUS: StatusRow[] = [
  { canonical: "aguardando_pagamento", values: ["pending", "authorized"], active: true, createsOrder: true },
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
];

const NUVEMSHOP_PAYMENT: [string, string][] = [
  ["credit_card", "cartao_credito"],
  ["debit_card", "cartao_debito"],
  ["boleto", "boleto"],
  ["pix", "pix"],
  ["wire_transfer", "deposito"],
  ["cash", "dinheiro"],
];

const NUVEMSHOP_SHIPPING: [string, string][] = [
  ["correios", "Correios"],
  ["table", "Transportadora própria"],
  ["branch", "Retirada na loja"],
];

export async function insertDefaultMaps(tx: Queryable, storeId: number, orgId: number, platform: PlatformId) {
  if (platform !== "nuvemshop") return;
  await tx.query(
    `insert into status_maps (org_id, store_id, canonical_status, platform_values, active, creates_order)
     select $1, $2, r.canonical, r.vals, r.active, r.creates
       from jsonb_to_recordset($3::jsonb) as r(canonical text, vals text[], active boolean, creates boolean)`,
    [
      orgId,
      storeId,
      JSON.stringify(
        NUVEMSHOP_STATUS.map((r) => ({
          canonical: r.canonical,
          vals: r.values,
          active: r.active,
          creates: r.createsOrder,
        })),
      ),
    ],
  );
  await tx.query(
    `insert into payment_maps (org_id, store_id, platform_value, payment_type)
     select $1, $2, v[1], v[2] from jsonb_array_elements($3::jsonb) e, lateral (select array(select jsonb_array_elements_text(e)) as v) x`,
    [orgId, storeId, JSON.stringify(NUVEMSHOP_PAYMENT)],
  );
  await tx.query(
    `insert into shipping_maps (org_id, store_id, platform_value, carrier)
     select $1, $2, v[1], v[2] from jsonb_array_elements($3::jsonb) e, lateral (select array(select jsonb_array_elements_text(e)) as v) x`,
    [orgId, storeId, JSON.stringify(NUVEMSHOP_SHIPPING)],
  );
}

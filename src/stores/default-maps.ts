// A new store starts with its platform's DE-PARA tables (R4.5): status, payment and shipping,
// as the module declares them (module.ts `defaults`). The push table is not copied: a trigger
// without a row of the store's own reads the module's default (push/actions.ts).
import type { Queryable } from "../db/db.ts";
import type { MappingDefaults } from "../domain/mapping-defaults.ts";

export async function insertDefaultMaps(
  tx: Queryable,
  storeId: number,
  orgId: number,
  defaults: MappingDefaults,
) {
  await tx.query(
    `insert into status_maps (org_id, store_id, canonical_status, platform_values, active, creates_order)
     select $1, $2, r.canonical, r.vals, r.active, r.creates
       from jsonb_to_recordset($3::jsonb) as r(canonical text, vals text[], active boolean, creates boolean)`,
    [
      orgId,
      storeId,
      JSON.stringify(
        defaults.status.map((r) => ({
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
    [orgId, storeId, JSON.stringify(defaults.payment)],
  );
  await tx.query(
    `insert into shipping_maps (org_id, store_id, platform_value, carrier)
     select $1, $2, v[1], v[2] from jsonb_array_elements($3::jsonb) e, lateral (select array(select jsonb_array_elements_text(e)) as v) x`,
    [orgId, storeId, JSON.stringify(defaults.shipping)],
  );
}

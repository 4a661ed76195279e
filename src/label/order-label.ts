// The shipping label of one sales order: its delivery address, numbers, latest shipment and the
// organization's sender address, read and checked, then drawn by shipping-label.ts.
import { getSender } from "../backoffice/sender.ts";
import type { Queryable } from "../db/db.ts";
import { normalizeCep } from "../domain/cep.ts";
import { PonteError } from "../errors.ts";
import { orderNotFound } from "../orders/order-lock.ts";
import type { Address } from "../platforms/connector.ts";
import type { ReasonCode } from "../reason-codes.ts";
import { type LabelData, renderShippingLabel } from "./shipping-label.ts";

const cannotPrint = (id: number, reasonCode: ReasonCode, message: string, reason: string) =>
  new PonteError("conflict", `sales order ${id}: no label: ${message}`, {
    details: { reason, reasonCode },
  });

export async function orderLabelData(q: Queryable, salesOrderId: number): Promise<LabelData> {
  const { rows } = await q.query<{
    org_id: number;
    org_name: string;
    number: number;
    store_order_number: string | null;
    ordered_at: Date;
    store_name: string | null;
    carrier: string | null;
    shipping_type: string | null;
    invoice: { number: string | null; series: string | null; accessKey: string | null } | null;
    delivery_address: Partial<Address> | null;
    customer_name: string | null;
    shipment: { carrier: string; trackingCode: string | null; trackingUrl: string | null } | null;
  }>(
    `select s.org_id, o.name as org_name, s.number, s.store_order_number, s.ordered_at, st.name as store_name,
            s.carrier, s.shipping_type, s.delivery_address, s.customer_snapshot->>'name' as customer_name,
            (select json_build_object('number', i.number, 'series', i.series, 'accessKey', i.access_key)
               from invoices i where i.sales_order_id = s.id and i.status = 'approved') as invoice,
            (select json_build_object('carrier', sh.carrier, 'trackingCode', sh.tracking_code,
                                      'trackingUrl', sh.tracking_url)
               from shipments sh where sh.sales_order_id = s.id order by sh.id desc limit 1) as shipment
       from sales_orders s
       join organizations o on o.id = s.org_id
       left join stores st on st.id = s.origin_store_id
      where s.id = $1`,
    [salesOrderId],
  );
  const row = rows[0];
  if (!row) throw orderNotFound(salesOrderId);
  const address = row.delivery_address;
  if (!address) {
    throw cannotPrint(
      salesOrderId,
      "no_delivery_address",
      "no delivery address",
      "O pedido não tem endereço de entrega",
    );
  }
  const zipcode = normalizeCep(address.zipcode);
  if (!zipcode) {
    throw cannotPrint(
      salesOrderId,
      "invalid_cep",
      `the delivery CEP ${JSON.stringify(address.zipcode ?? null)} is not 8 digits`,
      "O CEP do endereço de entrega é inválido: corrija-o na loja e sincronize o pedido",
    );
  }
  const sender = await getSender(q, row.org_id);
  return {
    sender: sender ?? {
      name: row.store_name ?? row.org_name,
      street: null,
      number: null,
      complement: null,
      neighborhood: null,
      city: null,
      state: null,
      zipcode: null,
    },
    recipient: {
      name: address.name ?? row.customer_name ?? "",
      street: address.street ?? null,
      number: address.number ?? null,
      complement: address.complement ?? null,
      neighborhood: address.neighborhood ?? null,
      city: address.city ?? null,
      state: address.state ?? null,
      zipcode,
      phone: address.phone ?? null,
    },
    orderNumber: row.number,
    storeOrderNumber: row.store_order_number,
    orderedAt: row.ordered_at,
    storeName: row.store_name,
    carrier: row.shipment?.carrier ?? row.carrier,
    service: row.shipping_type,
    invoice: row.invoice,
    trackingCode: row.shipment?.trackingCode ?? null,
    trackingUrl: row.shipment?.trackingUrl ?? null,
  };
}

export async function orderLabelPdf(
  q: Queryable,
  salesOrderId: number,
): Promise<{ number: number; pdf: Uint8Array }> {
  const data = await orderLabelData(q, salesOrderId);
  return { number: data.orderNumber, pdf: await renderShippingLabel(data) };
}

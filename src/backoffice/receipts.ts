// Baixa: recording that money came in against a receivable, partially or in full, and undoing
// it. The receivable's row is locked, so two receipts at once add up or one is refused: never
// more than the amount. Each change is in the order's timeline, in the same transaction.
import type { Queryable } from "../db/db.ts";
import { isDate } from "../db/keyset-cursor.ts";
import { formatBRL } from "../domain/money.ts";
import { PonteError } from "../errors.ts";
import { insertOrderEvent } from "../orders/timeline.ts";
import { fieldError } from "./field-error.ts";
import { saoPauloDate } from "./receivable-plan.ts";
import { getReceivable, type Receipt, type Receivable, type ReceivableStatus } from "./receivables.ts";

/** How the money came in; the panel's pt-BR labels are in web/src/receivables/. */
export const RECEIPT_METHODS = [
  "pix",
  "boleto",
  "cartao_credito",
  "cartao_debito",
  "dinheiro",
  "deposito",
  "transferencia",
  "outro",
] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];

export interface ReceiptInput {
  receivedOn: string;
  amountCents: number;
  method: ReceiptMethod;
  note?: string;
}

export interface ReceiptResult {
  receivable: Receivable;
  receipt: Receipt;
  eventId: number;
}

interface LockedReceivable {
  id: number;
  orgId: number;
  salesOrderId: number;
  storeOrderId: number | null;
  installment: number;
  amountCents: number;
  receivedCents: number;
  status: ReceivableStatus;
}

export const receivableNotFound = (id: number) =>
  new PonteError("not_found", `receivable ${id} not found`, {
    details: { reason: "Recebível não encontrado" },
  });

async function lockReceivable(tx: Queryable, orgId: number, id: number): Promise<LockedReceivable> {
  const { rows } = await tx.query<LockedReceivable>(
    `select r.id, r.org_id as "orgId", r.sales_order_id as "salesOrderId", s.store_order_id as "storeOrderId",
            r.installment, r.amount_cents as "amountCents", r.received_cents as "receivedCents", r.status
       from receivables r join sales_orders s on s.id = r.sales_order_id
      where r.org_id = $1 and r.id = $2
      for update of r`,
    [orgId, id],
  );
  if (!rows[0]) throw receivableNotFound(id);
  return rows[0];
}

/** What a live receivable's status is once `receivedCents` of it came in. */
function statusFor(r: LockedReceivable, receivedCents: number): ReceivableStatus {
  if (r.status === "reversed") return "reversed";
  if (receivedCents === 0) return "open";
  return receivedCents >= r.amountCents ? "paid" : "partial";
}

const dayOf = (iso: string) => iso.split("-").reverse().join("/");

function checkReceivedOn(receivedOn: string): void {
  if (!isDate(receivedOn)) {
    throw fieldError("receivedOn", "bad_date", "is not a date (YYYY-MM-DD)", "Data de recebimento inválida");
  }
  if (receivedOn > saoPauloDate(new Date())) {
    throw fieldError("receivedOn", "future", "is in the future", "A data de recebimento não pode ser futura");
  }
}

async function readAfter(tx: Queryable, r: LockedReceivable): Promise<Receivable> {
  const receivable = await getReceivable(tx, r.orgId, r.id);
  if (!receivable) throw receivableNotFound(r.id);
  return receivable;
}

export async function recordReceipt(
  tx: Queryable,
  orgId: number,
  receivableId: number,
  input: ReceiptInput,
  actor: string,
): Promise<ReceiptResult> {
  checkReceivedOn(input.receivedOn);
  const r = await lockReceivable(tx, orgId, receivableId);
  if (r.status === "reversed") {
    throw new PonteError("conflict", `receivable ${r.id} was reversed with its invoice`, {
      details: {
        reasonCode: "receivable_reversed",
        reason: "Esta parcela foi estornada com a nota fiscal: não recebe baixa",
      },
    });
  }
  const remaining = r.amountCents - r.receivedCents;
  if (input.amountCents > remaining) {
    throw new PonteError(
      "conflict",
      `receipt of ${input.amountCents} cents exceeds the ${remaining} cents still open on receivable ${r.id}`,
      {
        details: {
          reasonCode: "receipt_exceeds_open",
          reason:
            remaining === 0
              ? "Esta parcela já está paga"
              : `O valor passa do que falta receber nesta parcela (${formatBRL(remaining)})`,
          remainingCents: remaining,
        },
      },
    );
  }
  const note = input.note?.trim() || null;
  const { rows } = await tx.query<{ id: number }>(
    `insert into receivable_receipts (org_id, receivable_id, received_on, amount_cents, method, note, created_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [orgId, r.id, input.receivedOn, input.amountCents, input.method, note, actor],
  );
  const received = r.receivedCents + input.amountCents;
  await tx.query("update receivables set received_cents = $2, status = $3 where id = $1", [
    r.id,
    received,
    statusFor(r, received),
  ]);
  const { id: eventId } = await insertOrderEvent(
    tx,
    { orgId, id: r.salesOrderId, storeOrderId: r.storeOrderId },
    "receipt_recorded",
    `Baixa de ${formatBRL(input.amountCents)} na parcela ${r.installment} em ${dayOf(input.receivedOn)}; ` +
      `recebido ${formatBRL(received)} de ${formatBRL(r.amountCents)}`,
    { receivableId: r.id, receiptId: rows[0]!.id, amountCents: input.amountCents, method: input.method },
    actor,
  );
  const receivable = await readAfter(tx, r);
  const receipt = receivable.receipts.find((x) => x.id === rows[0]!.id)!;
  return { receivable, receipt, eventId };
}

/**
 * Undoes a receipt (entered by mistake, a bounced payment; on a reversed installment: the credit
 * was refunded). Kept with who undid it and why; the receivable's status follows.
 */
export async function undoReceipt(
  tx: Queryable,
  orgId: number,
  receivableId: number,
  receiptId: number,
  reason: string | null,
  actor: string,
): Promise<ReceiptResult> {
  const r = await lockReceivable(tx, orgId, receivableId);
  const { rows } = await tx.query<{ amount: number }>(
    `update receivable_receipts set undone_at = now(), undone_by = $3, undo_reason = $4
      where receivable_id = $1 and id = $2 and undone_at is null
      returning amount_cents as amount`,
    [r.id, receiptId, actor, reason],
  );
  if (!rows[0]) {
    const exists = await tx.query("select 1 from receivable_receipts where receivable_id = $1 and id = $2", [
      r.id,
      receiptId,
    ]);
    if (exists.rows.length === 0) {
      throw new PonteError("not_found", `receipt ${receiptId} not found on receivable ${r.id}`, {
        details: { reason: "Baixa não encontrada" },
      });
    }
    throw new PonteError("conflict", `receipt ${receiptId} was already undone`, {
      details: { reasonCode: "receipt_already_undone", reason: "Esta baixa já foi desfeita" },
    });
  }
  const received = r.receivedCents - rows[0].amount;
  await tx.query(
    `update receivables set received_cents = $2::bigint, status = $3,
            credit_pending = credit_pending and $2::bigint > 0 where id = $1`,
    [r.id, received, statusFor(r, received)],
  );
  const { id: eventId } = await insertOrderEvent(
    tx,
    { orgId, id: r.salesOrderId, storeOrderId: r.storeOrderId },
    "receipt_undone",
    `Baixa de ${formatBRL(rows[0].amount)} na parcela ${r.installment} desfeita` +
      (reason ? `; motivo: ${reason}` : ""),
    { receivableId: r.id, receiptId, amountCents: rows[0].amount, reason },
    actor,
  );
  const receivable = await readAfter(tx, r);
  const receipt = receivable.receipts.find((x) => x.id === receiptId)!;
  return { receivable, receipt, eventId };
}

// An estorno of an invoice whose installments already received money must say what becomes of
// that money: "undo" the receipts (it never came in, or was given back on the spot), or "credit"
// keep them, and the reversed installments record it as owed back to the customer (credit or
// refund pending). Without that choice the estorno is refused, so money is never silently lost.
import type { Queryable } from "../db/db.ts";
import { formatBRL } from "../domain/money.ts";
import { PonteError } from "../errors.ts";

export const ESTORNO_RECEIPT_CHOICES = ["undo", "credit"] as const;
export type EstornoReceiptChoice = (typeof ESTORNO_RECEIPT_CHOICES)[number];

export interface EstornoReceipts {
  choice: EstornoReceiptChoice | null;
  /** Live receipts on the invoice's installments before the estorno. */
  receipts: number;
  receivedCents: number;
}

/** Applies the choice before the receivables are reversed; the sentence is the timeline's. */
export async function settleReceiptsForEstorno(
  tx: Queryable,
  invoiceId: number,
  choice: EstornoReceiptChoice | undefined,
  actor: string,
): Promise<EstornoReceipts & { sentence: string | null }> {
  const { rows } = await tx.query<{ n: number; cents: number }>(
    `select count(*)::int as n, coalesce(sum(x.amount_cents), 0)::bigint as cents
       from receivable_receipts x join receivables r on r.id = x.receivable_id
      where r.invoice_id = $1 and r.status <> 'reversed' and x.undone_at is null`,
    [invoiceId],
  );
  const { n, cents } = rows[0]!;
  if (n === 0) return { choice: null, receipts: 0, receivedCents: 0, sentence: null };
  if (choice === undefined) {
    throw new PonteError("conflict", `invoice ${invoiceId} has ${n} receipt(s): say what to do with them`, {
      details: {
        reasonCode: "receipts_need_choice",
        reason: `A nota tem ${formatBRL(cents)} já recebido nas parcelas: escolha desfazer as baixas ou manter o valor como crédito do cliente`,
        receipts: n,
        receivedCents: cents,
      },
    });
  }
  if (choice === "undo") {
    await tx.query(
      `update receivable_receipts x set undone_at = now(), undone_by = $2, undo_reason = 'estorno da nota fiscal'
         from receivables r
        where r.id = x.receivable_id and r.invoice_id = $1 and r.status <> 'reversed' and x.undone_at is null`,
      [invoiceId, actor],
    );
    await tx.query(
      "update receivables set received_cents = 0 where invoice_id = $1 and status <> 'reversed'",
      [invoiceId],
    );
    return { choice, receipts: n, receivedCents: cents, sentence: `${n} baixa(s) desfeita(s)` };
  }
  return {
    choice,
    receipts: n,
    receivedCents: cents,
    sentence: `${formatBRL(cents)} recebido mantido como crédito do cliente (reembolso pendente)`,
  };
}

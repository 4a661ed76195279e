-- Baixa (issue 16, item 3): receipts against a receivable, partial or in full, each undoable and
-- kept with who recorded and who undid it. The receivable carries the live receipts' sum so its
-- status (open → partial → paid) and the "never more than the amount" rule are one row's check.
-- An estorno of an invoice with receipts either undoes them or keeps them as the customer's
-- credit (refund pending): the reversed receivable keeps received_cents and says which.

alter table receivables add column received_cents bigint not null default 0;
alter table receivables drop constraint receivables_status_check;
alter table receivables add constraint receivables_status_check
  check (status in ('open', 'partial', 'paid', 'reversed'));
alter table receivables add constraint receivables_received_within_amount
  check (received_cents >= 0 and received_cents <= amount_cents);
-- Set by an estorno that kept the receipts: what was received is now owed back to the customer.
alter table receivables add column credit_pending boolean not null default false;

create table receivable_receipts (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  receivable_id bigint not null references receivables(id),
  received_on date not null,
  amount_cents bigint not null check (amount_cents > 0),
  method text not null,
  note text,
  created_at timestamptz not null default now(),
  created_by text not null,
  undone_at timestamptz,
  undone_by text,
  undo_reason text
);
create index receivable_receipts_receivable on receivable_receipts (receivable_id, id);

-- The Recebíveis filters: by status and due date; by order (and so by customer) the existing index.
create index receivables_status_due on receivables (org_id, status, due_date, id);

-- Integração's attention list worked down (issue 16, item 9): a row that needs no action is
-- dismissed ("Ignorar") with who and when, undoable; the store's rule (settings
-- attentionIgnoreAfterDays) lets older ones leave on their own. Visão geral counts the same rows.
alter table store_orders add column dismissed_at timestamptz;
alter table store_orders add column dismissed_by text;
